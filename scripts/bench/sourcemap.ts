/**
 * Positions in the built (minified) scripts back to the project's modules, through the hidden source maps
 * of the benchmark's own build, so the extension's time and forced layouts can be charged to a source file.
 * A minimal source map v3 reader: base64 VLQ `mappings`, one lookup per position.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './common';

export interface Origin {
  /** A project file (`utils/readers/dom.ts`) or a package (`webextension-polyfill`). */
  module: string;
  /** The identifier at that position in the source, when the map names one. */
  name?: string;
}

/** `node_modules/<pkg>/…` → the package; a project file → its path from the repository root. */
export function moduleOf(file: string): string {
  const posix = file.split(path.sep).join('/');
  const nm = posix.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const [scope = '', name = ''] = posix.slice(nm + 'node_modules/'.length).split('/');
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  return path.relative(ROOT, path.resolve(ROOT, file)).split(path.sep).join('/');
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** One generated line: segments [generated column, source index, name index or -1], by column. */
type Line = [number, number, number][];

function decode(mappings: string): Line[] {
  const lines: Line[] = [];
  // Fields are deltas from the previous segment; source line and column are not needed here.
  let source = 0;
  let name = 0;
  for (const text of mappings.split(';')) {
    const line: Line = [];
    let column = 0;
    for (const segment of text.split(',')) {
      if (!segment) continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const c of segment) {
        const digit = DIGIT.get(c) ?? 0;
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0] ?? 0;
      if (values.length >= 4) {
        source += values[1] ?? 0;
        if (values.length >= 5) name += values[4] ?? 0;
        line.push([column, source, values.length >= 5 ? name : -1]);
      }
    }
    lines.push(line);
  }
  return lines;
}

interface LoadedMap {
  modules: string[];
  names: string[];
  lines: Line[];
}

export class SourceMaps {
  private readonly maps = new Map<string, LoadedMap>();

  private constructor(readonly dir: string) {}

  /** The maps next to the scripts of a build (`x.js.map`); none when the build has none. */
  static load(dir: string): SourceMaps {
    const maps = new SourceMaps(dir);
    if (!existsSync(dir)) return maps;
    for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (!f.endsWith('.js.map')) continue;
      const file = path.join(dir, f);
      const raw = JSON.parse(readFileSync(file, 'utf8')) as { sources: string[]; names?: string[]; mappings: string };
      const base = path.dirname(file);
      maps.maps.set(f.slice(0, -'.map'.length).split(path.sep).join('/'), {
        modules: raw.sources.map((s) => moduleOf(path.resolve(base, s))),
        names: raw.names ?? [],
        lines: decode(raw.mappings),
      });
    }
    return maps;
  }

  get available(): boolean {
    return this.maps.size > 0;
  }

  /** Where a 0-based position of a built file comes from. */
  resolve(file: string, line: number, column: number): Origin | null {
    const map = this.maps.get(file);
    const segments = map?.lines[line];
    if (!map || !segments?.length) return null;
    let lo = 0;
    let hi = segments.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((segments[mid]?.[0] ?? 0) <= column) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const segment = segments[Math.max(found, 0)];
    if (!segment) return null;
    const module = map.modules[segment[1]] ?? '?';
    const name = segment[2] >= 0 ? map.names[segment[2]] : undefined;
    return name ? { module, name } : { module };
  }
}
