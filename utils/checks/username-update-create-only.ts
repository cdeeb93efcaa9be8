/** "Update application username on" set to Create only: later email changes never reach Atlassian's sign-in. */
import { latest } from '../observations';
import type { Check } from './types';

export const usernameUpdateCreateOnly: Check = {
  id: 'username-update-create-only',
  findings: ['username-update-create-only'],
  steps: [],
  run({ observations }) {
    const signOn = latest(observations, 'okta-sign-on');
    if (signOn?.updateOn !== 'create-only') return {};
    return {
      findings: [
        {
          code: 'username-update-create-only',
          severity: 'problem',
          step: 'email-update-on',
          title: 'Usernames are set once and never updated',
          explanation:
            'Update application username on is "Create only". When someone\'s email changes in Okta, provisioning sends the new address but single sign-on keeps the old one, and the two drift apart.',
          fix: 'On the Sign On tab choose Edit, set Update application username on to "Create and update", save, then use Update Now.',
        },
      ],
    };
  },
};
