/**
 * `npx tsx scripts/measure-readers.ts`: times the list readers in Chromium on a Push Groups table and an
 * Assignments table grown to 10,000 rows (cloned from the fixture snapshots). The overlay reads the page
 * once per animation frame, so a read must stay well under a frame: exits 1 above BUDGET_MS (median).
 * Timings are wall-clock in a shared machine's Chromium: compare them with the floor printed beside them.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROWS = 10_000;
/** The brief's bound for a 10,000-row Push Groups page on a developer machine. */
const BUDGET_MS = 20;

const CASES = [
  { snapshot: 'push-groups-configured', reader: 'readOktaPushGroups', row: 'tr[data-se="group-push-row"]' },
  { snapshot: 'assignments-configured-groups', reader: 'readOktaAssignedGroups', row: 'tr[data-se="assignment-row"]' },
  {
    snapshot: 'assignments-individual-assignment-people',
    reader: 'readOktaAssignedPeople',
    row: 'tr[data-se="assignment-row"]',
  },
] as const;

async function main() {
  const bundle = await build({
    stdin: {
      contents: `
        export { readOktaPushGroups } from './utils/readers/okta-push-groups';
        export { readOktaAssignedGroups, readOktaAssignedPeople } from './utils/readers/okta-assignments';`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: '__readers',
    write: false,
  });
  const code = bundle.outputFiles[0]?.text ?? '';
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  let over = false;
  try {
    for (const c of CASES) {
      const page = await browser.newPage();
      await page.setContent(await readFile(path.join(ROOT, `tests/fixtures/snapshots/${c.snapshot}.html`), 'utf8'));
      await page.addScriptTag({ content: code });
      const result = await page.evaluate(
        ({ reader, row, rows }) => {
          const template = document.querySelector(row);
          const body = template?.parentElement;
          if (!template || !body) throw new Error(`no ${row}`);
          const copies = document.createDocumentFragment();
          for (let i = body.children.length; i < rows; i++) {
            const copy = template.cloneNode(true) as Element;
            const id = `00g${String(i).padStart(17, '0')}`;
            copy.setAttribute('data-group-id', id);
            const link = copy.querySelector('a');
            if (link) link.textContent = `acme-team-${i}`;
            copies.append(copy);
          }
          body.append(copies);
          const read = (window as unknown as Record<string, Record<string, (d: Document) => unknown>>).__readers?.[
            reader
          ];
          if (!read) throw new Error(`no reader ${reader}`);
          read(document); // warm up (JIT, style)
          const times: number[] = [];
          let size = 0;
          for (let i = 0; i < 15; i++) {
            const t = performance.now();
            const out = read(document);
            times.push(performance.now() - t);
            size = JSON.stringify(out).length;
          }
          times.sort((a, b) => a - b);
          // The floor on this machine: only each row's first link text, through one class lookup.
          const floors: number[] = [];
          for (let i = 0; i < 15; i++) {
            const t = performance.now();
            const links = body.getElementsByTagName('a');
            let n = 0;
            for (let j = 0; j < links.length; j++) n += (links[j]?.textContent ?? '').trim().length;
            floors.push(performance.now() - t + (n < 0 ? 1 : 0));
          }
          floors.sort((a, b) => a - b);
          return {
            median: times[7] ?? 0,
            max: times[14] ?? 0,
            floor: floors[7] ?? 0,
            size,
            rows: body.children.length,
          };
        },
        { reader: c.reader, row: c.row, rows: ROWS },
      );
      const verdict = result.median <= BUDGET_MS ? 'ok' : 'TOO SLOW';
      if (result.median > BUDGET_MS) over = true;
      console.log(
        `${c.reader} on ${result.rows} rows: median ${result.median.toFixed(2)} ms, max ${result.max.toFixed(2)} ms ` +
          `(floor: reading every link's text ${result.floor.toFixed(2)} ms), reading ${(result.size / 1024).toFixed(0)} KiB — ${verdict}`,
      );
      await page.close();
    }
  } finally {
    await browser.close();
  }
  if (over) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
