/** The benchmark's tables: one per aspect, each with its target and whether it holds, plus a summary. */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { Attribution, LoadAttribution } from './attribution';
import { holds, kb, max, median, ms, newestSource, ratio, table } from './common';
import type { Contributors } from './contributors';
import { type LoadResult, OFF_FLOW_RUNS, SETTLE_MS } from './load';
import { BENCH_PAGES, type BenchPage, BURST_ROWS, DIFF_BURSTS, ROW_CHANGES } from './pages';
import { type ReaderResult, SIZES, shortUrl } from './readers';
import { type BuildAnalysis, sharedFiles, total } from './sizes';
import type { ForcedLayout, LayoutContext } from './trace';

export const TARGETS = {
  offFlowGzipKb: 8,
  flowGzipKb: 80,
  loadAddedMs: 15,
  read10kMs: 20,
  /** 1k → 10k is ×10 when linear; a little over allows for noise and cache effects. */
  growthMax: 12,
  burstMs: 2,
  longTaskMs: 50,
};

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  chromium: string;
  loadBefore: number[];
  loadAfter: number[];
}

export interface BenchData {
  date: Date;
  machine: Machine;
  runs: number;
  durationS: number;
  phases: { name: string; seconds: number }[];
  chrome: BuildAnalysis;
  /** The Chrome build has source maps: times are charged to source modules. */
  mapped: boolean;
  firefox: BuildAnalysis | null;
  contributors: Contributors[];
  readers: ReaderResult[];
  attribution: Attribution | null;
  loads: LoadResult[];
  errors: string[];
}

export function machineInfo(chromium: string): Omit<Machine, 'loadAfter'> {
  let osName = `${os.type()} ${os.release()}`;
  try {
    osName = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? osName;
  } catch {
    // Not Linux: the kernel name will do.
  }
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown CPU',
    cores: os.cpus().length,
    memoryGb: os.totalmem() / 1024 ** 3,
    os: osName,
    node: process.version,
    chromium,
    loadBefore: os.loadavg(),
  };
}

const list = (files: readonly string[]) => (files.length ? files.map((f) => `\`${f}\``).join(', ') : '—');
const gz = (files: readonly string[], a: BuildAnalysis) => total(a, files);

/** Which manifest entry serves a URL (its match patterns), as Chromium decides. */
function kindOf(a: BuildAnalysis, url: string) {
  const host = new URL(url).host;
  return a.pageKinds.find((k) => k.hosts.some((h) => (h.startsWith('*.') ? host.endsWith(h.slice(1)) : host === h)));
}

interface PageSize {
  page: BenchPage;
  files: string[];
  seen: string[] | null;
  raw: number;
  gzip: number;
}

function pageSizes(d: BenchData): PageSize[] {
  return BENCH_PAGES.map((page) => {
    const kind = kindOf(d.chrome, page.url);
    const fromBuild = kind ? (page.flow ? kind.flow : kind.offFlow) : [];
    const seen = d.attribution?.loads.find((l) => l.page.id === page.id)?.scripts ?? null;
    const files = [...new Set([...fromBuild, ...(seen ?? [])])];
    return { page, files: fromBuild, seen, ...gz(files, d.chrome) };
  });
}

function sizeSection(d: BenchData, sizes: PageSize[]): string {
  const shared = sharedFiles(d.chrome);
  const entryRows = d.chrome.entrypoints.map((e) => {
    const t = gz(e.files, d.chrome);
    const files = e.files.map((f) => (shared.has(f) ? `${f} (shared)` : f));
    return [e.name, e.kind, list(files), kb(t.raw), kb(t.gzip)];
  });
  const fileRows = [...d.chrome.files.values()].map((f) => [`\`${f.file}\``, kb(f.raw), kb(f.gzip)]);
  const pageRows = sizes.map((s) => {
    const limit = s.page.flow ? TARGETS.flowGzipKb : TARGETS.offFlowGzipKb;
    return [
      s.page.label,
      list(s.files),
      s.seen ? list(s.seen) : 'not traced',
      kb(s.raw),
      kb(s.gzip),
      `≤ ${limit} KB gzip`,
      holds(s.gzip <= limit * 1024),
    ];
  });
  const injected = d.chrome.injected.length
    ? `Injected later (in the build, loaded by nothing in the manifest or the extension pages): ${list(d.chrome.injected)}; named in the background script: ${list(d.chrome.namedByBackground)}.`
    : 'Nothing is injected later: no script or stylesheet in the build is left outside the manifest and the extension pages, so a flow page receives exactly what an off-flow page receives.';
  const war = d.chrome.webAccessibleResources.length
    ? `web_accessible_resources: ${list(d.chrome.webAccessibleResources)}.`
    : 'web_accessible_resources: none.';
  return [
    '## 1. What the build ships',
    '',
    `Chrome MV3: ${d.chrome.source}, built ${d.chrome.builtAt.toISOString()}. Sizes raw and gzip -9.`,
    '',
    table(['Entrypoint', 'Kind', 'Files', 'Raw', 'Gzip'], entryRows),
    '',
    '<details><summary>Every file</summary>',
    '',
    table(['File', 'Raw', 'Gzip'], fileRows),
    '',
    '</details>',
    '',
    '### What each kind of page receives',
    '',
    `${injected} ${war}`,
    '',
    table(['Page', 'From the build', 'Seen running in Chromium', 'Raw', 'Gzip', 'Target', 'Holds?'], pageRows),
  ].join('\n');
}

function contributorsSection(d: BenchData): string {
  const rows: string[][] = [];
  for (const c of d.contributors) {
    const real = d.chrome.files.get(c.file)?.raw ?? 0;
    if (!c.entry) {
      rows.push([`\`${c.file}\``, 'entrypoint source not found', '', '']);
      continue;
    }
    const top = c.modules.slice(0, 10);
    const rest = c.modules.slice(10);
    const restBytes = rest.reduce((a, m) => a + m.bytes, 0);
    const totalBytes = c.modules.reduce((a, m) => a + m.bytes, 0) || 1;
    rows.push([`\`${c.file}\` ← \`${c.entry}\``, `re-bundle ${kb(c.rebundled)} vs built ${kb(real)}`, '', '']);
    for (const m of top)
      rows.push(['', `\`${m.module}\``, kb(m.bytes), `${((m.bytes / totalBytes) * 100).toFixed(0)} %`]);
    if (rest.length)
      rows.push(['', `${rest.length} more modules`, kb(restBytes), `${((restBytes / totalBytes) * 100).toFixed(0)} %`]);
  }
  return [
    '### What makes the page scripts big',
    '',
    'Each page script re-bundled from its entrypoint with esbuild (minified; bytes each module adds to the output, before gzip).',
    '',
    table(['Script', 'Module', 'Minified', 'Share'], rows),
  ].join('\n');
}

function firefoxSection(d: BenchData): string {
  if (!d.firefox)
    return '### Firefox\n\nNo Firefox build in `.output/firefox-mv2`: not measured (`npm run build:firefox` makes one).';
  const ff = d.firefox;
  const stale =
    ff.builtAt < newestSource() ? ' — **older than the sources: `npm run build:firefox` for current numbers**' : '';
  const rows = ff.entrypoints.map((e) => {
    const t = gz(e.files, ff);
    return [e.name, e.kind, list(e.files), kb(t.raw), kb(t.gzip)];
  });
  const pages = ff.pageKinds.flatMap((k) => {
    const off = gz(k.offFlow, ff);
    const on = gz(k.flow, ff);
    return [
      [
        `${k.label}, off the flow`,
        list(k.offFlow),
        kb(off.raw),
        kb(off.gzip),
        holds(off.gzip <= TARGETS.offFlowGzipKb * 1024),
      ],
      [`${k.label}, flow`, list(k.flow), kb(on.raw), kb(on.gzip), holds(on.gzip <= TARGETS.flowGzipKb * 1024)],
    ];
  });
  return [
    '### Firefox',
    '',
    `Firefox MV2: ${ff.source}, built ${ff.builtAt.toISOString()}${stale}.`,
    '',
    table(['Entrypoint', 'Kind', 'Files', 'Raw', 'Gzip'], rows),
    '',
    table(['Page', 'Scripts', 'Raw', 'Gzip', 'Within target?'], pages),
  ].join('\n');
}

function offFlowSection(d: BenchData): string {
  const rows = (d.attribution?.loads ?? [])
    .filter((l) => !l.page.flow)
    .map((l) => {
      const frameworks = d.contributors.filter((c) => l.scripts.includes(c.file)).flatMap((c) => c.frameworks);
      const observers = l.residue ? Object.entries(l.residue.observers).filter(([, n]) => n > 0) : null;
      const burst = d.attribution?.bursts.find((b) => b.page.id === l.page.id);
      const burstMs = burst ? median(burst.perBurst) : Number.NaN;
      const noObserver = observers ? observers.length === 0 && (!burst || burstMs <= 0.1) : undefined;
      return [
        l.page.label,
        frameworks.length ? frameworks.join(', ') : 'none',
        observers ? (observers.length ? observers.map(([k, n]) => `${n} ${k}`).join(', ') : 'none') : 'not read',
        burst ? ms(burstMs) : 'not played',
        l.residue
          ? `window: ${l.residue.listeners.window.join(', ') || '—'}; document: ${l.residue.listeners.document.join(', ') || '—'}`
          : '—',
        'no UI framework; no DOM observer (only navigation listeners)',
        frameworks.length === 0 && noObserver !== undefined
          ? holds(noObserver)
          : holds(frameworks.length === 0 ? undefined : false),
      ];
    });
  return [
    '### Off the flow: what stays on the page',
    '',
    "Read from the extension's isolated world over DevTools after the load: live observer objects (after a garbage collection) and the event listeners it added to `window` and `document`; then its script time per burst of DOM mutations.",
    '',
    table(
      [
        'Page',
        'UI framework in its scripts',
        'Live observers',
        'Extension time per mutation burst',
        'Listeners',
        'Target',
        'Holds?',
      ],
      rows,
    ),
  ].join('\n');
}

function readersSection(d: BenchData): string {
  const rows = d.readers.map((r) => {
    const spots = r.hotspots.map((h) => `${h.name} ${Math.round(h.share * 100)} %`).join(', ') || '—';
    if (r.error) {
      return [
        r.reader,
        r.url ? shortUrl(r.url) : '—',
        `**MEASUREMENT FAILED: ${r.error}**`,
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '✗',
      ];
    }
    const at = (n: number | 'natural') => r.times.find((t) => t.rows === n);
    const natural = at('natural');
    if (natural) {
      return [
        r.reader,
        shortUrl(r.url),
        `${ms(natural.ms, 3)} (${ms(natural.wallMs, 3)} wall; no list: page as is)`,
        '',
        '',
        '',
        '',
        kb(natural.readingKb * 1024),
        spots,
        'n/a',
        'n/a',
      ];
    }
    const [small, mid, big] = SIZES.map((n) => at(n)?.ms ?? Number.NaN) as [number, number, number];
    const wall = at(10_000)?.wallMs ?? Number.NaN;
    const growth = big / mid;
    const ok = big <= TARGETS.read10kMs && growth <= TARGETS.growthMax;
    return [
      r.reader,
      shortUrl(r.url),
      ms(small, 3),
      ms(mid, 3),
      `${ms(big, 2)} (${ms(wall, 1)} wall)`,
      ratio(growth),
      bareLoop(r),
      kb((at(10_000)?.readingKb ?? 0) * 1024),
      spots,
      `10k ≤ ${TARGETS.read10kMs} ms, ×≤${TARGETS.growthMax}`,
      holds(ok),
    ];
  });
  return [
    '## 2. Readers on long pages',
    '',
    "Each reader of `READERS` in Chromium, on its fixture page with the list grown to 100 / 1,000 / 10,000 copies of one of the page's rows. Times are main-thread CPU ms per read (DevTools ThreadTime around batches of reads, median; the wall-clock median is beside the 10k figure); growth = 10k time ÷ 1k time, linear ≈ ×10. Each result is checked: non-null, and every row read. *Bare loop*: the wall-clock ms of a hand-written loop over the same rows that keeps each row's first-cell text and id and does nothing else (no hooks, no checks): what this browser on this machine costs for the rows alone, growth included, to read the readers' wall times against. The last column is a CPU profile of repeated reads of the largest page: self time by function (reader functions keep their names; DOM methods appear by theirs).",
    '',
    table(
      [
        'Reader',
        'Fixture page',
        '100 rows',
        '1,000 rows',
        '10,000 rows',
        'Growth 1k→10k',
        'Bare loop 1k → 10k (wall)',
        'Reading (10k)',
        'Where a read of the largest page spends its time (self)',
        'Target',
        'Holds?',
      ],
      rows,
    ),
    '',
    overlayReadsTable(d.readers),
  ].join('\n');
}

/** A list reader's bare loop (readers.ts `timeReads`): 1k → 10k wall ms and the growth. */
function bareLoop(r: ReaderResult): string {
  const at = (n: number) => r.times.find((t) => t.rows === n)?.bareWallMs;
  const [mid, big] = [at(1_000), at(10_000)];
  return mid === undefined || big === undefined ? '—' : `${ms(mid, 2)} → ${ms(big, 1)} (${ratio(big / mid)})`;
}

/** The 10,000-row lists read the way the overlay reads them (row cache, first read split into tasks). */
function overlayReadsTable(readers: readonly ReaderResult[]): string {
  const measured = readers.filter((r) => r.overlay);
  if (measured.length === 0) return '';
  return [
    '### The 10,000-row lists as the overlay reads them',
    '',
    'The same pages at 10,000 rows, read the way the overlay reads a page it watches: an observer of the body feeds the row cache (`utils/readers/row-cache.ts`), the first read parses rows for at most `ROW_BUDGET_MS` per task and goes on in the next task from the rows it kept, and later reads parse only the rows that changed. Wall-clock ms in the page (`performance.now()`, medians of 9 batches); the change is a rename of the middle row, made and timed together with the read, and the reading is checked to show it. The overlay reads at most once per animation frame.',
    '',
    table(
      [
        'Reader',
        'First read: tasks',
        'Longest task',
        'First read in all',
        'Read, nothing changed',
        'Read after one row changed',
      ],
      measured.map((r) => {
        const o = r.overlay as NonNullable<ReaderResult['overlay']>;
        return [r.reader, String(o.tasks), ms(o.longestTaskMs), ms(o.firstMs), ms(o.unchangedMs), ms(o.oneRowMs)];
      }),
    ),
  ].join('\n');
}

/** Main-thread CPU the extension added to one page's load: median of the runs' paired differences, and their range. */
function addedCpu(r: LoadResult): { median: number; min: number; max: number } {
  const diffs = r.with.map((s, i) => s.thread - (r.without[i]?.thread ?? Number.NaN)).filter(Number.isFinite);
  return { median: median(diffs), min: Math.min(...diffs), max: Math.max(...diffs) };
}

/** Rounded to a whole number, without a "-0". */
const whole = (n: number) => String(Math.round(n) || 0);

const offFlowBound = `nothing ("pay nothing"; ≤ ${TARGETS.loadAddedMs} ms used)`;

/**
 * The load verdict: none when the runs' differences spread over more than ten times the target (the page's
 * own CPU varies more than the extension could add: a median of such runs says nothing either way).
 */
function loadVerdict(added: { median: number; min: number; max: number }): string {
  if (added.max - added.min > 10 * TARGETS.loadAddedMs)
    return `no verdict: the runs spread over ${whole(added.max - added.min)} ms`;
  return holds(added.median <= TARGETS.loadAddedMs);
}

function loadSection(d: BenchData): string {
  const rows = d.loads.map((r) => {
    const m = (s: typeof r.with, k: 'script' | 'task' | 'thread' | 'heap') => median(s.map((x) => x[k]));
    const script = { with: m(r.with, 'script'), without: m(r.without, 'script') };
    const thread = { with: m(r.with, 'thread'), without: m(r.without, 'thread') };
    const task = m(r.with, 'task') - m(r.without, 'task');
    const heap = m(r.with, 'heap') - m(r.without, 'heap');
    const added = addedCpu(r);
    const overlay = r.with.filter((s) => s.overlay).length > r.with.length / 2;
    const expected = overlay === r.page.flow ? '' : ' (**unexpected**)';
    return [
      r.page.label,
      `${overlay ? 'shown' : 'not shown'}${expected}`,
      `${ms(script.without, 0)} → ${ms(script.with, 0)}`,
      ms(script.with - script.without, 1),
      `${ms(thread.without, 0)} → ${ms(thread.with, 0)}`,
      `${ms(added.median, 1)} (${whole(added.min)} to ${whole(added.max)})`,
      ratio(thread.with / thread.without),
      ms(task, 0),
      `${(heap / 1024 ** 2).toFixed(2)} MB`,
      r.page.flow ? `≤ ${TARGETS.loadAddedMs} ms` : offFlowBound,
      loadVerdict(added),
    ];
  });
  return [
    '## 3. Page load, with and without the extension',
    '',
    `The same fixture page in two Chromiums of one run (one with the extension, one without), alternating which loads first, ${d.runs} loads each (off the flow ${d.runs * OFF_FLOW_RUNS}): medians, and for the CPU added the median of each run's with − without (range in brackets: the noise to read a verdict against). DevTools \`Performance.getMetrics\` from navigation until the page has drawn its pane and ${SETTLE_MS / 1000} s more. *Main-thread CPU* is ThreadTime, the renderer main thread's CPU time, which the target is judged on: unlike the wall-clock ScriptDuration and TaskDuration it does not grow when other processes take the CPU. Content scripts run in the page's renderer, so their time is in these numbers. JS heap: JSHeapUsedSize after a forced GC.`,
    '',
    table(
      [
        'Page',
        'Overlay',
        'Script without → with',
        'Script added',
        'Main-thread CPU without → with',
        'Added',
        'Ratio',
        'Task wall time added',
        'JS heap added',
        'Target',
        'Holds?',
      ],
      rows,
    ),
  ].join('\n');
}

/** The modules the extension's time went to, largest first. */
function topModules(byModule: Record<string, number>, n = 4): string {
  const entries = Object.entries(byModule).sort((a, b) => b[1] - a[1]);
  const all = entries.reduce((a, [, t]) => a + t, 0) || 1;
  return (
    entries
      .slice(0, n)
      .map(([m, t]) => `${m} ${ms(t, 0)} (${Math.round((t / all) * 100)} %)`)
      .join(', ') || '—'
  );
}

/** Which extension code forced style/layout, with count and time. */
function layoutSources(forced: readonly ForcedLayout[], n = 3): string {
  const by = new Map<string, { count: number; ms: number }>();
  for (const f of forced) {
    const e = by.get(f.source) ?? { count: 0, ms: 0 };
    e.count++;
    e.ms += f.ms;
    by.set(f.source, e);
  }
  return (
    [...by]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, n)
      .map(([source, e]) => `${source}: ${e.count} (${ms(e.ms, 0)})`)
      .join('; ') || '—'
  );
}

const CONTEXTS: LayoutContext[] = ['scroll handler', 'microtask', 'timer', 'other event', 'other', 'animation frame'];

function layoutSummary(forced: readonly ForcedLayout[]): string {
  if (forced.length === 0) return 'none';
  return CONTEXTS.map((c) => {
    const of = forced.filter((f) => f.context === c);
    return of.length
      ? `${c}: ${of.length} (${ms(
          of.reduce((a, f) => a + f.ms, 0),
          1,
        )})`
      : '';
  })
    .filter(Boolean)
    .join('; ');
}

function attributionSection(d: BenchData): string {
  const a = d.attribution;
  if (!a) return '## 4. What the extension does during load\n\nNot traced.';
  const rows = a.loads.map((l: LoadAttribution) => {
    const caused = l.longTasks.filter((t) => t.causedByExtension);
    const forcedMs = l.forced.reduce((a, f) => a + f.ms, 0);
    const byScript = Object.entries(l.byScript)
      .sort((x, y) => y[1] - x[1])
      .map(([f, t]) => `${f} ${ms(t, 1)}`)
      .join(', ');
    return [
      l.page.label,
      list(l.scripts),
      l.sampled ? `${ms(l.extensionMs, 1)} (${byScript || '—'})` : 'no samples',
      l.sampled ? `${ms(forcedMs, 1)} (${Math.round((forcedMs / (l.extensionMs || 1)) * 100)} %)` : '—',
      l.heaviest ? `${ms(l.heaviest.ms, 0)}, of which extension ${ms(l.heaviest.extensionMs, 0)}` : '—',
      `${caused.length} of ${l.longTasks.length}`,
      `no long task (> ${TARGETS.longTaskMs} ms) caused`,
      holds(l.sampled ? caused.length === 0 : undefined),
    ];
  });
  return [
    '## 4. What the extension does during load (trace)',
    '',
    `One traced load per page in the Chromium with the extension, from navigation until every re-check the content script schedules is over. Extension script time: CPU-profile samples whose JS stack has a \`chrome-extension://\` frame, plus the evaluation of its scripts. A task is long when it takes over ${TARGETS.longTaskMs} ms of main-thread CPU (its wall time on a quiet machine; CPU time does not grow when other processes take the CPU), and *caused* by the extension when it would not be long without the extension's time in it (layout forced inside an animation frame is not counted: the frame lays out anyway). These numbers carry tracing overhead and are charged by call stack: use them for shares and causes; section 3 and the difference column of section 5 give the untraced cost.`,
    '',
    table(
      [
        'Page',
        'Extension scripts run',
        'Extension script time (by script)',
        'Of which forced style/layout',
        'Task with the most extension time',
        'Long tasks caused',
        'Target',
        'Holds?',
      ],
      rows,
    ),
  ].join('\n');
}

function whereSection(d: BenchData, mapped: boolean): string {
  const a = d.attribution;
  if (!a) return '';
  const rows = [
    ...a.loads.map((l) => [
      `Load: ${l.page.label}`,
      topModules(l.byModule),
      layoutSummary(l.forced),
      layoutSources(l.forced),
    ]),
    ...a.bursts.map((b) => [
      `${b.page.bursts} bursts: ${b.page.label}`,
      topModules(b.byModule),
      layoutSummary(b.forced),
      layoutSources(b.forced),
    ]),
    ...(a.scroll
      ? [
          [
            'Scrolling with the highlight',
            topModules(a.scroll.byModule),
            layoutSummary(a.scroll.forced),
            layoutSources(a.scroll.forced),
          ],
        ]
      : []),
  ];
  return [
    "### Where the extension's time goes",
    '',
    mapped
      ? "Samples charged to the innermost extension function on the stack (DOM calls it makes included), mapped to source modules through the build's hidden source maps; forced style/layout charged to the extension code that asked for it. Layout forced inside an animation frame is mostly the layout that frame would do anyway: it tells who reads layout after the page changed, not how much is extra (section 3 and the difference column of section 5 tell that)."
      : 'The build measured has no source maps (`--no-build`), so time is charged to script files, not source modules.',
    '',
    table(
      [
        'Traced',
        'Extension time by module (top 4)',
        'Forced style/layout by context',
        'Forced style/layout by code (top 3)',
      ],
      rows,
    ),
  ].join('\n');
}

function burstSection(d: BenchData): string {
  const rows = (d.attribution?.bursts ?? []).map((b) => {
    const diff = d.loads.find((l) => l.page.id === b.page.id)?.burstThread;
    const added = diff ? median(diff.with) - median(diff.without) : Number.NaN;
    const perBurst = b.sampled ? median(b.perBurst) : Number.NaN;
    const handlerLayouts = b.forced.filter((f) => f.context === 'microtask' || f.context === 'scroll handler');
    const caused = b.longTasks.filter((t) => t.causedByExtension).length;
    return [
      b.page.label,
      b.sampled ? `${ms(perBurst)} (max ${ms(max(b.perBurst))})` : 'no CPU samples in the trace',
      b.sampled && b.perRowChange.length ? `${ms(median(b.perRowChange))} (max ${ms(max(b.perRowChange))})` : '—',
      diff
        ? `${ms(added)} (${ms(median(diff.with), 1)} with, ${ms(median(diff.without), 1)} without)`
        : '— (flow pages only)',
      layoutSummary(b.forced),
      String(caused),
      `≤ ${TARGETS.burstMs} ms per burst; no forced layout in mutation handlers; no long task`,
      holds(b.sampled ? perBurst <= TARGETS.burstMs && handlerLayouts.length === 0 && caused === 0 : undefined),
    ];
  });
  return [
    '## 5. Bursts of DOM mutations',
    '',
    `Bursts of a page script adding ${BURST_ROWS} copies of a row of the page's longest list in one go (or removing them again), each followed by a wait for idle: ${BENCH_PAGES.filter(
      (p) => p.bursts > 0,
    )
      .map((p) => `${p.bursts} on ${p.label}`)
      .join(
        ', ',
      )}. Then ${ROW_CHANGES} one-row changes in the same trace (the name of the row in the middle of the list, changed and changed back, each followed by a wait for idle): the common edit, the target's verdict stays on the ${BURST_ROWS}-row bursts. Extension script time per burst from a trace (median, max); on flow pages also main-thread CPU time added per burst by the difference method (${DIFF_BURSTS} more bursts, untraced, in both Chromiums; median). Forced layouts are classified by what ran the code: "microtask" covers mutation-observer callbacks and promise continuations (the trace does not tell them apart).`,
    '',
    table(
      [
        'Page',
        `Extension time per ${BURST_ROWS}-row burst (trace)`,
        'Per one-row change (trace)',
        'Main-thread CPU added per burst (difference)',
        'Forced style/layout in extension code',
        'Long tasks caused',
        'Target',
        'Holds?',
      ],
      rows,
    ),
  ].join('\n');
}

function scrollSection(d: BenchData): string {
  const s = d.attribution?.scroll;
  if (!s) return '## 6. The highlight while scrolling\n\nNot measured: no page with a highlight was traced.';
  const inHandlers = s.forced.filter((f) => f.context === 'scroll handler' || f.context === 'microtask');
  const caused = s.longTasks.filter((t) => t.causedByExtension).length;
  return [
    '## 6. The highlight while scrolling',
    '',
    'The Okta flow page with the highlight ring on show, scrolled down and back with the mouse wheel, traced. Layout read inside an animation frame is what the ring is meant to do (one read per frame); a forced layout in a scroll or mutation handler is what the target forbids.',
    '',
    table(
      [
        'Ring shown',
        'Scrolling',
        'Extension script time',
        'Ring moved (samples)',
        'Forced style/layout in extension code',
        'Long tasks caused',
        'Target',
        'Holds?',
      ],
      [
        [
          s.ringShown ? 'yes' : '**no**',
          `${(s.scrollMs / 1000).toFixed(1)} s`,
          ms(s.extensionMs, 1),
          String(s.ringMoves),
          layoutSummary(s.forced),
          String(caused),
          'no forced layout in scroll/mutation handlers; ring follows',
          s.ringShown ? holds(inHandlers.length === 0 && s.ringMoves > 0 && caused === 0) : holds(undefined),
        ],
      ],
    ),
  ].join('\n');
}

function summarySection(d: BenchData, sizes: PageSize[]): string {
  const rows: string[][] = [];
  const bySite = (flow: boolean) => sizes.filter((s) => s.page.flow === flow);
  const gzipRow = (flow: boolean, limit: number, what: string) => {
    const list = bySite(flow);
    const worst = list.reduce((a, s) => (s.gzip > a.gzip ? s : a), list[0] as PageSize);
    rows.push([what, `${kb(worst.gzip)} gzip (${worst.page.label})`, holds(list.every((s) => s.gzip <= limit * 1024))]);
  };
  gzipRow(false, TARGETS.offFlowGzipKb, `Off the flow: ≤ ${TARGETS.offFlowGzipKb} KB gzip of script`);
  const offLoads = d.attribution?.loads.filter((l) => !l.page.flow) ?? [];
  const frameworks = d.contributors
    .filter((c) => offLoads.some((l) => l.scripts.includes(c.file)))
    .flatMap((c) => c.frameworks);
  rows.push([
    'Off the flow: no UI framework loaded',
    frameworks.length ? frameworks.join(', ') : 'none',
    holds(frameworks.length === 0),
  ]);
  const observers = offLoads.flatMap((l) => (l.residue ? Object.values(l.residue.observers) : []));
  const offBursts = (d.attribution?.bursts ?? []).filter((b) => !b.page.flow).map((b) => median(b.perBurst));
  rows.push([
    'Off the flow: no DOM observer beyond SPA-navigation detection',
    `${observers.reduce((a, n) => a + n, 0)} live observers; ${offBursts.map((b) => ms(b)).join(', ') || 'n/a'} per mutation burst`,
    holds(observers.length ? observers.every((n) => n === 0) && offBursts.every((b) => b <= 0.1) : undefined),
  ]);
  // In the build: something is left to inject; in Chromium: it ran on every flow page and on no other.
  const injected = new Set(d.chrome.injected);
  const traced = d.attribution?.loads ?? [];
  const ranWhereItShould = traced.every((l) => l.scripts.some((f) => injected.has(f)) === l.page.flow);
  const war = d.chrome.webAccessibleResources.length;
  rows.push([
    'Flow code arrives on navigation to a flow page (injected, not web-accessible)',
    injected.size === 0
      ? 'no: every page gets the whole content script at load'
      : `injected: ${list(d.chrome.injected)}; ran on ${traced.length ? (ranWhereItShould ? 'the flow pages only' : '**pages off the flow too, or not on every flow page**') : 'pages not traced'}; web_accessible_resources: ${war ? list(d.chrome.webAccessibleResources) : 'none'}`,
    holds(injected.size > 0 && war === 0 && ranWhereItShould),
  ]);
  gzipRow(true, TARGETS.flowGzipKb, `On the flow: ≤ ${TARGETS.flowGzipKb} KB gzip injected`);
  for (const r of d.loads) {
    const added = addedCpu(r);
    rows.push([
      r.page.flow
        ? `On the flow: ≤ ${TARGETS.loadAddedMs} ms main-thread time added during load: ${r.page.label}`
        : `Off the flow: ${offFlowBound} added during load: ${r.page.label}`,
      `${ms(added.median, 1)} (runs: ${whole(added.min)} to ${whole(added.max)} ms)`,
      loadVerdict(added),
    ]);
  }
  const listReaders = d.readers.filter((r) => r.times.some((t) => t.rows === 10_000) || (r.error && r.url));
  for (const r of listReaders) {
    const big = r.times.find((t) => t.rows === 10_000)?.ms ?? Number.NaN;
    const mid = r.times.find((t) => t.rows === 1_000)?.ms ?? Number.NaN;
    const o = r.overlay;
    const asOverlay = o
      ? `; as the overlay reads it: first read ${ms(o.firstMs)} over ${o.tasks} tasks (longest ${ms(o.longestTaskMs)}), then ${ms(o.unchangedMs)} per read, ${ms(o.oneRowMs)} after a row changed`
      : '';
    rows.push([
      `10,000-row read ≤ ${TARGETS.read10kMs} ms, linear from 1,000: ${r.reader}`,
      r.error
        ? `measurement failed: ${r.error}`
        : `${ms(big)} (${ratio(big / mid)}; a bare loop over the same rows: ${bareLoop(r)})${asOverlay}`,
      r.error ? holds(undefined) : holds(big <= TARGETS.read10kMs && big / mid <= TARGETS.growthMax),
    ]);
  }
  const flowBursts = (d.attribution?.bursts ?? []).filter((b) => b.page.flow);
  for (const b of flowBursts) {
    const m = median(b.perBurst);
    const diff = d.loads.find((l) => l.page.id === b.page.id)?.burstThread;
    const added = diff ? `; ${ms(median(diff.with) - median(diff.without))} main-thread CPU added (untraced)` : '';
    const one = b.perRowChange.length ? `; a one-row change: ${ms(median(b.perRowChange))} (traced)` : '';
    rows.push([
      `≤ ${TARGETS.burstMs} ms content-script work per mutation burst: ${b.page.label}`,
      `${ms(m)} extension script per ${BURST_ROWS}-row burst (traced)${added}${one}`,
      holds(b.sampled ? m <= TARGETS.burstMs : undefined),
    ]);
  }
  const a = d.attribution;
  if (a) {
    const caused = [
      ...a.loads.flatMap((l) => l.longTasks),
      ...a.bursts.flatMap((b) => b.longTasks),
      ...(a.scroll?.longTasks ?? []),
    ].filter((t) => t.causedByExtension);
    rows.push([
      `No long task (> ${TARGETS.longTaskMs} ms) caused by the extension`,
      caused.length ? `${caused.length} (longest ${ms(max(caused.map((t) => t.ms)), 0)})` : 'none',
      holds(caused.length === 0),
    ]);
    const handler = [...a.bursts.flatMap((b) => b.forced), ...(a.scroll?.forced ?? [])].filter(
      (f) => f.context === 'scroll handler' || f.context === 'microtask',
    );
    rows.push([
      'No forced synchronous layout in scroll or mutation handlers',
      a.scroll?.ringShown ? `${handler.length} (${layoutSummary(handler)})` : 'ring not shown',
      a.scroll?.ringShown ? holds(handler.length === 0) : holds(undefined),
    ]);
  }
  return ['## Summary', '', table(['Target', 'Measured', 'Holds?'], rows)].join('\n');
}

function howSection(d: BenchData): string {
  return [
    '## How this is measured',
    '',
    '- **The build** is a fresh production build made by the run (`wxt build` into a temporary folder, with hidden source maps: the scripts are byte-identical to `npx wxt build`, and the maps let traces name source modules); `--no-build` measures `.output/chrome-mv3` as found, without module names. The Firefox build is measured as found in `.output/firefox-mv2`.',
    '- **Sizes**: `manifest.json` content scripts are what every matching page runs; a script or stylesheet of the build that neither the manifest nor an extension page loads is counted as injected later, into flow pages (and checked against what Chromium actually ran, from the traces). gzip is Node zlib level 9, per file.',
    '- **Readers** are bundled from `utils/readers/index.ts` (the registry, so new readers are measured too) with esbuild and run inside Chromium on the fixture pages (`tests/fixtures`), the list grown by copying one of the rendered rows (each copy gets its own name and id), on a page already laid out. CPU per read: DevTools ThreadTime around batches of ≥ 30 ms, 7 batches, median; wall: `performance.now()` around batches of ≥ 3 ms, 9 batches, median. A reader with no page of its own in the benchmark is tried on a fixture page of its first page id; one that never reads is reported as not measured.',
    '- **Load** compares two Chromiums launched like the end-to-end suite (same flags, fixture server behind `--host-resolver-rules`, throw-away profiles), one with `--load-extension`; neither is traced. The Chromium with the extension has been through the traced loads first, so its stored progress is the same on every load.',
    "- **Attribution** uses Chromium traces (`devtools.timeline`, its stack category, and the V8 CPU profiler inside the trace) of the page's renderer main thread; the extension's isolated world is inspected over DevTools (`Runtime.queryObjects`, `DOMDebugger.getEventListeners`).",
    '- **Mutation bursts** are played by page script through DevTools, never by the extension.',
    '',
    `Run: \`npm run bench\` (\`--no-build\` measures the existing build; \`--runs=N\` loads per page and browser, ${d.runs} here). It took ${d.durationS.toFixed(0)} s (${d.phases.map((p) => `${p.name} ${p.seconds.toFixed(0)} s`).join(', ')}). Numbers vary with machine load: load average ${d.machine.loadBefore.map((n) => n.toFixed(1)).join(' / ')} before and ${d.machine.loadAfter.map((n) => n.toFixed(1)).join(' / ')} after, on ${d.machine.cores} cores${
      Math.max(...d.machine.loadBefore, ...d.machine.loadAfter) > d.machine.cores
        ? ' — **the machine was busier than it has cores: absolute times are inflated; compare with/without within this run, and re-run on a quiet machine before trusting small differences**'
        : ''
    }.`,
  ].join('\n');
}

function notMeasuredSection(d: BenchData): string {
  const items = [
    '- Reaching a flow page by SPA navigation from an off-flow page (the injection at that moment) is not timed on its own: the flow rows are direct loads of the flow page.',
    "- The background service worker runs in its own process: its CPU and memory are not in any page's numbers.",
    "- JS heap is the renderer isolate's (the page and the extension's isolated world together); it is reported as the with − without difference.",
    '- Trace-based times (sections 4–6) include tracing overhead, and the long-task verdict is taken under tracing: a task near 50 ms may not be long untraced.',
    '- "Microtask" forced layouts cannot be split into mutation-observer callbacks and promise continuations from the trace.',
    '- Firefox is measured for size only.',
    ...d.errors.map((e) => `- **Measurement failed:** ${e}`),
  ];
  return ['## Not measured, or measured with caveats', '', ...items].join('\n');
}

export function renderReport(d: BenchData): string {
  const sizes = pageSizes(d);
  const m = d.machine;
  return [
    '# Performance',
    '',
    `Written by \`npm run bench\` (scripts/bench.ts) on ${d.date.toISOString().replace('T', ' ').slice(0, 16)} UTC. Do not edit by hand: run it again.`,
    '',
    `**Machine:** ${m.cpu}, ${m.cores} cores, ${m.memoryGb.toFixed(0)} GB RAM, ${m.os}; Node ${m.node}; Chromium ${m.chromium}.`,
    '',
    summarySection(d, sizes),
    '',
    sizeSection(d, sizes),
    '',
    offFlowSection(d),
    '',
    contributorsSection(d),
    '',
    firefoxSection(d),
    '',
    readersSection(d),
    '',
    loadSection(d),
    '',
    attributionSection(d),
    '',
    burstSection(d),
    '',
    scrollSection(d),
    '',
    whereSection(d, d.mapped),
    '',
    howSection(d),
    '',
    notMeasuredSection(d),
    '',
  ].join('\n');
}
