/** The Okta form needs the values and the assistant holds none (never captured, cleared, or expired). */
import { latest } from '../observations';
import type { Check } from './types';

export const credentialsMissing: Check = {
  id: 'credentials-missing',
  findings: ['credentials-missing', 'credentials-expired'],
  steps: [],
  run({ observations, vault }) {
    const r = latest(observations, 'okta-integration');
    // Only while the form still needs them: a saved, enabled integration has its values.
    const needsValues =
      r && !(r.mode === 'read' && r.apiEnabled === true) && r.test !== 'passed' && r.apiToken !== 'filled';
    if (!needsValues) return {};
    if (vault === 'expired') {
      return {
        findings: [
          {
            code: 'credentials-expired',
            severity: 'warning',
            step: 'okta-enter-credentials',
            title: 'The captured values expired',
            explanation:
              'The assistant forgot the SCIM base URL and API key when their time ran out, as it always does.',
            fix: 'Paste them from where you saved them (side panel › SCIM values), or regenerate the API key in admin.atlassian.com — then update Okta with the new one.',
          },
        ],
      };
    }
    if (vault === 'empty' || vault === 'cleared') {
      return {
        findings: [
          {
            code: 'credentials-missing',
            severity: 'info',
            step: 'okta-enter-credentials',
            title: 'No SCIM values to fill yet',
            explanation:
              'Okta needs the SCIM base URL and API key from Atlassian, and the assistant holds none right now.',
            fix: 'Open "Set up user provisioning" on the Okta directory in admin.atlassian.com, or paste the values in the side panel.',
          },
        ],
      };
    }
    return {};
  },
};
