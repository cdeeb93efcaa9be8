import { describe, expect, it } from 'vitest';
import { pushGroupError } from '../../../utils/checks/push-group-error';
import { PUSH_ERROR_MESSAGE } from '../../fixtures/data';
import { CONFLUENCE, findingsOf, inputOf, JIRA, MAYBE_BOOLS, PUSH_STATUSES, pushed, pushGroups } from './okta-readings';

const ERROR = `Jan 2, 2026, 4:02:21 PM: ${PUSH_ERROR_MESSAGE}`;

describe('push-group-error', () => {
  it('flags a failed push with Okta\'s message and the Review groups › Sync group advice for "displayName already exists"', () => {
    const [f] = findingsOf(
      pushGroupError,
      inputOf(pushGroups({ groups: [pushed(JIRA), pushed(CONFLUENCE, { status: 'error', error: ERROR })] })),
    );
    expect(f).toMatchObject({ code: 'push-group-error', severity: 'problem', step: 'groups-review-push' });
    expect(f?.explanation).toContain(PUSH_ERROR_MESSAGE);
    expect(f?.explanation).toContain('"atlassian-test-confluence-users"');
    expect(f?.fix).toMatch(/Review groups.*Sync group/);
  });

  it('gives the general advice for other errors', () => {
    const [f] = findingsOf(
      pushGroupError,
      inputOf(
        pushGroups({ groups: [pushed(JIRA, { status: 'error', error: 'Errors reported by remote server: 500' })] }),
      ),
    );
    expect(f?.fix).not.toMatch(/Sync group/);
    expect(f?.fix).toMatch(/Retry/);
  });

  it('follows the truth table: any row in error, seen on a whole list or not; nothing else', () => {
    expect(findingsOf(pushGroupError, inputOf())).toEqual([]);
    for (const first of PUSH_STATUSES)
      for (const second of PUSH_STATUSES)
        for (const withError of [false, true])
          for (const complete of MAYBE_BOOLS) {
            const groups = [
              pushed(JIRA, { status: first }),
              pushed(CONFLUENCE, { status: second, ...(withError ? { error: ERROR } : {}) }),
            ];
            const want = first === 'error' || second === 'error' || withError;
            const findings = findingsOf(pushGroupError, inputOf(pushGroups({ groups, complete })));
            expect(findings.length, JSON.stringify({ first, second, withError, complete })).toBe(want ? 1 : 0);
          }
  });
});
