/** byText, the text hook every "Show me" falls back on: document order, and long lists left out. */
import { describe, expect, it } from 'vitest';
import { byText } from '../../utils/targets';

function doc(html: string) {
  const d = document.implementation.createHTMLDocument();
  d.body.innerHTML = html;
  return d;
}
const rows = (n: number, cell: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => `<tr><td>${cell(i)}</td></tr>`).join('');

describe('byText', () => {
  it('answers the first match in document order, by text, aria-label or value, and null without one', () => {
    const d = doc(
      '<p><a id="a1" aria-label="Save">x</a></p><button id="b1">Save</button><input id="i1" type="submit" value="Save">',
    );
    expect(byText(d, 'a, button, input', /^save$/i)?.id).toBe('a1');
    expect(byText(d, 'button, input', /^save$/i)?.id).toBe('b1');
    expect(byText(d, 'input', /^save$/i)?.id).toBe('i1');
    expect(byText(d, 'button', /^cancel$/i)).toBeNull();
    // Scoped to a subtree: its descendants, as querySelectorAll would search.
    expect(byText(d.querySelector('p') as Element, 'a', /^save$/i)?.id).toBe('a1');
    expect(byText(d.getElementById('b1') as Element, 'button', /^save$/i)).toBeNull();
  });

  it('leaves out the bodies of long lists, and only those', () => {
    const d = doc(
      `<table><tbody>${rows(60, (i) => `<a>Assign ${i}</a>${i === 30 ? '<a id="in-list">Assign</a>' : ''}`)}</tbody></table>
       <table><tbody>${rows(3, (i) => (i === 1 ? '<a id="in-short">Assign</a>' : 'x'))}</tbody></table>
       <a id="after">Assign</a>`,
    );
    expect(byText(d, 'a', /^assign$/i)?.id).toBe('in-short');
    d.getElementById('in-short')?.remove();
    expect(byText(d, 'a', /^assign$/i)?.id).toBe('after');
  });
});
