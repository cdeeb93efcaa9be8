/** Pushed groups switched to Inactive: Okta stops sending their membership changes to Atlassian. */
import { latest } from '../observations';
import { count, nameList } from './group-lists';
import type { Check } from './types';

export const pushGroupInactive: Check = {
  id: 'push-group-inactive',
  findings: ['push-group-inactive'],
  steps: [],
  run({ observations }) {
    const inactive = latest(observations, 'okta-push-groups')?.groups.filter((g) => g.status === 'inactive') ?? [];
    if (inactive.length === 0) return {};
    return {
      findings: [
        {
          code: 'push-group-inactive',
          severity: 'warning',
          step: 'groups-review-push',
          title: `${count(inactive.length, 'pushed group')} inactive`,
          explanation: `Group push is paused for ${nameList(inactive.map((g) => g.name))}. People who join or leave ${inactive.length === 1 ? 'it' : 'them'} in Okta keep their old product access in Atlassian.`,
          fix: 'On Push Groups open the Inactive button of each such row and choose Activate group push, unless you paused it on purpose.',
        },
      ],
    };
  },
};
