/**
 * Steps of Sign On: Application username format draws on Primary email's attribute (needs both the Sign
 * On and the To App readings), and usernames update on "Create and update".
 */
import { latest } from '../observations';
import { compareSources, describeSource, FORMAT_LABELS, primaryEmailSource, usernameSource } from './email-source';
import type { Check, CheckResult } from './types';

export const oktaSignOnSteps: Check = {
  id: 'okta-sign-on-steps',
  findings: [],
  steps: ['email-username-format', 'email-update-on'],
  run({ observations }) {
    const signOn = latest(observations, 'okta-sign-on');
    const steps: NonNullable<CheckResult['steps']> = {};
    if (!signOn) return { steps };
    const at = signOn.at;
    const unsaved = signOn.mode === 'edit' ? ' in the open form (save to keep it)' : '';
    const primary = primaryEmailSource(latest(observations, 'okta-to-app'));
    if (compareSources(primary, usernameSource(signOn)) === 'same')
      steps['email-username-format'] = {
        status: 'done',
        evidence: `Application username format (${FORMAT_LABELS[signOn.usernameFormat]}) and Primary email both use ${describeSource(primary)}${unsaved}.`,
        at,
      };
    if (signOn.updateOn === 'create-and-update')
      steps['email-update-on'] = {
        status: 'done',
        evidence: `Update application username on is "Create and update"${unsaved}.`,
        at,
      };
    return { steps };
  },
};
