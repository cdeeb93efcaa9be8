/** Steps of Push Groups and Assignments: groups pushed, every pushed group Active without errors, groups assigned. */
import { latest } from '../observations';
import { count } from './group-lists';
import type { Check, CheckResult } from './types';

export const oktaGroupsSteps: Check = {
  id: 'okta-groups-steps',
  findings: [],
  steps: ['groups-push', 'groups-review-push', 'assign-groups'],
  run({ observations }) {
    const pushed = latest(observations, 'okta-push-groups');
    const assigned = latest(observations, 'okta-assigned-groups');
    const steps: NonNullable<CheckResult['steps']> = {};
    if (pushed && pushed.groups.length > 0) {
      steps['groups-push'] = {
        status: 'done',
        evidence: `Push Groups lists ${count(pushed.groups.length, 'group')}.`,
        at: pushed.at,
      };
      // "All Active" is a claim about every row: only a whole list can make it.
      if (pushed.complete === true && pushed.groups.every((g) => g.status === 'active' && !g.error))
        steps['groups-review-push'] = {
          status: 'done',
          evidence:
            pushed.groups.length === 1
              ? 'The pushed group is Active, without errors.'
              : `All ${pushed.groups.length} pushed groups are Active, without errors.`,
          at: pushed.at,
        };
    }
    if (assigned && assigned.groups.length > 0)
      steps['assign-groups'] = {
        status: 'done',
        evidence: `${count(assigned.groups.length, 'group')} assigned to the app.`,
        at: assigned.at,
      };
    return { steps };
  },
};
