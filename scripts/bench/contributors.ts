/**
 * What makes a page script big: each built script page-side is bundled again from its entrypoint with
 * esbuild (minified, as WXT's Vite build does), and esbuild's metafile says how many output bytes each
 * module contributes. It is a re-bundle, not the Vite build: its total is shown beside the real file's so
 * a large gap (a transform this re-bundle lacks) is visible.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type Plugin, transform } from 'esbuild';
import { ROOT, tempDirs } from './common';
import { moduleOf } from './sourcemap';

export interface Contributor {
  /** A package (`webextension-polyfill`) or a project file (`utils/readers/dom.ts`). */
  module: string;
  bytes: number;
}

export interface Contributors {
  file: string;
  entry: string | null;
  /** Minified size of the re-bundle, to compare with the real file. */
  rebundled: number;
  modules: Contributor[];
  /** UI frameworks among the bundled packages. */
  frameworks: string[];
}

const FRAMEWORKS = /^(react|react-dom|preact|vue|@vue\/.*|svelte|lit|lit-html|lit-element|solid-js|@angular\/.*)$/;

/** WXT's entrypoint naming: `content-scripts/okta.js` ← `entrypoints/okta.content{.ts,/index.ts}`, `x.js` ← `entrypoints/x{.ts,/index.ts}`. */
function entrySource(file: string): { path: string; contentScript: boolean } | null {
  const name = path.posix.basename(file).replace(/\.[^.]+$/, '');
  const contentScript = file.startsWith('content-scripts/');
  const stems = contentScript ? [`${name}.content`, name] : [name, `${name}.content`];
  for (const s of stems) {
    for (const candidate of ['.ts', '.tsx', '.js', '/index.ts', '/index.tsx', '/index.js']) {
      const p = path.join(ROOT, 'entrypoints', `${s}${candidate}`);
      if (existsSync(p)) return { path: p, contentScript: s.endsWith('.content') };
    }
  }
  return null;
}

/** `import.meta.env.X` as a production Chrome build sets it (test-only flags are off). */
function envPlugin(entrypoint: string): Plugin {
  const env: Record<string, unknown> = {
    MODE: 'production',
    PROD: true,
    DEV: false,
    SSR: false,
    COMMAND: 'build',
    BROWSER: 'chrome',
    CHROME: true,
    FIREFOX: false,
    SAFARI: false,
    EDGE: false,
    OPERA: false,
    MANIFEST_VERSION: 3,
    ENTRYPOINT: entrypoint,
  };
  return {
    name: 'bench-env',
    setup(b) {
      b.onLoad({ filter: /\.(m?[jt]sx?)$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta.env')) return undefined;
        const contents = text.replace(/import\.meta\.env\.(\w+)/g, (_, key: string) =>
          key in env ? JSON.stringify(env[key]) : 'undefined',
        );
        const ext = path.extname(args.path).slice(1);
        const loader = ext === 'tsx' || ext === 'jsx' ? ext : ext.includes('t') ? 'ts' : 'js';
        return { contents, loader };
      });
    },
  };
}

/** `./x.css?inline` as Vite gives it: the minified stylesheet as a string. */
const inlineCssPlugin: Plugin = {
  name: 'bench-inline-css',
  setup(b) {
    b.onResolve({ filter: /\.css\?inline$/ }, (args) => ({
      path: path.resolve(args.resolveDir, args.path.replace(/\?inline$/, '')),
      namespace: 'inline-css',
    }));
    b.onLoad({ filter: /.*/, namespace: 'inline-css' }, async (args) => {
      const css = await transform(readFileSync(args.path, 'utf8'), { loader: 'css', minify: true });
      return { contents: `export default ${JSON.stringify(css.code)};`, loader: 'js' };
    });
  },
};

/** An esbuild metafile input (relative to ROOT, maybe `namespace:`-prefixed) as a module name. */
const moduleName = (input: string) => moduleOf(path.resolve(ROOT, input.replace(/^[a-z-]+:/, '')));

/** The polyfill module replaces `wxt/browser` when the project's config lists it. */
function usesPolyfill(): boolean {
  const config = path.join(ROOT, 'wxt.config.ts');
  return existsSync(config) && readFileSync(config, 'utf8').includes('@wxt-dev/webextension-polyfill');
}

export async function contributorsOf(builtDir: string, files: readonly string[]): Promise<Contributors[]> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'ssa-bench-esbuild-'));
  tempDirs.add(scratch);
  try {
    // WXT auto-imports these in entrypoints; everything else in the project is imported explicitly.
    const autoImports = path.join(scratch, 'auto-imports.js');
    await writeFile(
      autoImports,
      [
        "export { defineContentScript } from 'wxt/utils/define-content-script';",
        "export { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';",
        "export { browser } from 'wxt/browser';",
      ].join('\n'),
    );
    const out: Contributors[] = [];
    for (const file of files) {
      const entry = entrySource(file);
      const realSize = readFileSync(path.join(builtDir, file)).length;
      if (!entry || !file.endsWith('.js')) {
        out.push({ file, entry: null, rebundled: realSize, modules: [], frameworks: [] });
        continue;
      }
      const name = path.posix.basename(file, '.js');
      const main = entry.contentScript
        ? `const { main, ...options } = definition; main(new ContentScriptContext(${JSON.stringify(name)}, options));`
        : 'definition.main();';
      const result = await build({
        stdin: {
          contents: [
            `import definition from ${JSON.stringify(entry.path)};`,
            "import { ContentScriptContext } from 'wxt/utils/content-script-context';",
            main,
          ].join('\n'),
          resolveDir: ROOT,
          loader: 'ts',
        },
        absWorkingDir: ROOT,
        bundle: true,
        minify: true,
        format: 'iife',
        platform: 'browser',
        target: 'es2022',
        write: false,
        metafile: true,
        logLevel: 'silent',
        inject: [autoImports],
        nodePaths: [path.join(ROOT, 'node_modules')],
        alias: usesPolyfill() ? { 'wxt/browser': '@wxt-dev/webextension-polyfill/browser' } : {},
        plugins: [envPlugin(name), inlineCssPlugin],
      });
      const output = Object.values(result.metafile?.outputs ?? {})[0];
      const byModule = new Map<string, number>();
      for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
        const m = moduleName(input);
        byModule.set(m, (byModule.get(m) ?? 0) + bytesInOutput);
      }
      const modules = [...byModule]
        .map(([module, bytes]) => ({ module, bytes }))
        .filter((c) => c.bytes > 0)
        .sort((a, b) => b.bytes - a.bytes);
      out.push({
        file,
        entry: path.relative(ROOT, entry.path),
        rebundled: result.outputFiles?.[0]?.contents.length ?? 0,
        modules,
        frameworks: modules.map((m) => m.module).filter((m) => FRAMEWORKS.test(m)),
      });
    }
    return out;
  } finally {
    await rm(scratch, { recursive: true, force: true });
    tempDirs.delete(scratch);
  }
}
