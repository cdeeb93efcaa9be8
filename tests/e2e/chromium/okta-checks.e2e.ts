/**
 * What breaks provisioning, read across the Okta app's tabs and remembered between them: the email
 * attribute behind SAML and SCIM, groups assigned but not pushed, and a correct setup that shows nothing.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { OKTA_APP_PATH } from '../../fixtures/data';
import { Overlay } from '../support/pages';
import { extensionBrowserPerFile } from '../support/suite';

const browser = extensionBrowserPerFile();

const TO_APP = `${OKTA_APP_PATH}#tab-user-management/create-n-update`;
const oktaTab = (page: Page, label: string) => page.locator('.ui-tabs-nav a', { hasText: new RegExp(`^${label}$`) });
const findingsIn = (root: Page | ReturnType<Page['locator']>) =>
  root.locator('[data-finding]').evaluateAll((els) => els.map((e) => e.getAttribute('data-finding')));
const markPage = (page: Page) => page.evaluate(() => Object.assign(window, { __marker: 'no reload' }));
const pageMark = (page: Page) => page.evaluate(() => (window as Window & { __marker?: string }).__marker);

describe('across the Okta app tabs', () => {
  test('flags an email mismatch when Sign On uses the Okta username, and clears it when the select says Email', async () => {
    const b = browser();
    const page = await b.oktaAdminPage(TO_APP, 'email-mismatch');
    const overlay = new Overlay(page);
    // The To App pane renders late: the step is done once its mappings were read.
    await expect.poll(() => overlay.step('email-primary-attribute').getAttribute('data-status')).toBe('done');
    await markPage(page);

    await oktaTab(page, 'Sign On').click();
    await expect.poll(() => findingsIn(overlay.host)).toContain('email-mismatch');
    const panel = await b.openSidePanelPage();
    await expect.poll(() => findingsIn(panel)).toContain('email-mismatch');
    await expect
      .poll(() => panel.locator('[data-step="email-username-format"]').getAttribute('data-status'))
      .toBe('problem');

    // The admin edits Sign On and picks Email in the (Chosen-styled) select: no reload, no save needed to see it.
    await page.bringToFront();
    await page.locator('[id="ssoSettings.edit_link"]:visible').click();
    const format = page.locator('[data-se="o-form-input-userNameTemplateType"] .chzn-container');
    await format.locator('.chzn-single').click();
    await format.locator('.chzn-results li', { hasText: /^Email$/ }).click();
    await expect.poll(() => findingsIn(overlay.host)).not.toContain('email-mismatch');
    await expect.poll(() => findingsIn(panel)).not.toContain('email-mismatch');
    expect(await pageMark(page)).toBe('no reload');
  });

  test('flags a group that is assigned but not pushed', async () => {
    const b = browser();
    const page = await b.oktaAdminPage(`${OKTA_APP_PATH}#tab-assignments`, 'group-not-pushed');
    const overlay = new Overlay(page);
    await overlay.step('assign-groups').waitFor();
    // Assignments lists People first; the admin switches to Groups, as they would to check what is assigned.
    await page.locator('[data-filter="groups"]').click();
    await oktaTab(page, 'Push Groups').click();
    await expect.poll(() => findingsIn(overlay.host)).toContain('push-group-missing');
    const panel = await b.openSidePanelPage();
    await expect.poll(() => findingsIn(panel)).toContain('push-group-missing');
    expect(await panel.locator('[data-finding="push-group-missing"]').textContent()).toMatch(/atlassian-admins/);
  });

  test('a correct configuration, every tab visited, shows no finding at all and ticks every step it can see', async () => {
    const b = browser();
    const page = await b.oktaAdminPage(TO_APP, 'configured');
    const overlay = new Overlay(page);
    // Like a person, look at each tab until its pane has loaded (panes render late) before moving on.
    const seen = (step: string) =>
      expect.poll(() => overlay.step(step).getAttribute('data-status'), { message: step }).toBe('done');
    await seen('okta-to-app-actions');
    await oktaTab(page, 'Sign On').click();
    await seen('email-username-format');
    await oktaTab(page, 'Assignments').click();
    await page.locator('[data-filter="groups"]').click();
    await seen('assign-groups');
    await oktaTab(page, 'Push Groups').click();
    await seen('groups-review-push');

    const panel = await b.openSidePanelPage();
    for (const id of [
      'okta-to-app-actions',
      'email-primary-attribute',
      'email-username-format',
      'email-update-on',
      'groups-push',
      'groups-review-push',
      'assign-groups',
    ]) {
      await expect
        .poll(() => panel.locator(`[data-step="${id}"]`).getAttribute('data-status'), { message: id })
        .toBe('done');
    }
    expect(await findingsIn(panel)).toEqual([]);
    expect(await findingsIn(overlay.host)).toEqual([]);
  });

  test('warns, without blocking, that removing an assignment deactivates Atlassian accounts', async () => {
    const b = browser();
    const page = await b.oktaAdminPage(`${OKTA_APP_PATH}#tab-assignments`, 'configured');
    const overlay = new Overlay(page);
    await overlay.step('assign-groups').waitFor();
    expect(await findingsIn(overlay.host)).not.toContain('unassign-deactivates');
    await page.locator('[data-filter="groups"]').click();
    await page.locator('.remove-assignment:visible:enabled').first().click();
    await expect.poll(() => findingsIn(overlay.host)).toContain('unassign-deactivates');
    // The page's own confirmation still opened.
    await expect
      .poll(() => page.locator('#simplemodal-container:visible, [role="dialog"]:visible').count())
      .toBeGreaterThan(0);
  });
});
