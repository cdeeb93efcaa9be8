/** Steps of Provisioning › To App: the three actions on, and Primary email's source read. */
import { latest } from '../observations';
import type { Check, CheckResult } from './types';

export const oktaToAppSteps: Check = {
  id: 'okta-to-app-steps',
  findings: [],
  steps: ['okta-to-app-actions', 'email-primary-attribute'],
  run({ observations }) {
    const r = latest(observations, 'okta-to-app');
    const steps: NonNullable<CheckResult['steps']> = {};
    if (!r) return { steps };
    const at = r.at;
    const unsaved = r.mode === 'edit' ? ' in the open form (save to keep it)' : '';
    if (r.createUsers === true && r.updateAttributes === true && r.deactivateUsers === true)
      steps['okta-to-app-actions'] = {
        status: 'done',
        evidence: `Create Users, Update User Attributes and Deactivate Users are enabled${unsaved}.`,
        at,
      };
    if (r.primaryEmail !== 'unknown' && r.primaryEmail.trim())
      steps['email-primary-attribute'] = {
        status: 'done',
        evidence: `Primary email is mapped from ${r.primaryEmail}.`,
        at,
      };
    return { steps };
  },
};
