/**
 * The far end, in real Chromium against a real SCIM 2.0 server (scimmy + scimmy-routers, served as
 * api.atlassian.com by the fixture server): verify the key, look the pushed groups up, read product access,
 * and export a report that holds no key. These tests load the build in which api.atlassian.com is granted
 * at install (support/build-extension.ts says why); the manifest test reads the production build.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, test } from 'vitest';
import {
  ATLASSIAN_ORG_ID,
  ATLASSIAN_SITE_ID,
  DIRECTORY_ID,
  HOSTS,
  OKTA_APP_PATH,
  OKTA_USERS,
  VALID_API_KEY,
  VALID_SCIM_URL,
} from '../../fixtures/data';
import { fixtureRequest } from '../../fixtures/request';
import { randomApiKey } from '../../fixtures/server';
import type { ExtensionBrowser } from '../support/extension-browser';
import { Overlay } from '../support/pages';
import { extensionBrowserPerFile } from '../support/suite';

const browser = extensionBrowserPerFile('scim-api-granted');

/** Regenerated keys and removed groups live in the fixture server across tests: each test starts afresh. */
async function resetFixtures(): Promise<void> {
  const reply = await fixtureRequest(inject('fixturePort'), HOSTS.atlassianAdmin, '/__fixture/reset', {
    method: 'POST',
  });
  expect(reply.status).toBe(200);
}
beforeEach(resetFixtures);

const SCIM_SETUP = `/o/${ATLASSIAN_ORG_ID}/security/identity-providers/${DIRECTORY_ID}/scim-setup`;
const PUSH_GROUPS = `${OKTA_APP_PATH}#tab-group-push`;
const PRODUCT_ACCESS = `/s/${ATLASSIAN_SITE_ID}/apps`;
const findingsIn = (root: Page | ReturnType<Page['locator']>) =>
  root.locator('[data-finding]').evaluateAll((els) => els.map((e) => e.getAttribute('data-finding')));

/** Takes the values the way an admin does: the SCIM setup page shows them, the overlay captures them. */
async function capture(b: ExtensionBrowser): Promise<Page> {
  const page = await b.atlassianPage(SCIM_SETUP, 'fresh');
  await expect
    .poll(() => new Overlay(page).host.locator('.ssa-held').textContent())
    .toContain(`…${VALID_API_KEY.slice(-4)}`);
  return page;
}

/** Types values into the side panel's manual entry (for keys and URLs the fixture never shows). */
async function enterByHand(panel: Page, baseUrl: string, apiKey: string) {
  await panel.getByText('Enter the values yourself').click();
  await panel.getByLabel('SCIM base URL').fill(baseUrl);
  await panel.getByLabel('API key', { exact: true }).fill(apiKey);
  await panel.locator('[data-action="enter-credentials"]').click();
  await expect.poll(() => panel.locator('[data-vault="held"] code').last().textContent()).toBe(`…${apiKey.slice(-4)}`);
}

/** The fixture server's test controls answer on admin.atlassian.com (same origin as the page). */
async function fixtureControl(page: Page, path: string, body: unknown) {
  const status = await page.evaluate(
    async ([p, b]) => (await fetch(p as string, { method: 'POST', body: JSON.stringify(b) })).status,
    [path, body] as const,
  );
  expect(status).toBe(200);
}

describe('manifest', () => {
  test('production asks for api.atlassian.com only as an optional permission', async () => {
    const manifest = JSON.parse(await readFile(`${inject('extensionDir')}/manifest.json`, 'utf8'));
    expect(manifest.optional_host_permissions).toEqual(['https://api.atlassian.com/*']);
    expect(JSON.stringify(manifest.host_permissions)).not.toContain('api.atlassian.com');
    expect(manifest.permissions).not.toContain('<all_urls>');
  });
});

describe('verify the key', () => {
  test('the captured key is accepted, with the directory’s user count, in the side panel and the overlay', async () => {
    const b = browser();
    const atlassian = await capture(b);
    const panel = await b.openSidePanelPage();
    await panel.locator('[data-action="verify-credentials"]').click();
    const result = panel.locator('[data-verification]');
    await expect.poll(() => result.getAttribute('data-verification')).toBe('valid');
    expect(await result.textContent()).toContain(`${OKTA_USERS.length} users`);

    await atlassian.bringToFront();
    const overlay = new Overlay(atlassian);
    await overlay.action('verify-credentials').click();
    await expect.poll(() => overlay.host.locator('.ssa-notice').textContent()).toMatch(/accepted the key/);
    // Nothing about the key was stored where it lasts.
    const local = JSON.stringify(await b.readStorage('local'));
    expect(local).not.toContain(VALID_API_KEY);
    expect(local).not.toContain(DIRECTORY_ID);
  });

  test('a wrong key is rejected and becomes a finding; a regenerated key is rejected as well', async () => {
    const b = browser();
    const panel = await b.openSidePanelPage();
    await enterByHand(panel, VALID_SCIM_URL, randomApiKey());
    await panel.locator('[data-action="verify-credentials"]').click();
    await expect.poll(() => panel.locator('[data-verification]').getAttribute('data-verification')).toBe('rejected');
    await expect.poll(() => findingsIn(panel)).toContain('api-credentials-rejected');

    // The key the page showed works until it is regenerated; then Atlassian refuses it at once.
    const atlassian = await capture(b);
    await panel.bringToFront();
    await expect.poll(() => findingsIn(panel)).not.toContain('api-credentials-rejected');
    await fixtureControl(atlassian, '/__fixture/regenerate', { directoryId: DIRECTORY_ID });
    await panel.locator('[data-action="verify-credentials"]').click();
    await expect.poll(() => findingsIn(panel)).toContain('api-credentials-rejected');
    expect(await panel.locator('[data-finding="api-credentials-rejected"]').textContent()).toMatch(/regenerated/);
  });

  test('a URL with an unknown directory id is reported as such', async () => {
    const b = browser();
    const panel = await b.openSidePanelPage();
    await enterByHand(
      panel,
      'https://api.atlassian.com/scim/directory/11111111-2222-4333-8444-555555555555',
      VALID_API_KEY,
    );
    await panel.locator('[data-action="verify-credentials"]').click();
    await expect.poll(() => findingsIn(panel)).toContain('scim-directory-not-found');
  });
});

describe('pushed groups and product access', () => {
  test('a group Okta shows as pushed but missing from the directory is reported', async () => {
    const b = browser();
    const atlassian = await capture(b);
    const okta = await b.oktaAdminPage(PUSH_GROUPS, 'configured');
    await new Overlay(okta).step('groups-push').waitFor();
    await expect
      .poll(async () => JSON.stringify((await b.activeSetup())?.observations['okta-push-groups'] ?? null))
      .toContain('atlassian-test-confluence-users');
    await fixtureControl(atlassian, '/__fixture/scim/remove-group', {
      directoryId: DIRECTORY_ID,
      displayName: 'atlassian-test-confluence-users',
    });

    const panel = await b.openSidePanelPage();
    await panel.locator('[data-action="check-pushed-groups"]').click();
    await expect.poll(() => panel.locator('[data-group-progress]').getAttribute('data-group-progress')).toBe('done');
    await expect.poll(() => findingsIn(panel)).toContain('push-group-not-in-directory');
    const finding = await panel.locator('[data-finding="push-group-not-in-directory"]').textContent();
    expect(finding).toContain('atlassian-test-confluence-users');
    expect(finding).not.toContain('atlassian-test-jira-users');
  });

  test('the product access page flags a pushed group without any product', async () => {
    const b = browser();
    const okta = await b.oktaAdminPage(PUSH_GROUPS, 'configured');
    await new Overlay(okta).step('groups-push').waitFor();
    await expect.poll(async () => (await b.activeSetup())?.observations['okta-push-groups']).toBeTruthy();
    const access = await b.atlassianPage(PRODUCT_ACCESS, 'access-missing');
    const overlay = new Overlay(access);
    await expect.poll(() => findingsIn(overlay.host)).toContain('product-access-missing');
    const panel = await b.openSidePanelPage();
    await expect.poll(() => findingsIn(panel)).toContain('product-access-missing');
  });
});

describe('setup report', () => {
  test('the exported Markdown and JSON hold the steps and findings but never the key or the directory id', async () => {
    const b = browser();
    await capture(b);
    const panel = await b.openSidePanelPage();
    await panel.locator('[data-action="verify-credentials"]').click();
    await expect.poll(() => panel.locator('[data-verification]').getAttribute('data-verification')).toBe('valid');

    const [markdown] = await Promise.all([
      panel.waitForEvent('download'),
      panel.locator('[data-action="export-report"]').click(),
    ]);
    const md = await readFile((await markdown.path()) as string, 'utf8');
    expect(markdown.suggestedFilename()).toMatch(/\.md$/);
    expect(md).toContain('atlassian-copy-credentials');
    expect(md).not.toContain(VALID_API_KEY);
    expect(md).not.toContain(VALID_API_KEY.slice(0, 40));
    expect(md).not.toContain(DIRECTORY_ID);

    const [json] = await Promise.all([
      panel.waitForEvent('download'),
      panel.locator('[data-action="export-report-json"]').click(),
    ]);
    const text = await readFile((await json.path()) as string, 'utf8');
    expect(() => JSON.parse(text)).not.toThrow();
    expect(text).not.toContain(VALID_API_KEY);
    expect(text).not.toContain(DIRECTORY_ID);
  });
});
