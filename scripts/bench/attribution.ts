/**
 * What the extension itself does on each page, from traces taken in the Chromium that has it: its
 * scripts, its script time during load, forced layouts, long tasks; then mutation bursts and scrolling
 * with the highlight on show. Also what it leaves attached to the page (observers, listeners), read
 * from its isolated world over DevTools.
 */
import type { CDPSession, Page } from 'playwright-core';
import { type BenchBrowser, fixtureSettled, newTab } from './chromium';
import { sleep } from './common';
import {
  BENCH_PAGES,
  type BenchPage,
  BURST_GAP_MS,
  BURST_ROWS,
  playBurst,
  playRowChange,
  QUIET_AFTER_LOAD_MS,
  ROW_CHANGES,
  untilIdle,
} from './pages';
import type { SourceMaps } from './sourcemap';
import { ExtensionTrace, type ForcedLayout, type LongTask, type Resolve, startTrace } from './trace';

export interface Residue {
  /** Live observer objects created in the extension's world (after a collection). */
  observers: Record<string, number>;
  /** Event types the extension listens to on `window` / `document`. */
  listeners: { window: string[]; document: string[] };
}

export interface LoadAttribution {
  page: BenchPage;
  sampled: boolean;
  scripts: string[];
  extensionMs: number;
  /** Extension script time by script file, and by source module. */
  byScript: Record<string, number>;
  byModule: Record<string, number>;
  forced: ForcedLayout[];
  longTasks: LongTask[];
  /** The task with the most extension time in it. */
  heaviest: { ms: number; extensionMs: number } | null;
  residue: Residue | null;
  overlay: boolean;
}

export interface BurstAttribution {
  page: BenchPage;
  sampled: boolean;
  /** Extension script time per burst (ms), in burst order. */
  perBurst: number[];
  /** The same per one-row change (ROW_CHANGES of them, after the bursts). */
  perRowChange: number[];
  byModule: Record<string, number>;
  forced: ForcedLayout[];
  longTasks: LongTask[];
}

export interface ScrollAttribution {
  ringShown: boolean;
  scrollMs: number;
  extensionMs: number;
  byModule: Record<string, number>;
  forced: ForcedLayout[];
  longTasks: LongTask[];
  /** Times the ring was moved while scrolling (its transform changed between frames). */
  ringMoves: number;
}

export interface Attribution {
  loads: LoadAttribution[];
  bursts: BurstAttribution[];
  scroll: ScrollAttribution | null;
}

const SCROLL_STEPS = 30;
const OBSERVERS = ['MutationObserver', 'ResizeObserver', 'IntersectionObserver', 'PerformanceObserver'];

async function mainFrameId(cdp: CDPSession): Promise<string> {
  const { frameTree } = await cdp.send('Page.getFrameTree');
  return frameTree.frame.id;
}

/** The extension's isolated worlds in the main frame, found through Runtime's context list. */
async function residue(cdp: CDPSession, origin: string, frameId: string): Promise<Residue | null> {
  const contexts: { id: number; origin: string; auxData?: { frameId?: string } }[] = [];
  const onContext = (e: { context: (typeof contexts)[number] }) => contexts.push(e.context);
  cdp.on('Runtime.executionContextCreated', onContext);
  await cdp.send('Runtime.enable');
  await sleep(100);
  cdp.off('Runtime.executionContextCreated', onContext);
  const worlds = contexts.filter((c) => c.origin === origin && c.auxData?.frameId === frameId);
  if (worlds.length === 0) return null;
  const observers: Record<string, number> = Object.fromEntries(OBSERVERS.map((o) => [o, 0]));
  const listeners = { window: new Set<string>(), document: new Set<string>() };
  for (const world of worlds) {
    for (const name of OBSERVERS) {
      const proto = await cdp.send('Runtime.evaluate', { expression: `${name}.prototype`, contextId: world.id });
      if (!proto.result.objectId) continue;
      const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId });
      const count = await cdp.send('Runtime.callFunctionOn', {
        objectId: objects.objectId as string,
        functionDeclaration: 'function () { return this.length; }',
        returnByValue: true,
      });
      observers[name] = (observers[name] ?? 0) + Number(count.result.value ?? 0);
    }
    for (const target of ['window', 'document'] as const) {
      const handle = await cdp.send('Runtime.evaluate', { expression: target, contextId: world.id });
      if (!handle.result.objectId) continue;
      const found = await cdp.send('DOMDebugger.getEventListeners', { objectId: handle.result.objectId, depth: 0 });
      // WXT's own marker events carry the extension id; keep the event name readable.
      for (const l of found.listeners) listeners[target].add(l.type.replace(/^[a-p]{32}:[\w-]+:/, ''));
    }
  }
  await cdp.send('Runtime.disable');
  return { observers, listeners: { window: [...listeners.window], document: [...listeners.document] } };
}

async function traceLoad(b: BenchBrowser, target: BenchPage, origin: string, resolve: Resolve) {
  const { page, cdp } = await newTab(b);
  const stop = await startTrace(cdp);
  const loadedAt = Date.now();
  await page.goto(target.url, { waitUntil: 'load' });
  await fixtureSettled(page);
  // The whole load, the content script's late re-checks included.
  await sleep(Math.max(0, loadedAt + QUIET_AFTER_LOAD_MS - Date.now()));
  const events = await stop();
  const frameId = await mainFrameId(cdp);
  const trace = new ExtensionTrace(events, frameId, origin, resolve);
  const load: LoadAttribution = {
    page: target,
    sampled: trace.sampled,
    scripts: trace.scripts,
    extensionMs: trace.extensionMs(),
    byScript: Object.fromEntries(trace.byScript),
    byModule: Object.fromEntries(trace.byModule),
    forced: trace.forcedLayouts,
    longTasks: trace.longTasks(),
    heaviest: trace.heaviestExtensionTask(),
    residue: await residue(cdp, origin, frameId),
    overlay: await page.evaluate(() => document.querySelector('scim-setup-assistant') !== null),
  };
  return { page, cdp, frameId, load };
}

async function traceBursts(
  page: Page,
  cdp: CDPSession,
  frameId: string,
  target: BenchPage,
  origin: string,
  resolve: Resolve,
): Promise<BurstAttribution> {
  const stop = await startTrace(cdp);
  for (let i = 0; i < target.bursts; i++) {
    await page.evaluate(playBurst, BURST_ROWS);
    await page.evaluate(untilIdle, BURST_GAP_MS);
  }
  for (let i = 0; i < ROW_CHANGES; i++) {
    await page.evaluate(playRowChange);
    await page.evaluate(untilIdle, BURST_GAP_MS);
  }
  const trace = new ExtensionTrace(await stop(), frameId, origin, resolve);
  const all = trace.marks.filter((m) => m.name === 'bench-burst' || m.name === 'bench-row-change');
  const windows = (name: string) =>
    all.flatMap((m, i) => (m.name === name ? [trace.extensionMs(m.ts, all[i + 1]?.ts ?? trace.end)] : []));
  const perBurst = windows('bench-burst');
  const perRowChange = windows('bench-row-change');
  if (perBurst.length !== target.bursts || perRowChange.length !== ROW_CHANGES) {
    throw new Error(
      `Expected ${target.bursts} burst and ${ROW_CHANGES} row-change marks in the trace, found ${perBurst.length} and ${perRowChange.length}.`,
    );
  }
  const from = all[0]?.ts ?? trace.start;
  return {
    page: target,
    sampled: trace.sampled,
    perBurst,
    perRowChange,
    byModule: Object.fromEntries(trace.byModule),
    forced: trace.forcedLayoutsBetween(from),
    longTasks: trace.longTasks(from),
  };
}

/** The highlight ring's state: shown, and where (its transform), read from the overlay's open shadow root. */
function ringState(page: Page) {
  return page.evaluate(() => {
    const ring = document.querySelector('scim-setup-assistant')?.shadowRoot?.querySelector<HTMLElement>('.ssa-ring');
    return ring ? { shown: !ring.hidden && ring.isConnected, transform: ring.style.transform } : null;
  });
}

async function traceScroll(
  page: Page,
  cdp: CDPSession,
  frameId: string,
  origin: string,
  resolve: Resolve,
): Promise<ScrollAttribution> {
  let ring = await ringState(page);
  if (!ring?.shown) {
    // Point at something: the overlay's first "Show me".
    await page
      .locator('scim-setup-assistant [data-action="show-me"]')
      .first()
      .click({ timeout: 2_000 })
      .catch(() => undefined);
    await sleep(800);
    ring = await ringState(page);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.move(640, 400);
  await sleep(300);
  const stop = await startTrace(cdp);
  await page.evaluate(() => performance.mark('bench-scroll'));
  const started = Date.now();
  const transforms = new Set<string>();
  // Down, then back up to where the ring's target is, one wheel notch per step.
  for (let i = 0; i < SCROLL_STEPS; i++) {
    await page.mouse.wheel(0, i < SCROLL_STEPS / 2 ? 240 : -240);
    await sleep(30);
    transforms.add((await ringState(page))?.transform ?? '');
  }
  await sleep(300);
  const scrollMs = Date.now() - started;
  const trace = new ExtensionTrace(await stop(), frameId, origin, resolve);
  const from = trace.markTime('bench-scroll') ?? trace.start;
  return {
    ringShown: Boolean(ring?.shown),
    scrollMs,
    extensionMs: trace.extensionMs(from),
    byModule: Object.fromEntries(trace.byModule),
    forced: trace.forcedLayoutsBetween(from),
    longTasks: trace.longTasks(from),
    ringMoves: Math.max(0, transforms.size - 1),
  };
}

export async function attribute(b: BenchBrowser, maps: SourceMaps, log: (line: string) => void): Promise<Attribution> {
  if (!b.extensionId) throw new Error('Attribution needs the Chromium with the extension.');
  const origin = `chrome-extension://${b.extensionId}`;
  const resolve: Resolve = (file, line, column) => maps.resolve(file, line, column);
  const result: Attribution = { loads: [], bursts: [], scroll: null };
  for (const target of BENCH_PAGES) {
    const { page, cdp, frameId, load } = await traceLoad(b, target, origin, resolve);
    try {
      result.loads.push(load);
      log(`  traced ${target.label}: extension ${load.extensionMs.toFixed(1)} ms, scripts ${load.scripts.join(', ')}`);
      if (target.bursts > 0) result.bursts.push(await traceBursts(page, cdp, frameId, target, origin, resolve));
      if (target.scroll) result.scroll = await traceScroll(page, cdp, frameId, origin, resolve);
    } finally {
      await page.close();
    }
  }
  return result;
}
