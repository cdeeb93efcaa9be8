/** Steps on admin.atlassian.com: the values were taken, and the SCIM configuration was saved. */
import { latest } from '../observations';
import type { Check, CheckResult } from './types';

const VIA = {
  page: 'from the setup page',
  'copy-button': "with the page's Copy button",
  manual: 'by hand in the side panel',
};

export const atlassianScimSteps: Check = {
  id: 'atlassian-scim-steps',
  findings: [],
  steps: ['atlassian-copy-credentials', 'atlassian-save-scim'],
  run({ observations }) {
    const steps: NonNullable<CheckResult['steps']> = {};
    const captured = latest(observations, 'credentials-captured');
    if (captured) {
      steps['atlassian-copy-credentials'] = {
        status: 'done',
        evidence: `The values were taken ${VIA[captured.via]}.`,
        at: captured.at,
      };
    }
    const directory = latest(observations, 'atlassian-directory');
    if (directory?.provisioning === 'set-up') {
      steps['atlassian-save-scim'] = {
        status: 'done',
        evidence: 'The directory page says user provisioning is set up.',
        at: directory.at,
      };
    }
    return { steps };
  },
};
