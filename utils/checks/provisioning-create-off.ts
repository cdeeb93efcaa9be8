/** To App › Create Users off: assigning someone in Okta creates nothing in Atlassian. */
import { toAppActionCheck } from './to-app-action';

export const provisioningCreateOff = toAppActionCheck({
  code: 'provisioning-create-off',
  action: 'createUsers',
  wrong: false,
  finding: {
    severity: 'problem',
    title: 'Create Users is off',
    explanation: 'Okta will not create Atlassian accounts for the people you assign to the app',
    fix: 'On Provisioning › To App choose Edit, enable Create Users and save.',
  },
});
