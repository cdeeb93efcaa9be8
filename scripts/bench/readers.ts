/**
 * Every reader of the registry (utils/readers/index.ts), timed in real Chromium on the fixture page where
 * it reads, grown to 100, 1,000 and 10,000 rows by copying one of the page's own rows. A reader that does
 * not read there (null, or not every row) is a failed measurement, never a fast one.
 */
import { build } from 'esbuild';
import type { CDPSession, Page } from 'playwright-core';
import { OKTA_APP_PATH } from '../../tests/fixtures/data';
import { fixturePages, withFixtureState } from '../../tests/fixtures/guide';
import type { PageId } from '../../utils/pages';
import { READERS } from '../../utils/readers';
import { type BenchBrowser, fixtureSettled } from './chromium';
import { MeasurementError, median, ROOT } from './common';

export const SIZES = [100, 1_000, 10_000] as const;

/** How to grow a page's list: which rows, which to copy, which to keep as they are (after the copies). */
interface RowList {
  body: string;
  /** Text the copied row contains (a row of the kind the reader lists). */
  templateText?: string;
  /** Rows with this text stay, after the copies: the reader must go through every copy to reach them. */
  keepText?: string;
}

interface Scenario {
  reader: string;
  url: string;
  /** What the reading must show for the page to count as read (null = fine). */
  check(reading: unknown, rows: number | null): string | null;
  prepare?: (page: Page) => Promise<void>;
  rows?: RowList;
}

export interface Hotspot {
  /** A reader function (the bundle keeps names) or a DOM method it calls (`closest`, `get textContent`). */
  name: string;
  share: number;
}

/**
 * A 10,000-row list read the way the overlay reads it (utils/overlay/controller.ts): a page watcher feeds
 * the row cache, the first read is split into tasks of `ROW_BUDGET_MS`, later reads parse only rows that
 * changed. Wall-clock ms.
 */
export interface OverlayRead {
  /** The first read: how many tasks, the longest, all of them together. */
  tasks: number;
  longestTaskMs: number;
  firstMs: number;
  /** A read with nothing changed since the last (median). */
  unchangedMs: number;
  /** A read after one row's name changed, the change included (median). */
  oneRowMs: number;
}

export interface ReaderResult {
  reader: string;
  url: string;
  /** List readers: the 10,000-row list as the overlay reads it. */
  overlay?: OverlayRead;
  /** Where a read of the largest page spends its time (CPU profile, self time). */
  hotspots: Hotspot[];
  /**
   * Per read by row count (`natural`: the page has no list to grow): main-thread CPU ms, wall ms (medians);
   * for lists at 1,000 rows and more, the wall ms of a bare loop over the same rows (`timeReads`).
   */
  times: { rows: number | 'natural'; ms: number; wallMs: number; readingKb: number; bareWallMs?: number }[];
  error?: string;
}

const PAGES = fixturePages();
const OKTA_APP = PAGES.oktaApp;

/** The longest list in a reading: the rows it read. */
function listLength(reading: unknown): number {
  if (!reading || typeof reading !== 'object') return -1;
  const lists = Object.values(reading).filter(Array.isArray) as unknown[][];
  return Math.max(-1, ...lists.map((l) => l.length));
}

const readsEveryRow = (reading: unknown, rows: number | null) => {
  if (reading === null) return 'the reader returned null';
  const n = listLength(reading);
  return rows === null || n === rows ? null : `read ${n} rows of ${rows}`;
};

const SCENARIOS: readonly Scenario[] = [
  {
    reader: 'okta-push-groups',
    url: withFixtureState(PAGES.oktaPushGroups, 'configured'),
    rows: { body: 'table[data-se="group-push-table"] > tbody' },
    check: readsEveryRow,
  },
  {
    reader: 'okta-assigned-groups',
    url: withFixtureState(PAGES.oktaAssignments, 'configured'),
    prepare: async (page) => {
      await page.click('[data-filter="groups"]');
      await page.waitForSelector('table[data-se="group-assignments-table"]');
    },
    rows: { body: 'table[data-se="group-assignments-table"] > tbody' },
    check: readsEveryRow,
  },
  {
    reader: 'okta-assigned-people',
    url: withFixtureState(PAGES.oktaAssignments, 'individual-assignment'),
    rows: { body: 'table[data-se="people-assignments-table"] > tbody', templateText: 'Individual' },
    check: readsEveryRow,
  },
  {
    reader: 'okta-to-app',
    url: withFixtureState(PAGES.oktaToApp, 'configured'),
    // The mapping table: Primary email kept last, so the reader passes every other row first.
    rows: {
      body: '[data-se="attribute-mappings"] table > tbody',
      templateText: 'Given name',
      keepText: 'Primary email',
    },
    check: (reading) =>
      (reading as { primaryEmail?: unknown } | null)?.primaryEmail === 'user.email'
        ? null
        : `primaryEmail is ${JSON.stringify((reading as { primaryEmail?: unknown } | null)?.primaryEmail)}, not user.email`,
  },
  // Forms and pages without a list: timed at the size the fixture has.
  { reader: 'okta-integration', url: withFixtureState(PAGES.oktaIntegration, 'fresh'), check: readsEveryRow },
  { reader: 'okta-sign-on', url: withFixtureState(PAGES.oktaSignOn, 'configured'), check: readsEveryRow },
  {
    reader: 'atlassian-directory',
    url: withFixtureState(PAGES.atlassianDirectory, 'configured'),
    check: readsEveryRow,
  },
];

/** Where a reader without a scenario is tried: a fixture page of its first page id (states tried in order). */
const PAGE_URLS: Partial<Record<PageId, string>> = {
  'okta-app-general': `${OKTA_APP}#tab-general`,
  'okta-app-sign-on': PAGES.oktaSignOn,
  'okta-app-provisioning': `${OKTA_APP}#tab-user-management`,
  'okta-app-provisioning-integration': PAGES.oktaIntegration,
  'okta-app-provisioning-to-app': PAGES.oktaToApp,
  'okta-app-push-groups': PAGES.oktaPushGroups,
  'okta-app-assignments': PAGES.oktaAssignments,
  'okta-apps': PAGES.oktaApps,
  'okta-app-catalog': PAGES.oktaCatalog,
  'atlassian-identity-providers': PAGES.atlassianIdentityProviders,
  'atlassian-idp-directory': PAGES.atlassianDirectory,
  'atlassian-scim-setup': PAGES.atlassianScimSetup,
  'atlassian-product-access': PAGES.atlassianProductAccess,
};
const FALLBACK_STATES = ['configured', 'fresh', 'email-mismatch'] as const;

/** The registry, bundled for the page: `window.__benchReaders.READERS`. Not minified, so profiles name functions. */
async function readerBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `export { READERS } from './utils/readers/index.ts';
        export { noteMutation, ROW_ATTRIBUTES, ROW_BUDGET_MS, RowBudgetSpent, watchRows, withRowBudget } from './utils/readers/row-cache.ts';`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: '__benchReaders',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

type ReaderWindow = {
  __benchReaders?: {
    READERS: { id: string; read(d: Document): unknown }[];
    noteMutation(record: MutationRecord): void;
    ROW_ATTRIBUTES: readonly string[];
    ROW_BUDGET_MS: number;
    RowBudgetSpent: new () => Error;
    watchRows(doc: Document, root: Node, flush: () => void): () => void;
    withRowBudget<T>(ms: number, read: () => T): T;
  };
};

async function open(browser: BenchBrowser, url: string, bundle: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await fixtureSettled(page);
  await page.addScriptTag({ content: bundle });
  return page;
}

/** Waits until the reader reads something here; its reading, or null after the timeout. */
async function firstReading(page: Page, reader: string, timeout = 6_000): Promise<unknown> {
  try {
    const handle = await page.waitForFunction(
      (id) => (window as unknown as ReaderWindow).__benchReaders?.READERS.find((r) => r.id === id)?.read(document),
      reader,
      { polling: 100, timeout },
    );
    return await handle.jsonValue();
  } catch {
    return null;
  }
}

/** Runs in the page: sets the list to `rows` rows (copies of one of its rows, each with its own name and id). */
function growList({ list, rows }: { list: RowList; rows: number }): number {
  const w = window as unknown as { __benchRows?: { template: Element; keep: Element[]; id: string } };
  const body = document.querySelector(list.body);
  if (!body) throw new Error(`No ${list.body} on the page`);
  if (!w.__benchRows) {
    const all = [...body.children];
    const template = all.find((r) => !list.templateText || (r.textContent ?? '').includes(list.templateText));
    if (!template) throw new Error(`No row to copy in ${list.body}`);
    const keep = list.keepText ? all.filter((r) => (r.textContent ?? '').includes(list.keepText as string)) : [];
    const id = template.getAttribute('data-group-id') ?? template.getAttribute('data-user-id') ?? '';
    w.__benchRows = { template: template.cloneNode(true) as Element, keep, id };
  }
  const { template, keep, id } = w.__benchRows;
  const batch = document.createDocumentFragment();
  for (let i = 0; i < rows - keep.length; i++) {
    const copy = template.cloneNode(true) as Element;
    if (id) {
      const newId = `${id.slice(0, 3)}${String(i).padStart(id.length - 3, '0')}`;
      for (const el of [copy, ...copy.querySelectorAll('*')]) {
        for (const attr of [...el.attributes])
          if (attr.value.includes(id)) el.setAttribute(attr.name, attr.value.replaceAll(id, newId));
      }
    }
    const name = copy.querySelector('a, [class*="label"]');
    if (name) name.textContent = `${name.textContent ?? ''} ${i}`;
    batch.append(copy);
  }
  batch.append(...keep);
  body.replaceChildren(batch);
  // Lay the page out once: the read is timed on a settled page, as the overlay reads once per frame.
  void (document.body as HTMLElement).offsetHeight;
  return body.childElementCount;
}

/**
 * Runs in the page: wall-clock ms per read, median of batches of ≥ 3 ms (Chromium coarsens
 * `performance.now()` to 0.1 ms), and the last reading. `id`: a reader of the registry. `bare`: instead, a
 * bare loop over the rows of that list body, which does per row the least any reader of the list must: the
 * text of its first cell (where the name is) and its id attribute, kept in an object. No hooks, no checks,
 * nothing hidden or unreadable looked for: what the browser on this machine costs for the rows alone, to
 * read the readers' times against. No named inner functions: tsx would wrap them in a `__name` helper the
 * page does not have.
 */
function timeReads(what: { id: string } | { bare: string }): { wallMs: number; reading: unknown; size: number } {
  const reader =
    'id' in what
      ? (window as unknown as ReaderWindow).__benchReaders?.READERS.find((r) => r.id === what.id)
      : undefined;
  const rows = 'bare' in what ? document.querySelector(what.bare)?.children : undefined;
  if (!reader && !rows) throw new Error(`Nothing to time: ${JSON.stringify(what)}`);
  let reading: unknown;
  let perBatch = 1;
  const times: number[] = [];
  // Round -1 warms up and finds the batch size; the others are the samples.
  for (let round = -1; round < 9; round++) {
    for (;;) {
      const t = performance.now();
      for (let b = 0; b < perBatch; b++) {
        if (reader) {
          reading = reader.read(document);
          continue;
        }
        const kept: { name: string; id: string | null }[] = [];
        for (let i = 0; i < (rows as HTMLCollection).length; i++) {
          const row = (rows as HTMLCollection)[i] as Element;
          kept.push({
            name: (row.firstElementChild?.textContent ?? '').trim(),
            id: row.getAttribute('data-group-id') ?? row.getAttribute('data-user-id'),
          });
        }
        reading = kept;
      }
      const spent = performance.now() - t;
      if (round >= 0) {
        times.push(spent / perBatch);
        break;
      }
      if (spent >= 3 || perBatch >= 4096) break;
      perBatch *= 2;
    }
  }
  times.sort((a, b) => a - b);
  return { wallMs: times[4] ?? Number.NaN, reading, size: JSON.stringify(reading)?.length ?? 0 };
}

/**
 * Runs in the page: the list read as the overlay reads it (see OverlayRead), on rows freshly parsed from
 * their HTML, with the row cache fed by an observer of the whole body; the watch ends before it returns, so later reads parse every row again. The
 * first reading and the one after a name changed are returned, to be checked. No named inner functions:
 * tsx would wrap them in a `__name` helper the page does not have.
 */
function timeAsOverlay({ id, body }: { id: string; body: string }) {
  const x = (window as unknown as ReaderWindow).__benchReaders;
  const reader = x?.READERS.find((r) => r.id === id);
  const list = document.querySelector(body);
  if (!x || !reader || !list) throw new Error(`No reader ${id} or no ${body}`);
  // The rows parsed again from their HTML: nodes no script has touched (as a page renders a list from a
  // template), so the first read pays what it pays on a list it sees for the first time (a JS object for
  // each node it reaches, the class lists counted from scratch), not what the raw reads above left warm.
  const html = list.innerHTML;
  list.innerHTML = html;
  void (document.body as HTMLElement).offsetHeight;
  const observer = new MutationObserver(() => {});
  observer.observe(document.body, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: [...x.ROW_ATTRIBUTES],
  });
  const unwatch = x.watchRows(document, document.body, () => {
    for (const r of observer.takeRecords()) x.noteMutation(r);
  });
  try {
    const tasks: number[] = [];
    let first: unknown;
    for (;;) {
      const t = performance.now();
      try {
        first = x.withRowBudget(x.ROW_BUDGET_MS, () => reader.read(document));
        tasks.push(performance.now() - t);
        break;
      } catch (error) {
        tasks.push(performance.now() - t);
        if (!(error instanceof x.RowBudgetSpent) || tasks.length > 10_000) throw error;
      }
    }
    const unchanged: number[] = [];
    for (let s = 0; s < 9; s++) {
      const t = performance.now();
      for (let i = 0; i < 20; i++) reader.read(document);
      unchanged.push((performance.now() - t) / 20);
    }
    // The name of a row in the middle of the list, changed and changed back.
    const link = list.children[Math.floor(list.children.length / 2)]?.querySelector('a, [class*="label"]');
    if (!link) throw new Error(`No link in the middle row of ${body}`);
    const name = link.textContent ?? '';
    const oneRow: number[] = [];
    let changed: unknown;
    for (let s = 0; s < 9; s++) {
      const t = performance.now();
      for (let i = 0; i < 10; i++) {
        link.textContent = i % 2 ? name : `${name} (renamed)`;
        const reading = reader.read(document);
        if (i === 0 && s === 0) changed = reading;
      }
      oneRow.push((performance.now() - t) / 10);
    }
    link.textContent = name;
    return {
      timing: {
        tasks: tasks.length,
        longestTaskMs: Math.max(...tasks),
        firstMs: tasks.reduce((a, b) => a + b, 0),
        unchangedMs: unchanged.sort((a, b) => a - b)[4] ?? Number.NaN,
        oneRowMs: oneRow.sort((a, b) => a - b)[4] ?? Number.NaN,
      },
      first,
      renamed: JSON.stringify(changed).includes(`${name} (renamed)`),
    };
  } finally {
    unwatch();
    observer.disconnect();
  }
}

/** Runs in the page: `times` reads in a row. */
function readRepeatedly({ id, times }: { id: string; times: number }): void {
  const reader = (window as unknown as ReaderWindow).__benchReaders?.READERS.find((r) => r.id === id);
  for (let i = 0; i < times; i++) reader?.read(document);
}

/**
 * Main-thread CPU ms per read (DevTools' ThreadTime around batches of ≥ 30 ms, median of 7): unlike wall
 * time it does not grow when other processes share the CPU.
 */
async function cpuPerRead(page: Page, cdp: CDPSession, id: string, wallMs: number): Promise<number> {
  const thread = async () =>
    ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? 0) * 1000;
  const times = Math.max(1, Math.ceil(30 / Math.max(wallMs, 0.001)));
  const perRead: number[] = [];
  for (let s = 0; s < 7; s++) {
    const before = await thread();
    await page.evaluate(readRepeatedly, { id, times });
    perRead.push(((await thread()) - before) / times);
  }
  return median(perRead);
}

/** Self time by function over repeated reads of the page as it is now (idle, GC and V8 internals left out). */
async function hotspots(page: Page, cdp: CDPSession, reader: string): Promise<Hotspot[]> {
  await cdp.send('Profiler.enable');
  try {
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.evaluate((id) => {
      const r = (window as unknown as ReaderWindow).__benchReaders?.READERS.find((x) => x.id === id);
      const until = performance.now() + 200;
      while (performance.now() < until) r?.read(document);
    }, reader);
    const { profile } = await cdp.send('Profiler.stop');
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    let all = 0;
    (profile.samples ?? []).forEach((id, i) => {
      const frame = nodes.get(id)?.callFrame;
      const dt = profile.timeDeltas?.[i + 1] ?? 0;
      if (!frame || /^\((idle|program|root|garbage collector)\)$/.test(frame.functionName)) return;
      const name = frame.functionName || '(anonymous)';
      self.set(name, (self.get(name) ?? 0) + dt);
      all += dt;
    });
    return [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([name, t]) => ({ name, share: all ? t / all : 0 }));
  } finally {
    await cdp.send('Profiler.disable');
  }
}

async function measureScenario(browser: BenchBrowser, s: Scenario, bundle: string): Promise<ReaderResult> {
  const result: ReaderResult = { reader: s.reader, url: s.url, times: [], hotspots: [] };
  const page = await open(browser, s.url, bundle);
  try {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await s.prepare?.(page);
    const first = await firstReading(page, s.reader);
    if (first === null) throw new MeasurementError(`${s.reader} returned null on ${s.url}`);
    for (const rows of s.rows ? SIZES : ([null] as const)) {
      const shown = s.rows ? await page.evaluate(growList, { list: s.rows, rows: rows as number }) : null;
      if (rows !== null && shown !== rows)
        throw new MeasurementError(`${s.reader}: the list has ${shown} rows, not ${rows}`);
      const { wallMs, reading, size } = await page.evaluate(timeReads, { id: s.reader });
      const problem = s.check(reading, rows);
      if (problem) throw new MeasurementError(`${s.reader} at ${rows ?? 'natural size'}: ${problem}`);
      const ms = await cpuPerRead(page, cdp, s.reader, wallMs);
      const bare = s.rows && (rows ?? 0) >= 1_000 ? await page.evaluate(timeReads, { bare: s.rows.body }) : undefined;
      const bareRows = bare && listLength({ rows: bare.reading });
      if (bare && bareRows !== rows)
        throw new MeasurementError(`${s.reader}: the bare loop read ${bareRows} rows of ${rows}`);
      const bareWallMs = bare?.wallMs;
      result.times.push({
        rows: rows ?? 'natural',
        ms,
        wallMs,
        readingKb: size / 1024,
        ...(bareWallMs === undefined ? {} : { bareWallMs }),
      });
    }
    result.hotspots = await hotspots(page, cdp, s.reader);
    if (s.rows) {
      const { timing, first, renamed } = await page.evaluate(timeAsOverlay, { id: s.reader, body: s.rows.body });
      const problem = s.check(first, SIZES[SIZES.length - 1] as number);
      if (problem) throw new MeasurementError(`${s.reader}, read as the overlay reads it: ${problem}`);
      // Readings that list the rows must show the new name (the others, To App's, keep no names).
      if (!renamed && listLength(first) === SIZES[SIZES.length - 1])
        throw new MeasurementError(`${s.reader}, read as the overlay reads it: a renamed row was not seen`);
      result.overlay = timing;
    }
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  } finally {
    await page.close();
  }
  return result;
}

/** A reader with no scenario: its first page that has a fixture, in the first state where it reads. */
async function fallbackScenario(browser: BenchBrowser, reader: (typeof READERS)[number], bundle: string) {
  for (const pageId of reader.pages) {
    const base = PAGE_URLS[pageId];
    if (!base) continue;
    for (const state of FALLBACK_STATES) {
      const url = withFixtureState(base, state);
      const page = await open(browser, url, bundle);
      const reading = await firstReading(page, reader.id, 3_000);
      await page.close();
      if (reading !== null) return { reader: reader.id, url, check: (r: unknown) => (r === null ? 'null' : null) };
    }
  }
  return null;
}

export async function measureReaders(browser: BenchBrowser, log: (line: string) => void): Promise<ReaderResult[]> {
  const bundle = await readerBundle();
  const results: ReaderResult[] = [];
  for (const reader of READERS) {
    const scenario = SCENARIOS.find((s) => s.reader === reader.id) ?? (await fallbackScenario(browser, reader, bundle));
    if (!scenario) {
      const error = `no fixture page where ${reader.id} reads (pages: ${reader.pages.join(', ')})`;
      results.push({ reader: reader.id, url: '', times: [], hotspots: [], error });
      log(`  ${reader.id}: NOT MEASURED, ${error}`);
      continue;
    }
    const result = await measureScenario(browser, scenario, bundle);
    results.push(result);
    log(
      `  ${reader.id}: ${result.error ? `FAILED, ${result.error}` : result.times.map((t) => `${t.rows} → ${t.ms.toFixed(3)} ms`).join(', ')}`,
    );
  }
  return results;
}

/** A fixture URL made short enough for a table cell. */
export const shortUrl = (url: string) =>
  url
    .replace('https://', '')
    .replace(OKTA_APP_PATH, '/…/')
    .replace(/\/o\/[^/]+/, '/o/…')
    .replace(/identity-providers\/[^/]+/, 'identity-providers/…');
