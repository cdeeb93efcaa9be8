/**
 * Attributing main-thread time to the extension from a Chromium trace. Content scripts run in isolated
 * worlds of the page's own renderer, so their work sits on the page's main thread; what makes it theirs
 * is the script URL (`chrome-extension://<id>/…`):
 * - script time: V8 CPU-profile samples (recorded inside the trace) whose JS stack has an extension frame,
 *   plus the extension's `EvaluateScript` (compile and first run);
 * - forced style/layout: `UpdateLayoutTree`/`Layout` events carrying a JS stack (only forced ones do) with an
 *   extension frame, classified by what ran the code (scroll handler, animation frame, timer, microtask…);
 * - long tasks: main-thread tasks over 50 ms, and how much of each was the extension's.
 */
import type { CDPSession } from 'playwright-core';
import type { Origin } from './sourcemap';

export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.stack',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
];

interface RawEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  tdur?: number;
  id?: string;
  args?: Record<string, unknown>;
}

interface Span {
  name: string;
  start: number;
  end: number;
  /** Thread (CPU) time of the span, µs, where the trace has it. */
  cpu?: number;
  data: Record<string, unknown>;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame?: { url?: string };
}

export async function startTrace(cdp: CDPSession): Promise<() => Promise<RawEvent[]>> {
  const events: RawEvent[] = [];
  // The protocol types trace events as string maps; they are JSON objects of the shape above.
  const onData = (e: { value: object[] }) => {
    for (const v of e.value) events.push(v as RawEvent);
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: TRACE_CATEGORIES },
    transferMode: 'ReportEvents',
  });
  return async () => {
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', onData);
    return events;
  };
}

const dataOf = (e: RawEvent): Record<string, unknown> =>
  ((e.args?.data ?? e.args?.beginData ?? {}) as Record<string, unknown>) || {};

export type LayoutContext = 'scroll handler' | 'animation frame' | 'timer' | 'microtask' | 'other event' | 'other';

export interface ForcedLayout {
  at: number;
  ms: number;
  context: LayoutContext;
  /** The extension code that asked for it: the innermost extension frame and its caller, as source modules when mapped. */
  source: string;
}

/** A built file's 0-based position → its source module; null when there is no map. */
export type Resolve = (file: string, line: number, column: number) => Origin | null;

interface Frame {
  url?: string;
  lineNumber?: number;
  columnNumber?: number;
  functionName?: string;
}

/**
 * A task over 50 ms of main-thread CPU time. CPU rather than wall time: on a quiet machine they are the
 * same, and on a busy one only CPU time says what the task itself cost.
 */
export interface LongTask {
  start: number;
  ms: number;
  wallMs: number;
  /** Extension time inside (CPU), layout it forced in animation frames excluded (the frame lays out anyway). */
  extensionMs: number;
  causedByExtension: boolean;
}

const LONG_TASK_MS = 50;

/** One renderer main thread's view of a trace, with the extension's share of it. */
export class ExtensionTrace {
  readonly scripts: string[];
  private readonly spans: Span[];
  private readonly topTasks: Span[];
  /** Sample times, sorted, and the running total of extension time up to each (for range sums). */
  private readonly sampleTs: number[];
  private readonly extPrefix: Float64Array;
  readonly forcedLayouts: ForcedLayout[];
  /** Extension script time (ms) over the whole trace, by the script of its innermost extension frame. */
  readonly byScript: Map<string, number>;
  /** The same, by source module (through the build's source maps; the script file where there are none). */
  readonly byModule: Map<string, number>;
  readonly marks: { name: string; ts: number }[];
  readonly start: number;
  readonly end: number;

  constructor(
    events: readonly RawEvent[],
    readonly frameId: string,
    readonly extensionOrigin: string,
    resolve: Resolve = () => null,
  ) {
    const isExt = (value: unknown) => typeof value === 'string' && value.startsWith(extensionOrigin);
    const fileOf = (url: string) => url.slice(extensionOrigin.length + 1);
    /**
     * A frame's module; `oneBased` for trace stack frames (CPU-profile frames count from 0), whose position
     * is a call site: there the map's name is what was called (`getClientRects`), worth showing.
     */
    const originOf = (f: Frame, oneBased: boolean): string => {
      const file = fileOf(f.url ?? '');
      const o = resolve(file, (f.lineNumber ?? 0) - (oneBased ? 1 : 0), (f.columnNumber ?? 0) - (oneBased ? 1 : 0));
      if (!o) return file;
      return oneBased && o.name ? `${o.module} (${o.name})` : o.module;
    };
    // The page's renderer: the process with the most events naming its main frame.
    const perPid = new Map<number, number>();
    for (const e of events) if (dataOf(e).frame === frameId) perPid.set(e.pid, (perPid.get(e.pid) ?? 0) + 1);
    const pid = [...perPid].sort((a, b) => b[1] - a[1])[0]?.[0];
    const tid = events.find(
      (e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain',
    )?.tid;
    const main = events.filter((e) => e.pid === pid && e.tid === tid);
    this.spans = toSpans(main);
    const taskName = this.spans.some((s) => s.name === 'RunTask') ? 'RunTask' : 'ThreadControllerImpl::RunTask';
    this.topTasks = this.spans.filter((s) => s.name === taskName).sort((a, b) => a.start - b.start);
    let start = Number.POSITIVE_INFINITY;
    let end = 0;
    for (const e of main) {
      if (e.ph === 'M' || e.ts <= 0) continue;
      start = Math.min(start, e.ts);
      end = Math.max(end, e.ts + (e.dur ?? 0));
    }
    this.start = start;
    this.end = end;
    this.marks = main
      .filter((e) => e.cat?.includes('blink.user_timing') && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n'))
      .map((e) => ({ name: e.name, ts: e.ts }));

    const evaluations = this.spans.filter((s) => s.name === 'EvaluateScript' && isExt(s.data.url));
    this.scripts = [...new Set(evaluations.map((s) => fileOf(String(s.data.url))))];

    // Forced style/layout: a JS stack is recorded only when script forced it.
    this.forcedLayouts = this.spans
      .filter((s) => (s.name === 'Layout' || s.name === 'UpdateLayoutTree') && Array.isArray(s.data.stackTrace))
      .filter((s) => (s.data.stackTrace as Frame[]).some((f) => isExt(f.url)))
      .map((s) => {
        // The innermost extension frame and its caller: `dom.ts ← okta-panels.ts (isShown)` says who asked.
        const frames = (s.data.stackTrace as Frame[]).filter((f) => isExt(f.url)).slice(0, 2);
        const source = frames.map((f) => originOf(f, true)).join(' ← ');
        return { at: s.start, ms: (s.end - s.start) / 1000, context: this.contextOf(s), source };
      });

    // CPU samples of this thread; a sample counts for the time until the next one.
    const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
    const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.id === profile?.id && e.pid === pid);
    const nodes = new Map<number, ProfileNode>();
    const ids: number[] = [];
    const deltas: number[] = [];
    for (const c of chunks) {
      const data = (c.args?.data ?? {}) as {
        cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
        timeDeltas?: number[];
      };
      for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
      ids.push(...(data.cpuProfile?.samples ?? []));
      deltas.push(...(data.timeDeltas ?? []));
    }
    // The innermost extension frame on a sample's stack: whose code was running (or calling the DOM).
    const frameOf = new Map<number, Frame | null>();
    const innermost = (id: number): Frame | null => {
      const known = frameOf.get(id);
      if (known !== undefined) return known;
      const n = nodes.get(id);
      const value = isExt(n?.callFrame?.url)
        ? (n?.callFrame as Frame)
        : n?.parent !== undefined
          ? innermost(n.parent)
          : null;
      frameOf.set(id, value);
      return value;
    };
    const moduleOfNode = new Map<number, string>();
    const evalSpans = evaluations.map((s) => [s.start, s.end, String(s.data.url)] as const);
    this.byScript = new Map();
    this.byModule = new Map();
    let ts = Number((profile?.args?.data as { startTime?: number } | undefined)?.startTime ?? 0);
    const stamps = deltas.map((d) => {
      ts += d;
      return ts;
    });
    this.sampleTs = stamps.slice(0, ids.length);
    this.extPrefix = new Float64Array(ids.length + 1);
    ids.forEach((id, i) => {
      const at = stamps[i] as number;
      const dur = Math.max(0, (stamps[i + 1] ?? at) - at);
      const evaluating = evalSpans.find(([a, b]) => at >= a && at <= b)?.[2];
      const frame = innermost(id);
      const ext = Boolean(evaluating) || frame !== null;
      this.extPrefix[i + 1] = (this.extPrefix[i] as number) + (ext ? dur : 0);
      if (!ext) return;
      const script = fileOf(frame?.url ?? evaluating ?? '');
      this.byScript.set(script, (this.byScript.get(script) ?? 0) + dur / 1000);
      // Outside any function (compiling, the top level): the script itself.
      let module = moduleOfNode.get(id);
      if (module === undefined) {
        const topLevel = !frame || (!frame.functionName && !frame.lineNumber && !frame.columnNumber);
        module = topLevel ? `${script} (top level)` : originOf(frame, false);
        moduleOfNode.set(id, module);
      }
      this.byModule.set(module, (this.byModule.get(module) ?? 0) + dur / 1000);
    });
  }

  /** What ran the code that forced this layout: the innermost scroll/event/frame/timer/microtask around it. */
  private contextOf(s: Span): LayoutContext {
    const around = this.spans
      .filter(
        (o) =>
          o.start <= s.start &&
          o.end >= s.end &&
          ['EventDispatch', 'FireAnimationFrame', 'TimerFire', 'RunMicrotasks'].includes(o.name),
      )
      .sort((a, b) => b.start - a.start)[0];
    if (!around) return 'other';
    if (around.name === 'EventDispatch') return around.data.type === 'scroll' ? 'scroll handler' : 'other event';
    if (around.name === 'FireAnimationFrame') return 'animation frame';
    if (around.name === 'TimerFire') return 'timer';
    return 'microtask';
  }

  /** Index of the first sample at or after `ts`. */
  private sampleIndex(ts: number): number {
    let lo = 0;
    let hi = this.sampleTs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.sampleTs[mid] as number) < ts) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private extRange(from: number, to: number): number {
    if (to <= from) return 0;
    return (this.extPrefix[this.sampleIndex(to)] as number) - (this.extPrefix[this.sampleIndex(from)] as number);
  }

  /** Extension script time (ms) between two trace timestamps; `excludeFrameLayout` drops layout forced in rAF. */
  extensionMs(from = this.start, to = this.end, excludeFrameLayout = false): number {
    let total = this.extRange(from, to);
    if (excludeFrameLayout) {
      for (const l of this.forcedLayouts) {
        if (l.context !== 'animation frame') continue;
        total -= this.extRange(Math.max(from, l.at), Math.min(to, l.at + l.ms * 1000));
      }
    }
    return total / 1000;
  }

  /** Samples recorded at all: without them nothing can be attributed. */
  get sampled(): boolean {
    return this.sampleTs.length > 0;
  }

  forcedLayoutsBetween(from = this.start, to = this.end): ForcedLayout[] {
    return this.forcedLayouts.filter((l) => l.at >= from && l.at < to);
  }

  /** Top-level main-thread tasks (nested run loops skipped) starting in the window. */
  private tasks(from: number, to: number): Span[] {
    const top: Span[] = [];
    let until = 0;
    for (const t of this.topTasks) {
      if (t.start < until) continue;
      until = t.end;
      if (t.start >= from && t.start < to) top.push(t);
    }
    return top;
  }

  /** Main-thread tasks over 50 ms (CPU) in the window, with the extension's part of each. */
  longTasks(from = this.start, to = this.end): LongTask[] {
    return this.tasks(from, to)
      .map((t) => {
        const wallMs = (t.end - t.start) / 1000;
        const ms = (t.cpu ?? t.end - t.start) / 1000;
        // Samples are taken in wall time: scaled to the task's CPU share.
        const extensionMs = Math.min(ms, this.extensionMs(t.start, t.end, true) * (wallMs > 0 ? ms / wallMs : 1));
        return {
          start: t.start,
          ms,
          wallMs,
          extensionMs,
          causedByExtension: extensionMs > 0 && ms - extensionMs <= LONG_TASK_MS,
        };
      })
      .filter((t) => t.ms > LONG_TASK_MS);
  }

  /** The task in which the extension spent the most time: its CPU time and the extension's (CPU) share. */
  heaviestExtensionTask(from = this.start, to = this.end): { ms: number; extensionMs: number } | null {
    let best: { ms: number; extensionMs: number } | null = null;
    for (const t of this.tasks(from, to)) {
      const wallMs = (t.end - t.start) / 1000;
      const ms = (t.cpu ?? t.end - t.start) / 1000;
      const extensionMs = Math.min(ms, this.extensionMs(t.start, t.end) * (wallMs > 0 ? ms / wallMs : 1));
      if (extensionMs > 0 && (!best || extensionMs > best.extensionMs)) best = { ms, extensionMs };
    }
    return best;
  }

  markTime(name: string): number | undefined {
    return this.marks.find((m) => m.name === name)?.ts;
  }
}

/** Complete events as spans; begin/end pairs matched per thread. */
function toSpans(events: readonly RawEvent[]): Span[] {
  const spans: Span[] = [];
  const open: RawEvent[] = [];
  for (const e of [...events].sort((a, b) => a.ts - b.ts)) {
    if (e.ph === 'X') {
      spans.push({ name: e.name, start: e.ts, end: e.ts + (e.dur ?? 0), cpu: e.tdur, data: dataOf(e) });
    } else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const i = open.map((o) => o.name).lastIndexOf(e.name);
      const begin = i >= 0 ? open.splice(i, 1)[0] : undefined;
      if (begin) spans.push({ name: e.name, start: begin.ts, end: e.ts, data: { ...dataOf(begin), ...dataOf(e) } });
    }
  }
  return spans;
}
