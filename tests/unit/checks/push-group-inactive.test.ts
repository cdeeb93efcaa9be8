import { describe, expect, it } from 'vitest';
import { pushGroupInactive } from '../../../utils/checks/push-group-inactive';
import { CONFLUENCE, findingsOf, inputOf, JIRA, MAYBE_BOOLS, PUSH_STATUSES, pushed, pushGroups } from './okta-readings';

describe('push-group-inactive', () => {
  it('warns about a group whose push was deactivated', () => {
    const [f] = findingsOf(pushGroupInactive, inputOf(pushGroups({ groups: [pushed(JIRA, { status: 'inactive' })] })));
    expect(f).toMatchObject({ code: 'push-group-inactive', severity: 'warning', step: 'groups-review-push' });
    expect(f?.explanation).toContain('"atlassian-test-jira-users"');
  });

  it('follows the truth table: any Inactive row; nothing from other states, unknown or no reading', () => {
    expect(findingsOf(pushGroupInactive, inputOf())).toEqual([]);
    for (const first of PUSH_STATUSES)
      for (const second of PUSH_STATUSES)
        for (const complete of MAYBE_BOOLS) {
          const groups = [pushed(JIRA, { status: first }), pushed(CONFLUENCE, { status: second })];
          const findings = findingsOf(pushGroupInactive, inputOf(pushGroups({ groups, complete })));
          expect(findings.length).toBe(first === 'inactive' || second === 'inactive' ? 1 : 0);
        }
  });
});
