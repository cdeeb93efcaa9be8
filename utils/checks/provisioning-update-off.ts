/** To App › Update User Attributes off: changes in Okta (names, email) never reach Atlassian. */
import { toAppActionCheck } from './to-app-action';

export const provisioningUpdateOff = toAppActionCheck({
  code: 'provisioning-update-off',
  action: 'updateAttributes',
  wrong: false,
  finding: {
    severity: 'problem',
    title: 'Update User Attributes is off',
    explanation: "Edits to a person's profile in Okta, an email change included, will not be sent to Atlassian",
    fix: 'On Provisioning › To App choose Edit, enable Update User Attributes and save.',
  },
});
