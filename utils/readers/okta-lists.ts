/**
 * Tables of the Okta app tabs (Push Groups, Assignments): columns found by header text, body rows read
 * in one pass, and whether the rows on show are the whole list. Built for long lists: nothing here
 * searches the document per row or reads layout (a 10,000-row table is read once per animation frame).
 */
import { firstElement, hiddenByMarkup, textOf } from './dom';
import { sectionChildren } from './row-cache';

/*
 * Sections and rows are walked through `children`, not `tBodies` / `rows` / `cells`: that skips nested
 * tables, and works the same in layout-less test DOMs, whose table collections are partial.
 */

function isHeaderRow(row: Element): boolean {
  const cells = row.children;
  for (let i = 0; i < cells.length; i++) if (cells[i]?.tagName !== 'TH') return false;
  return cells.length > 0;
}

/** A one-cell row spanning the table ("No pushed groups"), or a header row: not data. */
function isPlaceholderOrHeader(row: Element): boolean {
  const first = row.firstElementChild;
  if (!first || row.tagName !== 'TR') return true;
  if (row.childElementCount === 1)
    return Number(first.getAttribute('colspan') ?? 1) > 1 || row.classList.contains('empty-row');
  return first.tagName === 'TH' && isHeaderRow(row);
}

/** The table's sections of one kind (its own, not a nested table's). */
function sections(table: Element, tag: 'THEAD' | 'TBODY'): Element[] {
  return [...table.children].filter((c) => c.tagName === tag);
}

/** The header cells: the thead's first row, else a first row made only of `th`, else ARIA column headers. */
export function headerCells(table: Element): Element[] {
  const head = sections(table, 'THEAD')[0]?.firstElementChild;
  if (head) return [...head.children];
  const first = (sections(table, 'TBODY')[0] ?? table).firstElementChild;
  if (first?.tagName === 'TR' && isHeaderRow(first)) return [...first.children];
  return [...table.querySelectorAll('[role="columnheader"]')];
}

/**
 * The element to search in: a panel, or the body when the page has no panels. Tested by node type, since
 * `instanceof Document` fails for documents from another realm (a parsed test page, a frame).
 */
export function scopeElement(root: ParentNode): Element | null {
  return (root as Node).nodeType === 9 ? (root as Document).body : (root as Element);
}

/** Index of the first column whose header matches; -1 when none does. */
export function columnIndex(table: Element, header: RegExp): number {
  return headerCells(table).findIndex((c) => header.test(textOf(c)));
}

/** `columnIndex` for several headers, the header row read once. */
export function columnIndexes<K extends string>(table: Element, headers: Record<K, RegExp>): Record<K, number> {
  const texts = headerCells(table).map(textOf);
  const out = {} as Record<K, number>;
  for (const key in headers) out[key] = texts.findIndex((t) => headers[key].test(t));
  return out;
}

/**
 * The data rows of the table body, in order. Index loops over `children`, not `tBodies` / `rows` /
 * `cells` (nor sibling walks, which are linear per step in happy-dom): cheap on long lists, skips nested
 * tables, and works in layout-less test DOMs whose table collections are partial.
 * Only a section's first row can be a header row or a placeholder, so only it is examined; any other odd
 * row simply yields no name, which the readers report as a list they could not fully read.
 * With a row-cache session (take it before calling: it hands pending records over), each body's rows
 * come from the list row-cache.ts keeps in step with the rows added and removed.
 */
export function bodyRows(table: Element, session = 0): Element[] {
  let rows: Element[] = [];
  const parts = table.children;
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p] as Element;
    const tag = part.tagName;
    if (tag === 'TR') {
      if (!isPlaceholderOrHeader(part)) rows.push(part);
    } else if (tag === 'TBODY') {
      const list = sectionChildren(session, part);
      const first = list[0];
      const from = first && !isPlaceholderOrHeader(first) ? 0 : 1;
      // Copied by the engine, not a loop of ours: this runs on every read, mostly before it is optimised.
      const own = Array.prototype.slice.call(list, from) as Element[];
      rows = rows.length === 0 ? own : rows.concat(own);
    }
  }
  return rows;
}

/** `/admin/group/{id}` in a link, the Okta group id (`00g…`). */
const GROUP_HREF = /\/admin\/group\/(00g[A-Za-z0-9]{5,30})/;
export function groupIdOf(row: Element, link: Element | null): string | undefined {
  const own = row.getAttribute('data-group-id');
  if (own && /^[A-Za-z0-9]{1,40}$/.test(own)) return own;
  return GROUP_HREF.exec(link?.getAttribute('href') ?? '')?.[1];
}

/** Normalised text of one cell; the row's own cells only, so this stays cheap per row. */
export function cellText(row: Element, index: number): string | null {
  const cell = index >= 0 ? row.children[index] : undefined;
  return cell ? textOf(cell) : null;
}

/** "Show more", "Load more", "Next": a control that would bring more rows. */
const MORE_TEXT = /^(show|load|view) more\b|^next( page)?$|^[›»]$/i;
const MORE_HOOK = /\b(load-more|show-more|pagination-next|next-page)\b/i;
/** "Showing 1–50 of 2,000" style counters. */
const COUNTER = /\b\d[\d,]*\s*(?:-|–|to)\s*(\d[\d,]*)\s+of\s+(\d[\d,]*)\b/i;

function disabled(el: Element): boolean {
  return (
    el.hasAttribute('disabled') ||
    el.getAttribute('aria-disabled') === 'true' ||
    el.classList.contains('disabled') ||
    el.classList.contains('button-disabled')
  );
}

/**
 * Whether the `shown` rows of the table are the whole list: false when one of them is filtered out
 * (`rowsHidden`, gathered with the parse of each row: row-cache.ts `cachedList`), a search box holds text, a
 * shown "more"/"next" control or an "x–y of z" counter says there is more; true otherwise. Looks only
 * outside the table's bodies, so its cost does not grow with the list.
 */
export function listComplete(scope: Element, table: Element, shown: number, rowsHidden: boolean): boolean {
  if (rowsHidden) return false;
  const bodies = new Set<Node>(sections(table, 'TBODY'));
  // Asked of every element outside the bodies, on every read: the cheapest tests first, by name and attribute
  // rather than by selector matching.
  const saysMore = (el: Element): boolean => {
    const name = el.localName;
    const typedIn = name === 'input' && el instanceof HTMLInputElement && el.value.trim() !== '';
    if (typedIn && (el.type === 'search' || el.type === 'text')) return !hiddenByMarkup(el, scope);
    const se = el.getAttribute('data-se');
    const cls = el.getAttribute('class');
    const clickable = name === 'a' || name === 'button' || el.getAttribute('role') === 'button';
    const more =
      (clickable && (MORE_TEXT.test(textOf(el)) || /next page/i.test(el.getAttribute('aria-label') ?? ''))) ||
      el.getAttribute('rel') === 'next' ||
      (se !== null && MORE_HOOK.test(se)) ||
      (cls !== null && MORE_HOOK.test(cls));
    if (more && !disabled(el) && !hiddenByMarkup(el, scope)) return true;
    if (el.firstElementChild !== null) return false;
    const counter = COUNTER.exec(el.textContent ?? '');
    if (!counter) return false;
    const [shownTo, total] = [counter[1], counter[2]].map((s) => Number((s ?? '').replace(/,/g, '')));
    return (total ?? 0) > (shownTo ?? 0) || (total ?? 0) > shown;
  };
  return firstElement(scope, (el) => bodies.has(el), saysMore) === null;
}

/**
 * A per-row hook: a class name where one is known (looked up once for the whole table, which costs far
 * less than a query per row on long lists), else a selector tried inside each row.
 */
export type RowHook = { className: string } | { selector: string };

/** The first hook that finds something in the sample row; the last one when none does. */
export function pickRowHook(sample: Element | undefined, hooks: readonly RowHook[]): RowHook {
  const found = hooks.find((h) =>
    'className' in h ? sample?.getElementsByClassName(h.className)[0] : sample?.querySelector(h.selector),
  );
  return found ?? (hooks[hooks.length - 1] as RowHook);
}

/** `a b` → `.a.b`: the elements that have every class of a class-list string. */
function classSelector(className: string): string {
  return className
    .trim()
    .split(/\s+/)
    .map((c) => `.${CSS.escape(c)}`)
    .join('');
}

/**
 * A lookup row → the first element the hook finds in it (within the cell `cellOf` gives, when given),
 * searched inside each row on demand: for reads that parse only the rows that changed (row-cache.ts), where
 * a walk over the whole table would cost more than the rows read, and for selector hooks. A class match
 * counts for the row only when that row is the nearest `tr` above it (an element in a nested table belongs
 * to the nested row).
 */
export function rowLookupEach(
  hook: RowHook,
  cellOf?: (row: Element) => Element | undefined,
): (row: Element) => Element | null {
  if ('selector' in hook || cellOf)
    return (row) => {
      const within = cellOf ? cellOf(row) : row;
      if (!within) return null;
      return 'selector' in hook
        ? within.querySelector(hook.selector)
        : (within.getElementsByClassName(hook.className)[0] ?? null);
    };
  // The same elements as the class list, found by a query: about twice as fast for a row searched once
  // (a class list is an object made, and kept, per row and class).
  const selector = classSelector(hook.className);
  return (row) => {
    const first = row.querySelector(selector);
    if (first === null || first.closest('tr') === row) return first;
    // The first is in a nested table's row: the row's own comes later, if it has one.
    const matches = row.querySelectorAll(selector);
    for (let i = 1; i < matches.length; i++) {
      const el = matches[i] as Element;
      if (el.closest('tr') === row) return el;
    }
    return null;
  };
}

/**
 * The same answers as `rowLookupEach` for a class hook, from the table's matches walked along with its rows
 * `rows`, for a parse that asks for rows in their order (rows may be left out; a row asked again gets the
 * same answer; a row not in `rows` is searched on its own). The next match whose nearest `tr` is the row is
 * its own: one `closest` per row where most rows have a match. Any other match is placed once, by that
 * `tr` (an index of `rows`, built the first time one is needed): in a row left out, passed, in no row of
 * `rows` (a header's, a nested table's) or in none, it is passed over; in a later row, it waits for it.
 * So a sparse hook (an error icon in a few rows) costs a `closest` per match, never a search of the
 * document per row. A parse that starts further down (its first rows cached) skips the matches before its
 * first row in a few steps (`skipTo`). A map of the table's matches by row would cost a `closest` per
 * match and two map operations per row, about twice the time on 10,000 rows.
 */
function inRowOrder(
  table: Element,
  hook: { className: string },
  rows: readonly Element[],
  indexOf: () => ReadonlyMap<Element, number>,
): (row: Element) => Element | null {
  /**
   * Read where it stands, in order, and never asked its length: browsers keep their place in a live
   * collection read in order, while the length is a walk of the whole table (and copying it first,
   * `Array.from`, costs several times more: 0.9 against 0.1 ms for 2,000 rows in Chromium). A read split
   * over several tasks then walks, in each, only as far as the rows it parses.
   */
  const matches = table.getElementsByClassName(hook.className);
  /** The first match not placed yet, and its row's index once looked for (-1: in no row of `rows`). */
  let next = 0;
  let holder: number | undefined;
  /** Index of the last row asked. */
  let at = 0;
  let asked: Element | null = null;
  let answer: Element | null = null;
  let started = false;
  const alone = rowLookupEach(hook);
  /**
   * The index in `rows` of the row a match is in (-1: in none of them), from an index of the rows built
   * the first time one is needed: a search of `rows` onwards from the current row would run to the end of
   * the list for each match in no row (a header's) or in a row before it (`skipTo`).
   */
  const rowOf = (match: Element): number => {
    const tr = match.closest('tr');
    return tr ? (indexOf().get(tr) ?? -1) : -1;
  };
  /**
   * The first match that may belong to row `from` or a later one. A read that goes on from a row (the
   * rows before were parsed by an earlier task of the same read, row-cache.ts `withRowBudget`) would
   * otherwise walk every match before it again. Starts where one match per row would put it and steps
   * back or on from there: a few steps for a hook most rows have, the matches themselves for a sparse one.
   */
  const skipTo = (from: number): number => {
    // Past the end (a sparse hook): only then is the length worth its walk.
    let j = matches[from - 1] === undefined ? Math.min(from, matches.length) : from;
    for (; j > 0; j--) {
      const k = rowOf(matches[j - 1] as Element);
      if (k >= 0 && k < from) break;
    }
    for (let match = matches[j]; match !== undefined; match = matches[++j]) if (rowOf(match) >= from) break;
    return j;
  };
  return (row) => {
    if (row === asked) return answer;
    asked = row;
    answer = null;
    let i = at;
    while (i < rows.length && rows[i] !== row) i++;
    if (i === rows.length) {
      answer = alone(row);
      return answer;
    }
    at = i;
    if (!started) {
      started = true;
      if (at > 0) next = skipTo(at);
    }
    for (let match = matches[next]; match !== undefined; match = matches[next]) {
      if (holder === undefined) {
        // The row's own, not a nested table's (whose rows are not in `rows`, so their matches are passed).
        if (match.closest('tr') === row) {
          next += 1;
          answer = match;
          break;
        }
        holder = rowOf(match);
      }
      if (holder > at) break;
      next += 1;
      const own = holder === at;
      holder = undefined;
      if (own) {
        answer = match;
        break;
      }
    }
    return answer;
  };
}

/**
 * Lookups row → element for one read of `table`, whose body rows are `rows`. `incremental`: the read
 * parses few of them (the others come from row-cache.ts), so each is searched on its own (`rowLookupEach`).
 * Otherwise a class hook walks the table's matches along with the rows (`inRowOrder`, which wants the
 * parse to ask for rows in their order, as the readers' loops do), unless the first row has no match: a
 * hook few rows have (an error icon) is searched row by row too, since finding the table's first match
 * could walk the whole table at once. Nothing here walks the whole table up front: a first read of a long
 * list, split over tasks (row-cache.ts `withRowBudget`), pays in each for the rows it parses.
 */
export function lookupsFor(table: Element, rows: readonly Element[], incremental: boolean) {
  let index: Map<Element, number> | undefined;
  const indexOf = () => {
    if (!index) {
      index = new Map();
      for (let i = 0; i < rows.length; i++) index.set(rows[i] as Element, i);
    }
    return index;
  };
  return (hook: RowHook, cellOf?: (row: Element) => Element | undefined) => {
    if (incremental || 'selector' in hook || cellOf || !rows[0]?.querySelector(classSelector(hook.className)))
      return rowLookupEach(hook, cellOf);
    return inRowOrder(table, hook, rows, indexOf);
  };
}
