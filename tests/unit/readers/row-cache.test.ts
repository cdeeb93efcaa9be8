import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readOktaAssignedGroups, readOktaAssignedPeople } from '../../../utils/readers/okta-assignments';
import { readOktaPushGroups } from '../../../utils/readers/okta-push-groups';
import {
  cachedList,
  cachedRow,
  noteMutation,
  ROW_ATTRIBUTES,
  RowBudgetSpent,
  rowSession,
  rowsTouched,
  sectionChildren,
  watchRows,
  withoutRowCache,
  withRowBudget,
} from '../../../utils/readers/row-cache';
import { taskPerRun } from '../task-per-run';
import { $, loadSnapshot } from './snapshots';

/** Watches `doc` the way the overlay does (utils/overlay/controller.ts watchPage). */
function watch(doc: Document) {
  const observer = new MutationObserver((records) => {
    for (const r of records) noteMutation(r);
  });
  observer.observe(doc.body, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: [...ROW_ATTRIBUTES],
  });
  const unwatch = watchRows(doc, doc.body, () => {
    for (const r of observer.takeRecords()) noteMutation(r);
  });
  const stop = () => {
    unwatch();
    observer.disconnect();
  };
  stops.push(stop);
  return stop;
}

/** Registers a watch with no observer behind it: reads then come from the cache whatever changes. */
function watchBlind(doc: Document) {
  const stop = watchRows(doc, doc.body, () => {});
  stops.push(stop);
  return stop;
}

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

const PUSH_ROW = 'tr[data-se="group-push-row"]';
const ASSIGN_ROW = 'tr[data-se="assignment-row"]';

describe('cachedRow', () => {
  it('parses every time without a session, once per key with one', () => {
    const row = document.createElement('tr');
    const parse = vi.fn(() => ({ n: 1 }));
    cachedRow(0, row, 'k', parse);
    cachedRow(0, row, 'k', parse);
    expect(parse).toHaveBeenCalledTimes(2);
    const doc = document.implementation.createHTMLDocument();
    const session = (() => {
      watchBlind(doc);
      const table = doc.createElement('table');
      doc.body.append(table);
      return rowSession(table);
    })();
    expect(session).toBeGreaterThan(0);
    const first = cachedRow(session, row, 'k', parse);
    expect(cachedRow(session, row, 'k', parse)).toBe(first);
    expect(parse).toHaveBeenCalledTimes(3);
    // Another table-level context (a header moved a column): parsed again.
    cachedRow(session, row, 'k2', parse);
    expect(parse).toHaveBeenCalledTimes(4);
  });

  it('has no session for a document nobody watches, or for a table outside the watched subtree', () => {
    const doc = document.implementation.createHTMLDocument();
    const table = doc.createElement('table');
    doc.body.append(table);
    expect(rowSession(table)).toBe(0);
    const stop = watchBlind(doc);
    expect(rowSession(table)).toBeGreaterThan(0);
    const elsewhere = doc.createElement('table');
    expect(rowSession(elsewhere)).toBe(0);
    stop();
    expect(rowSession(table)).toBe(0);
  });

  it('forgets everything when the watch stops: changes made meanwhile were not seen', () => {
    const doc = loadSnapshot('push-groups-configured');
    let stop = watchBlind(doc);
    const before = readOktaPushGroups(doc);
    stop();
    $(doc, `${PUSH_ROW} .group-link`).textContent = 'renamed';
    stop = watchBlind(doc);
    expect(readOktaPushGroups(doc)).not.toEqual(before);
    expect(readOktaPushGroups(doc)?.groups[0]?.name).toBe('renamed');
  });

  it('sees a body of cached rows moved into a row: the outer row leaving then forgets the inner rows', () => {
    // (Runs before any nested table of this file is cached: whether one ever was is kept module-wide.)
    const doc = document.implementation.createHTMLDocument();
    doc.body.innerHTML =
      '<table id="outer"><tbody><tr id="r"><td id="cell"></td></tr></tbody></table><table id="inner"><tbody><tr><td>a</td></tr></tbody></table>';
    watch(doc);
    const inner = $(doc, '#inner');
    const row = $(doc, '#inner tr');
    const parse = vi.fn((r: Element) => r.textContent);
    const read = () => cachedRow(rowSession(inner), row, 'k', parse);
    expect(read()).toBe('a');
    expect(read()).toBe('a');
    expect(parse).toHaveBeenCalledTimes(1);
    // The inner table moves into the outer row: its row is parsed again, now as a row inside a row.
    $(doc, '#cell').append(inner);
    expect(read()).toBe('a');
    expect(parse).toHaveBeenCalledTimes(2);
    // The outer row leaves, changes unseen while out, and comes back: the inner row must not come from the cache.
    const outer = $(doc, '#r');
    const body = outer.parentElement as Element;
    outer.remove();
    rowSession(inner);
    (row.firstElementChild as Element).textContent = 'b';
    body.append(outer);
    expect(read()).toBe('b');
  });
});

describe('incremental list reads', { timeout: 60_000 }, () => {
  it('serves unchanged rows from the cache (a blind watch proves the cache is used)', () => {
    const doc = loadSnapshot('push-groups-configured');
    watchBlind(doc);
    const before = readOktaPushGroups(doc);
    $(doc, `${PUSH_ROW} .group-link`).textContent = 'renamed';
    // Nothing told the cache: the old reading comes back, and the same entry objects.
    const after = readOktaPushGroups(doc);
    expect(after).toEqual(before);
    expect(after?.groups[0]).toBe(before?.groups[0]);
    // Without the cache the change is there.
    expect(withoutRowCache(() => readOktaPushGroups(doc))?.groups[0]?.name).toBe('renamed');
  });

  it('without an observer every read is a full read', () => {
    const doc = loadSnapshot('push-groups-configured');
    readOktaPushGroups(doc);
    $(doc, `${PUSH_ROW} .group-link`).textContent = 'renamed';
    expect(readOktaPushGroups(doc)?.groups[0]?.name).toBe('renamed');
  });

  const edits: [string, (row: Element) => void, (r: ReturnType<typeof readOktaPushGroups>) => unknown][] = [
    [
      'a class (status button)',
      (row) => {
        $(row, '.push-status-button').className = 'button dropdown-toggle push-status-button status-inactive';
      },
      (r) => r?.groups[0]?.status,
    ],
    [
      'the text (link replaced)',
      (row) => {
        $(row, '.group-link').textContent = 'renamed';
      },
      (r) => r?.groups[0]?.name,
    ],
    [
      "a text node's data",
      (row) => {
        ($(row, '.group-link').firstChild as Text).data = 'edited in place';
      },
      (r) => r?.groups[0]?.name,
    ],
    [
      'a title attribute (error icon)',
      (row) => {
        const cell = $(row, '.push-status');
        cell.insertAdjacentHTML('beforeend', '<span class="push-error-icon" title="first">i</span>');
      },
      (r) => r?.groups[0]?.error,
    ],
    [
      'the row’s data-group-id',
      (row) => row.setAttribute('data-group-id', '00gchanged0000000001'),
      (r) => r?.groups[0]?.id,
    ],
    [
      'an href',
      (row) => {
        row.removeAttribute('data-group-id');
        $(row, '.group-link').setAttribute('href', '/admin/group/00gviahref0000000001');
      },
      (r) => r?.groups[0]?.id,
    ],
  ];
  for (const [what, edit, pick] of edits)
    it(`reads a row again after ${what} changed`, async () => {
      const doc = loadSnapshot('push-groups-configured');
      watch(doc);
      const before = readOktaPushGroups(doc);
      edit(doc.querySelector(PUSH_ROW) as Element);
      // Read at once (records still pending: the read flushes them) and after the observer ran.
      const now = readOktaPushGroups(doc);
      expect(pick(now)).not.toEqual(pick(before));
      expect(now).toEqual(withoutRowCache(() => readOktaPushGroups(doc)));
      await new Promise((r) => setTimeout(r, 0));
      expect(readOktaPushGroups(doc)).toEqual(now);
    });

  it('reads the title of an existing error icon again when it changes', () => {
    const doc = loadSnapshot('push-groups-push-error');
    watch(doc);
    expect(readOktaPushGroups(doc)?.groups[1]?.error).toMatch(/already exists/);
    const icon = $(doc, '.push-error-icon');
    for (const a of ['title', 'aria-label', 'data-qtip']) icon.setAttribute(a, 'Later: another cause');
    expect(readOktaPushGroups(doc)?.groups[1]?.error).toBe('Later: another cause');
  });

  it('invalidates every row when a header change moves a column', () => {
    const doc = loadSnapshot('assignments-individual-assignment-people');
    watch(doc);
    // Without the type class the Type column is found by its header.
    for (const cell of doc.querySelectorAll('.assignment-type')) cell.classList.remove('assignment-type');
    const before = readOktaAssignedPeople(doc);
    expect(before?.individuals.map((p) => p.name)).toEqual(['Dana Smith']);
    const header = doc.querySelectorAll('table[data-se="people-assignments-table"] th')[1] as Element;
    header.textContent = 'Kind';
    const after = readOktaAssignedPeople(doc);
    expect(after).toEqual(withoutRowCache(() => readOktaAssignedPeople(doc)));
    // The rows now fall back to their remove buttons: the same people, read another way.
    header.textContent = 'Type';
    const people = $(doc, ASSIGN_ROW);
    people.children[1]!.textContent = 'Individual';
    expect(readOktaAssignedPeople(doc)?.individuals.map((p) => p.name)).toEqual(['Alex Jones', 'Dana Smith']);
  });

  it('splits a first read over several calls when its row budget is spent, keeping what it parsed', () => {
    const doc = loadSnapshot('push-groups-push-error');
    watch(doc);
    let spent = 0;
    let reading: ReturnType<typeof readOktaPushGroups> | undefined;
    // No time at all: one row per call, then the budget is spent; a later call goes on from there.
    while (reading === undefined) {
      try {
        reading = withRowBudget(0, () => readOktaPushGroups(doc));
      } catch (error) {
        expect(error).toBeInstanceOf(RowBudgetSpent);
        spent += 1;
        expect(spent).toBeLessThan(10);
      }
    }
    expect(spent).toBe(1);
    expect(reading).toEqual(withoutRowCache(() => readOktaPushGroups(doc)));
    // Unwatched documents are read whole whatever the budget.
    expect(withRowBudget(0, () => readOktaPushGroups(loadSnapshot('push-groups-push-error')))).toEqual(reading);
  });

  it('keeps `complete` exact: hidden rows, search text and counters are read every time', () => {
    const doc = loadSnapshot('push-groups-configured');
    watch(doc);
    expect(readOktaPushGroups(doc)?.complete).toBe(true);
    const row = $(doc, PUSH_ROW);
    row.setAttribute('style', 'display: none');
    expect(readOktaPushGroups(doc)?.complete).toBe(false);
    row.removeAttribute('style');
    expect(readOktaPushGroups(doc)?.complete).toBe(true);
  });
});

type Op =
  | { kind: 'status'; row: number; value: string }
  | { kind: 'name'; row: number; value: string }
  | { kind: 'data'; row: number; value: string }
  | { kind: 'icon'; row: number; value: string }
  | { kind: 'attr'; row: number; name: string; value: string | null }
  | { kind: 'remove'; row: number }
  | { kind: 'clone'; row: number }
  | { kind: 'move'; row: number; to: number }
  | { kind: 'detached'; row: number; value: string }
  | { kind: 'header'; col: number; value: string }
  | { kind: 'type'; row: number; value: string }
  | { kind: 'wait' };

const rowIndex = fc.nat(6);
const text = fc.constantFrom('', ' ', 'Active', 'Inactive', 'Error', 'team-a', 'team  b', 'Group', 'Individual');
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('status' as const),
    row: rowIndex,
    value: fc.constantFrom('active', 'inactive', 'error', 'pushing', 'x'),
  }),
  fc.record({ kind: fc.constant('name' as const), row: rowIndex, value: text }),
  fc.record({ kind: fc.constant('data' as const), row: rowIndex, value: text }),
  fc.record({ kind: fc.constant('icon' as const), row: rowIndex, value: text }),
  fc.record({
    kind: fc.constant('attr' as const),
    row: rowIndex,
    name: fc.constantFrom(
      'data-group-id',
      'data-user-id',
      'href',
      'title',
      'aria-label',
      'disabled',
      'hidden',
      'style',
      'class',
    ),
    value: fc.option(
      fc.constantFrom(
        '00gabcdefghij',
        '/admin/group/00g1234567',
        'display:none',
        'through a group',
        'remove-assignment',
        '',
      ),
      { nil: null },
    ),
  }),
  fc.record({ kind: fc.constant('remove' as const), row: rowIndex }),
  fc.record({ kind: fc.constant('clone' as const), row: rowIndex }),
  fc.record({ kind: fc.constant('move' as const), row: rowIndex, to: rowIndex }),
  fc.record({ kind: fc.constant('detached' as const), row: rowIndex, value: text }),
  fc.record({
    kind: fc.constant('header' as const),
    col: fc.nat(3),
    value: fc.constantFrom('Type', 'Kind', 'Push Status', 'Group in Okta', 'Last Push', 'Person'),
  }),
  fc.record({ kind: fc.constant('type' as const), row: rowIndex, value: text }),
  fc.constant({ kind: 'wait' as const }),
);

/** Applies one edit to the table's rows; returns a promise only for `wait` (lets the observer run). */
function apply(table: Element, o: Op): Promise<void> | undefined {
  if (o.kind === 'wait') return new Promise((r) => setTimeout(r, 0));
  if (o.kind === 'header') {
    const th = table.querySelectorAll('th')[o.col];
    if (th) th.textContent = o.value;
    return undefined;
  }
  const body = table.querySelector('tbody');
  const rows = body ? [...body.children] : [];
  const row = rows.length ? rows[o.row % rows.length] : undefined;
  if (!row || !body) return undefined;
  const link = row.querySelector('a');
  switch (o.kind) {
    case 'status': {
      const button = row.querySelector('button');
      if (button) button.className = `button dropdown-toggle push-status-button status-${o.value}`;
      break;
    }
    case 'name':
      if (link) link.textContent = o.value;
      break;
    case 'data': {
      const node = link?.firstChild;
      if (node?.nodeType === 3) (node as Text).data = o.value;
      break;
    }
    case 'icon': {
      const icon = row.querySelector('.push-error-icon');
      if (icon) icon.setAttribute('title', o.value);
      else
        row.lastElementChild?.insertAdjacentHTML(
          'beforeend',
          `<span class="push-error-icon" title="${o.value}">i</span>`,
        );
      break;
    }
    case 'attr': {
      const on =
        o.name === 'href'
          ? link
          : o.name === 'disabled' || o.name === 'class'
            ? row.querySelector('button:last-of-type')
            : row;
      if (!on) break;
      if (o.value === null) on.removeAttribute(o.name);
      else on.setAttribute(o.name, o.value);
      break;
    }
    case 'remove':
      row.remove();
      break;
    case 'clone':
      body.append(row.cloneNode(true));
      break;
    case 'move':
      body.insertBefore(row, rows[o.to % rows.length] ?? null);
      break;
    case 'detached':
      // Edited while out of the document (no observer sees that), then put back.
      row.remove();
      if (link) link.textContent = o.value;
      body.append(row);
      break;
    case 'type': {
      const cell = row.children[1];
      if (cell) cell.textContent = o.value;
      break;
    }
  }
  return undefined;
}

describe('incremental reads equal full reads after random edits (property)', { timeout: 120_000 }, () => {
  const cases: [string, string, (d: Document) => unknown][] = [
    ['push-groups-push-error', 'table[data-se="group-push-table"]', readOktaPushGroups],
    ['assignments-individual-assignment-people', 'table[data-se="people-assignments-table"]', readOktaAssignedPeople],
    ['assignments-configured-groups', 'table[data-se="group-assignments-table"]', readOktaAssignedGroups],
  ];
  for (const [snapshot, tableSelector, read] of cases)
    it(snapshot, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
          const doc = loadSnapshot(snapshot);
          const stop = watch(doc);
          const table = $(doc, tableSelector);
          read(doc);
          for (const o of ops) {
            await apply(table, o);
            expect(read(doc)).toEqual(withoutRowCache(() => read(doc)));
          }
          stop();
        }),
        { numRuns: 40, ...taskPerRun },
      );
    });
});

/**
 * The kept lists of a table body's rows, fed records made by hand the way the DOM standard defines them
 * (happy-dom's own records leave previousSibling unset on append, which the list's end check catches).
 */
describe('sectionChildren: the rows of a body kept in step with childList records', () => {
  it('copies a long body over several reads under a row budget, going on where it stopped unless the body changed', () => {
    const doc = document.implementation.createHTMLDocument();
    doc.body.innerHTML = `<table><tbody>${Array.from({ length: 2_000 }, (_, i) => `<tr><td>r${i}</td></tr>`).join('')}</tbody></table>`;
    watch(doc);
    const body = $(doc, 'tbody');
    /** Reads until the copy is done, no time given: each read copies 512 children, then stops. */
    const readAll = (between?: (stops: number) => void) => {
      for (let stops = 0; ; stops++) {
        try {
          return { rows: withRowBudget(0, () => Array.from(sectionChildren(rowSession(body), body))), stops };
        } catch (error) {
          expect(error).toBeInstanceOf(RowBudgetSpent);
          expect(stops).toBeLessThan(10);
          between?.(stops);
        }
      }
    };
    const whole = readAll();
    expect(whole.stops).toBe(3);
    expect(whole.rows).toEqual([...body.children]);
    // A new watch, and the body changes while a copy is half done: the copy starts again.
    watch(doc);
    const changed = readAll((stops) => {
      if (stops === 1) {
        body.firstElementChild?.remove();
        body.append(doc.createElement('tr'));
      }
    });
    expect(changed.rows).toEqual([...body.children]);
    expect(changed.stops).toBe(5);
    // Without a budget it is done in one read.
    watch(doc);
    expect(Array.from(sectionChildren(rowSession(body), body))).toEqual([...body.children]);
  });

  type BodyOp =
    | { kind: 'append'; count: number }
    | { kind: 'before'; ref: number }
    | { kind: 'remove'; at: number }
    | { kind: 'removeRun'; at: number; count: number; backwards: boolean }
    | { kind: 'move'; at: number; to: number }
    | { kind: 'text' }
    | { kind: 'replace'; count: number };
  const bodyOp: fc.Arbitrary<BodyOp> = fc.oneof(
    fc.record({ kind: fc.constant('append' as const), count: fc.integer({ min: 1, max: 4 }) }),
    fc.record({ kind: fc.constant('before' as const), ref: fc.nat(40) }),
    fc.record({ kind: fc.constant('remove' as const), at: fc.nat(40) }),
    fc.record({
      kind: fc.constant('removeRun' as const),
      at: fc.nat(40),
      count: fc.integer({ min: 1, max: 5 }),
      backwards: fc.boolean(),
    }),
    fc.record({ kind: fc.constant('move' as const), at: fc.nat(40), to: fc.nat(40) }),
    fc.constant({ kind: 'text' as const }),
    fc.record({ kind: fc.constant('replace' as const), count: fc.integer({ min: 0, max: 3 }) }),
  );
  let made = 0;
  const row = () => {
    const tr = document.createElement('tr');
    tr.innerHTML = `<td>row ${++made}</td>`;
    return tr;
  };
  /** A childList record as a browser reports it, taken before the change is made. */
  const record = (
    body: Element,
    added: Node[],
    removed: Node[],
    previousSibling: Node | null,
    nextSibling: Node | null,
  ): MutationRecord => {
    const list = (nodes: Node[]) => Object.assign([...nodes], { item: (i: number) => nodes[i] ?? null });
    return {
      type: 'childList',
      target: body,
      addedNodes: list(added),
      removedNodes: list(removed),
      previousSibling,
      nextSibling,
    } as unknown as MutationRecord;
  };
  /** Applies an op to the body and reports its records; whether a kept list can place it (not between texts). */
  function play(body: Element, o: BodyOp): boolean {
    const children = [...body.children];
    const pick = (i: number) => children[i % Math.max(1, children.length)];
    const insert = (nodes: Node[], ref: Node | null) => {
      const prev = ref ? ref.previousSibling : body.lastChild;
      const r = record(body, nodes, [], prev, ref);
      for (const n of nodes) body.insertBefore(n, ref);
      noteMutation(r);
      return !(prev?.nodeType === 3 && ref?.nodeType === 3);
    };
    const take = (node: Node) => {
      const r = record(body, [], [node], node.previousSibling, node.nextSibling);
      node.parentNode?.removeChild(node);
      noteMutation(r);
    };
    switch (o.kind) {
      case 'append':
        return insert(
          Array.from({ length: o.count }, () => row()),
          null,
        );
      case 'before': {
        const ref = pick(o.ref) ?? null;
        return insert([row()], ref);
      }
      case 'remove': {
        const el = pick(o.at);
        if (el) take(el);
        return true;
      }
      case 'removeRun': {
        // Neighbouring rows removed one record each, first to last or last to first.
        const start = o.at % Math.max(1, children.length);
        const run = children.slice(start, start + o.count);
        for (const el of o.backwards ? run.reverse() : run) take(el);
        return true;
      }
      case 'move': {
        const el = pick(o.at);
        const to = pick(o.to);
        if (!el || !to || el === to) return true;
        take(el);
        return insert([el], to);
      }
      case 'text':
        return insert([document.createTextNode('\n')], pick(0) ?? null) || true;
      case 'replace': {
        const gone = [...body.childNodes];
        const fresh = Array.from({ length: o.count }, () => row());
        const r = record(body, fresh, gone, null, null);
        body.replaceChildren(...fresh);
        noteMutation(r);
        return true;
      }
    }
  }

  it('follows rows added, removed and moved, between text nodes too, without walking the body again', async () => {
    await fc.assert(
      // Each op, then a read or not: records of several ops reach the list before it is read again.
      fc.asyncProperty(fc.array(fc.tuple(bodyOp, fc.boolean()), { minLength: 1, maxLength: 30 }), async (ops) => {
        document.body.innerHTML = `<table><tbody>\n${'<tr><td>a</td></tr>\n'.repeat(6)}</tbody></table>`;
        const body = $(document, 'tbody');
        const stop = watchBlind(document);
        const session = rowSession(body);
        expect(session).toBeGreaterThan(0);
        let list = sectionChildren(session, body);
        let placeable = true;
        for (const [i, [o, read]] of ops.entries()) {
          placeable = play(body, o) && placeable;
          if (!read && i < ops.length - 1) continue;
          const next = sectionChildren(session, body);
          expect(Array.from(next)).toEqual([...body.children]);
          // Kept and updated in place, unless a record could not say where the rows went.
          if (placeable) expect(next).toBe(list);
          list = next;
          placeable = true;
        }
        stop();
      }),
      { numRuns: 200, ...taskPerRun },
    );
  });

  it('builds the list again when the records do not match the body, and never serves one without a session', () => {
    document.body.innerHTML = '<table><tbody><tr><td>a</td></tr><tr><td>b</td></tr></tbody></table>';
    const body = $(document, 'tbody');
    expect(sectionChildren(0, body)).toBe(body.children);
    const stop = watchBlind(document);
    const session = rowSession(body);
    const first = sectionChildren(session, body);
    // A change no record reported (a blind watch): the end check sees another last row.
    body.append(row());
    const second = sectionChildren(session, body);
    expect(second).not.toBe(first);
    expect(Array.from(second)).toEqual([...body.children]);
    // A record placing a row wrongly (at the start, though it was appended): caught the same way.
    const late = row();
    const r = record(body, [late], [], null, null);
    body.append(late);
    noteMutation(r);
    expect(Array.from(sectionChildren(session, body))).toEqual([...body.children]);
    stop();
    expect(sectionChildren(rowSession(body), body)).toBe(body.children);
  });
});

describe('cachedList', () => {
  /** A watched table of `n` rows (the second cell of every 4th row empty: unreadable), and a counting parse. */
  function setup(n: number) {
    const doc = document.implementation.createHTMLDocument();
    doc.body.innerHTML = `<table><tbody>${Array.from({ length: n }, (_, i) => `<tr><td>r${i}</td><td>${i % 4 === 3 ? '' : `v${i}`}</td></tr>`).join('')}</tbody></table>`;
    watch(doc);
    const table = $(doc, 'table');
    const parse = vi.fn((row: Element) => row.children[1]?.textContent || null);
    const read = () => {
      const session = rowSession(table);
      return cachedList(session, table, [...$(doc, 'tbody').children], 'k', parse, (v): v is string => v !== 'skip');
    };
    return { doc, table, parse, read };
  }

  it('parses only the rows changed since the last read, and hands back the same items when none did', () => {
    const { doc, parse, read } = setup(40);
    const first = read();
    expect(parse).toHaveBeenCalledTimes(40);
    expect(first.items).toHaveLength(30);
    expect(first.unreadable).toBe(true);
    expect(read().items).toBe(first.items);
    expect(parse).toHaveBeenCalledTimes(40);
    // One row renamed, one made readable, one hidden: three parses, the right answers.
    const rows = [...doc.querySelectorAll('tr')];
    (rows[5]?.children[1] as Element).textContent = 'renamed';
    (rows[3]?.children[1] as Element).textContent = 'now read';
    rows[8]?.setAttribute('hidden', '');
    const second = read();
    expect(parse).toHaveBeenCalledTimes(43);
    expect(second.items).not.toBe(first.items);
    expect(second.items.slice(0, 5)).toEqual(['v0', 'v1', 'v2', 'now read', 'v4']);
    expect(second.items).toContain('renamed');
    expect(second.hidden).toBe(true);
    expect(first.items).not.toContain('renamed');
    // A row of 'skip' is parsed but not listed; a removed row makes the next read a full one.
    (rows[0]?.children[1] as Element).textContent = 'skip';
    expect(read().items[0]).toBe('v1');
    rows[1]?.remove();
    parse.mockClear();
    expect(read().items[0]).toBe('v2');
    expect(parse).toHaveBeenCalledTimes(0);
  });

  it('parses only the rows a run of additions or removals brought, wherever the run is', () => {
    const { doc, parse, read } = setup(40);
    read();
    const body = $(doc, 'tbody');
    const row = (text: string) => {
      const tr = doc.createElement('tr');
      tr.innerHTML = `<td>n</td><td>${text}</td>`;
      return tr;
    };
    /** The read after `change`, how many rows it parsed, and whether it equals a read with no cache. */
    const readAfter = (change: () => void) => {
      change();
      parse.mockClear();
      const after = read();
      const parsed = parse.mock.calls.length;
      expect(after).toEqual(withoutRowCache(() => read()));
      return { after, parsed };
    };
    // Appended ("load more"), one of them unreadable: the new rows only.
    const appended = readAfter(() => body.append(row('a1'), row('a2'), row('')));
    expect(appended.parsed).toBe(3);
    expect(appended.after.items.slice(-3)).toEqual(['v38', 'a1', 'a2']);
    // The unreadable rows of the first 40 removed one by one: nothing parsed; the appended one is still there.
    const removed = readAfter(() => {
      for (const r of [...body.children].slice(0, 40)) if (r.children[1]?.textContent === '') r.remove();
    });
    expect(removed.parsed).toBe(0);
    expect(removed.after.unreadable).toBe(true);
    // The last unreadable row goes: the count follows.
    const last = readAfter(() => body.lastElementChild?.remove());
    expect(last.parsed).toBe(0);
    expect(last.after.unreadable).toBe(false);
    expect(last.after.items).toHaveLength(32);
    // Rows swapped in the middle (a page replaced): the new ones only.
    const swapped = readAfter(() => {
      const middle = [...body.children].slice(10, 15);
      middle[0]?.before(row('s1'), row('s2'));
      for (const r of middle) r.remove();
    });
    expect(swapped.parsed).toBe(2);
    expect(swapped.after.items.slice(10, 12)).toEqual(['s1', 's2']);
  });

  it('keeps the items in row order when every row is listed, and when a changed row drops out', () => {
    const doc = document.implementation.createHTMLDocument();
    doc.body.innerHTML = `<table><tbody>${Array.from({ length: 30 }, (_, i) => `<tr><td>v${i}</td></tr>`).join('')}</tbody></table>`;
    watch(doc);
    const table = $(doc, 'table');
    const read = () =>
      cachedList(rowSession(table), table, [...$(doc, 'tbody').children], 'k', (row) => row.textContent || null);
    const first = read().items;
    const cells = [...doc.querySelectorAll('td')];
    (cells[7] as Element).textContent = 'seven';
    (cells[20] as Element).textContent = 'twenty';
    const second = read().items;
    expect(second).toEqual(withoutRowCache(() => read().items));
    expect([second[7], second[20], second.length]).toEqual(['seven', 'twenty', 30]);
    expect(first[7]).toBe('v7');
    (cells[3] as Element).textContent = '';
    const third = read();
    expect(third.items).toEqual(withoutRowCache(() => read().items));
    expect(third.items).toHaveLength(29);
    expect(third.unreadable).toBe(true);
    (cells[3] as Element).textContent = 'back';
    (cells[29] as Element).textContent = 'last';
    const fourth = read().items;
    expect(fourth).toEqual(withoutRowCache(() => read().items));
    expect([fourth[3], fourth[29]]).toEqual(['back', 'last']);
  });

  it('reads in full when a row outside the added run changed too', () => {
    const { doc, parse, read } = setup(40);
    read();
    const body = $(doc, 'tbody');
    const tr = doc.createElement('tr');
    tr.innerHTML = '<td>n</td><td>added</td>';
    body.append(tr);
    (body.children[2]?.children[1] as Element).textContent = 'changed';
    body.children[3]?.setAttribute('hidden', '');
    parse.mockClear();
    const after = read();
    expect(parse).toHaveBeenCalledTimes(3);
    expect(after).toEqual(withoutRowCache(() => read()));
    expect(after.items).toContain('changed');
    expect(after.hidden).toBe(true);
  });

  it('finds many rows changed in place as surely as a few', () => {
    const { doc, parse, read } = setup(200);
    read();
    const cells = [...doc.querySelectorAll('tr > td:last-child')];
    for (let i = 0; i < 60; i += 3) (cells[i] as Element).textContent = `x${i}`;
    parse.mockClear();
    const after = read();
    expect(parse).toHaveBeenCalledTimes(20);
    expect(after.items).toEqual(withoutRowCache(() => read()).items);
    expect(after.items.filter((v) => v.startsWith('x'))).toHaveLength(20);
  });

  it('reads in full after more changes than the log keeps, with the same answers as a fresh read', () => {
    const { doc, table, read } = setup(1_500);
    read();
    for (const [i, cell] of [...doc.querySelectorAll('tr > td:last-child')].entries()) cell.textContent = `w${i}`;
    const after = read();
    expect(after.items).toEqual(
      withoutRowCache(() =>
        cachedList(
          0,
          table,
          [...$(doc, 'tbody').children],
          'k',
          (row) => row.children[1]?.textContent || null,
          (v): v is string => true,
        ),
      ).items,
    );
    expect(after.items[1499]).toBe('w1499');
    expect(after.unreadable).toBe(false);
  });
});

describe('rowsTouched', () => {
  it('names the rows a batch touched, the same with a row cache shared by the batch, and null for anything else', () => {
    const d = document.implementation.createHTMLDocument();
    d.body.innerHTML = `<h2>Groups</h2><table><tbody>${Array.from(
      { length: 6 },
      (_, i) => `<tr><td><a>g${i}</a></td><td><table><tbody><tr><td>in ${i}</td></tr></tbody></table></td></tr>`,
    ).join('')}</tbody></table>`;
    const body = $(d, 'tbody');
    const rows = [...body.children];
    const observer = new MutationObserver(() => {});
    observer.observe(d.body, { childList: true, subtree: true, characterData: true, attributes: true });
    rows[0]?.querySelector('a')?.setAttribute('title', 'x');
    rows[0]?.querySelector('a')?.setAttribute('title', 'y');
    (rows[1]?.querySelector('a')?.firstChild as Text).data = 'renamed';
    rows[2]?.remove();
    rows[3]?.remove();
    body.append(d.createTextNode(' '));
    rows[4]?.querySelector('table tbody')?.append(d.createElement('tr'));
    $(d, 'h2').textContent = 'Users';
    const records = observer.takeRecords();
    observer.disconnect();
    // The heading's new text may come as one record or two (one per node): each touches no row.
    const rowRecords = [[rows[0]], [rows[0]], [rows[1]], [rows[2]], [rows[3]], [], [rows[4]]];
    expect(records.length).toBeGreaterThan(rowRecords.length);
    const expected = records.map((_, i) => rowRecords[i] ?? null);
    expect(records.map((r) => rowsTouched(r))).toEqual(expected);
    const rowOf = new Map<Element, Element | null>();
    const shared = records.map((r) => rowsTouched(r, rowOf));
    for (const [i, rows] of shared.entries()) expect(rows, `record ${i}`).toEqual(expected[i]);
    // Each target was looked up once: the body (rows 2 and 3, and the text) shares its entry.
    expect(rowOf.get(body)).toBeNull();
  });
});
