/**
 * Builds the Chrome extension for the end-to-end tests, only when a source is newer than the last build.
 * It builds into its own folder (`.output/e2e-chrome-mv3`) so a `npm run build` elsewhere in the tree never
 * swaps files under a running test browser, and a test run never overwrites someone else's build.
 *
 * A second variant (`scim-api-granted`) differs in one manifest line: api.atlassian.com is a required host
 * permission instead of an optional one. Chromium shows its optional-permission prompt in browser UI that
 * automation cannot answer (microsoft/playwright#32755, closed as out of scope), so the tests that reach
 * the SCIM API use it; everything else, and the manifest test, use the production configuration.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export type BuildVariant = 'production' | 'scim-api-granted';
const OUT_DIR_TEMPLATES: Record<BuildVariant, string> = {
  production: 'e2e-chrome-mv3',
  'scim-api-granted': 'e2e-chrome-mv3-scim-api',
};
const VARIANT_ENV: Record<BuildVariant, Record<string, string>> = {
  production: {},
  'scim-api-granted': { WXT_E2E_SCIM_API: 'required' },
};
export const extensionDirOf = (variant: BuildVariant) => path.join(ROOT, '.output', OUT_DIR_TEMPLATES[variant]);

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

function isFresh(dir: string): boolean {
  const manifest = path.join(dir, 'manifest.json');
  if (!existsSync(manifest)) return false;
  const built = statSync(manifest).mtimeMs;
  return SOURCES.every((s) => newestMtime(path.join(ROOT, s)) <= built);
}

/** Returns the unpacked extension's folder, building it first when it is missing or stale. */
export async function buildExtension(variant: BuildVariant = 'production'): Promise<string> {
  const dir = extensionDirOf(variant);
  if (isFresh(dir)) return dir;
  // WXT's own API in a child process: WXT builds with its own Vite, which must not meet Vitest's.
  const script = `const { build } = await import('wxt'); await build({ outDirTemplate: ${JSON.stringify(OUT_DIR_TEMPLATES[variant])} });`;
  try {
    // Without Vitest's NODE_ENV=test, which would bundle React's development build.
    const { NODE_ENV: _test, WXT_E2E_SCIM_API: _variant, ...inherited } = process.env;
    const env = { ...inherited, ...VARIANT_ENV[variant] };
    await run(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`Building the extension for the end-to-end tests failed:\n${stdout}\n${stderr}`);
  }
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`The build finished but ${dir}/manifest.json is missing.`);
  }
  return dir;
}
