/**
 * The fixture panes as Chromium rendered them (scripts/snapshot-fixtures.ts), loaded into a fresh
 * happy-dom document for the reader tests, and helpers to make the variants the fixture has no state for.
 * happy-dom parses a whole console page in tens of milliseconds (seconds for a 2,000-row list), so the
 * reader tests allow more than vitest's default time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const DIR = resolve('tests/fixtures/snapshots');

export const SNAPSHOT_NAMES: readonly string[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.replace(/\.html$/, ''));

const cache = new Map<string, string>();

export function snapshotHtml(name: string): string {
  let html = cache.get(name);
  if (html === undefined) {
    html = readFileSync(resolve(DIR, `${name}.html`), 'utf8');
    cache.set(name, html);
  }
  return html;
}

export function parse(html: string): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  // happy-dom's parser applies `selected` one option off when whitespace precedes the options; a browser
  // selects the option the markup marks, so put the selection there.
  for (const select of doc.querySelectorAll('select')) {
    const index = [...select.options].findIndex((o) => o.hasAttribute('selected'));
    if (index >= 0) select.selectedIndex = index;
  }
  return doc;
}

/** A fresh document of the snapshot (tests may change it freely). */
export function loadSnapshot(name: string): Document {
  return parse(snapshotHtml(name));
}

export function $(doc: ParentNode, selector: string): Element {
  const el = doc.querySelector(selector);
  if (!el) throw new Error(`no ${selector} in the snapshot`);
  return el;
}

/** The shown tab panel's content replaced by Okta's spinner, as while a pane loads; returns a restore. */
export function whileLoading(doc: Document, panelId: string): () => void {
  const panel = $(doc, `[id="${panelId}"]`);
  const content = [...panel.childNodes];
  panel.replaceChildren();
  panel.insertAdjacentHTML('beforeend', '<div class="okta-spinner" role="progressbar">Loading...</div>');
  return () => panel.replaceChildren(...content);
}

/**
 * The snapshot with its list replaced by `total` copies of its first `rowStart…</tr>` row, each passed
 * through `edit` (an HTML string and the index): long lists without a snapshot of the fixture's 2,000-group
 * state. The copies drop what no reader looks at (the status menus, spacing) and the document is parsed
 * once, since happy-dom inserts rows one by one slowly.
 */
export function withManyRows(
  name: string,
  rowStart: string,
  total: number,
  edit: (row: string, i: number) => string,
): Document {
  const html = snapshotHtml(name);
  const start = rowStart.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const rows = [...html.matchAll(new RegExp(`${start}[\\s\\S]*?</tr>`, 'g'))];
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last) throw new Error(`no ${rowStart} rows in ${name}`);
  const template = first[0].replace(/<ul class="okta-dropdown-list"[\s\S]*?<\/ul>/g, '').replace(/>\s+</g, '><');
  const copies = Array.from({ length: total }, (_, i) => edit(template, i)).join('');
  return parse(html.slice(0, first.index) + copies + html.slice(last.index + last[0].length));
}
