/**
 * People assigned to the app on their own: Atlassian gets their account, but no group carries them, so
 * they get no product access. Each such row is evidence by itself, so a partial list still counts.
 */
import { latest } from '../observations';
import { count, nameList } from './group-lists';
import type { Check } from './types';

export const individualAssignment: Check = {
  id: 'individual-assignment',
  findings: ['individual-assignment'],
  steps: [],
  run({ observations }) {
    const alone = latest(observations, 'okta-assigned-people')?.individuals ?? [];
    if (alone.length === 0) return {};
    return {
      findings: [
        {
          code: 'individual-assignment',
          severity: 'warning',
          step: 'assign-groups',
          title: `${count(alone.length, 'person', 'people')} assigned without a group`,
          explanation: `${nameList(alone.map((p) => p.name))} ${alone.length === 1 ? 'is' : 'are'} assigned to the app directly. Atlassian will create ${alone.length === 1 ? 'an account' : 'accounts'}, but product access comes from groups, so ${alone.length === 1 ? 'this person gets' : 'these people get'} none.`,
          fix: 'Add them to a group that is assigned and pushed instead. Only then remove the direct assignment: removing it while no group covers them deactivates their Atlassian account.',
        },
      ],
    };
  },
};
