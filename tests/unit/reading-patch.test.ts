/**
 * List readings sent as one splice plus the small fields: whatever edits a page makes, the patch turns the
 * reading before into the reading after, carries only the rows between the first and last difference,
 * and a patch of the wrong shape or that does not fit the stored list is refused.
 */
import { describe, expect, it } from 'vitest';
import type { Reading } from '../../utils/observations';
import {
  applyPatch,
  diffReading,
  isReadingPatch,
  LIST_FIELD,
  type ListKind,
  type ReadingPatch,
} from '../../utils/reading-patch';
import { isReading } from '../../utils/readings';

/** mulberry32: the same sequence for the same seed, so a failure can be replayed. */
function prng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)]! };
}
type Random = ReturnType<typeof prng>;

// A small alphabet of names on purpose: repeated rows are where matching from both ends can go wrong.
const NAMES = ['Engineering', 'Sales', 'Support', 'Jira users', 'Admins', 'Contractors'];
const STATUSES = ['active', 'inactive', 'error', 'pushing', 'unknown'] as const;
const MAYBE = [true, false, 'unknown'] as const;

function randomItem(kind: ListKind, r: Random): Record<string, unknown> {
  const item: Record<string, unknown> = { name: r.pick(NAMES) };
  if (r.int(2)) item.id = `00g${r.int(5)}`;
  if (kind === 'okta-push-groups') {
    item.status = r.pick(STATUSES);
    if (item.status === 'error') item.error = 'Failed to push: conflict';
  }
  return item;
}

function reading(kind: ListKind, list: unknown[], r: Random): Reading {
  const base = { kind, [LIST_FIELD[kind]]: list, complete: r.pick(MAYBE) };
  return (kind === 'okta-push-groups' ? { ...base, enabled: r.pick(MAYBE) } : base) as unknown as Reading;
}

const listOf = (x: Reading, kind: ListKind) => (x as unknown as Record<string, unknown[]>)[LIST_FIELD[kind]]!;

/** One to three random edits of the list (insert, remove, replace, move), and maybe of the small fields. */
function edit(kind: ListKind, before: Reading, r: Random): Reading {
  const list = [...listOf(before, kind)];
  for (let n = 1 + r.int(3); n > 0; n--) {
    const at = r.int(list.length + 1);
    switch (r.int(5)) {
      case 0:
        list.splice(at, 0, ...Array.from({ length: 1 + r.int(4) }, () => randomItem(kind, r)));
        break;
      case 1:
        list.splice(at, r.int(4));
        break;
      case 2:
        if (at < list.length) list[at] = randomItem(kind, r);
        break;
      case 3:
        // An equal row as a new object: the reader does not always hand back the same one.
        if (at < list.length) list[at] = structuredClone(list[at]);
        break;
      default: {
        const [moved] = list.splice(at, 1);
        if (moved) list.splice(r.int(list.length + 1), 0, moved);
      }
    }
  }
  const after = { ...(before as unknown as Record<string, unknown>), [LIST_FIELD[kind]]: list };
  if (r.int(3) === 0) after.complete = r.pick(MAYBE);
  if (kind === 'okta-push-groups' && r.int(4) === 0) after.enabled = r.pick(MAYBE);
  return after as unknown as Reading;
}

const KINDS = Object.keys(LIST_FIELD) as ListKind[];

const pushGroups = (groups: unknown[], complete: boolean | 'unknown' = true): Reading =>
  ({ kind: 'okta-push-groups', enabled: true, groups, complete }) as Reading;
const rows = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({ name: `Group ${from + i}`, status: 'active' as const }));

describe('list reading patches', () => {
  it.each(KINDS)('turn the earlier reading into the later one over random edits (%s)', (kind) => {
    for (let seed = 1; seed <= 40; seed++) {
      const r = prng(seed * 7919 + kind.length);
      let before = reading(
        kind,
        Array.from({ length: r.int(30) }, () => randomItem(kind, r)),
        r,
      );
      // The background keeps patching what it stored; the stored copy also carries time, app and revision.
      let stored: Reading = Object.assign({}, before, { at: 1, appId: '0oa1', rev: 1 });
      for (let step = 0; step < 25; step++) {
        const after = edit(kind, before, r);
        const patch = diffReading(before, after, step + 1);
        expect(patch, `seed ${seed} step ${step}`).not.toBeNull();
        expect(isReadingPatch(patch), `seed ${seed} step ${step}`).toBe(true);
        const made = applyPatch(stored, patch!);
        expect(made, `seed ${seed} step ${step}`).toEqual(after);
        expect(isReading(made)).toBe(true);
        before = after;
        stored = made!;
      }
    }
  });

  it('carries only the rows appended to a long list', () => {
    const before = pushGroups(rows(0, 2000));
    const added = rows(2000, 200);
    const after = pushGroups([...listOf(before, 'okta-push-groups'), ...added]);
    const patch = diffReading(before, after, 4)!;
    expect(patch.splice).toEqual({ start: 2000, deleteCount: 0, items: added });
    expect(patch.base).toBe(4);
    expect(applyPatch(before, patch)).toEqual(after);
  });

  it('carries only the changed row in the middle of a long list, even when every row is a new object', () => {
    const before = pushGroups(rows(0, 2000));
    const groups = structuredClone(listOf(before, 'okta-push-groups')) as { status: string }[];
    groups[1234]!.status = 'error';
    const patch = diffReading(before, pushGroups(groups), 1)!;
    expect(patch.splice).toEqual({ start: 1234, deleteCount: 1, items: [groups[1234]] });
  });

  it('sends an empty splice and the new small fields when the list did not change', () => {
    const before = pushGroups(rows(0, 10), true);
    const after = pushGroups(rows(0, 10), false);
    const patch = diffReading(before, after, 2)!;
    expect(patch).toEqual({
      kind: 'okta-push-groups',
      base: 2,
      fields: { enabled: true, complete: false },
      splice: { start: 10, deleteCount: 0, items: [] },
    });
    expect(applyPatch(before, patch)).toEqual(after);
  });

  it('handles a list emptied and a list filled from nothing', () => {
    const full = pushGroups(rows(0, 5));
    const empty = pushGroups([]);
    expect(diffReading(full, empty, 1)!.splice).toEqual({ start: 0, deleteCount: 5, items: [] });
    expect(applyPatch(full, diffReading(full, empty, 1)!)).toEqual(empty);
    expect(diffReading(empty, full, 1)!.splice).toEqual({ start: 0, deleteCount: 0, items: rows(0, 5) });
  });

  it('makes no patch for a reading without a list, or between two kinds', () => {
    const integration = {
      kind: 'okta-integration',
      mode: 'read',
      apiEnabled: true,
      baseUrl: 'valid',
      apiToken: 'filled',
      test: 'passed',
    } as Reading;
    expect(diffReading(integration, integration, 1)).toBeNull();
    const people = { kind: 'okta-assigned-people', individuals: [], complete: true } as Reading;
    expect(diffReading(pushGroups([]), people, 1)).toBeNull();
  });

  it.each([
    ['starts past the end', { start: 4, deleteCount: 0, items: [] }],
    ['removes past the end', { start: 2, deleteCount: 2, items: [] }],
    ['removes more rows than there are', { start: 0, deleteCount: 4, items: [] }],
  ])('does not apply a splice that %s of the stored list', (_name, splice) => {
    const stored = pushGroups(rows(0, 3));
    const patch: ReadingPatch = {
      kind: 'okta-push-groups',
      base: 1,
      fields: { enabled: true, complete: true },
      splice,
    };
    expect(applyPatch(stored, patch)).toBeNull();
  });

  it('does not apply a patch to a stored reading of another kind', () => {
    const patch: ReadingPatch = {
      kind: 'okta-assigned-groups',
      base: 1,
      fields: { complete: true },
      splice: { start: 0, deleteCount: 0, items: [] },
    };
    expect(applyPatch(pushGroups([]), patch)).toBeNull();
  });
});

describe('the shape of a patch', () => {
  const VALID: ReadingPatch = {
    kind: 'okta-assigned-people',
    base: 3,
    fields: { complete: true },
    splice: { start: 1, deleteCount: 2, items: [{ name: 'Ada' }] },
  };
  const withSplice = (splice: Record<string, unknown>) => ({ ...VALID, splice: { ...VALID.splice, ...splice } });

  it('accepts a well-formed patch for each list kind', () => {
    expect(isReadingPatch(VALID)).toBe(true);
    for (const kind of KINDS) expect(isReadingPatch({ ...VALID, kind }), kind).toBe(true);
  });

  it.each([
    ['not an object', 'observed-patch'],
    ['null', null],
    ['an unknown kind', { ...VALID, kind: 'okta-everything' }],
    ['a kind without a list', { ...VALID, kind: 'okta-integration' }],
    ['an inherited name as kind', { ...VALID, kind: 'toString' }],
    ['a negative base', { ...VALID, base: -1 }],
    ['a fractional base', { ...VALID, base: 1.5 }],
    ['a base that is not a number', { ...VALID, base: '3' }],
    ['no base', { ...VALID, base: undefined }],
    ['fields that are a list', { ...VALID, fields: ['complete'] }],
    ['fields holding the list', { ...VALID, fields: { complete: true, individuals: [] } }],
    ['fields holding the list of push groups', { ...VALID, kind: 'okta-push-groups', fields: { groups: [] } }],
    ['fields holding the kind', { ...VALID, fields: { complete: true, kind: 'okta-integration' } }],
    [
      'too many fields',
      { ...VALID, fields: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`f${i}`, true])) },
    ],
    ['no splice', { ...VALID, splice: undefined }],
    ['a negative start', withSplice({ start: -1 })],
    ['a fractional start', withSplice({ start: 0.5 })],
    ['a negative delete count', withSplice({ deleteCount: -2 })],
    ['a fractional delete count', withSplice({ deleteCount: 1.25 })],
    ['a huge start', withSplice({ start: 20_001 })],
    ['items that are not a list', withSplice({ items: { 0: { name: 'Ada' } } })],
    ['too many items', withSplice({ items: Array.from({ length: 20_001 }, () => ({ name: 'x' })) })],
  ])('refuses %s', (_name, patch) => {
    expect(isReadingPatch(patch)).toBe(false);
  });
});
