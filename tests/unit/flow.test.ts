import { describe, expect, it } from 'vitest';
import { isFlowPage } from '../../utils/flow';
import { detectPage } from '../../utils/pages';
import { newSetup } from '../../utils/setup';
import { deriveState } from '../../utils/status';

const fresh = deriveState(newSetup('s', 0));
const APP = 'https://acme-admin.okta.com/admin/app/atlassian/instance/0oa1/#tab-user-management';

describe('where the overlay shows itself', () => {
  it('shows on the tabs of a recognised Atlassian Cloud app only', () => {
    expect(isFlowPage(detectPage(APP), true, fresh)).toBe(true);
    expect(isFlowPage(detectPage(APP), 'unknown', fresh)).toBe(false);
    expect(isFlowPage(detectPage(APP), false, fresh)).toBe(false);
  });

  it('shows on the Atlassian pages of the flow', () => {
    for (const path of [
      '/o/1/security/identity-providers',
      '/o/1/security/identity-providers/d',
      '/o/1/security/identity-providers/d/scim-setup',
      '/s/2/apps',
    ]) {
      expect(isFlowPage(detectPage(`https://admin.atlassian.com${path}`), 'unknown', fresh), path).toBe(true);
    }
  });

  it('stays away from everyday pages that no step needs', () => {
    expect(isFlowPage(detectPage('https://acme-admin.okta.com/admin/dashboard'), 'unknown', fresh)).toBe(false);
    expect(isFlowPage(detectPage('https://admin.atlassian.com/o/1/overview'), 'unknown', fresh)).toBe(false);
    expect(isFlowPage(detectPage('https://acme.okta.com/app/UserHome'), 'unknown', fresh)).toBe(false);
  });

  it('shows on the app list until the app is added, then leaves it alone', () => {
    const apps = detectPage('https://acme-admin.okta.com/admin/apps/active');
    expect(isFlowPage(apps, 'unknown', fresh)).toBe(true);
    const added = deriveState({ ...newSetup('s', 0), manual: { 'okta-add-app': 'done' } });
    expect(isFlowPage(apps, 'unknown', added)).toBe(false);
  });
});
