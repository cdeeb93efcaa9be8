/** Steps of the Integration pane, from what it showed last: API integration on, values in, test passed. */
import { latest } from '../observations';
import type { Check, CheckResult } from './types';

export const oktaIntegrationSteps: Check = {
  id: 'okta-integration-steps',
  findings: [],
  steps: ['okta-enable-api', 'okta-enter-credentials', 'okta-test-credentials'],
  run({ observations }) {
    const r = latest(observations, 'okta-integration');
    const steps: NonNullable<CheckResult['steps']> = {};
    if (!r) return { steps };
    const at = r.at;
    // Okta saves the integration only after Test API Credentials passed (okta-admin.md), so a saved,
    // enabled integration proves all three steps.
    const saved = r.mode === 'read' && r.apiEnabled === true;
    if (r.apiEnabled === true) {
      steps['okta-enable-api'] = {
        status: 'done',
        evidence: saved ? 'The saved integration has API integration on.' : 'Enable API integration is ticked.',
        at,
      };
    }
    if (r.baseUrl === 'invalid') {
      steps['okta-enter-credentials'] = {
        status: 'problem',
        evidence: 'Base URL is not a SCIM base URL of the form https://api.atlassian.com/scim/directory/{id}.',
        at,
      };
    } else if (saved || (r.baseUrl === 'valid' && r.apiToken === 'filled')) {
      steps['okta-enter-credentials'] = { status: 'done', evidence: 'Base URL and API Token are filled in.', at };
    }
    if (r.test === 'passed' || saved) {
      steps['okta-test-credentials'] = {
        status: 'done',
        evidence: saved
          ? 'Okta saved the integration, which it does only after a passing test.'
          : 'Okta verified the credentials.',
        at,
      };
    } else if (r.test === 'forbidden' || r.test === 'failed') {
      steps['okta-test-credentials'] = {
        status: 'problem',
        evidence: r.testMessage ?? 'Test API Credentials failed.',
        at,
      };
    }
    return { steps };
  },
};
