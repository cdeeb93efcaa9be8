/**
 * End to end through readers and checks, on the fixture's own states: every tab of the app read from its
 * snapshot, all checks run on what was read. A correct setup gives no finding; each misconfiguration gives
 * its own, and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../../utils/checks';
import type { ReadingObservation } from '../../../utils/observations';
import { readOktaAssignedGroups, readOktaAssignedPeople } from '../../../utils/readers/okta-assignments';
import { readOktaPushGroups } from '../../../utils/readers/okta-push-groups';
import { readOktaSignOn } from '../../../utils/readers/okta-sign-on';
import { readOktaToApp } from '../../../utils/readers/okta-to-app';
import { loadSnapshot } from '../readers/snapshots';
import { inputOf } from './okta-readings';

interface Panes {
  toApp?: string;
  signOn: string;
  push: string;
  groups: string;
  people: string;
}
const CONFIGURED: Panes = {
  toApp: 'to-app-configured',
  signOn: 'sign-on-configured',
  push: 'push-groups-configured',
  groups: 'assignments-configured-groups',
  people: 'assignments-configured-people',
};
/** The snapshot of each tab in each state (a state shows the configured tab wherever it does not differ). */
const STATES: Record<string, Panes> = {
  // Before the integration is saved, Provisioning shows Integration: there is no To App to read.
  fresh: {
    signOn: 'sign-on-fresh',
    push: 'push-groups-fresh',
    groups: 'assignments-fresh-groups',
    people: 'assignments-fresh-people',
  },
  configured: CONFIGURED,
  'email-mismatch': { ...CONFIGURED, signOn: 'sign-on-email-mismatch' },
  'group-not-pushed': {
    ...CONFIGURED,
    groups: 'assignments-group-not-pushed-groups',
    people: 'assignments-group-not-pushed-people',
  },
  'push-error': { ...CONFIGURED, push: 'push-groups-push-error' },
  'actions-off': { ...CONFIGURED, toApp: 'to-app-actions-off' },
  'individual-assignment': {
    ...CONFIGURED,
    groups: 'assignments-individual-assignment-groups',
    people: 'assignments-individual-assignment-people',
  },
};

function observe(p: Panes, edit = false) {
  const at = (r: object | null) => (r ? ({ ...r, at: 1 } as ReadingObservation) : undefined);
  return inputOf(
    p.toApp ? at(readOktaToApp(loadSnapshot(edit ? `${p.toApp}-edit` : p.toApp))) : undefined,
    at(readOktaSignOn(loadSnapshot(p.signOn))),
    at(readOktaPushGroups(loadSnapshot(p.push))),
    at(readOktaAssignedGroups(loadSnapshot(p.groups))),
    at(readOktaAssignedPeople(loadSnapshot(p.people))),
  );
}

function run(p: Panes, edit = false) {
  const input = observe(p, edit);
  const results = CHECKS.map((c) => c.run(input));
  return {
    codes: results.flatMap((r) => r.findings ?? []).map((f) => `${f.code}:${f.severity}`),
    steps: Object.assign({}, ...results.map((r) => r.steps ?? {})) as Record<string, { status: string }>,
  };
}

const OKTA_STEPS = [
  'okta-to-app-actions',
  'email-primary-attribute',
  'email-username-format',
  'email-update-on',
  'groups-push',
  'groups-review-push',
  'assign-groups',
];

// Each case parses up to five snapshots: slow under happy-dom on a busy machine.
describe('the fixture states, read and checked', { timeout: 60_000 }, () => {
  it('finds nothing wrong in the configured state, and ticks every Okta step', () => {
    const { codes, steps } = run(STATES.configured as Panes);
    expect(codes).toEqual([]);
    for (const id of OKTA_STEPS) expect(steps[id]?.status, id).toBe('done');
    expect(run(STATES.configured as Panes, true).codes).toEqual([]);
  });

  it.each([
    ['email-mismatch', ['email-mismatch:problem']],
    ['group-not-pushed', ['push-group-missing:problem']],
    ['push-error', ['push-group-error:problem']],
    [
      'actions-off',
      ['provisioning-create-off:problem', 'provisioning-deactivate-off:problem', 'sync-password-on:warning'],
    ],
    ['individual-assignment', ['individual-assignment:warning']],
    // Sign On says Okta username, but To App cannot be read yet: a hint, no alarm.
    ['fresh', ['email-unchecked:info']],
  ])('%s gives exactly its own findings', (state, expected) => {
    expect(run(STATES[state] as Panes).codes.sort()).toEqual([...expected].sort());
  });

  it('reads the same findings from the forms in edit mode', () => {
    expect(run(STATES['actions-off'] as Panes, true).codes.sort()).toEqual(
      ['provisioning-create-off:problem', 'provisioning-deactivate-off:problem', 'sync-password-on:warning'].sort(),
    );
  });
});
