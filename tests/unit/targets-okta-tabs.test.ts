/** "Show me" on the Okta app tabs: each page-decided step points at the control that does it. */
import { describe, expect, it } from 'vitest';
import { getStep, type StepId } from '../../utils/checklist';
import type { OktaPageInfo, PageId } from '../../utils/pages';
import { locateTarget } from '../../utils/targets';
import { loadSnapshot } from './readers/snapshots';

const here = (page: PageId): OktaPageInfo => ({
  site: 'okta',
  page: page as OktaPageInfo['page'],
  oktaOrg: 'acme.okta.com',
  adminOrigin: 'https://acme-admin.okta.com',
  app: { name: 'atlassian', id: '0oa1abcdefGHIJKL2345', path: '/admin/app/atlassian/instance/0oa1abcdefGHIJKL2345/' },
});

function target(snapshot: string, step: StepId, page: PageId = getStep(step).where.pages[0] as PageId) {
  return locateTarget(loadSnapshot(snapshot), getStep(step), here(page));
}

describe('Show me on the Okta app tabs', { timeout: 30_000 }, () => {
  it('To App: Edit, then the first action still off, then Save', () => {
    expect(target('to-app-configured', 'okta-to-app-actions')?.element.textContent).toBe('Edit');
    const off = target('to-app-actions-off-edit', 'okta-to-app-actions');
    expect(off?.hint).toBe('Enable Create Users');
    expect(off?.element.closest('[data-se]')?.getAttribute('data-se')).toBe('userMgmtSettings.pushNewAccount');
    expect(target('to-app-configured-edit', 'okta-to-app-actions')?.element.getAttribute('value')).toBe('Save');
    expect(target('to-app-configured', 'email-primary-attribute')?.element.textContent).toContain('user.email');
  });

  it('Sign On: Edit, then the Chosen box of the select the step is about', () => {
    expect(target('sign-on-configured', 'email-username-format')?.element.id).toBe('ssoSettings.edit_link');
    expect(target('sign-on-configured', 'email-update-on')?.element.id).toBe('ssoSettings.edit_link');
    expect(target('sign-on-email-mismatch-edit', 'email-username-format')?.element.className).toContain(
      'chzn-container',
    );
    expect(target('sign-on-custom-edit', 'email-update-on')?.element.id).toBe('ssoSettings_customRulePushStatus_chzn');
  });

  it('Push Groups: the row in error, else the table; Assignments: the Assign button', () => {
    const error = target('push-groups-push-error', 'groups-review-push');
    expect(error?.element.closest('tr')?.textContent).toContain('atlassian-test-confluence-users');
    expect(target('push-groups-configured', 'groups-review-push')?.element.tagName).toBe('TABLE');
    // The Push Groups button of the panel, not the tab of the same name the admin is on.
    const push = target('push-groups-configured', 'groups-push')?.element;
    expect(push?.textContent).toBe('Push Groups');
    expect(push?.closest('[data-se="push-groups-button"]')).not.toBeNull();
    expect(target('assignments-configured-people', 'assign-groups')?.element.textContent).toBe('Assign');
  });

  it('from another tab of the app, points at the tab that leads there', () => {
    expect(target('push-groups-configured', 'email-update-on', 'okta-app-push-groups')?.element.id).toBe('tab-signon');
    expect(target('sign-on-configured', 'groups-review-push', 'okta-app-sign-on')?.element.id).toBe('tab-group-push');
  });
});
