/** To App › Sync Password on: Atlassian accounts under SSO do not use an Okta-pushed password. */
import { toAppActionCheck } from './to-app-action';

export const syncPasswordOn = toAppActionCheck({
  code: 'sync-password-on',
  action: 'syncPassword',
  wrong: true,
  finding: {
    severity: 'warning',
    title: 'Sync Password is on',
    explanation:
      'People sign in to Atlassian through Okta, so Atlassian has no use for their Okta password: this only sends a secret where it is not needed',
    fix: 'On Provisioning › To App choose Edit, turn Sync Password off and save.',
  },
});
