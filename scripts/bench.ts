/**
 * `npm run bench`: how much the extension costs the admin consoles, measured on what the build contains.
 * Builds the Chrome extension (unless `--no-build`), then: sizes per entrypoint and per kind of page;
 * every reader on 100 / 1,000 / 10,000-row pages in Chromium; the same fixture pages loaded with and
 * without the extension in one run; traces attributing main-thread time, long tasks, mutation-burst cost
 * and forced layouts to the extension. Prints the tables and writes them to docs/performance.md.
 *
 * A benchmark, not a test: a missed target is marked in the tables and the exit code stays 0. A
 * measurement that could not be taken (a reader that does not read its page, a browser that fails)
 * exits 2 after writing what was measured.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { startFixtureServer } from '../tests/fixtures/server';
import { type Attribution, attribute } from './bench/attribution';
import { closeAll, launchChromium } from './bench/chromium';
import { CHROME_DIR, FIREFOX_DIR, REPORT_FILE, ROOT, tempDirs } from './bench/common';
import { contributorsOf } from './bench/contributors';
import { type LoadResult, measureLoads, OFF_FLOW_RUNS } from './bench/load';
import { measureReaders, type ReaderResult } from './bench/readers';
import { machineInfo, renderReport } from './bench/report';
import { analyzeBuild } from './bench/sizes';
import { SourceMaps } from './bench/sourcemap';

const run = promisify(execFile);
const log = (line: string) => console.error(line);

/** How long each part took, for the report. */
const phases: { name: string; seconds: number }[] = [];

/** Runs one part of the benchmark, logging how long it took. */
async function phase<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  log(`${name}:`);
  try {
    return await work();
  } finally {
    const seconds = (Date.now() - started) / 1000;
    phases.push({ name, seconds });
    log(`  (${name}: ${seconds.toFixed(1)} s)`);
  }
}

/**
 * A production Chrome build, as `npx wxt build` makes it, but into the benchmark's own folder and with
 * hidden source maps: the scripts are byte-identical (no `sourceMappingURL`), and the maps let the traces
 * name source modules. Building apart from `.output/chrome-mv3` neither races a build someone else starts
 * there nor changes the extension they are running. The test-only bridge flag is left out.
 */
async function buildChrome(into: string): Promise<string> {
  const env = { ...process.env };
  delete env.WXT_E2E_BRIDGE;
  const options = `{ outDir: ${JSON.stringify(into)}, vite: () => ({ build: { sourcemap: 'hidden' } }) }`;
  const script = `const { build } = await import('wxt'); await build(${options});`;
  try {
    // WXT's API in a child process, as tests/e2e/support/build-extension.ts does.
    await run(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`The build failed:\n${stdout}\n${stderr}`);
  }
  const dir = path.join(into, 'chrome-mv3');
  if (!existsSync(path.join(dir, 'manifest.json'))) throw new Error(`The build finished but ${dir} has no manifest.`);
  return dir;
}

/**
 * A private copy of a build, so a build someone starts meanwhile cannot swap files under the running
 * browser. Copied again when a file the manifest names is missing (a build was half-way).
 */
async function snapshot(dir: string, into: string): Promise<string> {
  const copy = path.join(into, path.basename(dir));
  for (let attempt = 1; ; attempt++) {
    await rm(copy, { recursive: true, force: true });
    if (existsSync(path.join(dir, 'manifest.json'))) {
      await cp(dir, copy, { recursive: true, preserveTimestamps: true });
      const manifest = JSON.parse(await readFile(path.join(copy, 'manifest.json'), 'utf8')) as {
        content_scripts?: { js?: string[] }[];
        background?: { service_worker?: string; scripts?: string[] };
      };
      const named = [
        ...(manifest.content_scripts ?? []).flatMap((c) => c.js ?? []),
        ...[manifest.background?.service_worker ?? [], manifest.background?.scripts ?? []].flat(),
      ];
      if (named.every((f) => existsSync(path.join(copy, f)))) return copy;
    }
    if (attempt === 5) throw new Error(`No complete build in ${path.relative(ROOT, dir)}: run \`npx wxt build\`.`);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  const { values } = parseArgs({
    options: { 'no-build': { type: 'boolean', default: false }, runs: { type: 'string', default: '4' } },
  });
  const runs = Math.max(1, Number.parseInt(values.runs ?? '4', 10) || 4);
  const loadBefore = os.loadavg();
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'ssa-bench-build-'));
  tempDirs.add(scratch);
  try {
    const fresh = !values['no-build'];
    const chromeDir = fresh ? await phase('build', () => buildChrome(scratch)) : await snapshot(CHROME_DIR, scratch);
    return await measure({ started, runs, loadBefore, scratch, chromeDir, fresh });
  } finally {
    await rm(scratch, { recursive: true, force: true });
    tempDirs.delete(scratch);
  }
}

interface Setup {
  started: number;
  runs: number;
  loadBefore: number[];
  scratch: string;
  chromeDir: string;
  /** Built by this run (with source maps), rather than `.output/chrome-mv3` as found. */
  fresh: boolean;
}

async function measure({ started, runs, loadBefore, scratch, chromeDir, fresh }: Setup): Promise<number> {
  const chrome = analyzeBuild(
    chromeDir,
    fresh
      ? 'a fresh production build (`wxt build`, made by this run)'
      : `\`${path.relative(ROOT, CHROME_DIR)}\` as found`,
  );
  const maps = SourceMaps.load(chromeDir);
  const firefox = existsSync(path.join(FIREFOX_DIR, 'manifest.json'))
    ? analyzeBuild(await snapshot(FIREFOX_DIR, scratch), `\`${path.relative(ROOT, FIREFOX_DIR)}\` as found`)
    : null;
  const pageScripts = [...new Set([...chrome.pageKinds.flatMap((k) => k.flow)])].filter((f) => f.endsWith('.js'));
  const contributors = await contributorsOf(chromeDir, pageScripts);
  log(`sizes: ${chrome.files.size} files; page scripts ${pageScripts.join(', ')}`);

  const errors: string[] = [];
  let readers: ReaderResult[] = [];
  let attribution: Attribution | null = null;
  let loads: LoadResult[] = [];
  let chromium = '';
  const server = await startFixtureServer({ port: 0 });
  try {
    const withExt = await launchChromium(server.port, chromeDir);
    const withoutExt = await launchChromium(server.port);
    chromium = withExt.version;
    readers = await phase('readers, in the Chromium without the extension', () => measureReaders(withoutExt, log));
    errors.push(...readers.filter((r) => r.error).map((r) => `reader ${r.reader}: ${r.error}`));
    // First the traces, in the Chromium with the extension: they also bring its stored progress to
    // where every later load finds it.
    attribution = await phase('traces, in the Chromium with the extension', () => attribute(withExt, maps, log));
    loads = await phase(`loads side by side, ${runs} per page and browser (off the flow ${runs * OFF_FLOW_RUNS})`, () =>
      measureLoads(withExt, withoutExt, runs, log),
    );
  } catch (error) {
    errors.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
    log(`measurement stopped: ${String(error)}`);
  } finally {
    await closeAll();
    await server.close();
  }

  const report = renderReport({
    date: new Date(),
    machine: { ...machineInfo(chromium), loadBefore, loadAfter: os.loadavg() },
    runs,
    durationS: (Date.now() - started) / 1000,
    phases,
    chrome,
    mapped: maps.available,
    firefox,
    contributors,
    readers,
    attribution,
    loads,
    errors,
  });
  console.log(report);
  await writeFile(REPORT_FILE, report);
  log(`written to ${path.relative(ROOT, REPORT_FILE)} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return errors.length ? 2 : 0;
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    console.error(error);
    await closeAll();
    process.exit(2);
  },
);
