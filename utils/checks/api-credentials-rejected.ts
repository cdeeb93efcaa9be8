/**
 * Atlassian refused the API key: Okta's Test API Credentials said "Forbidden", or the extension's own
 * verification (GET {base}/Users) got 401/403. The body tells an organization key (or another
 * directory's key) from a regenerated or mangled one, and the fix differs.
 */

import type { Finding } from '../findings';
import { latest } from '../observations';
import { ORG_KEY_REFUSAL } from '../scim-api';
import type { Check } from './types';

const REGENERATED =
  'Usually the key was regenerated after it was copied (the old one stops working at once), or only part of it was copied.';
const WRONG_TYPE =
  'Atlassian answered "Not authorized to access": this is an organization API key (Settings › API keys) or the key of another directory, not the SCIM key of this directory.';
const FIX =
  'Take the current SCIM API key from the identity provider directory in admin.atlassian.com (regenerate it if it is lost), fill it in again and test.';

export const apiCredentialsRejected: Check = {
  id: 'api-credentials-rejected',
  findings: ['api-credentials-rejected'],
  steps: [],
  run({ observations }) {
    const verification = latest(observations, 'scim-verification');
    const findings: Finding[] = [];
    if (verification?.outcome.result === 'rejected') {
      const wrongType = verification.outcome.reason === 'wrong-key-type';
      findings.push({
        code: 'api-credentials-rejected',
        severity: 'problem',
        step: 'okta-test-credentials',
        title: wrongType ? 'This is not the directory’s SCIM key' : 'Atlassian refused the API key',
        explanation: `The extension asked Atlassian's SCIM API with the held key and got HTTP ${verification.outcome.status}. ${wrongType ? WRONG_TYPE : REGENERATED}`,
        fix: FIX,
      });
      return { findings };
    }
    const r = latest(observations, 'okta-integration');
    if (r?.test !== 'forbidden') return {};
    const wrongType = ORG_KEY_REFUSAL.test(r.testMessage ?? '');
    return {
      findings: [
        {
          code: 'api-credentials-rejected',
          severity: 'problem',
          step: 'okta-test-credentials',
          title: 'Atlassian refused the API key',
          explanation: `Okta's test got "Forbidden" from Atlassian. ${wrongType ? WRONG_TYPE : `${REGENERATED} It may also be an organization API key from Settings › API keys instead of the directory's SCIM key.`}`,
          fix: FIX,
        },
      ],
    };
  },
};
