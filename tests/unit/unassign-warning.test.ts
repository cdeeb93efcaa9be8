import { describe, expect, it } from 'vitest';
import { isUnassignControl } from '../../utils/overlay/unassign-warning';

function el(html: string): Element {
  const d = document.implementation.createHTMLDocument();
  d.body.innerHTML = html;
  return d.body.querySelector('[data-t]') as Element;
}

describe('the unassign warning', () => {
  it.each([
    ["the replica's remove button", '<button class="icon-button remove-assignment" data-t>✕</button>'],
    ['its icon inside', '<button data-se="remove-00g1"><span data-t>✕</span></button>'],
    ['a button named Remove', '<button aria-label="Remove Dana Smith" data-t>x</button>'],
    ['a link named Unassign', '<a href="#" data-t>Unassign</a>'],
  ])('recognises %s', (_name, html) => {
    expect(isUnassignControl(el(html))).toBe(true);
  });

  it.each([
    ['the Assign button', '<button data-se="assign-button" data-t>Assign</button>'],
    ['an Edit button', '<button aria-label="Edit atlassian-test-jira-users" data-t>✎</button>'],
    ['plain text', '<p data-t>Remove people carefully</p>'],
  ])('ignores %s', (_name, html) => {
    expect(isUnassignControl(el(html))).toBe(false);
  });
});
