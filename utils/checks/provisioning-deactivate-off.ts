/** To App › Deactivate Users off: people removed in Okta keep working Atlassian accounts. */
import { toAppActionCheck } from './to-app-action';

export const provisioningDeactivateOff = toAppActionCheck({
  code: 'provisioning-deactivate-off',
  action: 'deactivateUsers',
  wrong: false,
  finding: {
    severity: 'problem',
    title: 'Deactivate Users is off',
    explanation:
      'When someone is unassigned or deactivated in Okta, their Atlassian account stays active and keeps its access',
    fix: 'On Provisioning › To App choose Edit, enable Deactivate Users and save.',
  },
});
