/**
 * A group assigned to the app but not on Push Groups: its members are created in Atlassian, but the group
 * is not, so nothing gives them product access. Needs both lists, each seen whole: a partial list proves
 * nothing about what is missing.
 */
import { latest } from '../observations';
import { assignedNotPushed, count, nameList } from './group-lists';
import type { Check } from './types';

export const pushGroupMissing: Check = {
  id: 'push-group-missing',
  findings: ['push-group-missing'],
  steps: [],
  run({ observations }) {
    const pushed = latest(observations, 'okta-push-groups');
    const assigned = latest(observations, 'okta-assigned-groups');
    if (!pushed || !assigned || pushed.complete !== true || assigned.complete !== true) return {};
    const missing = assignedNotPushed(assigned.groups, pushed.groups);
    if (missing.length === 0) return {};
    return {
      findings: [
        {
          code: 'push-group-missing',
          severity: 'problem',
          step: 'groups-push',
          title: `${count(missing.length, 'assigned group')} not pushed`,
          explanation: `${nameList(missing.map((g) => g.name))} ${missing.length === 1 ? 'is' : 'are'} assigned to the app but not on Push Groups. Their members get Atlassian accounts, but the ${missing.length === 1 ? 'group does' : 'groups do'} not exist in Atlassian, so those people get no product access through ${missing.length === 1 ? 'it' : 'them'}.`,
          fix: 'On Push Groups choose Push Groups › Find groups by name, add each missing group and save.',
        },
      ],
    };
  },
};
