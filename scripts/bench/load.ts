/**
 * Load cost side by side: the same fixture page in a Chromium with the extension and one without,
 * alternating which goes first, read from DevTools' Performance metrics (no tracing, so no overhead).
 * On the last run, flow pages with bursts stay open for the difference-method burst cost.
 */
import type { CDPSession, Page } from 'playwright-core';
import { type BenchBrowser, fixtureSettled, newTab } from './chromium';
import { sleep } from './common';
import {
  BENCH_PAGES,
  type BenchPage,
  BURST_GAP_MS,
  BURST_ROWS,
  DIFF_BURSTS,
  playBurst,
  QUIET_AFTER_LOAD_MS,
  untilIdle,
} from './pages';

/** After the page says it is drawn: time for late work (the extension's first reads and its overlay). */
export const SETTLE_MS = 800;

interface Metrics {
  /** ScriptDuration: time in script (wall), ms. */
  script: number;
  /** TaskDuration: time in main-thread tasks (wall), ms. */
  task: number;
  /** ThreadTime: main-thread CPU time, ms; unlike wall time it does not grow when the machine is busy. */
  thread: number;
  heap: number;
}

export interface LoadSample extends Metrics {
  overlay: boolean;
}

export interface LoadResult {
  page: BenchPage;
  with: LoadSample[];
  without: LoadSample[];
  /** Main-thread CPU time per burst (ms), for the difference method, when the page has bursts. */
  burstThread?: { with: number[]; without: number[] };
}

async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => list.find((m) => m.name === name)?.value ?? Number.NaN;
  return {
    script: get('ScriptDuration') * 1000,
    task: get('TaskDuration') * 1000,
    thread: get('ThreadTime') * 1000,
    heap: get('JSHeapUsedSize'),
  };
}

/** The extension's overlay host is in the page (its shadow root is the extension's own). */
const hasOverlay = (page: Page) => page.evaluate(() => document.querySelector('scim-setup-assistant') !== null);

async function burstCosts(page: Page, cdp: CDPSession, loadedAt: number): Promise<number[]> {
  await sleep(Math.max(0, loadedAt + QUIET_AFTER_LOAD_MS - Date.now()));
  const costs: number[] = [];
  for (let i = 0; i < DIFF_BURSTS; i++) {
    const before = await metrics(cdp);
    await page.evaluate(playBurst, BURST_ROWS);
    await page.evaluate(untilIdle, BURST_GAP_MS);
    costs.push((await metrics(cdp)).thread - before.thread);
  }
  return costs;
}

async function loadOnce(
  browser: BenchBrowser,
  target: BenchPage,
  withBursts: boolean,
): Promise<{ sample: LoadSample; bursts?: number[] }> {
  const { page, cdp } = await newTab(browser);
  try {
    await cdp.send('Performance.enable');
    const loadedAt = Date.now();
    await page.goto(target.url, { waitUntil: 'load' });
    await fixtureSettled(page);
    await sleep(SETTLE_MS);
    const { script, task, thread } = await metrics(cdp);
    // Heap after a full collection: what stays, not what happens to be garbage yet.
    await cdp.send('HeapProfiler.collectGarbage');
    const { heap } = await metrics(cdp);
    const sample = { script, task, thread, heap, overlay: await hasOverlay(page) };
    return withBursts ? { sample, bursts: await burstCosts(page, cdp, loadedAt) } : { sample };
  } finally {
    await page.close();
  }
}

/**
 * Off-flow pages are loaded `OFF_FLOW_RUNS` times as often: they are cheap, and their verdict is read
 * against a bound (15 ms) close to what the loader costs, where four runs leave the median to chance.
 */
export const OFF_FLOW_RUNS = 2;

export async function measureLoads(
  withExt: BenchBrowser,
  withoutExt: BenchBrowser,
  runs: number,
  log: (line: string) => void,
): Promise<LoadResult[]> {
  const results: LoadResult[] = BENCH_PAGES.map((page) => ({ page, with: [], without: [] }));
  for (let run = 0; run < runs * OFF_FLOW_RUNS; run++) {
    for (const result of results) {
      if (result.page.flow && run >= runs) continue;
      // Off the flow, the trace already shows whether the extension reacts to mutations at all.
      const last = run === runs - 1 && result.page.bursts > 0 && result.page.flow;
      // Alternate which browser goes first, so drift (caches, CPU heat) does not favour one side.
      const order = run % 2 === 0 ? [withExt, withoutExt] : [withoutExt, withExt];
      for (const browser of order) {
        const { sample, bursts } = await loadOnce(browser, result.page, last);
        (browser === withExt ? result.with : result.without).push(sample);
        if (bursts) {
          result.burstThread ??= { with: [], without: [] };
          result.burstThread[browser === withExt ? 'with' : 'without'] = bursts;
        }
      }
    }
    const flow = results.find((r) => r.page.id === 'okta-flow');
    log(
      `  load run ${run + 1}/${runs * OFF_FLOW_RUNS}` +
        (flow && run < runs
          ? `: Okta flow page main-thread CPU ${flow.with.at(-1)?.thread.toFixed(0)} ms with, ${flow.without.at(-1)?.thread.toFixed(0)} ms without`
          : ''),
    );
  }
  return results;
}
