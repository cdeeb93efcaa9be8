import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atlassianAppHint, collectHints, hintsAffectedBy, hintsLeft } from '../../utils/page-hints';
import { $ } from './readers/snapshots';
import { taskPerRun } from './task-per-run';

function doc(html: string, title = '') {
  const d = document.implementation.createHTMLDocument();
  d.title = title;
  d.body.innerHTML = html;
  return d;
}

describe('page hints', () => {
  it('collects trimmed headings in order and the selected jQuery UI tab', () => {
    const d = doc(`<h1> Atlassian
      Cloud </h1><ul><li class="ui-state-default"><a>General</a></li><li class="ui-state-default ui-tabs-active"><a>Push Groups</a></li></ul>
      <div role="heading">Settings</div><h3></h3>`);
    expect(collectHints(d)).toEqual({ headings: ['Atlassian Cloud', 'Settings'], activeTab: 'Push Groups' });
  });

  it('falls back to an ARIA tab', () => {
    expect(collectHints(doc('<div role="tab" aria-selected="true">Sign On</div>')).activeTab).toBe('Sign On');
  });

  it('reads a bounded number of headings on a huge page', () => {
    const d = doc(Array.from({ length: 3000 }, (_, i) => `<h3>Group ${i}</h3>`).join(''));
    expect(collectHints(d).headings).toHaveLength(20);
  });

  it('recognises the Atlassian Cloud app by its title, and never says no', () => {
    expect(atlassianAppHint(doc('<h1>Atlassian Cloud</h1>'))).toBe(true);
    expect(atlassianAppHint(doc('<h1>Jira and Confluence</h1>', 'Atlassian Cloud - Acme - Admin Console'))).toBe(true);
    expect(atlassianAppHint(doc('<h1>Slack</h1>'))).toBe('unknown');
    expect(atlassianAppHint(doc(''))).toBe('unknown');
  });

  it('tells which mutations can change the hints (so a watched page keeps them until one does)', () => {
    const d = doc(`<h1>Atlassian Cloud</h1><ul><li class="ui-state-default"><a>General</a></li>
      <li class="ui-state-default ui-tabs-active"><a>Push Groups</a></li></ul>
      <table><tbody><tr><td><a class="group-link">team-a</a></td><td><button class="status-active">Active</button></td></tr></tbody></table>`);
    const observer = new MutationObserver(() => {});
    observer.observe(d.body, { childList: true, subtree: true, characterData: true, attributes: true });
    /** Whether any record of `change` can change the hints (each change makes at least one record). */
    const affects = (change: () => void) => {
      change();
      const records = observer.takeRecords();
      expect(records.length).toBeGreaterThan(0);
      return records.some((r) => hintsAffectedBy(r));
    };
    const row = d.querySelector('tr') as Element;
    const general = $(d, 'li');
    const push = $(d, 'li.ui-tabs-active');

    // List rows: added, removed, text and attribute changes do not touch the hints.
    expect(affects(() => row.parentElement?.append(row.cloneNode(true)))).toBe(false);
    expect(
      affects(() => {
        (d.querySelector('.group-link')?.firstChild as Text).data = 'team-b';
      }),
    ).toBe(false);
    expect(affects(() => d.querySelector('button')?.setAttribute('class', 'status-error'))).toBe(false);
    expect(affects(() => d.querySelector('button')?.setAttribute('title', 'Error'))).toBe(false);
    expect(affects(() => row.nextElementSibling?.remove())).toBe(false);

    // Headings and the selected tab: their text, a heading added or removed, the tab switched.
    expect(
      affects(() => {
        (d.querySelector('h1')?.firstChild as Text).data = 'Slack';
      }),
    ).toBe(true);
    expect(affects(() => d.querySelector('h1')?.append(' (renamed)'))).toBe(true);
    expect(
      affects(() => {
        (push.firstElementChild as Element).textContent = 'Push';
      }),
    ).toBe(true);
    const heading = '<div><span role="heading">New</span></div>';
    expect(affects(() => d.body.insertAdjacentHTML('beforeend', heading))).toBe(true);
    // A heading inside a row is the row's content, which `collectHints` leaves out.
    expect(
      affects(() => row.querySelector('td')?.insertAdjacentHTML('beforeend', '<span role="heading">In a row</span>')),
    ).toBe(false);
    expect(affects(() => d.querySelector('h1')?.remove())).toBe(true);
    expect(affects(() => push.classList.remove('ui-tabs-active'))).toBe(true);
    expect(affects(() => general.classList.add('ui-tabs-active'))).toBe(true);
    expect(affects(() => d.querySelector('td')?.setAttribute('role', 'tab'))).toBe(true);
    observer.disconnect();
  });

  it('finds a heading or a selected tab however deep in a subtree added or removed, and nothing else', () => {
    const d = doc('<div class="list"></div>');
    const body = $(d, '.list');
    const observer = new MutationObserver(() => {});
    observer.observe(d.body, { childList: true, subtree: true });
    /** Whether adding the row, then removing it, can change the hints (each asked on its own). */
    const affects = (cells: string) => {
      const row = d.createElement('div');
      row.innerHTML = cells;
      body.append(row);
      const added = observer.takeRecords().some((r) => hintsAffectedBy(r));
      row.remove();
      const removed = observer.takeRecords().some((r) => hintsAffectedBy(r));
      expect(removed).toBe(added);
      return added;
    };
    for (const inside of [
      '<h1>a</h1>',
      '<div><h2>a</h2></div>',
      '<span><h3>a</h3></span>',
      '<ul><li class="x ui-tabs-active"><a>a</a></li></ul>',
      '<ul><li class="ui-state-active"></li></ul>',
      '<b role="heading">a</b>',
      '<div><i role="tab" aria-selected="true">a</i></div>',
    ])
      expect(affects(`<div>${inside}</div>`), inside).toBe(true);
    for (const inside of [
      '<h4>a</h4>',
      '<ul><li class="ui-state-default"></li></ul>',
      '<div class="ui-tabs-active"></div>',
      '<div class="ui-state-active"></div>',
      '<i role="tab" aria-selected="false">a</i>',
      '<i role="menu" aria-selected="true">a</i>',
      '<a role="menuitem">a</a>',
    ])
      expect(affects(`<div>${inside}</div>`), inside).toBe(false);
    // The node added or removed may be one itself.
    for (const [html, hint] of [
      ['<h2>a</h2>', true],
      ['<li class="ui-tabs-active">a</li>', true],
      ['<span role="heading">a</span>', true],
      ['<li>a</li>', false],
      ['<span role="tab">a</span>', false],
    ] as const) {
      const cell = body.appendChild(d.createElement('div')).appendChild(d.createElement('div'));
      observer.takeRecords();
      cell.insertAdjacentHTML('beforeend', html);
      expect(
        observer.takeRecords().some((r) => hintsAffectedBy(r)),
        html,
      ).toBe(hint);
    }
    observer.disconnect();
  });

  it("leaves table bodies out: rows hold data, not the page's headings", () => {
    const rows =
      '<tr><td><h3>Atlassian Cloud</h3></td><td><span role="tab" aria-selected="true">Push Groups</span></td></tr>';
    const d = doc(`<h1>Okta</h1><table><thead><tr><th><h3>Groups</h3></th></tr></thead><tbody>${rows}</tbody></table>`);
    expect(collectHints(d)).toEqual({ headings: ['Okta', 'Groups'] });
    const observer = new MutationObserver(() => {});
    observer.observe(d.body, { childList: true, subtree: true });
    const added = (to: Element) => {
      to.insertAdjacentHTML('beforeend', rows);
      return observer.takeRecords().some((r) => hintsAffectedBy(r));
    };
    // Rows added to the body (a burst of list rows) are not searched; the same markup elsewhere is.
    expect(added($(d, 'tbody'))).toBe(false);
    expect(added(d.body.appendChild(d.createElement('div')))).toBe(true);
    expect(collectHints(d)).toEqual({ headings: ['Okta', 'Groups', 'Atlassian Cloud'], activeTab: 'Push Groups' });
    // A table body added whole is searched as a subtree (a heading inside makes the answer "maybe").
    const table = d.createElement('table');
    table.innerHTML = `<tbody>${rows}</tbody>`;
    d.body.append(table);
    expect(observer.takeRecords().some((r) => hintsAffectedBy(r))).toBe(true);
    observer.disconnect();
  });

  describe('removals judged by the elements the hints came from (hintsLeft)', () => {
    /** Headings (some empty, more than are kept), tabs, and a table whose rows hold headings and tabs too. */
    const page = () =>
      doc(`<h1>App</h1><ul><li class="ui-state-default"><a>General</a></li><li class="ui-tabs-active"><a>Push Groups</a></li></ul>
        <div role="tab" aria-selected="true">Aria tab</div>
        ${Array.from({ length: 24 }, (_, i) => (i % 5 === 3 ? '<h2> </h2>' : `<h2>Heading ${i}</h2>`)).join('')}
        <table><tbody>${Array.from(
          { length: 12 },
          (_, i) =>
            `<tr><td>${i % 4 === 0 ? `<h3>Row heading ${i}</h3>` : i % 4 === 1 ? '<span role="heading">Row</span>' : `cell ${i}`}</td></tr>`,
        ).join('')}</tbody></table>`);
    type Op = { remove: number; putBack: boolean };
    const ops = fc.array(fc.record({ remove: fc.nat(400), putBack: fc.boolean() }), { minLength: 1, maxLength: 6 });

    it('flags every batch of removals and moves that changes the hints', async () => {
      await fc.assert(
        fc.asyncProperty(ops, async (list: Op[]) => {
          const d = page();
          const read: Element[] = [];
          const before = collectHints(d, read);
          const observer = new MutationObserver(() => {});
          observer.observe(d.body, { childList: true, subtree: true, characterData: true, attributes: true });
          for (const { remove, putBack } of list) {
            const all = [...d.body.querySelectorAll('*')];
            const el = all[remove % all.length];
            if (!el) continue;
            el.remove();
            // A move: out, then in again at the end (the addition is searched, as always).
            if (putBack) d.body.append(el);
          }
          const flagged = observer.takeRecords().some((r) => hintsAffectedBy(r, undefined, true)) || hintsLeft(read);
          observer.disconnect();
          if (JSON.stringify(collectHints(d)) !== JSON.stringify(before)) expect(flagged).toBe(true);
        }),
        { numRuns: 300, ...taskPerRun },
      );
    }, 60_000);

    it('flags every batch of additions, removals and moves (into and out of table bodies too) that changes the hints', async () => {
      const SNIPPETS = [
        '<h2>New heading</h2>',
        '<tr><td><h3>Row heading</h3></td></tr>',
        '<li class="ui-tabs-active"><a>New tab</a></li>',
        '<span role="heading">Span heading</span>',
        '<table><tbody><tr><td><h1>In a table</h1></td></tr></tbody></table>',
        '<div><i role="tab" aria-selected="true">Aria</i></div>',
        '<div>plain</div>',
      ];
      const step = fc.record({
        kind: fc.constantFrom('add', 'remove', 'move'),
        at: fc.nat(400),
        to: fc.nat(400),
        snippet: fc.nat(SNIPPETS.length - 1),
      });
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
          const d = page();
          const read: Element[] = [];
          const before = collectHints(d, read);
          const observer = new MutationObserver(() => {});
          observer.observe(d.body, { childList: true, subtree: true, characterData: true, attributes: true });
          for (const { kind, at, to, snippet } of steps) {
            const all = [...d.body.querySelectorAll('*')];
            const el = all[at % all.length];
            if (!el) continue;
            if (kind === 'add') el.insertAdjacentHTML('beforeend', SNIPPETS[snippet] as string);
            else if (kind === 'remove') el.remove();
            else {
              const dest = all[to % all.length];
              if (dest && !el.contains(dest)) dest.append(el);
            }
          }
          const flagged = observer.takeRecords().some((r) => hintsAffectedBy(r, undefined, true)) || hintsLeft(read);
          observer.disconnect();
          if (JSON.stringify(collectHints(d)) !== JSON.stringify(before)) expect(flagged).toBe(true);
        }),
        { numRuns: 500, ...taskPerRun },
      );
    }, 60_000);

    it('lets a removal that takes away nothing the hints came from pass, where a subtree search would not', () => {
      const d = page();
      const read: Element[] = [];
      collectHints(d, read);
      expect(read.map((el) => el.textContent)).toContain('Push Groups');
      // The 24th heading and a row holding a heading were never read: 20 headings are kept.
      const observer = new MutationObserver(() => {});
      observer.observe(d.body, { childList: true, subtree: true });
      [...d.querySelectorAll('h2')].at(-1)?.remove();
      $(d, 'tbody').lastElementChild?.remove();
      $(d, 'tbody').firstElementChild?.remove();
      const records = observer.takeRecords();
      expect(records.some((r) => hintsAffectedBy(r))).toBe(true);
      expect(records.some((r) => hintsAffectedBy(r, undefined, true)) || hintsLeft(read)).toBe(false);
      // Taking away the selected tab is seen.
      d.querySelector('li.ui-tabs-active')?.remove();
      expect(hintsLeft(read)).toBe(true);
      observer.disconnect();
    });
  });
});
