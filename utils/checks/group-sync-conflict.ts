/**
 * The Atlassian directory page warns that it could not sync some groups: a group of the same name already
 * exists in the organization (made by hand, or a default access group), so the pushed group did not land.
 * Okta's side of the same failure is "Resource [GROUP]: with displayName already exists." (push-group-error).
 * The fix is on the directory page (Review groups › Sync group), so the finding sits on the step shown there.
 */
import { latest } from '../observations';
import { count, nameList } from './group-lists';
import type { Check } from './types';

export const groupSyncConflict: Check = {
  id: 'group-sync-conflict',
  findings: ['group-sync-conflict'],
  steps: [],
  run({ observations }) {
    const directory = latest(observations, 'atlassian-directory');
    const n = directory?.unsyncedGroups;
    if (typeof n !== 'number' || n === 0) return {};
    const names = directory?.reviewGroups?.map((g) => g.name) ?? [];
    const which = names.length > 0 ? nameList(names) : count(n, 'group');
    const one = (names.length || n) === 1;
    return {
      findings: [
        {
          code: 'group-sync-conflict',
          severity: 'problem',
          step: 'assign-verify-sync',
          title: `Atlassian could not sync ${count(n, 'group')}`,
          explanation: `The identity provider's page in Atlassian Administration reports that ${which} from Okta ${one ? 'was' : 'were'} not synced, because the organization already has a group with the same name. In Okta this shows as "displayName already exists" on Push Groups. Until it is resolved, the ${one ? "group's members do" : "groups' members do"} not get what ${one ? 'that group gives' : 'those groups give'} in Atlassian.`,
          fix: 'On the directory page choose Review groups, then Sync group for each group listed: the Okta directory then manages the existing group. A default access group cannot be managed this way; give the group another name in Okta and push it again instead.',
        },
      ],
    };
  },
};
