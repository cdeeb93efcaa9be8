/**
 * The Firefox test build: the production Firefox build plus the test-only bridge (utils/test-bridge.ts),
 * switched on by `WXT_E2E_BRIDGE=on` at build time. It goes to its own folder, `.output/e2e-firefox-mv2`,
 * so `npm run build` (`.output/firefox-mv2`) stays the production build, and it is rebuilt only when a
 * source is newer than it.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../../support/build-extension';

const run = promisify(execFile);

const OUT_DIR_TEMPLATE = 'e2e-firefox-mv2';
export const FIREFOX_TEST_BUILD = path.join(ROOT, '.output', OUT_DIR_TEMPLATE);

/** What goes into the extension: the WXT source folders and the files that configure the build. */
const SOURCES = ['entrypoints', 'components', 'utils', 'public', 'assets', 'wxt.config.ts', 'package.json'];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(entry, { recursive: true, encoding: 'utf8' })) {
    newest = Math.max(newest, statSync(path.join(entry, name)).mtimeMs);
  }
  return newest;
}

/** True when `dir` holds a build at least as new as each of `sources` (paths from the repository root). */
export function isBuiltAfter(dir: string, sources: readonly string[] = SOURCES): boolean {
  const manifest = path.join(dir, 'manifest.json');
  if (!existsSync(manifest)) return false;
  const built = statSync(manifest).mtimeMs;
  return sources.every((s) => newestMtime(path.join(ROOT, s)) <= built);
}

/** Returns the unpacked Firefox test build's folder, building it first when it is missing or stale. */
export async function buildFirefoxTestExtension(): Promise<string> {
  if (isBuiltAfter(FIREFOX_TEST_BUILD)) return FIREFOX_TEST_BUILD;
  // WXT's own API in a child process (its Vite must not meet Vitest's); WXT hands WXT_* variables to import.meta.env.
  // Without Vitest's NODE_ENV=test, which would make Vite bundle React's development build.
  const { NODE_ENV: _, ...env } = process.env;
  const script = `const { build } = await import('wxt'); await build({ browser: 'firefox', outDirTemplate: ${JSON.stringify(OUT_DIR_TEMPLATE)} });`;
  try {
    await run(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT,
      env: { ...env, WXT_E2E_BRIDGE: 'on' },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`Building the Firefox test extension failed:\n${stdout}\n${stderr}`);
  }
  if (!existsSync(path.join(FIREFOX_TEST_BUILD, 'manifest.json'))) {
    throw new Error(`The build finished but ${FIREFOX_TEST_BUILD}/manifest.json is missing.`);
  }
  return FIREFOX_TEST_BUILD;
}
