/**
 * What the list readers parsed of each row (and whether the row was hidden), kept until the row changes,
 * the rows of each table body, kept in step with the rows added and removed, and each list's last read
 * (`cachedList`): a burst of mutations on a 2,000-row list then costs the rows it touched, plus a pass
 * over plain arrays, not a pass over the DOM; a change to a few rows that adds or removes none costs
 * those rows.
 *
 * The cache is used only while a live MutationObserver watches the document (the overlay's, see
 * `watchRows`) and feeds every record it sees to `noteMutation`. Anywhere else (unit tests, the benchmark's
 * reader timings, a page off the flow) there is no session and every row is
 * parsed afresh: a stale entry would give a false "done" or hide an error, so when in doubt, read.
 *
 * An entry is valid for one watch session (detaching and attaching again forgets everything, since
 * changes made while nothing watched were not seen) and one key: the table-level context the parse
 * depends on (column indexes, chosen hooks), so a header change invalidates every row.
 */
import { hiddenItself } from './dom';

interface Watch {
  id: number;
  /** The observed subtree: rows outside it are never served from the cache. */
  root: Node;
  /** Hands pending records to `noteMutation` before a read (they are delivered asynchronously). */
  flush: () => void;
}

interface Entry {
  session: number;
  key: string;
  value: unknown;
  /** What `hiddenItself` said when the row was parsed (its attributes are watched like the rest). */
  hidden: boolean;
}

/** A table section's element children, in order, as the records seen so far left them. */
interface KeptChildren {
  session: number;
  children: Element[];
  /** Where the last record applied was: bursts add and remove neighbouring rows. */
  near: number;
  /**
   * Children removed by the records applied so far and still in `children`, as one block (`count` from
   * `start`): rows removed one by one from a block (first to last, or last to first) are taken out of the
   * list in one splice, when something else happens to it or it is read (`settle`), instead of one each.
   */
  leaving?: { start: number; count: number };
}

const watches = new WeakMap<Document, Watch>();
const entries = new WeakMap<Element, Entry>();
const kept = new WeakMap<Element, KeptChildren>();
/**
 * A section's children copied so far by a build a row budget stopped (`sectionChildren`), dropped by any
 * childList record on the section: the next read goes on from there.
 */
const building = new WeakMap<Element, { session: number; children: Element[] }>();

/**
 * The elements whose entry was forgotten (changed, or gone and maybe back), in order, so a list read
 * again (`cachedList`) revisits those rows only. Bounded: past LOG_MAX it is dropped whole, `logBase`
 * moves on, and a list that had not caught up is read in full. It holds the elements (detached rows
 * too) until then, or until the next watch starts.
 */
const LOG_MAX = 1_024;
let log: Element[] = [];
/** How many elements were logged before `log[0]`. */
let logBase = 0;

/** Forgets `el`'s entry, logging it when it had one. */
function forget(el: Element): void {
  if (!entries.delete(el)) return;
  if (log.length >= LOG_MAX) {
    logBase += log.length;
    log = [];
  }
  log.push(el);
}

let lastSession = 0;
/**
 * The node `markDirty` last cleared from, while no entry has been made since: records of one burst share
 * their target (200 rows removed one by one from a body), and clearing the same ancestors again does nothing.
 */
let lastDirty: Node | null = null;
/** Whether a row inside another row (a nested table's) was ever cached: removals then look deeper. */
let nestedRows = false;
/**
 * The parent of rows last found outside any row, while no childList record has been seen since (rows of
 * one body are checked once, not each by a walk up to the document).
 */
let flatParent: Element | null = null;
/** Set while `withoutRowCache` runs. */
let bypass = false;
/** While `withRowBudget` runs: when rows parsed in this read must stop, and how many were. */
let deadline = Number.POSITIVE_INFINITY;
let parsedInBudget = 0;

/**
 * The overlay's time for parsing list rows per read (one task): a first read of thousands of rows takes
 * several tasks (`withRowBudget`).
 */
export const ROW_BUDGET_MS = 12;

/** Thrown by a read under `withRowBudget` that ran out of time; what it parsed is kept. */
export class RowBudgetSpent extends Error {
  constructor() {
    super('row budget spent');
  }
}

/**
 * Runs `read` with `ms` of time for parsing rows of watched tables: when it is spent (after at least one
 * row, so reads always progress), `RowBudgetSpent` is thrown and the caller reads again in a later task,
 * where the rows already parsed come from the cache. Splits the first read of a long list (thousands of
 * rows never seen) into tasks short enough not to block the page. Rows of unwatched tables are not limited.
 */
export function withRowBudget<T>(ms: number, read: () => T): T {
  const before = [deadline, parsedInBudget] as const;
  deadline = performance.now() + ms;
  parsedInBudget = 0;
  try {
    return read();
  } finally {
    [deadline, parsedInBudget] = before;
  }
}

/**
 * Declares that `root` (of `doc`) is watched by a MutationObserver that reports every record to
 * `noteMutation` (childList, characterData and every attribute a row parse reads; see ROW_ATTRIBUTES),
 * subtree-wide. Returns the detach function; entries made before a detach are never used again.
 */
export function watchRows(doc: Document, root: Node, flush: () => void): () => void {
  lastSession += 1;
  flatParent = null;
  // Every list kept so far belongs to an older session: what they would need to catch up is not needed.
  logBase += log.length;
  log = [];
  const watch: Watch = { id: lastSession, root, flush };
  watches.set(doc, watch);
  return () => {
    if (watches.get(doc) === watch) watches.delete(doc);
  };
}

/** Attributes a row parse may read (readers: okta-push-groups, okta-assignments, okta-lists). */
export const ROW_ATTRIBUTES: readonly string[] = [
  'class',
  'style',
  'hidden',
  'disabled',
  'title',
  'aria-label',
  'data-qtip',
  'href',
  'data-group-id',
  'data-user-id',
  'role',
];

/**
 * The session to cache the rows of `table` in, or 0 (parse every row) when no live observer watches the
 * subtree the table is in. Flushes the observer's pending records first.
 */
export function rowSession(table: Element): number {
  if (bypass) return 0;
  const doc = table.ownerDocument;
  const watch = doc ? watches.get(doc) : undefined;
  if (!watch) return 0;
  watch.flush();
  if (watches.get(doc) !== watch || !watch.root.isConnected || !watch.root.contains(table)) return 0;
  return watch.id;
}

/** Runs `read` with every row parsed afresh (to check the cache against a full read). */
export function withoutRowCache<T>(read: () => T): T {
  const before = bypass;
  bypass = true;
  try {
    return read();
  } finally {
    bypass = before;
  }
}

/**
 * `parse(row)`, from the cache when the row has not changed since it was parsed with the same key. `seen`:
 * its `hidden` is set when the row is (`hiddenItself`, kept with the parse), so the reader's one loop over
 * the rows also tells `listComplete` whether a filter hides one.
 */
export function cachedRow<T>(
  session: number,
  row: Element,
  key: string,
  parse: (row: Element) => T,
  seen?: { hidden: boolean },
): T {
  if (session === 0) {
    if (seen && !seen.hidden && hiddenItself(row)) seen.hidden = true;
    return parse(row);
  }
  const entry = entries.get(row);
  if (entry && entry.session === session && entry.key === key) {
    if (seen && entry.hidden) seen.hidden = true;
    return entry.value as T;
  }
  // The clock is read at the second row, then every 8th: `performance.now()` costs about 0.5 µs in
  // Chromium, a tenth of a row's parse.
  if (deadline !== Number.POSITIVE_INFINITY && (parsedInBudget++ & 7) === 1 && performance.now() > deadline)
    throw new RowBudgetSpent();
  const value = parse(row);
  const hidden = hiddenItself(row);
  if (seen && hidden) seen.hidden = true;
  entries.set(row, { session, key, value, hidden });
  lastDirty = null;
  if (!nestedRows) {
    const parent = row.parentElement;
    if (parent !== flatParent) {
      if (parent?.closest('tr')) nestedRows = true;
      else flatParent = parent;
    }
  }
  return value;
}

/** What a list read made of each row, kept per table to be read again without a pass over the rows. */
interface ListMemo {
  session: number;
  key: string;
  rows: readonly Element[];
  /** Per row: the parse (null: unreadable) and whether the row was hidden. */
  values: unknown[];
  hidden: boolean[];
  nulls: number;
  hiddenRows: number;
  /** The items last handed out (never changed afterwards: a reading holds them). */
  items: unknown[];
  /** Row → index, built the first time a changed row has to be placed. */
  index: Map<Element, number> | undefined;
  /** `logBase + log.length` when the memo was last brought up to date. */
  mark: number;
}

const lists = new WeakMap<Element, ListMemo>();
/** Rows changed in place that a list read looks for by scanning its rows, before it builds an index. */
const FEW_SCANS = 16;

/** What `cachedList` found: the items, whether a row could not be read, whether a row is hidden. */
export interface ListRead<U> {
  items: U[];
  unreadable: boolean;
  hidden: boolean;
}

/**
 * `rows` (the body rows of `table`) parsed with `cachedRow`: the non-null parses (those `include` keeps,
 * when given), whether a parse was null (a row that could not be read) and whether a row is hidden
 * (`hiddenItself`). With a session, the read is kept per table: when the next read has the same rows, in
 * the same order, under the same session and key, only the rows whose entry was forgotten since (see
 * `forget`) are parsed again and put in place, instead of a pass over every row; with nothing forgotten
 * the same items come back. When rows were added or removed in one place (`spliceList`), only the rows
 * added there are parsed.
 * A row budget (`withRowBudget`) can stop it like any read; what was parsed is kept either way.
 */
export function cachedList<T, U extends T = T>(
  session: number,
  table: Element,
  rows: readonly Element[],
  key: string,
  parse: (row: Element) => T | null,
  include?: (value: T) => value is U,
): ListRead<U> {
  const memo = session === 0 ? undefined : lists.get(table);
  const current = memo && memo.session === session && memo.key === key && memo.mark >= logBase;
  /** Whether a parse is one of the items. */
  const listed = (v: unknown) => v !== null && (!include || include(v as T));
  if (memo && current && !sameRows(memo.rows, rows)) {
    const spliced = spliceList(memo, rows, (row, seen) => cachedRow(session, row, key, parse, seen), listed);
    if (spliced) return spliced as ListRead<U>;
  } else if (memo && current) {
    let changed = false;
    // Every row listed, in row order: the items can then be copied and changed where the rows changed.
    const touched: number[] | undefined = memo.items.length === memo.values.length ? [] : undefined;
    const from = memo.mark - logBase;
    for (let j = from; j < log.length; j++) {
      const el = log[j] as Element;
      // A few rows are found by a scan of the list (about a microsecond each for 2,000 rows); past that,
      // by an index built once (a map of 2,000 rows costs about a hundred scans).
      if (j - from >= FEW_SCANS) memo.index ??= new Map(memo.rows.map((row, k) => [row, k]));
      const i = memo.index ? memo.index.get(el) : memo.rows.indexOf(el);
      if (i === undefined || i < 0) continue;
      const seen = { hidden: false };
      const value = cachedRow(session, rows[i] as Element, key, parse, seen);
      memo.nulls += (value === null ? 1 : 0) - (memo.values[i] === null ? 1 : 0);
      memo.hiddenRows += (seen.hidden ? 1 : 0) - (memo.hidden[i] ? 1 : 0);
      memo.values[i] = value;
      memo.hidden[i] = seen.hidden;
      changed = true;
      touched?.push(i);
    }
    memo.mark = logBase + log.length;
    if (changed && touched?.every((i) => listed(memo.values[i]))) {
      const items = memo.items.slice();
      for (const i of touched) items[i] = memo.values[i];
      memo.items = items;
    } else if (changed) memo.items = memo.values.filter(listed);
    return { items: memo.items as U[], unreadable: memo.nulls > 0, hidden: memo.hiddenRows > 0 };
  }
  const values: unknown[] = new Array(rows.length);
  const hidden: boolean[] = new Array(rows.length);
  const items: U[] = [];
  let nulls = 0;
  let hiddenRows = 0;
  const seen = { hidden: false };
  for (let i = 0; i < rows.length; i++) {
    seen.hidden = false;
    const value = cachedRow(session, rows[i] as Element, key, parse, seen);
    values[i] = value;
    hidden[i] = seen.hidden;
    if (seen.hidden) hiddenRows += 1;
    if (value === null) nulls += 1;
    else if (listed(value)) items.push(value as U);
  }
  if (session !== 0)
    lists.set(table, {
      session,
      key,
      rows,
      values,
      hidden,
      nulls,
      hiddenRows,
      items,
      index: undefined,
      mark: logBase + log.length,
    });
  return { items, unreadable: nulls > 0, hidden: hiddenRows > 0 };
}

/**
 * `memo` brought up to `rows` when they differ from its rows by one run (rows appended, inserted, removed
 * or swapped in one place: a "load more", a page of rows replaced, a burst of removals): only the rows of
 * that run are parsed, and the rows before and after it keep their parse without a lookup each. null when
 * a row outside the run may have changed since (the log names a row still in the document that the run
 * does not hold): the caller then reads the list in full. A row budget can stop it; the memo is then as it was.
 */
function spliceList(
  memo: ListMemo,
  rows: readonly Element[],
  read: (row: Element, seen: { hidden: boolean }) => unknown,
  listed: (value: unknown) => boolean,
): ListRead<unknown> | null {
  const before = memo.rows;
  const m = before.length;
  const n = rows.length;
  const shorter = Math.min(m, n);
  let head = 0;
  while (head < shorter && before[head] === rows[head]) head++;
  let tail = 0;
  while (tail < shorter - head && before[m - 1 - tail] === rows[n - 1 - tail]) tail++;
  const run = rows.slice(head, n - tail);
  if (memo.mark - logBase < log.length) {
    // A row that left the document is in no list of it; one in the run is parsed below.
    const inRun = new Set<Element>(run);
    for (let j = memo.mark - logBase; j < log.length; j++) {
      const el = log[j] as Element;
      if (el.isConnected && !inRun.has(el)) return null;
    }
  }
  const runValues: unknown[] = new Array(run.length);
  const runHidden: boolean[] = new Array(run.length);
  let nulls = memo.nulls;
  let hiddenRows = memo.hiddenRows;
  const seen = { hidden: false };
  for (let i = 0; i < run.length; i++) {
    seen.hidden = false;
    const value = read(run[i] as Element, seen);
    runValues[i] = value;
    runHidden[i] = seen.hidden;
    if (value === null) nulls += 1;
    if (seen.hidden) hiddenRows += 1;
  }
  for (let i = head; i < m - tail; i++) {
    if (memo.values[i] === null) nulls -= 1;
    if (memo.hidden[i]) hiddenRows -= 1;
  }
  const values = memo.values.slice(0, head).concat(runValues, memo.values.slice(m - tail));
  // Every row listed, in row order, before and after: the items are spliced like the rows.
  memo.items =
    memo.items.length === memo.values.length && runValues.every(listed)
      ? memo.items.slice(0, head).concat(runValues, memo.items.slice(m - tail))
      : values.filter(listed);
  memo.values = values;
  memo.hidden = memo.hidden.slice(0, head).concat(runHidden, memo.hidden.slice(m - tail));
  memo.rows = rows;
  memo.nulls = nulls;
  memo.hiddenRows = hiddenRows;
  memo.index = undefined;
  memo.mark = logBase + log.length;
  return { items: memo.items, unreadable: nulls > 0, hidden: hiddenRows > 0 };
}

/** Whether two row lists hold the same rows in the same order. */
function sameRows(a: readonly Element[], b: readonly Element[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Rows `fewToParse` looks at, spread over the list: an estimate at a fixed cost, not another pass. */
const SAMPLES = 32;

/**
 * Whether a read of `rows` will likely parse few of them (under a third of a sample spread over the list,
 * first and last included): the others were parsed under this session and have not changed since. The
 * readers then search each changed row on its own; otherwise one walk of the table's matches serves every
 * row (okta-lists.ts `lookupsFor`), which costs about as much as searching a third of the rows one by one
 * (measured on the Push Groups fixture). Either way the answers are the same; only the cost differs.
 */
export function fewToParse(session: number, rows: readonly Element[]): boolean {
  if (session === 0 || rows.length === 0) return false;
  const samples = Math.min(SAMPLES, rows.length);
  let toParse = 0;
  for (let s = 0; s < samples; s++) {
    const row = rows[samples === 1 ? 0 : Math.round((s * (rows.length - 1)) / (samples - 1))] as Element;
    const entry = entries.get(row);
    if (!entry || entry.session !== session) toParse += 1;
  }
  return toParse * 3 < samples;
}

/**
 * The element children of a table section, in order. With a session, a list kept from one read to the
 * next and updated from the observer's records (rows added and removed: `noteMutation`), so a read after
 * a burst does not walk the DOM for every row; built afresh when a record could not be applied surely.
 * Without a session, the live collection.
 */
export function sectionChildren(session: number, section: Element): ArrayLike<Element> {
  if (session === 0) return section.children;
  const known = kept.get(section);
  if (known && known.session === session) settle(known);
  if (known && known.session === session && sameEnds(section, known.children)) return known.children;
  // Under a row budget the copy goes by chunks of 512: each child reached for the first time costs a JS
  // object (about 1.3 ms per 1,000 in Chromium), and a first read of 10,000 rows would spend that in one task.
  let build = building.get(section);
  if (build?.session !== session) build = { session, children: [] };
  const children = build.children;
  const live = section.children;
  const count = live.length;
  for (let i = children.length; i < count; i++) {
    children.push(live[i] as Element);
    if ((i & 511) === 511 && i + 1 < count && deadline !== Number.POSITIVE_INFINITY && performance.now() > deadline) {
      building.set(section, build);
      throw new RowBudgetSpent();
    }
  }
  building.delete(section);
  kept.set(section, { session, children, near: 0 });
  if (!nestedRows && section.parentElement?.closest('tr')) nestedRows = true;
  return children;
}

/**
 * A check of a kept list against the section at a constant cost: the same first and last child (counting
 * the children would walk them all). Records follow the DOM standard in browsers; this catches an engine
 * that reports a place wrongly, as happy-dom does for an append (a rebuilt list costs one walk, a wrong
 * one would misread the table).
 */
function sameEnds(section: Element, children: readonly Element[]): boolean {
  return (
    section.firstElementChild === (children[0] ?? null) &&
    section.lastElementChild === (children[children.length - 1] ?? null)
  );
}

/** Index of `el` in `list`, looked for first where the last change was; -1 when absent. */
function indexNear(list: readonly Element[], el: Node, near: number): number {
  for (let i = near - 1; i <= near + 1; i++) if (list[i] === el) return i;
  return list.indexOf(el as Element);
}

/**
 * Applies one childList record to a kept list of children (its nodes left and joined between its
 * previousSibling and nextSibling, as the children were when it happened: records are applied in order).
 * false when the place cannot be told for sure: the list is then built again on the next read.
 */
function applyChildList(known: KeptChildren, record: MutationRecord): boolean {
  const list = known.children;
  const removed = record.removedNodes;
  for (let i = 0; i < removed.length; i++) {
    const node = removed[i] as Node;
    if (node.nodeType !== 1) continue;
    const leaving = known.leaving;
    if (leaving) {
      // The child right after the block, or right before it: the block grows.
      if (list[leaving.start + leaving.count] === node) {
        leaving.count += 1;
        continue;
      }
      if (leaving.start > 0 && list[leaving.start - 1] === node) {
        leaving.start -= 1;
        leaving.count += 1;
        continue;
      }
      settle(known);
    }
    const at = indexNear(list, node, known.near);
    if (at < 0) return false;
    known.leaving = { start: at, count: 1 };
    known.near = at;
  }
  const added = record.addedNodes;
  if (added.length === 0) return true;
  settle(known);
  const joined: Element[] = [];
  for (let i = 0; i < added.length; i++) if ((added[i] as Node).nodeType === 1) joined.push(added[i] as Element);
  if (joined.length === 0) return true;
  const before = record.previousSibling;
  const after = record.nextSibling;
  let at: number;
  if (before === null) at = 0;
  else if (before.nodeType === 1) {
    const previous = indexNear(list, before, known.near - 1);
    at = previous < 0 ? -1 : previous + 1;
  } else if (after === null) at = list.length;
  else if (after.nodeType === 1) at = indexNear(list, after, known.near);
  // Between two text nodes: which elements surround them is not in the record.
  else return false;
  if (at < 0) return false;
  // In chunks: one splice with thousands of arguments could overflow the stack.
  for (let i = 0; i < joined.length; i += 1000) list.splice(at + i, 0, ...joined.slice(i, i + 1000));
  known.near = at + joined.length;
  return true;
}

/** Takes the children that left out of a kept list (see `KeptChildren.leaving`). */
function settle(known: KeptChildren): void {
  const leaving = known.leaving;
  if (!leaving) return;
  known.leaving = undefined;
  known.children.splice(leaving.start, leaving.count);
  known.near = leaving.start;
}

/** Forgets the entry of every element from `node` up (the row it is in, however deeply nested). */
export function markDirty(node: Node): void {
  if (node === lastDirty) return;
  lastDirty = node;
  for (let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement)
    forget(el);
}

/**
 * Forgets a subtree that left the document: changes made to it while detached are not observed, and it
 * may come back. (A subtree that joins needs nothing: its rows were either forgotten when it left, or never
 * parsed under this session, since only rows of tables inside the watched subtree are cached.)
 * Only rows hold entries: a `tr`, or any child of a `tbody`; below a `tr`, only rows of a nested table.
 */
function forgetSubtree(node: Node): void {
  if (node.nodeType !== 1) return;
  const el = node as Element;
  forget(el);
  kept.delete(el);
  building.delete(el);
  if (!el.firstElementChild || (el.tagName === 'TR' && !nestedRows)) return;
  for (const part of el.querySelectorAll('tr, tbody, tbody > *')) {
    forget(part);
    kept.delete(part);
    building.delete(part);
  }
}

/** One record of the watching observer: the rows it touched are parsed again on the next read. */
export function noteMutation(record: MutationRecord): void {
  const target = record.target;
  markDirty(target);
  if (record.type !== 'childList') return;
  // A body of rows may have moved into a row.
  flatParent = null;
  building.delete(target as Element);
  for (let i = 0; i < record.removedNodes.length; i++) forgetSubtree(record.removedNodes[i] as Node);
  const known = kept.get(target as Element);
  if (known && !applyChildList(known, record)) kept.delete(target as Element);
}

/**
 * The table rows a record touched, when it touched nothing but rows: a change inside a `tr`, or rows
 * (and blank text) added to or removed from a table section. null when it touched anything else.
 * `rowOf`: the row above each target seen in this batch of records (rows removed one by one from a body
 * share it, and finding none walks up to the document).
 */
export function rowsTouched(record: MutationRecord, rowOf?: Map<Element, Element | null>): Element[] | null {
  const target = record.target;
  const el = target.nodeType === 1 ? (target as Element) : target.parentElement;
  let row = el ? rowOf?.get(el) : null;
  if (el && row === undefined) {
    row = el.closest('tr');
    rowOf?.set(el, row);
  }
  if (row) return [row];
  if (record.type !== 'childList' || !el || !/^(TBODY|THEAD|TFOOT|TABLE)$/.test(el.tagName)) return null;
  const rows: Element[] = [];
  for (const list of [record.addedNodes, record.removedNodes])
    for (let i = 0; i < list.length; i++) {
      const n = list[i] as Node;
      if (n.nodeType === 1 && (n as Element).tagName === 'TR') rows.push(n as Element);
      else if (!(n.nodeType === 3 && !(n.textContent ?? '').trim())) return null;
    }
  return rows;
}
