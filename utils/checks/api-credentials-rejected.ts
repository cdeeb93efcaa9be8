/** Okta's Test API Credentials was refused by Atlassian. */
import { latest } from '../observations';
import type { Check } from './types';

export const apiCredentialsRejected: Check = {
  id: 'api-credentials-rejected',
  findings: ['api-credentials-rejected'],
  steps: [],
  run({ observations }) {
    const r = latest(observations, 'okta-integration');
    if (r?.test !== 'forbidden') return {};
    return {
      findings: [
        {
          code: 'api-credentials-rejected',
          severity: 'problem',
          step: 'okta-test-credentials',
          title: 'Atlassian refused the API key',
          explanation:
            'Okta\'s test got "Forbidden" from Atlassian. Usually the key was regenerated since it was copied (the old one stops working at once), or it is an organization API key from Settings › API keys instead of the directory\'s SCIM key.',
          fix: 'Take the current SCIM API key from the identity provider directory in admin.atlassian.com (regenerate it if it is lost), fill it in again and test.',
        },
      ],
    };
  },
};
