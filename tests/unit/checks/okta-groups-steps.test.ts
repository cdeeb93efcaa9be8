import { describe, expect, it } from 'vitest';
import { oktaGroupsSteps } from '../../../utils/checks/okta-groups-steps';
import {
  assignedGroups,
  CONFLUENCE,
  inputOf,
  JIRA,
  MAYBE_BOOLS,
  PUSH_STATUSES,
  pushed,
  pushGroups,
} from './okta-readings';

const steps = (...obs: Parameters<typeof inputOf>) => oktaGroupsSteps.run(inputOf(...obs)).steps ?? {};

describe('okta-groups-steps', () => {
  it('decides nothing before Push Groups or Assignments were seen, or when they are empty', () => {
    expect(steps()).toEqual({});
    expect(steps(pushGroups({ enabled: false }), assignedGroups())).toEqual({});
  });

  it('ticks all three for the configured fixture', () => {
    const s = steps(
      pushGroups({ groups: [pushed(JIRA), pushed(CONFLUENCE)] }),
      assignedGroups({ groups: [JIRA, CONFLUENCE] }),
    );
    expect(Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v?.status]))).toEqual({
      'groups-push': 'done',
      'groups-review-push': 'done',
      'assign-groups': 'done',
    });
    expect(s['groups-review-push']?.evidence).toBe('All 2 pushed groups are Active, without errors.');
  });

  it('follows the truth table; "all Active" only from a whole list, never a problem verdict', () => {
    for (const first of PUSH_STATUSES)
      for (const second of [...PUSH_STATUSES, 'absent'] as const)
        for (const withError of [false, true])
          for (const complete of MAYBE_BOOLS) {
            const groups = [
              pushed(JIRA, { status: first, ...(withError ? { error: 'x' } : {}) }),
              ...(second === 'absent' ? [] : [pushed(CONFLUENCE, { status: second })]),
            ];
            const s = steps(pushGroups({ groups, complete }));
            const label = JSON.stringify({ first, second, withError, complete });
            expect(s['groups-push']?.status, label).toBe('done');
            const allActive = first === 'active' && (second === 'active' || second === 'absent') && !withError;
            expect(s['groups-review-push']?.status, label).toBe(allActive && complete === true ? 'done' : undefined);
          }
    for (const complete of MAYBE_BOOLS) {
      expect(steps(assignedGroups({ groups: [JIRA], complete }))['assign-groups']?.status).toBe('done');
      expect(steps(assignedGroups({ groups: [], complete }))['assign-groups']).toBeUndefined();
    }
  });
});
