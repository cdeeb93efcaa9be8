/** Paths, statistics and formatting shared by the benchmark's parts. */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROME_DIR = path.join(ROOT, '.output', 'chrome-mv3');
export const FIREFOX_DIR = path.join(ROOT, '.output', 'firefox-mv2');
export const REPORT_FILE = path.join(ROOT, 'docs', 'performance.md');

/** A measurement that could not be taken: shown in the tables, and the run exits non-zero. */
export class MeasurementError extends Error {}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export const max = (values: readonly number[]): number => (values.length ? Math.max(...values) : Number.NaN);
export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

export function ms(value: number, digits = value < 10 ? 2 : 1): string {
  return Number.isFinite(value) ? `${value.toFixed(digits)} ms` : 'n/a';
}

export const ratio = (value: number): string => (Number.isFinite(value) ? `×${value.toFixed(2)}` : 'n/a');

/** The "holds?" column: a clear mark either way, and "?" where nothing could be measured. */
export function holds(ok: boolean | undefined): string {
  if (ok === undefined) return '? not measured';
  return ok ? 'yes' : '**NO**';
}

export const sleep = (millis: number) => new Promise<void>((resolve) => setTimeout(resolve, millis));

/** One markdown table; cells are escaped for pipes. */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');
  return [
    `| ${head.map(cell).join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

/** Temporary folders (profiles, build copies) removed on Ctrl-C or a kill, as well as by their owners. */
export const tempDirs = new Set<string>();

/** Playwright ends the browsers it started on these signals; this removes the folders, then exits. */
function onSignal(signal: NodeJS.Signals) {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  process.exit(signal === 'SIGINT' ? 130 : 143);
}
process.once('SIGINT', onSignal);
process.once('SIGTERM', onSignal);

/** What goes into the extension (as tests/e2e/support/build-extension.ts lists it). */
const SOURCES = ['entrypoints', 'components', 'utils', 'public', 'assets', 'wxt.config.ts', 'package.json'];

/** The newest modification time among the extension's sources: a build older than this is stale. */
export function newestSource(): Date {
  let newest = 0;
  for (const entry of SOURCES.map((s) => path.join(ROOT, s)).filter((p) => existsSync(p))) {
    newest = Math.max(newest, statSync(entry).mtimeMs);
    if (!statSync(entry).isDirectory()) continue;
    for (const name of readdirSync(entry, { recursive: true, encoding: 'utf8' })) {
      newest = Math.max(newest, statSync(path.join(entry, name)).mtimeMs);
    }
  }
  return new Date(newest);
}
