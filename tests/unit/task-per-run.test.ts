/**
 * Property tests that build DOM run each case in a task of its own (task-per-run.ts): a document parsed and
 * queried in one run can be collected in a later one. `gc` is exposed to the test workers (vitest.config.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { taskPerRun } from './task-per-run';

const gc = (globalThis as { gc?: () => void }).gc;
const PAGE = `<table><tbody>${'<tr><td><a class="name">x</a></td></tr>'.repeat(50)}</tbody></table>`;

/** Parses a page and queries it as a reader does; only a WeakRef to the document is kept. */
function parsedAndRead(): WeakRef<Document> {
  const doc = new DOMParser().parseFromString(PAGE, 'text/html');
  expect(doc.querySelectorAll('a.name')).toHaveLength(50);
  return new WeakRef(doc);
}

describe('property runs and memory', () => {
  it('has gc exposed, or the test below could not tell', () => {
    expect(typeof gc).toBe('function');
  });

  it('lets the document of a run be collected once the next run starts in a new task', async () => {
    let first: WeakRef<Document> | undefined;
    let collected = false;
    await fc.assert(
      fc.asyncProperty(fc.nat(), async () => {
        if (!first) {
          first = parsedAndRead();
          return;
        }
        gc?.();
        collected ||= first.deref() === undefined;
      }),
      { numRuns: 3, ...taskPerRun },
    );
    expect(collected).toBe(true);
  });
});
