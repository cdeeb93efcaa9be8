/**
 * Firefox: the SCIM base URL and API key end to end (../shared/security.md "Proof, not promise"): captured
 * on admin.atlassian.com, filled on the admin's click into Okta's Integration form in another tab, held in
 * storage.session only, on no disk after Firefox quits, and cleared from every surface at once.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, test } from 'vitest';
import { DIRECTORY_ID, VALID_API_KEY, VALID_SCIM_URL } from '../../fixtures/data';
import { fixturePages } from '../../fixtures/guide';
import type { FirefoxExtensionBrowser } from './support/firefox';
import { OVERLAY_TAG, Overlay, pasteInto, SidePanelPage } from './support/pages';
import { decompressMozLz4, lz4Block, needlesOf, scanFolder } from './support/profile-scan';
import { firefoxBuildDir } from './support/provided';
import { firefoxPerFile } from './support/suite';

const browser = firefoxPerFile();
const pages = fixturePages();
const LAST4 = VALID_API_KEY.slice(-4);

/** Opens "Set up user provisioning" on admin.atlassian.com and waits until the overlay says the values were captured. */
async function captureOnAtlassian(b: FirefoxExtensionBrowser): Promise<Page> {
  const page = await b.fixturePage(pages.atlassianScimSetup, 'fresh');
  await expect.poll(() => new Overlay(page).credentialsText()).toContain(`key …${LAST4}`);
  return page;
}

/** Opens the Okta Integration pane with the form in edit mode and API integration ticked, as a person would. */
async function openIntegrationForm(b: FirefoxExtensionBrowser): Promise<Page> {
  const page = await b.fixturePage(pages.oktaIntegration, 'fresh');
  await page.locator('a.button::-p-text(Configure API Integration)').click();
  await page.locator('input[name="enabled"]').click();
  return page;
}

/** What the Okta fixture's Integration form would post (tests/fixtures/okta/admin.js `window.__fixture`). */
const fixtureIntegration = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { __fixture: { integration: Record<string, unknown> } }).__fixture.integration,
  );

const textOf = (page: Page, selector: string) =>
  page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
const countOf = (page: Page, selector: string) => page.evaluate((s) => document.querySelectorAll(s).length, selector);

describe('capture on admin.atlassian.com, fill in Okta', () => {
  test('the key is captured, filled into Okta on a click in another tab, and Test API Credentials succeeds', async () => {
    const b = browser();
    const atlassian = new Overlay(await captureOnAtlassian(b));
    // The overlay confirms the URL in full and the key by its last four only.
    expect(await atlassian.credentialsText()).toContain(VALID_SCIM_URL);
    expect(await atlassian.credentialsText()).toMatch(/Captured/);

    const okta = await openIntegrationForm(b);
    const overlay = new Overlay(okta);
    await overlay.click('fill-credentials');
    await expect
      .poll(() => fixtureIntegration(okta))
      .toMatchObject({ baseUrl: VALID_SCIM_URL, apiToken: VALID_API_KEY });
    await expect.poll(() => overlay.credentialsText()).toMatch(/Filled/);

    await okta.locator('#m-verify-button').click();
    await expect.poll(() => textOf(okta, '.o-form-info-container')).toMatch(/verified successfully/);
    await expect.poll(() => overlay.stepStatus('okta-test-credentials')).toBe('done');

    const panel = new SidePanelPage(await b.openSidePanelPage(okta));
    for (const id of [
      'atlassian-copy-credentials',
      'okta-enable-api',
      'okta-enter-credentials',
      'okta-test-credentials',
    ]) {
      await expect.poll(() => panel.stepStatus(id), { message: id }).toBe('done');
    }
  });

  test('a wrong key entered in the side panel is refused by Okta and explained', async () => {
    const b = browser();
    const panel = await b.openSidePanelPage(await b.fixturePage(pages.atlassianIdentityProviders));
    await panel.locator('summary::-p-text(Enter the values yourself)').click();
    await pasteInto(panel, '.manual-entry input[type="url"]', VALID_SCIM_URL);
    await pasteInto(panel, '.manual-entry input[type="password"]', `ATCTT3xFfGN0${'x'.repeat(170)}WRNG`);
    await panel.locator('[data-action="enter-credentials"]').click();
    await expect.poll(() => countOf(panel, '[data-vault="held"]')).toBe(1);

    const okta = await openIntegrationForm(b);
    await new Overlay(okta).click('fill-credentials');
    await expect.poll(() => fixtureIntegration(okta)).toMatchObject({ apiToken: expect.stringMatching(/WRNG$/) });
    await okta.locator('#m-verify-button').click();
    await expect.poll(() => new Overlay(okta).findings()).toContain('api-credentials-rejected');
  });

  test('a synthetic click from the page on the overlay Fill button fills nothing', async () => {
    const b = browser();
    await captureOnAtlassian(b);
    const okta = await openIntegrationForm(b);
    // Polled like Overlay.click: puppeteer's piercing selectors sometimes never settled on the overlay here.
    await okta.waitForFunction(
      (tag) => {
        const hosts = document.querySelectorAll(tag);
        const button = hosts[0]?.shadowRoot?.querySelector<HTMLButtonElement>('[data-action="fill-credentials"]');
        return hosts.length === 1 && button !== null && button !== undefined && !button.disabled;
      },
      { polling: 100, timeout: 15_000 },
      OVERLAY_TAG,
    );
    await okta.evaluate((tag) => {
      document.querySelector(tag)?.shadowRoot?.querySelector<HTMLElement>('[data-action="fill-credentials"]')?.click();
    }, OVERLAY_TAG);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await fixtureIntegration(okta)).toMatchObject({ baseUrl: '', apiToken: '' });
  });

  test('the page DOM never holds the key, except the Okta field it was filled into', async () => {
    const b = browser();
    const atlassian = await captureOnAtlassian(b);
    const overlayHtml = (page: Page) =>
      page.evaluate((tag) => document.querySelector(tag)?.shadowRoot?.innerHTML ?? '', OVERLAY_TAG);
    expect(await overlayHtml(atlassian)).not.toContain(VALID_API_KEY);

    const okta = await openIntegrationForm(b);
    await new Overlay(okta).click('fill-credentials');
    await expect.poll(() => fixtureIntegration(okta)).toMatchObject({ apiToken: VALID_API_KEY });
    const where = await okta.evaluate((key) => {
      const hits: string[] = [];
      for (const el of document.querySelectorAll('input, textarea')) {
        const input = el as HTMLInputElement;
        if (input.value === key) hits.push(`${input.tagName.toLowerCase()}[${input.type}]`);
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
    // The control: the read sees the vault, so the absences below mean something.
    expect(JSON.stringify(await b.readStorage('session'))).toContain(VALID_API_KEY);
    const local = JSON.stringify(await b.readStorage('local'));
    expect(local).toContain('setups');
    for (const [name, area] of Object.entries({ local, sync: JSON.stringify(await b.readStorage('sync')) })) {
      for (const { form, bytes } of needlesOf(VALID_API_KEY).filter((n) => n.form.endsWith('UTF-8'))) {
        expect(area, `storage.${name} holds the key (${form})`).not.toContain(bytes.toString('utf8'));
      }
      expect(area, name).not.toContain(DIRECTORY_ID);
    }
  });

  test('"Clear now" empties the vault and every open surface at once', async () => {
    const b = browser();
    const atlassian = await captureOnAtlassian(b);
    const okta = await openIntegrationForm(b);
    const oktaOverlay = new Overlay(okta);
    await expect.poll(() => oktaOverlay.credentialsText()).toContain(`…${LAST4}`);
    const panel = await b.openSidePanelPage(okta);
    const popup = await b.openPopupPage(okta);
    await expect.poll(() => countOf(popup, '[data-vault="held"]')).toBe(1);

    await panel.bringToFront();
    await panel.locator('[data-action="clear-credentials"]').click();

    await expect.poll(() => countOf(panel, '[data-vault="cleared"]')).toBe(1);
    await expect.poll(() => countOf(popup, '[data-vault="held"]')).toBe(0);
    await expect.poll(() => oktaOverlay.credentialsText()).toMatch(/^No SCIM values held\./);
    await expect.poll(() => new Overlay(atlassian).credentialsText()).toMatch(/^No SCIM values held\./);
    expect(JSON.stringify(await b.readStorage('session'))).not.toContain(VALID_API_KEY);
    expect(await fixtureIntegration(okta)).toMatchObject({ apiToken: '' });
  });

  // Last in the file: it quits Firefox. (A restart cannot follow: Firefox removes a temporary add-on when it quits.)
  test("after Firefox quits, the key's bytes appear nowhere under the profile folder", async () => {
    const b = browser();
    await captureOnAtlassian(b);
    const okta = await openIntegrationForm(b);
    await new Overlay(okta).click('fill-credentials');
    await expect.poll(() => fixtureIntegration(okta)).toMatchObject({ apiToken: VALID_API_KEY });
    await okta.locator('#m-verify-button').click();
    await expect.poll(() => textOf(okta, '.o-form-info-container')).toMatch(/verified successfully/);
    // The key is held when Firefox quits, as when an admin closes the browser mid-setup.
    expect(JSON.stringify(await b.readStorage('session'))).toContain(VALID_API_KEY);

    await b.quit();
    const manifest = JSON.parse(readFileSync(path.join(firefoxBuildDir(), 'manifest.json'), 'utf8'));
    const geckoId: string = manifest.browser_specific_settings.gecko.id;
    const scan = await scanFolder(b.profileDir, { apiKey: VALID_API_KEY, geckoId });

    // The controls: a real profile was read, and inside compressed files too: Firefox keeps the add-on's id
    // in its mozLz4 telemetry archive, which the scan reads decompressed.
    expect(scan.files).toBeGreaterThan(20);
    expect(scan.decompressed).toContain('sessionstore.jsonlz4');
    expect(scan.hits.some((h) => h.secret === 'geckoId' && h.file.endsWith('(mozLz4)'))).toBe(true);
    expect(scan.hits.filter((h) => h.secret === 'apiKey')).toEqual([]);
  });
});

describe('the profile scan itself', () => {
  test('finds a planted key as text, UTF-16, base64 at any alignment, and inside a mozLz4 file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ssa-scan-'));
    try {
      const key = VALID_API_KEY;
      const junk = Buffer.from([0, 1, 2, 250, 251]);
      await writeFile(path.join(dir, 'utf8'), Buffer.concat([junk, Buffer.from(key)]));
      await writeFile(path.join(dir, 'utf16'), Buffer.concat([junk, Buffer.from(key, 'utf16le')]));
      await writeFile(path.join(dir, 'base64'), Buffer.from(`x${Buffer.from(`ab${key}`).toString('base64')}`));
      // LZ4 stores a repetitive secret as 3 literal bytes and a back-reference: only decompression shows it.
      const repetitive = 'Zq7'.repeat(20);
      const header = Buffer.alloc(12);
      Buffer.from('mozLz40\0', 'latin1').copy(header);
      header.writeUInt32LE(repetitive.length, 8);
      // Token: 3 literals, match length 15 + 38 + 4 = 57, copied from 3 bytes back.
      const block = Buffer.from([0x3f, ...Buffer.from('Zq7'), 3, 0, 38]);
      await writeFile(path.join(dir, 'recovery.jsonlz4'), Buffer.concat([header, block]));

      const scan = await scanFolder(dir, { key, repetitive });
      expect(scan.hits.map((h) => `${h.secret} in ${h.file}`).sort()).toEqual([
        'key in base64',
        'key in utf16',
        'key in utf8',
        'repetitive in recovery.jsonlz4 (mozLz4)',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('decodes LZ4 back-references, and leaves other files alone', () => {
    // "abcd" as literals, then 8 bytes copied from 4 back: an overlapping copy repeats the pattern.
    expect(lz4Block(Buffer.from([0x44, ...Buffer.from('abcd'), 4, 0]), 12).toString()).toBe('abcdabcdabcd');
    expect(decompressMozLz4(Buffer.from('not compressed at all'))).toBeUndefined();
  });
});
