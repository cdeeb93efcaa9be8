/**
 * Pushed groups in the error state, with Okta's own message. "displayName already exists" means a group of
 * that name is already in Atlassian (made there by hand, or a default access group): Atlassian's Review
 * groups › Sync group links the two. A row in error is itself the evidence, so a partial list still counts.
 */
import { latest } from '../observations';
import { count, nameList } from './group-lists';
import type { Check } from './types';

const NAME_TAKEN = /displayName already exists/i;

export const pushGroupError: Check = {
  id: 'push-group-error',
  findings: ['push-group-error'],
  steps: [],
  run({ observations }) {
    const pushed = latest(observations, 'okta-push-groups');
    const failed = pushed?.groups.filter((g) => g.status === 'error' || g.error) ?? [];
    if (failed.length === 0) return {};
    const taken = failed.filter((g) => NAME_TAKEN.test(g.error ?? ''));
    const first = failed[0];
    const message = first?.error ? ` Okta says: "${first.error}"` : '';
    return {
      findings: [
        {
          code: 'push-group-error',
          severity: 'problem',
          step: 'groups-review-push',
          title: `${count(failed.length, 'group')} failed to push`,
          explanation: `${nameList(failed.map((g) => g.name))} could not be pushed to Atlassian.${message}${
            taken.length > 0 ? ' A group with the same name already exists in Atlassian, so Okta cannot create it.' : ''
          }`,
          fix:
            taken.length > 0
              ? 'In Atlassian Administration open the identity provider directory, choose Review groups, and use Sync group on the group with that name; then in Okta choose Retry All Groups (or Push now on the group).'
              : 'Hover the (i) icon on the row for the full error, fix its cause, then choose Retry All Groups or Push now on the group.',
        },
      ],
    };
  },
};
