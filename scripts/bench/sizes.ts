/**
 * What the build ships, read from the build itself: every file raw and gzipped, grouped per entrypoint,
 * and what each kind of page receives. Manifest content scripts are what every matching page gets; a
 * script or stylesheet that nothing in the manifest or the extension's pages loads is taken to be injected
 * later (scripting.executeScript / insertCSS), i.e. what a flow page gets on top.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BuiltFile {
  file: string;
  raw: number;
  gzip: number;
}

export interface Entrypoint {
  name: string;
  kind: 'background' | 'content script' | 'extension page' | 'injected later';
  files: string[];
}

export interface PageKind {
  /** Host patterns of one manifest content-script entry. */
  label: string;
  /** The entrypoint name of the manifest script (`okta`), used to match injected files to their site. */
  name: string;
  /** Host patterns of its `matches` (`*.okta.com`, `admin.atlassian.com`). */
  hosts: string[];
  offFlow: string[];
  flow: string[];
}

export interface BuildAnalysis {
  /** Where the measured copy is. */
  dir: string;
  /** Where the build came from, for the report. */
  source: string;
  builtAt: Date;
  files: Map<string, BuiltFile>;
  entrypoints: Entrypoint[];
  pageKinds: PageKind[];
  /** Files no manifest entry or extension page loads. */
  injected: string[];
  /** Of those, the ones whose path appears in the background script (how they get injected). */
  namedByBackground: string[];
  webAccessibleResources: string[];
}

interface Manifest {
  background?: { service_worker?: string; scripts?: string[]; page?: string };
  content_scripts?: { matches?: string[]; js?: string[]; css?: string[] }[];
  web_accessible_resources?: (string | { resources?: string[] })[];
}

const SHIPPED = /\.(m?js|css|html)$/;

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => SHIPPED.test(f) && statSync(path.join(dir, f)).isFile())
    .sort();
}

function measure(dir: string, file: string): BuiltFile {
  const bytes = readFileSync(path.join(dir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/**
 * Files a file loads: `src`/`href` in HTML, `import`s in scripts. Other strings naming a file (the
 * background's `executeScript({ files })`) are not loads: those files count as injected.
 */
const LOADS = {
  html: /\b(?:src|href)\s*=\s*["']([^"']+)["']/g,
  js: /\b(?:import|export)\s*(?:[\w*${}\s,]*?\bfrom\s*)?\(?\s*["']([^"']+\.m?js)["']/g,
} as const;

function references(dir: string, file: string, known: Set<string>): string[] {
  const text = readFileSync(path.join(dir, file), 'utf8');
  const found = new Set<string>();
  const base = path.posix.dirname(file);
  for (const match of text.matchAll(file.endsWith('.html') ? LOADS.html : LOADS.js)) {
    const ref = match[1] ?? '';
    const resolved = ref.startsWith('/') ? ref.slice(1) : path.posix.normalize(path.posix.join(base, ref));
    if (known.has(resolved)) found.add(resolved);
  }
  return [...found];
}

function closure(dir: string, roots: readonly string[], known: Set<string>): string[] {
  const seen = new Set<string>();
  const todo = roots.filter((r) => known.has(r));
  while (todo.length) {
    const file = todo.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith('.css')) continue;
    todo.push(...references(dir, file, known));
  }
  return [...seen].sort();
}

const stem = (file: string) => path.posix.basename(file).replace(/\.[^.]+$/, '');

const hostsOf = (matches: readonly string[]) => matches.map((m) => m.replace(/^[a-z*]+:\/\//, '').replace(/\/.*$/, ''));

function hostLabel(matches: readonly string[]): string {
  // Shortest first: `*.okta.com` names the group better than the alphabetically first `*.okta-emea.com`.
  const hosts = hostsOf(matches).sort((a, b) => a.length - b.length);
  return hosts.length > 2 ? `${hosts[0]} (+${hosts.length - 1} more)` : hosts.join(', ');
}

export function analyzeBuild(dir: string, source = dir): BuildAnalysis {
  const manifestPath = path.join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`No build at ${dir} (manifest.json missing): run \`npx wxt build\`.`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const all = listFiles(dir);
  const known = new Set(all);
  const files = new Map(all.map((f) => [f, measure(dir, f)]));
  const entrypoints: Entrypoint[] = [];
  const claimed = new Set<string>();
  const add = (name: string, kind: Entrypoint['kind'], roots: string[]) => {
    const list = closure(dir, roots, known);
    for (const f of list) claimed.add(f);
    entrypoints.push({ name, kind, files: list });
  };

  const bg = manifest.background;
  const bgRoots = [bg?.service_worker, bg?.page, ...(bg?.scripts ?? [])].filter((f): f is string => Boolean(f));
  if (bgRoots.length) add('background', 'background', bgRoots);

  const pageKinds: PageKind[] = [];
  for (const entry of manifest.content_scripts ?? []) {
    const own = [...(entry.js ?? []), ...(entry.css ?? [])];
    const name = stem(entry.js?.[0] ?? entry.css?.[0] ?? 'content');
    add(name, 'content script', own);
    pageKinds.push({
      label: hostLabel(entry.matches ?? []),
      name,
      hosts: hostsOf(entry.matches ?? []),
      offFlow: own,
      flow: [...own],
    });
  }
  for (const html of all.filter((f) => f.endsWith('.html'))) add(stem(html), 'extension page', [html]);

  const injected = all.filter((f) => !claimed.has(f) && !f.endsWith('.html'));
  for (const f of injected) entrypoints.push({ name: stem(f), kind: 'injected later', files: [f] });
  // An injected file named after a site's script (`okta-flow.js`) goes to that site; others to every site.
  for (const f of injected) {
    const owners = pageKinds.filter((k) => stem(f).includes(k.name));
    for (const k of owners.length ? owners : pageKinds) k.flow.push(f);
  }
  const bgText = bgRoots.map((f) => readFileSync(path.join(dir, f), 'utf8')).join('\n');
  const war = (manifest.web_accessible_resources ?? []).flatMap((w) =>
    typeof w === 'string' ? [w] : (w.resources ?? []),
  );

  return {
    dir,
    source,
    builtAt: statSync(manifestPath).mtime,
    files,
    entrypoints,
    pageKinds,
    injected,
    namedByBackground: injected.filter((f) => bgText.includes(f)),
    webAccessibleResources: war,
  };
}

/** Raw and gzip totals of a list of files (each gzipped on its own, as each is loaded on its own). */
export function total(analysis: BuildAnalysis, list: readonly string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const f of list) {
    const s = analysis.files.get(f);
    raw += s?.raw ?? 0;
    gzip += s?.gzip ?? 0;
  }
  return { raw, gzip };
}

/** Files that belong to more than one entrypoint (shared chunks). */
export function sharedFiles(analysis: BuildAnalysis): Set<string> {
  const count = new Map<string, number>();
  for (const e of analysis.entrypoints) for (const f of e.files) count.set(f, (count.get(f) ?? 0) + 1);
  return new Set([...count].filter(([, n]) => n > 1).map(([f]) => f));
}
