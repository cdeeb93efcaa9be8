/**
 * Looks for a secret's bytes in every file under a folder (a Firefox profile, after Firefox has quit).
 *
 * A copy can hide in several forms, so each secret is looked for as UTF-8 and UTF-16LE text (whole, and
 * in 24-character pieces, which also survive a compressor that cut the string short with a back-reference),
 * and as standard or URL-safe base64 at each of its three alignments. Firefox compresses its session and
 * add-on files with mozLz4 (`mozLz40\0`, decompressed size, one LZ4 block): those are read decompressed too.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface ScanHit {
  /** Which secret, by the label it was given. */
  secret: string;
  /** The file, relative to the scanned folder; `(mozLz4)` when found in its decompressed content. */
  file: string;
  form: string;
}

export interface ScanResult {
  files: number;
  /** Files read decompressed (relative paths). */
  decompressed: string[];
  hits: ScanHit[];
}

const PIECE = 24;
const MOZ_LZ4_MAGIC = Buffer.from('mozLz40\0', 'latin1');

/** Decodes one LZ4 block (the format is public: lz4/doc/lz4_Block_format.md). */
export function lz4Block(src: Buffer, size: number): Buffer {
  const out = Buffer.alloc(size);
  let i = 0;
  let o = 0;
  const length = (start: number) => {
    let n = start;
    if (start === 15) {
      let b: number;
      do {
        b = src[i++] ?? 0;
        n += b;
      } while (b === 255 && i < src.length);
    }
    return n;
  };
  while (i < src.length) {
    const token = src[i++] ?? 0;
    const literals = length(token >> 4);
    src.copy(out, o, i, i + literals);
    i += literals;
    o += literals;
    if (i >= src.length) break;
    const offset = (src[i] ?? 0) | ((src[i + 1] ?? 0) << 8);
    i += 2;
    if (offset === 0 || offset > o) throw new Error('corrupt LZ4 block');
    const match = length(token & 15) + 4;
    for (let k = 0; k < match && o < size; k++, o++) out[o] = out[o - offset] ?? 0;
  }
  return out.subarray(0, o);
}

export function decompressMozLz4(file: Buffer): Buffer | undefined {
  if (file.length < 12 || !file.subarray(0, 8).equals(MOZ_LZ4_MAGIC)) return undefined;
  return lz4Block(file.subarray(12), file.readUInt32LE(8));
}

/** Every byte pattern that gives `secret` away, each with a name for the report. */
export function needlesOf(secret: string): Array<{ form: string; bytes: Buffer }> {
  const needles: Array<{ form: string; bytes: Buffer }> = [];
  const text = (form: string, s: string) => {
    needles.push({ form: `${form} UTF-8`, bytes: Buffer.from(s, 'utf8') });
    needles.push({ form: `${form} UTF-16LE`, bytes: Buffer.from(s, 'utf16le') });
  };
  text('whole', secret);
  for (let at = 0; at + PIECE <= secret.length; at += PIECE)
    text(`characters ${at}–${at + PIECE}`, secret.slice(at, at + PIECE));
  for (let shift = 0; shift < 3; shift++) {
    // The middle of the encoding is the same wherever the secret sits, once aligned on 3 bytes.
    const b64 = Buffer.from(secret.slice(shift), 'utf8').toString('base64').slice(4, -4);
    needles.push({ form: `base64 (alignment ${shift})`, bytes: Buffer.from(b64) });
    needles.push({
      form: `base64url (alignment ${shift})`,
      bytes: Buffer.from(b64.replace(/\+/g, '-').replace(/\//g, '_')),
    });
  }
  return needles;
}

export async function scanFolder(dir: string, secrets: Record<string, string>): Promise<ScanResult> {
  const needles = Object.entries(secrets).flatMap(([secret, value]) => needlesOf(value).map((n) => ({ secret, ...n })));
  const result: ScanResult = { files: 0, decompressed: [], hits: [] };
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const file = path.relative(dir, full);
    const raw = await readFile(full);
    result.files++;
    const contents: Array<[string, Buffer]> = [[file, raw]];
    const inflated = decompressMozLz4(raw);
    if (inflated) {
      result.decompressed.push(file);
      contents.push([`${file} (mozLz4)`, inflated]);
    }
    for (const [where, bytes] of contents) {
      const found = new Set<string>();
      for (const n of needles) {
        if (found.has(n.secret) || !bytes.includes(n.bytes)) continue;
        found.add(n.secret);
        result.hits.push({ secret: n.secret, file: where, form: n.form });
      }
    }
  }
  return result;
}
