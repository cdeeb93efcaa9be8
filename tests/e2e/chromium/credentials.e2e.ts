/**
 * The SCIM base URL and API key, end to end (../shared/security.md "Proof, not promise"): captured on
 * admin.atlassian.com, filled on the admin's click into Okta's Integration form in another tab, held in
 * storage.session only, gone from disk when the browser closes, and cleared from every surface at once.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { ATLASSIAN_ORG_ID, DIRECTORY_ID, OKTA_APP_PATH, VALID_API_KEY, VALID_SCIM_URL } from '../../fixtures/data';
import type { ExtensionBrowser } from '../support/extension-browser';
import { Overlay, SidePanelPage } from '../support/pages';
import { extensionBrowserPerFile } from '../support/suite';

const browser = extensionBrowserPerFile();

const SCIM_SETUP = `/o/${ATLASSIAN_ORG_ID}/security/identity-providers/${DIRECTORY_ID}/scim-setup`;
const INTEGRATION = `${OKTA_APP_PATH}#tab-user-management/api-credentials`;
const LAST4 = VALID_API_KEY.slice(-4);

/** Opens the SCIM setup page and waits until the overlay says the values were captured. */
async function captureOnAtlassian(b: ExtensionBrowser): Promise<Page> {
  const page = await b.atlassianPage(SCIM_SETUP, 'fresh');
  await expect.poll(() => new Overlay(page).host.locator('.ssa-held').textContent()).toContain(`…${LAST4}`);
  return page;
}

/** Opens the Okta Integration pane with the form in edit mode and API integration ticked, as a person would. */
async function openIntegrationForm(b: ExtensionBrowser): Promise<Page> {
  const page = await b.oktaAdminPage(INTEGRATION, 'fresh');
  await page.locator('a:visible', { hasText: /^Configure API Integration$/ }).click();
  await page.getByLabel('Enable API integration').check();
  return page;
}

const fixtureIntegration = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { __fixture: { integration: Record<string, unknown> } }).__fixture.integration,
  );

/** Every file under `dir`, recursively. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return filesUnder(full);
      return e.isFile() ? [full] : [];
    }),
  );
  return nested.flat();
}

describe('capture on admin.atlassian.com, fill in Okta', () => {
  test('the key is captured, filled into Okta on a click in another tab, and Test API Credentials succeeds', async () => {
    const b = browser();
    const atlassian = await captureOnAtlassian(b);
    const overlay = new Overlay(atlassian);
    // The overlay confirms the URL in full, the key by its last four, and asks for Save (pointing at it).
    await expect.poll(() => overlay.host.locator('.ssa-held').textContent()).toContain(VALID_SCIM_URL);
    await expect.poll(() => overlay.host.locator('.ssa-notice').textContent()).toMatch(/Save the SCIM configuration/);
    await expect.poll(() => overlay.ring.count()).toBe(1);
    const ring = await overlay.ring.boundingBox();
    const save = await atlassian.locator('[data-testid="scim-setup-save-button"]').boundingBox();
    expect(ring && save && Math.abs(ring.x - save.x) < 20 && Math.abs(ring.y - save.y) < 20).toBe(true);

    const okta = await openIntegrationForm(b);
    const oktaOverlay = new Overlay(okta);
    await oktaOverlay.action('fill-credentials').click();
    await expect
      .poll(() => fixtureIntegration(okta))
      .toMatchObject({ baseUrl: VALID_SCIM_URL, apiToken: VALID_API_KEY });
    await expect.poll(() => oktaOverlay.host.locator('.ssa-notice').textContent()).toMatch(/Filled/);

    await okta.locator('#m-verify-button').click();
    await expect.poll(() => okta.locator('.o-form-info-container').textContent()).toMatch(/verified successfully/);
    await expect.poll(() => fixtureIntegration(okta)).toMatchObject({ verified: true });
    await expect.poll(() => oktaOverlay.step('okta-test-credentials').getAttribute('data-status')).toBe('done');

    const panel = new SidePanelPage(await b.openSidePanelPage());
    for (const id of [
      'atlassian-copy-credentials',
      'okta-enable-api',
      'okta-enter-credentials',
      'okta-test-credentials',
    ]) {
      await expect.poll(() => panel.step(id).getAttribute('data-status'), { message: id }).toBe('done');
    }
  });

  test('a wrong key is refused by Okta and explained', async () => {
    const b = browser();
    const panel = await b.openSidePanelPage();
    await panel.locator('summary', { hasText: 'Enter the values yourself' }).click();
    await panel.getByLabel('SCIM base URL').fill(VALID_SCIM_URL);
    await panel.getByLabel('API key', { exact: true }).fill(`ATCTT3xFfGN0${'x'.repeat(170)}WRNG`);
    await panel.locator('[data-action="enter-credentials"]').click();
    await expect.poll(() => panel.locator('[data-vault="held"]').count()).toBe(1);

    const okta = await openIntegrationForm(b);
    await new Overlay(okta).action('fill-credentials').click();
    await expect.poll(() => fixtureIntegration(okta)).toMatchObject({ apiToken: expect.stringMatching(/WRNG$/) });
    await okta.locator('#m-verify-button').click();
    await expect
      .poll(() => new Overlay(okta).host.locator('[data-finding="api-credentials-rejected"]').count())
      .toBe(1);
  });

  test('a synthetic click from the page on the overlay Fill button fills nothing', async () => {
    const b = browser();
    await captureOnAtlassian(b);
    const okta = await openIntegrationForm(b);
    await expect.poll(() => new Overlay(okta).action('fill-credentials').count()).toBe(1);
    await okta.evaluate((tag) => {
      const button = document
        .querySelector(tag)
        ?.shadowRoot?.querySelector<HTMLElement>('[data-action="fill-credentials"]');
      button?.click();
    }, 'scim-setup-assistant');
    await okta.waitForTimeout(500);
    expect(await fixtureIntegration(okta)).toMatchObject({ baseUrl: '', apiToken: '' });
  });

  test('the page DOM never holds the key, except the Okta field it was filled into', async () => {
    const b = browser();
    const atlassian = await captureOnAtlassian(b);
    const overlayHtml = (page: Page) =>
      page.evaluate((tag) => document.querySelector(tag)?.shadowRoot?.innerHTML ?? '', 'scim-setup-assistant');
    expect(await overlayHtml(atlassian)).not.toContain(VALID_API_KEY);

    const okta = await openIntegrationForm(b);
    await new Overlay(okta).action('fill-credentials').click();
    await expect.poll(() => fixtureIntegration(okta)).toMatchObject({ apiToken: VALID_API_KEY });
    const where = await okta.evaluate((key) => {
      const hits: string[] = [];
      for (const el of document.querySelectorAll('input, textarea')) {
        if ((el as HTMLInputElement).value === key)
          hits.push(`${el.tagName.toLowerCase()}[${(el as HTMLInputElement).type}]`);
      }
      // A hidden input's value is its attribute, so Okta's own mirror shows in the HTML: set that one aside.
      const copy = document.documentElement.cloneNode(true) as HTMLElement;
      for (const el of copy.querySelectorAll('input[type="hidden"]')) if (el.getAttribute('value') === key) el.remove();
      if (copy.outerHTML.includes(key)) hits.push('page HTML');
      return hits;
    }, VALID_API_KEY);
    // The API Token field, and Okta's hidden mirror of it that its key handlers fill.
    expect(where.sort()).toEqual(['input[hidden]', 'input[password]']);
    expect(await overlayHtml(okta)).not.toContain(VALID_API_KEY);
  });
});

describe('where the key is kept', () => {
  test('after capture, storage.local and storage.sync hold no secret; storage.session holds it', async () => {
    const b = browser();
    await captureOnAtlassian(b);
    const [local, sync, session] = await Promise.all([
      b.readStorage('local'),
      b.readStorage('sync'),
      b.readStorage('session'),
    ]);
    for (const [name, area] of Object.entries({ local, sync })) {
      expect(JSON.stringify(area), name).not.toContain(VALID_API_KEY);
      expect(JSON.stringify(area), name).not.toContain(DIRECTORY_ID);
    }
    expect(JSON.stringify(session)).toContain(VALID_API_KEY);
  });

  test('the values survive a service-worker restart', async () => {
    const b = browser();
    await captureOnAtlassian(b);
    const before = await b.serviceWorker();
    await before.evaluate(() => {
      (self as unknown as { __generation: string }).__generation = 'first';
    });
    await b.stopServiceWorker();
    // Any message wakes a new worker: the side panel asks for the vault's status.
    const panel = await b.openSidePanelPage();
    await expect.poll(() => panel.locator('[data-vault="held"]').textContent()).toContain(`…${LAST4}`);
    const after = await b.serviceWorker();
    expect(await after.evaluate(() => (self as unknown as { __generation?: string }).__generation)).toBeUndefined();
    expect(JSON.stringify(await b.readStorage('session'))).toContain(VALID_API_KEY);
  });

  test('after the browser closes, the key is nowhere under the profile folder, and gone when it reopens', async () => {
    const b = browser();
    await captureOnAtlassian(b);
    const okta = await openIntegrationForm(b);
    await new Overlay(okta).action('fill-credentials').click();
    await expect.poll(() => fixtureIntegration(okta)).toMatchObject({ apiToken: VALID_API_KEY });
    await b.quit();

    const needles = [
      Buffer.from(VALID_API_KEY, 'utf8'),
      Buffer.from(VALID_API_KEY, 'utf16le'),
      Buffer.from(Buffer.from(VALID_API_KEY, 'utf8').toString('base64'), 'utf8'),
      // A distinctive slice, in case a store splits or escapes the whole value.
      Buffer.from(VALID_API_KEY.slice(20, 80), 'utf8'),
      Buffer.from(VALID_API_KEY.slice(20, 80), 'utf16le'),
    ];
    const files = await filesUnder(b.profileDir);
    expect(files.length).toBeGreaterThan(10);
    const hits: string[] = [];
    for (const file of files) {
      if ((await stat(file)).size > 64 * 1024 * 1024) continue;
      const bytes = await readFile(file);
      if (needles.some((n) => bytes.includes(n))) hits.push(path.relative(b.profileDir, file));
    }
    expect(hits).toEqual([]);

    await b.restart();
    expect(JSON.stringify(await b.readStorage('session'))).not.toContain(VALID_API_KEY);
    const panel = await b.openSidePanelPage();
    await expect.poll(() => panel.locator('[data-vault]').first().getAttribute('data-vault')).toBe('empty');
  });

  test('"Clear now" empties the vault and every open surface at once', async () => {
    const b = browser();
    const atlassian = await captureOnAtlassian(b);
    const okta = await openIntegrationForm(b);
    const oktaOverlay = new Overlay(okta);
    await expect.poll(() => oktaOverlay.host.locator('.ssa-held').textContent()).toContain(`…${LAST4}`);
    const panel = await b.openSidePanelPage();
    const popup = await b.openPopupPage();
    await expect.poll(() => popup.locator('[data-vault="held"]').count()).toBe(1);

    await panel.locator('[data-action="clear-credentials"]').click();

    await expect.poll(() => panel.locator('[data-vault="cleared"]').count()).toBe(1);
    await expect.poll(() => popup.locator('[data-vault="held"]').count()).toBe(0);
    await expect.poll(() => oktaOverlay.host.locator('.ssa-held').textContent()).toBe('No SCIM values held.');
    await expect
      .poll(() => new Overlay(atlassian).host.locator('.ssa-held').textContent())
      .toBe('No SCIM values held.');
    expect(JSON.stringify(await b.readStorage('session'))).not.toContain(VALID_API_KEY);
    // And the Okta page's Fill has nothing to give.
    await oktaOverlay
      .action('fill-credentials')
      .click({ force: true })
      .catch(() => undefined);
    expect(await fixtureIntegration(okta)).toMatchObject({ apiToken: '' });
  });
});
