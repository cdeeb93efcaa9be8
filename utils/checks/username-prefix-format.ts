/** A "… prefix" username format sends only the part before "@": Atlassian needs a whole email address. */
import { latest } from '../observations';
import { describeSource, FORMAT_LABELS, usernameSource } from './email-source';
import type { Check } from './types';

export const usernamePrefixFormat: Check = {
  id: 'username-prefix-format',
  findings: ['username-prefix-format'],
  steps: [],
  run({ observations }) {
    const signOn = latest(observations, 'okta-sign-on');
    const username = usernameSource(signOn);
    if (!signOn || username.kind !== 'prefix') return {};
    return {
      findings: [
        {
          code: 'username-prefix-format',
          severity: 'problem',
          step: 'email-username-format',
          title: 'Application username is not a full email address',
          explanation: `Application username format is ${FORMAT_LABELS[signOn.usernameFormat]}, so single sign-on sends ${describeSource(username)}: a name such as "jane.doe" instead of "jane.doe@example.com". Atlassian matches people by full email address, so sign-in will not find the provisioned account.`,
          fix: 'On the Sign On tab choose Edit and pick the full attribute that Primary email is mapped from (usually Email), save, then use Update Now.',
        },
      ],
    };
  },
};
