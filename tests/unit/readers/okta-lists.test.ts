import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyRows, lookupsFor, rowLookupEach } from '../../../utils/readers/okta-lists';
import { taskPerRun } from '../task-per-run';

/** A table whose rows hold 0–2 `hit` elements each (a `hit` in the header too), from a list of counts. */
function table(counts: readonly number[], nested = false): Element {
  const d = document.implementation.createHTMLDocument();
  const hit = (i: number, k: number) => `<a class="hit x${k}">r${i}.${k}</a>`;
  const rows = counts
    .map(
      (n, i) =>
        `<tr><td>${Array.from({ length: n }, (_, k) => hit(i, k)).join('')}</td><td>${nested && i % 3 === 0 ? `<table><tbody><tr><td>${hit(i, 9)}</td></tr></tbody></table>` : ''}</td></tr>`,
    )
    .join('');
  d.body.innerHTML = `<p class="hit">outside</p><table><thead><tr><th><span class="hit">head</span></th></tr></thead><tbody>${rows}</tbody></table><p class="hit">after</p>`;
  return d.querySelector('table') as Element;
}

describe('lookupsFor: a class hook walked along with the rows', () => {
  it('answers as a search in each row does, with rows left out and rows asked twice, nested tables or not', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 30, maxLength: 30 }),
        fc.boolean(),
        async (counts, asks, nested) => {
          const t = table(counts, nested);
          const rows = bodyRows(t);
          const walk = lookupsFor(t, rows, false)({ className: 'hit' });
          const each = rowLookupEach({ className: 'hit' });
          const head = t.querySelector('thead tr') as Element;
          rows.forEach((row, i) => {
            // 0: left out; 1: asked once; 2–3: asked twice; 3: a row not in the list asked first.
            const times = asks[i] ?? 1;
            if (times === 3) expect(walk(head)).toBe(each(head));
            for (let k = 0; k < Math.min(times, 2); k++) expect(walk(row)).toBe(each(row));
          });
        },
      ),
      { numRuns: 300, ...taskPerRun },
    );
  });

  it('starts further down the table, as a read whose first rows come from the cache does', () => {
    for (const [counts, nested] of [
      [[1, 0, 2, 1, 0, 1, 1, 0, 1], false],
      [[1, 0, 2, 1, 0, 1, 1, 0, 1], true],
      // A sparse hook (in the first row, so it is walked): the rows asked may lie past the last match.
      [[1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0], false],
    ] as const) {
      const t = table(counts, nested);
      const rows = bodyRows(t);
      const each = rowLookupEach({ className: 'hit' });
      for (let start = 0; start < rows.length; start++) {
        const walk = lookupsFor(t, rows, false)({ className: 'hit' });
        for (const row of rows.slice(start)) expect(walk(row)).toBe(each(row));
      }
    }
  });
});

describe('rowLookupEach: a class hook searched in one row', () => {
  it("finds the row's own first match, past those in a nested table's rows, for one class or several", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 20 }), async (counts) => {
        const t = table(counts, true);
        // A nested match placed first in some rows: the row's own comes after it.
        for (const [i, row] of bodyRows(t).entries())
          if (i % 2 === 0)
            row.insertAdjacentHTML('afterbegin', '<td><table><tr><td><a class="hit x0">n</a></td></tr></table></td>');
        for (const className of ['hit', 'hit x0', 'x1 hit']) {
          const wanted = className.trim().split(/\s+/);
          const each = rowLookupEach({ className });
          for (const row of bodyRows(t)) {
            const own =
              [...row.querySelectorAll('*')].find(
                (el) => wanted.every((c) => el.classList.contains(c)) && el.closest('tr') === row,
              ) ?? null;
            expect(each(row)).toBe(own);
          }
        }
      }),
      { numRuns: 200, ...taskPerRun },
    );
  });
});
