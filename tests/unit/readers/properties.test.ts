/**
 * Property tests (fast-check). Readers: whatever happens to a fixture page's markup, a reader answers (null
 * or a reading the background accepts) and never throws. Checks: a problem always rests on something seen,
 * never on an unknown; making a known field unknown can only take problems away.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../../utils/checks';
import type { CheckInput } from '../../../utils/checks/types';
import type { ReadingObservation } from '../../../utils/observations';
import { READERS } from '../../../utils/readers';
import type { AssignedEntry } from '../../../utils/readers/okta-assignments';
import type { PushedGroup } from '../../../utils/readers/okta-push-groups';
import { pushGroupsControls } from '../../../utils/readers/okta-push-groups';
import { type OktaSignOnReading, signOnControls } from '../../../utils/readers/okta-sign-on';
import { toAppControls } from '../../../utils/readers/okta-to-app';
import { isReading } from '../../../utils/readings';
import { CUSTOM_EXPRESSIONS, SOURCE_EMAIL, USERNAME_FORMATS } from '../checks/okta-readings';
import { taskPerRun } from '../task-per-run';
import { parse, SNAPSHOT_NAMES, snapshotHtml } from './snapshots';

// ------------------------------------------------------------------ readers on mutated markup

const ATTRIBUTES = [
  'id',
  'class',
  'name',
  'for',
  'style',
  'hidden',
  'aria-hidden',
  'aria-label',
  'title',
  'href',
  'colspan',
  'selected',
  'checked',
  'value',
  'data-se',
  'data-filter',
  'data-group-id',
  'data-user-id',
] as const;

type Mutation =
  | { op: 'remove-attribute'; at: number; attribute: string }
  | { op: 'rename-attribute'; at: number; attribute: string; to: string }
  | { op: 'set-attribute'; at: number; attribute: string; value: string }
  | { op: 'delete'; at: number }
  | { op: 'move'; at: number; to: number }
  | { op: 'text'; at: number; text: string }
  | { op: 'duplicate'; at: number };

const attribute = fc.constantFrom(...ATTRIBUTES);
const at = fc.nat();
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('Active', 'Error', 'Inactive', 'Individual', 'Group', 'Enabled', 'Disabled', 'Primary email', ''),
  fc.string({ minLength: 400, maxLength: 600 }),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('remove-attribute' as const), at, attribute }),
  fc.record({
    op: fc.constant('rename-attribute' as const),
    at,
    attribute,
    to: fc.constantFrom('data-x', 'aria-x', 'x'),
  }),
  fc.record({
    op: fc.constant('set-attribute' as const),
    at,
    attribute,
    value: fc.oneof(text, fc.constantFrom('display: none', 'true', 'status-error', 'group-link', '0', '-1')),
  }),
  fc.record({ op: fc.constant('delete' as const), at }),
  fc.record({ op: fc.constant('move' as const), at, to: at }),
  fc.record({ op: fc.constant('text' as const), at, text }),
  fc.record({ op: fc.constant('duplicate' as const), at }),
);

function mutate(doc: Document, m: Mutation) {
  // The app instance is what the readers look at; mutating the shell would mostly test nothing.
  const elements = [...doc.querySelectorAll('#tabs, #tabs *')];
  const el = elements[m.at % Math.max(elements.length, 1)];
  if (!el) return;
  switch (m.op) {
    case 'remove-attribute':
      el.removeAttribute(m.attribute);
      break;
    case 'rename-attribute': {
      const value = el.getAttribute(m.attribute);
      if (value === null) break;
      el.removeAttribute(m.attribute);
      el.setAttribute(m.to, value);
      break;
    }
    case 'set-attribute':
      el.setAttribute(m.attribute, m.value);
      break;
    case 'delete':
      el.remove();
      break;
    case 'move': {
      const to = elements[m.to % elements.length];
      if (to && to !== el && !el.contains(to)) to.before(el);
      break;
    }
    case 'text':
      el.textContent = m.text;
      break;
    case 'duplicate':
      // Small subtrees only: copying ancestors again and again would grow the page exponentially.
      if (el.parentElement && el.getElementsByTagName('*').length <= 40) el.after(el.cloneNode(true));
      break;
  }
}

describe('readers on randomly mutated fixture pages', () => {
  it('never throw, and answer null or a reading the background accepts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SNAPSHOT_NAMES),
        fc.array(mutation, { minLength: 1, maxLength: 30 }),
        async (name, ms) => {
          const doc = parse(snapshotHtml(name));
          for (const m of ms) mutate(doc, m);
          for (const reader of READERS) {
            const reading = reader.read(doc);
            if (reading !== null) expect(isReading(reading), JSON.stringify(reading)).toBe(true);
          }
          toAppControls(doc);
          signOnControls(doc);
          pushGroupsControls(doc);
        },
      ),
      { numRuns: 120, ...taskPerRun },
    );
  }, 300_000);
});

// ------------------------------------------------------------------ checks on random observations

const maybeBool = fc.constantFrom(true, false, 'unknown' as const);
const mode = fc.constantFrom('read' as const, 'edit' as const, 'unknown' as const);
const GROUP_NAMES = ['jira', 'confluence', 'admins', 'Everyone', 'other'];
const entry: fc.Arbitrary<AssignedEntry> = fc
  .record({ name: fc.constantFrom(...GROUP_NAMES), id: fc.constantFrom('same', 'other', 'none') })
  .map(({ name, id }) => (id === 'none' ? { name } : { name, id: id === 'same' ? `00g-${name}` : `00g-${name}-2` }));
const pushedGroup: fc.Arbitrary<PushedGroup> = fc
  .record({
    entry,
    status: fc.constantFrom(
      'active' as const,
      'inactive' as const,
      'error' as const,
      'pushing' as const,
      'unknown' as const,
    ),
    error: fc.constantFrom(
      undefined,
      'Errors reported by remote server: Resource [GROUP]: with displayName already exists.',
    ),
  })
  .map(({ entry: e, status, error }) => ({ ...e, status, ...(error ? { error } : {}) }));

const observations = fc.record({
  toApp: fc.option(
    fc.record({
      kind: fc.constant('okta-to-app' as const),
      mode,
      createUsers: maybeBool,
      updateAttributes: maybeBool,
      deactivateUsers: maybeBool,
      syncPassword: maybeBool,
      primaryEmail: fc.constantFrom(
        'user.email',
        'user.login',
        SOURCE_EMAIL,
        'String.toLowerCase(user.email)',
        '',
        'unknown',
      ),
    }),
    { nil: undefined },
  ),
  signOn: fc.option(
    fc
      .record({
        kind: fc.constant('okta-sign-on' as const),
        mode,
        usernameFormat: fc.constantFrom(...USERNAME_FORMATS),
        customExpression: fc.constantFrom(...CUSTOM_EXPRESSIONS),
        updateOn: fc.constantFrom('create-and-update' as const, 'create-only' as const, 'unknown' as const),
      })
      .map(
        ({ customExpression, ...r }): OktaSignOnReading =>
          customExpression === undefined ? r : { ...r, customExpression },
      ),
    { nil: undefined },
  ),
  push: fc.option(
    fc.record({
      kind: fc.constant('okta-push-groups' as const),
      enabled: maybeBool,
      groups: fc.array(pushedGroup, { maxLength: 6 }),
      complete: maybeBool,
    }),
    { nil: undefined },
  ),
  assigned: fc.option(
    fc.record({
      kind: fc.constant('okta-assigned-groups' as const),
      groups: fc.array(entry, { maxLength: 6 }),
      complete: maybeBool,
    }),
    { nil: undefined },
  ),
  people: fc.option(
    fc.record({
      kind: fc.constant('okta-assigned-people' as const),
      individuals: fc.array(entry, { maxLength: 3 }),
      complete: maybeBool,
    }),
    { nil: undefined },
  ),
});
type Observed = typeof observations extends fc.Arbitrary<infer T> ? T : never;

function inputOf(o: Observed): CheckInput {
  const map: CheckInput['observations'] = {};
  for (const r of Object.values(o)) if (r) map[r.kind] = { ...r, at: 1 } as ReadingObservation;
  return { observations: map, vault: 'unknown' };
}

const problems = (o: Observed) =>
  CHECKS.flatMap((c) => c.run(inputOf(o)).findings ?? []).filter((f) => f.severity === 'problem');

const known = (v: unknown) => v !== 'unknown' && v !== undefined;

/** What each problem must rest on: fields that were seen, and seen saying so. */
const WITNESS: Record<string, (o: Observed) => boolean> = {
  'provisioning-create-off': (o) => o.toApp?.createUsers === false,
  'provisioning-update-off': (o) => o.toApp?.updateAttributes === false,
  'provisioning-deactivate-off': (o) => o.toApp?.deactivateUsers === false,
  'email-mismatch': (o) =>
    known(o.toApp?.primaryEmail) &&
    known(o.signOn?.usernameFormat) &&
    (o.signOn?.usernameFormat !== 'custom' || known(o.signOn.customExpression)),
  'username-prefix-format': (o) =>
    o.signOn?.usernameFormat === 'email-prefix' ||
    o.signOn?.usernameFormat === 'login-prefix' ||
    (o.signOn?.usernameFormat === 'custom' && known(o.signOn.customExpression)),
  'username-update-create-only': (o) => o.signOn?.updateOn === 'create-only',
  'push-group-missing': (o) => o.push?.complete === true && o.assigned?.complete === true,
  'push-group-error': (o) => o.push?.groups.some((g) => g.status === 'error' || g.error) === true,
};

/** The same observations with some of what was seen turned into "unknown" (or not seen at all). */
const unknowing = fc.record({
  toApp: fc.constantFrom(
    'keep',
    'drop',
    'createUsers',
    'updateAttributes',
    'deactivateUsers',
    'syncPassword',
    'primaryEmail',
  ),
  signOn: fc.constantFrom('keep', 'drop', 'usernameFormat', 'customExpression', 'updateOn'),
  push: fc.constantFrom('keep', 'drop', 'complete', 'statuses'),
  assigned: fc.constantFrom('keep', 'drop', 'complete'),
  people: fc.constantFrom('keep', 'drop', 'complete'),
});

function forget(o: Observed, u: typeof unknowing extends fc.Arbitrary<infer T> ? T : never): Observed {
  const field = <T extends object>(r: T | undefined, how: string): T | undefined =>
    !r || how === 'keep' ? r : how === 'drop' ? undefined : { ...r, [how]: 'unknown' };
  return {
    toApp: field(o.toApp, u.toApp),
    signOn: field(o.signOn, u.signOn),
    push:
      u.push === 'statuses' && o.push
        ? { ...o.push, groups: o.push.groups.map((g) => ({ ...g, status: 'unknown' as const })) }
        : field(o.push, u.push),
    assigned: field(o.assigned, u.assigned),
    people: field(o.people, u.people),
  };
}

describe('checks on random observations', () => {
  it('never raise a problem that rests on an unknown field or an unseen tab', () => {
    fc.assert(
      fc.property(observations, (o) => {
        for (const p of problems(o)) {
          const witness = WITNESS[p.code];
          expect(witness, `unexpected problem ${p.code}`).toBeDefined();
          expect(witness?.(o), `${p.code} from ${JSON.stringify(o)}`).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  }, 60_000);

  it('only lose problems when something known becomes unknown', () => {
    fc.assert(
      fc.property(observations, unknowing, (o, u) => {
        const before = new Set(problems(o).map((p) => p.code));
        for (const p of problems(forget(o, u))) expect(before.has(p.code), `${p.code} appeared`).toBe(true);
      }),
      { numRuns: 3000 },
    );
  }, 60_000);

  it('raise neither problems nor warnings when every tab was seen but nothing could be read', () => {
    const all: Observed = {
      toApp: {
        kind: 'okta-to-app',
        mode: 'unknown',
        createUsers: 'unknown',
        updateAttributes: 'unknown',
        deactivateUsers: 'unknown',
        syncPassword: 'unknown',
        primaryEmail: 'unknown',
      },
      signOn: { kind: 'okta-sign-on', mode: 'unknown', usernameFormat: 'unknown', updateOn: 'unknown' },
      push: { kind: 'okta-push-groups', enabled: 'unknown', groups: [], complete: 'unknown' },
      assigned: { kind: 'okta-assigned-groups', groups: [{ name: 'jira' }], complete: 'unknown' },
      people: { kind: 'okta-assigned-people', individuals: [], complete: 'unknown' },
    };
    const findings = CHECKS.flatMap((c) => c.run(inputOf(all)).findings ?? []);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});
