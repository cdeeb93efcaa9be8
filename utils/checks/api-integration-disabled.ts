/** The Integration form is open but API integration is off: nothing will be provisioned. */
import { latest } from '../observations';
import type { Check } from './types';

export const apiIntegrationDisabled: Check = {
  id: 'api-integration-disabled',
  findings: ['api-integration-disabled'],
  steps: [],
  run({ observations }) {
    const r = latest(observations, 'okta-integration');
    // "Provisioning is not enabled" is where everyone starts: not a finding. An open form left unticked,
    // or settings saved with it off, are.
    if (r?.apiEnabled !== false || r.mode === 'not-configured' || r.mode === 'unknown') return {};
    return {
      findings: [
        {
          code: 'api-integration-disabled',
          severity: 'warning',
          step: 'okta-enable-api',
          title: 'API integration is off',
          explanation: 'With Enable API integration unticked, Okta sends nothing to Atlassian: no users, no groups.',
          fix: 'Tick Enable API integration on Provisioning › Integration, enter the Base URL and API Token, test and save.',
        },
      ],
    };
  },
};
