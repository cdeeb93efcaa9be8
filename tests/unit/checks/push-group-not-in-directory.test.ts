import { describe, expect, it } from 'vitest';
import { pushGroupNotInDirectory } from '../../../utils/checks/push-group-not-in-directory';
import { pushGroups } from './okta-readings';
import { inputOf, lookup } from './scim-verification-helpers';

const found = (name: string, members: number | 'unknown' = 2) => ({ name, found: true as const, members });
const missing = (name: string) => ({ name, found: false as const });

describe('push-group-not-in-directory', () => {
  it('names the pushed groups the directory does not have', () => {
    const result = pushGroupNotInDirectory.run(
      inputOf(lookup([found('atlassian-jira'), missing('atlassian-confluence'), missing('R&D')])),
    );
    const [finding] = result.findings ?? [];
    expect(finding).toMatchObject({
      code: 'push-group-not-in-directory',
      severity: 'problem',
      step: 'groups-review-push',
    });
    expect(finding?.title).toBe('2 pushed groups missing in Atlassian');
    expect(finding?.explanation).toContain('"atlassian-confluence" and "R&D"');
    expect(result.steps).toBeUndefined();
  });

  it('reports a missing group from a partial lookup too: what was looked up is known', () => {
    expect(pushGroupNotInDirectory.run(inputOf(lookup([missing('a')], false))).findings).toHaveLength(1);
  });

  it('ignores groups Okta no longer shows as Active', () => {
    const okta = pushGroups({
      groups: [
        { name: 'atlassian-jira', status: 'active' },
        { name: 'atlassian-confluence', status: 'inactive' },
      ],
    });
    const result = pushGroupNotInDirectory.run(
      inputOf(okta, lookup([found('atlassian-jira'), missing('atlassian-confluence')])),
    );
    expect(result.findings).toBeUndefined();
    expect(result.steps?.['assign-verify-sync']?.status).toBe('done');
  });

  it('ticks "users arrived" only when every group is there with members, from a complete lookup', () => {
    expect(pushGroupNotInDirectory.run(inputOf(lookup([found('a', 3), found('b', 1)]))).steps).toEqual({
      'assign-verify-sync': {
        status: 'done',
        evidence: 'All 2 pushed groups exist in the Atlassian directory, with 4 memberships in all.',
        at: 200,
      },
    });
    expect(pushGroupNotInDirectory.run(inputOf(lookup([found('a', 3)], false)))).toEqual({});
    const empty = pushGroupNotInDirectory.run(inputOf(lookup([found('a', 3), found('b', 0)])));
    expect(empty.steps?.['assign-verify-sync']).toMatchObject({ status: 'unknown' });
    expect(empty.steps?.['assign-verify-sync']?.evidence).toContain('"b" has no members yet');
    const uncounted = pushGroupNotInDirectory.run(inputOf(lookup([found('a', 'unknown')])));
    expect(uncounted.steps?.['assign-verify-sync']?.status).toBe('unknown');
  });

  it('says nothing without a lookup, or with an empty one', () => {
    expect(pushGroupNotInDirectory.run(inputOf())).toEqual({});
    expect(pushGroupNotInDirectory.run(inputOf(lookup([])))).toEqual({});
  });
});
