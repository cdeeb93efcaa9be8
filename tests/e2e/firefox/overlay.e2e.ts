/**
 * Firefox: the overlay on both admin consoles, following the admin around and showing what is wrong, and the
 * extension's own pages: popup, side panel, and the sidebar that "Open checklist" opens.
 */
import { describe, expect, test } from 'vitest';
import { STEP_IDS, STEP_STATUSES } from '../../../utils/checklist';
import { fixturePages } from '../../fixtures/guide';
import { clickOktaTab, markPage, Overlay, PopupPage, pageMark, SidePanelPage } from './support/pages';
import { firefoxPerFile } from './support/suite';

const browser = firefoxPerFile();
const pages = fixturePages();
const INTEGRATION_STEPS = ['okta-enable-api', 'okta-enter-credentials', 'okta-test-credentials'];

describe('where the overlay appears', () => {
  test('on the Atlassian Cloud app in Okta, listing the steps of Provisioning › Integration', async () => {
    const overlay = new Overlay(await browser().fixturePage(pages.oktaIntegration));
    await expect.poll(() => overlay.stepIds()).toEqual(INTEGRATION_STEPS);
    expect(await overlay.stepStatus('okta-enable-api')).toBe('todo');
  });

  test("on admin.atlassian.com's SCIM setup page, listing taking and saving the credentials", async () => {
    const overlay = new Overlay(await browser().fixturePage(pages.atlassianScimSetup));
    await expect
      .poll(() => overlay.stepIds())
      .toEqual(expect.arrayContaining(['atlassian-copy-credentials', 'atlassian-save-scim']));
  });

  test('nowhere else: not on the end-user dashboard, the admin dashboard, another app, or the org overview', async () => {
    const b = browser();
    // All at once, with the Atlassian Cloud app as the control that the extension is running at all.
    const [endUser, dashboard, slack, overview, atlassianApp] = await Promise.all([
      b.fixturePage(pages.oktaEndUser),
      b.fixturePage(pages.oktaDashboard),
      b.fixturePage(`${pages.oktaSlackApp}#tab-general`),
      b.fixturePage(pages.atlassianOverview),
      b.fixturePage(pages.oktaIntegration),
    ]);
    const loaded = Date.now();
    await expect.poll(() => new Overlay(atlassianApp).stepIds()).toEqual(INTEGRATION_STEPS);
    // Past the re-checks of late renders (utils/overlay/navigation.ts: up to 1.5 s after load).
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, loaded + 1_600 - Date.now())));
    for (const page of [endUser, dashboard, slack, overview]) {
      expect(await new Overlay(page).count(), page.url()).toBe(0);
    }
  });
});

describe('following the admin around', () => {
  test('clicking through the Okta app tabs updates the overlay without a reload', async () => {
    const page = await browser().fixturePage(pages.oktaApp);
    const overlay = new Overlay(page);
    await expect.poll(() => overlay.stepIds()).toEqual(['okta-add-app']);
    await markPage(page);

    await clickOktaTab(page, 'Sign On');
    await expect
      .poll(() => overlay.stepIds())
      .toEqual(['email-username-format', 'email-update-on', 'email-update-now']);

    await clickOktaTab(page, 'Provisioning');
    await expect.poll(() => overlay.stepIds()).toEqual(INTEGRATION_STEPS);

    await clickOktaTab(page, 'Push Groups');
    await expect.poll(() => overlay.stepIds()).toEqual(['groups-push', 'groups-review-push']);

    await clickOktaTab(page, 'Assignments');
    await expect.poll(() => overlay.stepIds()).toEqual(['assign-groups']);

    expect(await pageMark(page)).toBe('no reload');
  });

  test('"Set up user provisioning" on admin.atlassian.com updates the overlay without a reload', async () => {
    const page = await browser().fixturePage(pages.atlassianDirectory);
    const overlay = new Overlay(page);
    await expect.poll(() => overlay.stepIds()).toContain('atlassian-open-provisioning');
    expect(await overlay.stepIds()).not.toContain('atlassian-save-scim');
    await markPage(page);

    await page.locator('button::-p-text(Set up user provisioning)').click();

    await expect
      .poll(() => overlay.stepIds())
      .toEqual(expect.arrayContaining(['atlassian-copy-credentials', 'atlassian-save-scim']));
    expect(page.url()).toContain('/scim-setup');
    expect(await pageMark(page)).toBe('no reload');
  });
});

describe('what is wrong, shown where it can be fixed', () => {
  test('flags an email mismatch when Sign On uses the Okta username and To App maps Primary email from email', async () => {
    const b = browser();
    const page = await b.fixturePage(pages.oktaToApp, 'email-mismatch');
    const overlay = new Overlay(page);
    // The To App pane renders late: the step is done once its mappings were read.
    await expect.poll(() => overlay.stepStatus('email-primary-attribute')).toBe('done');

    await clickOktaTab(page, 'Sign On');
    await expect.poll(() => overlay.stepIds()).toContain('email-username-format');
    await expect.poll(() => overlay.findings()).toContain('email-mismatch');

    const panel = new SidePanelPage(await b.openSidePanelPage(page));
    await expect.poll(() => panel.findings()).toContain('email-mismatch');
  });

  test('flags an assigned group that is not pushed', async () => {
    const b = browser();
    const page = await b.fixturePage(pages.oktaAssignments, 'group-not-pushed');
    const overlay = new Overlay(page);
    await expect.poll(() => overlay.stepIds()).toEqual(['assign-groups']);
    // The tab lists People by default; the admin switches it to Groups to see which groups are assigned.
    await page.locator('[data-se="assignments-filter"] ::-p-text(Groups)').click();
    await expect.poll(() => overlay.stepStatus('assign-groups')).toBe('done');

    await clickOktaTab(page, 'Push Groups');
    await expect.poll(() => overlay.stepIds()).toContain('groups-push');
    await expect.poll(() => overlay.findings()).toContain('push-group-missing');

    const panel = new SidePanelPage(await b.openSidePanelPage(page));
    await expect.poll(() => panel.findings()).toContain('push-group-missing');
  });
});

describe("the extension's pages", () => {
  test('the popup shows how far the setup is', async () => {
    const b = browser();
    const popup = new PopupPage(await b.openPopupPage(await b.fixturePage(pages.atlassianIdentityProviders)));
    await expect.poll(() => popup.progress()).toEqual({ now: '0', max: String(STEP_IDS.length) });
  });

  test('the side panel lists every step with a status, and ticks "Add the Atlassian Cloud app" when it is opened', async () => {
    const b = browser();
    const app = await b.fixturePage(pages.oktaApp);
    const panel = new SidePanelPage(await b.openSidePanelPage(app));
    await expect.poll(async () => (await panel.steps()).map((s) => s.id)).toEqual(STEP_IDS);
    for (const { id, status } of await panel.steps()) expect(STEP_STATUSES, `status of ${id}`).toContain(status);
    await expect.poll(() => panel.stepStatus('okta-add-app')).toBe('done');
  });
});

describe('"Open checklist" and the sidebar', () => {
  test('from the popup', async () => {
    const b = browser();
    await b.closeSidebar();
    const popup = await b.openPopupPage(await b.fixturePage(pages.atlassianIdentityProviders));
    await popup.bringToFront();
    await popup.locator('[data-action="open-checklist"]').click();
    await expect.poll(() => b.isSidebarOpen()).toBe(true);
  });

  test('from the overlay, Firefox refuses a relayed click: the overlay gives the keyboard shortcut instead', async () => {
    const b = browser();
    await b.closeSidebar();
    const overlay = new Overlay(await b.fixturePage(pages.atlassianScimSetup));
    // The page hands its values over on load, and the overlay redraws with the outcome: click after that.
    await expect.poll(() => overlay.credentialsText()).toContain('key …');
    await overlay.click('open-checklist');
    // Firefox may take a while to refuse: it answers only once the open attempt fails.
    await expect.poll(() => overlay.text('.ssa-message'), { timeout: 20_000 }).toMatch(/press Alt\+Shift\+Y/);
    expect(await b.isSidebarOpen()).toBe(false);
  });
});
