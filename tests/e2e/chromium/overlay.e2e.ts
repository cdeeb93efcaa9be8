/** The in-page overlay on the admin consoles: where it shows, what it lists, and how it behaves on the page. */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { ATLASSIAN_ORG_ID, DIRECTORY_ID, OKTA_APP_PATH, OKTA_SLACK_APP_PATH } from '../../fixtures/data';
import type { ExtensionBrowser } from '../support/extension-browser';
import { Overlay, SidePanelPage } from '../support/pages';
import { extensionBrowserPerFile } from '../support/suite';

const browser = extensionBrowserPerFile();

const ORG = `/o/${ATLASSIAN_ORG_ID}`;
const IDP_DIRECTORY = `${ORG}/security/identity-providers/${DIRECTORY_ID}`;
const SCIM_SETUP = `${IDP_DIRECTORY}/scim-setup`;
const INTEGRATION = `${OKTA_APP_PATH}#tab-user-management/api-credentials`;

/** Step ids the overlay lists, once it lists exactly `expected` (panes render late, so poll). */
async function expectOverlaySteps(page: Page, expected: string[]): Promise<void> {
  const overlay = new Overlay(page);
  await expect.poll(() => overlay.stepIds()).toEqual(expected);
}

/** When the background last recorded a visit of `pageId` (the content script's `page-seen`), or 0. */
async function lastVisit(b: ExtensionBrowser, pageId: string): Promise<number> {
  return (await b.activeSetup())?.observations[`visit:${pageId}`]?.at ?? 0;
}

/** Leaves a mark in the page's own world: it is gone if the page reloads. */
const markPage = (page: Page) =>
  page.evaluate(() => {
    (window as Window & { __marker?: string }).__marker = 'no reload';
  });
const pageMark = (page: Page) => page.evaluate(() => (window as Window & { __marker?: string }).__marker);

/** A tab anchor of the Okta app instance, found by its label as a person reads it. */
const oktaTab = (page: Page, label: string) => page.locator('.ui-tabs-nav a', { hasText: new RegExp(`^${label}$`) });

describe('where the overlay appears', () => {
  test('on the Atlassian Cloud app in Okta, listing the steps of Provisioning › Integration', async () => {
    const page = await browser().oktaAdminPage(INTEGRATION);
    await expectOverlaySteps(page, ['okta-enable-api', 'okta-enter-credentials', 'okta-test-credentials']);
    expect(await new Overlay(page).step('okta-enable-api').getAttribute('data-status')).toBe('todo');
  });

  test("on admin.atlassian.com's SCIM setup page, listing taking and saving the credentials", async () => {
    const page = await browser().atlassianPage(SCIM_SETUP);
    const overlay = new Overlay(page);
    await expect
      .poll(() => overlay.stepIds())
      .toEqual(expect.arrayContaining(['atlassian-copy-credentials', 'atlassian-save-scim']));
  });

  test('nowhere else: not on the end-user dashboard, the admin dashboard, another app, or the org overview', async () => {
    const b = browser();
    // All at once, with the Atlassian Cloud app as the control that the extension is running at all.
    const [endUser, dashboard, slack, overview, atlassianApp] = await Promise.all([
      b.oktaEndUserPage('/app/UserHome'),
      b.oktaAdminPage('/admin/dashboard'),
      b.oktaAdminPage(`${OKTA_SLACK_APP_PATH}#tab-general`),
      b.atlassianPage(`${ORG}/overview`),
      b.oktaAdminPage(INTEGRATION),
    ]);
    const loaded = Date.now();
    await new Overlay(atlassianApp).step('okta-enable-api').waitFor();
    // The loader runs on the admin pages (not on the end-user dashboard, which is not an admin console)…
    for (const page of [dashboard, slack, overview]) expect(await b.hasContentScript(page), page.url()).toBe(true);
    // …and every page was re-checked after its late renders (navigation.ts re-checks up to 1.5 s after load, then at 4 s).
    await atlassianApp.waitForTimeout(Math.max(0, loaded + 1_600 - Date.now()));
    for (const page of [endUser, dashboard, slack, overview]) {
      expect(await new Overlay(page).host.count(), page.url()).toBe(0);
    }
  });
});

describe('following the admin around', () => {
  test('clicking through the Okta app tabs updates the overlay without a reload', async () => {
    const page = await browser().oktaAdminPage(`${OKTA_APP_PATH}#tab-general`);
    await expectOverlaySteps(page, ['okta-add-app']);
    await markPage(page);

    await oktaTab(page, 'Sign On').click();
    await expectOverlaySteps(page, ['email-username-format', 'email-update-on', 'email-update-now']);

    await oktaTab(page, 'Provisioning').click();
    await expectOverlaySteps(page, ['okta-enable-api', 'okta-enter-credentials', 'okta-test-credentials']);

    await oktaTab(page, 'Push Groups').click();
    await expectOverlaySteps(page, ['groups-push', 'groups-review-push']);

    await oktaTab(page, 'Assignments').click();
    await expectOverlaySteps(page, ['assign-groups']);

    expect(await pageMark(page)).toBe('no reload');
  });

  test('"Set up user provisioning" on admin.atlassian.com updates the overlay without a reload', async () => {
    const page = await browser().atlassianPage(IDP_DIRECTORY);
    const overlay = new Overlay(page);
    await expect.poll(() => overlay.stepIds()).toContain('atlassian-open-provisioning');
    expect(await overlay.stepIds()).not.toContain('atlassian-save-scim');
    await markPage(page);

    await page.getByRole('button', { name: 'Set up user provisioning', exact: true }).click();

    await expect
      .poll(() => overlay.stepIds())
      .toEqual(expect.arrayContaining(['atlassian-copy-credentials', 'atlassian-save-scim']));
    expect(page.url()).toContain('/scim-setup');
    expect(await pageMark(page)).toBe('no reload');
  });

  test('another app in Okta does not undo "Add the Atlassian Cloud app"', async () => {
    const b = browser();
    const atlassianApp = await b.oktaAdminPage(`${OKTA_APP_PATH}#tab-general`);
    const panel = new SidePanelPage(await b.openSidePanelPage());
    await expect.poll(() => panel.step('okta-add-app').getAttribute('data-status')).toBe('done');
    await atlassianApp.close();

    const slack = await b.oktaAdminPage(`${OKTA_SLACK_APP_PATH}#tab-general`);
    await slack.getByRole('heading', { level: 1, name: 'Slack' }).waitFor();
    // Long enough for the content script's reads after load (navigation.ts: up to 1.5 s) to reach the panel.
    await slack.waitForTimeout(1_600);
    expect(await panel.step('okta-add-app').getAttribute('data-status')).toBe('done');
  });

  test('a renamed Atlassian Cloud app gets the overlay once it has been recognised', async () => {
    const b = browser();
    const named = await b.oktaAdminPage(`${OKTA_APP_PATH}#tab-general`);
    await new Overlay(named).host.waitFor({ state: 'attached' });
    await named.close();

    // Neither the title nor the heading says Atlassian now: only the loader's short list of recognised apps can tell.
    const renamed = await b.oktaAdminPage(`${OKTA_APP_PATH}#tab-general`, 'renamed-app');
    await renamed.getByRole('heading', { level: 1, name: 'Jira and Confluence' }).waitFor();
    const overlay = new Overlay(renamed);
    await overlay.host.waitFor({ state: 'attached' });
    await expect.poll(() => overlay.stepIds()).toContain('okta-add-app');
  });
});

describe('on the page', () => {
  test('the highlight ring surrounds the control it points at, and goes when the control does', async () => {
    const page = await browser().oktaAdminPage(INTEGRATION);
    const overlay = new Overlay(page);
    await overlay.action('show-me', 'okta-enable-api').click();

    const target = page.locator('[id="userMgmtSettings.edit_link"]:visible');
    await expect.poll(() => overlay.ring.isVisible()).toBe(true);
    /** How far the ring sits outside the control on each side. */
    const margins = async () => {
      const [ring, control] = await Promise.all([overlay.ring.boundingBox(), target.boundingBox()]);
      if (!ring || !control) throw new Error('The ring or its control has no box on screen.');
      return [
        control.x - ring.x,
        control.y - ring.y,
        ring.x + ring.width - (control.x + control.width),
        ring.y + ring.height - (control.y + control.height),
      ];
    };
    // "Show me" scrolls smoothly and the ring follows one animation frame behind: once the page is still,
    // the ring sits a few pixels outside the control on every side.
    await expect.poll(async () => (await margins()).every((m) => m >= 0 && m <= 16), { timeout: 5_000 }).toBe(true);

    await target.evaluate((el) => el.remove());
    await expect.poll(() => overlay.ring.count()).toBe(0);
  });

  test("keys typed in the overlay do not reach the page's keyboard handlers", async () => {
    const page = await browser().oktaAdminPage(INTEGRATION);
    const overlay = new Overlay(page);
    await overlay.step('okta-enable-api').waitFor();
    await page.evaluate(() => {
      const keys: string[] = [];
      (window as Window & { __keys?: string[] }).__keys = keys;
      document.addEventListener('keydown', (e) => keys.push(e.key));
    });
    const pageKeys = () => page.evaluate(() => (window as Window & { __keys?: string[] }).__keys);

    // The listener works: a key pressed on the page itself arrives.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('q');
    expect(await pageKeys()).toEqual(['q']);

    await overlay.action('open-checklist').focus();
    await page.keyboard.type('abc');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift');
    expect(await pageKeys()).toEqual(['q']);
  });

  test('"Hide on this site" hides the overlay there, across reloads, until the side panel turns it back on', async () => {
    const b = browser();
    const page = await b.oktaAdminPage(INTEGRATION);
    const overlay = new Overlay(page);
    await overlay.action('turn-off-overlay').click();
    await expect.poll(() => overlay.host.count()).toBe(0);

    const before = await lastVisit(b, 'okta-app-provisioning-integration');
    await page.reload();
    // The content script ran again on the reloaded page (it reported the visit), and still shows nothing.
    await expect.poll(() => lastVisit(b, 'okta-app-provisioning-integration')).toBeGreaterThan(before);
    // The visit is reported after the overlay decided; the margin covers the re-checks of late renders.
    await page.waitForTimeout(700);
    expect(await overlay.host.count()).toBe(0);

    // Only this site: admin.atlassian.com keeps its overlay.
    const atlassian = await b.atlassianPage(SCIM_SETUP);
    await new Overlay(atlassian).step('atlassian-save-scim').waitFor();

    const panel = new SidePanelPage(await b.openSidePanelPage());
    await panel.openSettings();
    expect(await panel.overlaySwitch('okta').isChecked()).toBe(false);
    expect(await panel.overlaySwitch('atlassian').isChecked()).toBe(true);
    await panel.overlaySwitch('okta').click();

    // The open Okta tab follows the setting without a reload.
    await overlay.step('okta-enable-api').waitFor();
  });
});

describe('from the overlay', () => {
  test('"Open checklist" opens the side panel beside the page (the click is the gesture Chrome needs)', async () => {
    const b = browser();
    const page = await b.oktaAdminPage(INTEGRATION);
    expect(await b.sidePanelTargets()).toEqual([]);
    await new Overlay(page).action('open-checklist').click();
    await expect.poll(() => b.sidePanelTargets()).toHaveLength(1);
    expect(await new Overlay(page).host.locator('.ssa-message').count()).toBe(0);
  });
});

describe('what each page pays', () => {
  const overlayLoaded = (b: ExtensionBrowser, page: Page) =>
    b.inContentScriptWorld(page, 'globalThis.__scimSetupAssistantOverlay === true');

  test('off the flow only the loader runs; the overlay arrives when SPA navigation reaches a flow page', async () => {
    const b = browser();
    const dashboard = await b.oktaAdminPage('/admin/dashboard');
    const overview = await b.atlassianPage(`${ORG}/overview`);
    await dashboard.waitForTimeout(1_700);
    expect(await b.hasContentScript(dashboard)).toBe(true);
    expect(await overlayLoaded(b, dashboard)).toBe(false);
    expect(await overlayLoaded(b, overview)).toBe(false);

    await markPage(overview);
    await overview.locator('[data-testid="nav-item-identity-providers"]').click();
    await expect.poll(() => overlayLoaded(b, overview)).toBe(true);
    await expect.poll(() => new Overlay(overview).host.count()).toBe(1);
    expect(await pageMark(overview)).toBe('no reload');
  });
});
