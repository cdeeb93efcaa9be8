/**
 * Firefox: Verify key through the production permission path — api.atlassian.com is an optional
 * permission asked for from the admin's click (Firefox's prompt is switched off for tests by a pref, see
 * support/firefox.ts) — against the real SCIM server served as api.atlassian.com.
 */
import { describe, expect, test } from 'vitest';
import { OKTA_USERS, VALID_API_KEY } from '../../fixtures/data';
import { fixturePages } from '../../fixtures/guide';
import { Overlay } from './support/pages';
import { firefoxPerFile } from './support/suite';

const browser = firefoxPerFile();
const pages = fixturePages();

describe('verify the key (optional permission)', () => {
  // First in the file: the permission is not granted yet (one browser per file).
  test("the overlay's Verify key cannot ask Firefox for the permission, and sends the admin to the side panel", async () => {
    const b = browser();
    const atlassian = await b.fixturePage(pages.atlassianScimSetup, 'fresh');
    const overlay = new Overlay(atlassian);
    await expect.poll(() => overlay.credentialsText()).toContain(`key …${VALID_API_KEY.slice(-4)}`);
    await overlay.click('verify-credentials');
    // Firefox grants permissions only inside an extension page's own input handler, not for a relayed click.
    await expect.poll(() => overlay.text('.ssa-notice')).toMatch(/side panel/);
    expect(JSON.stringify(await b.activeSetup())).not.toContain('scim-verification');
  });

  test('the click asks for api.atlassian.com, then the key is accepted with the user count', async () => {
    const b = browser();
    const atlassian = await b.fixturePage(pages.atlassianScimSetup, 'fresh');
    await expect.poll(() => new Overlay(atlassian).credentialsText()).toContain(`key …${VALID_API_KEY.slice(-4)}`);
    const panel = await b.openSidePanelPage(atlassian);
    const verification = () =>
      panel.evaluate(() => {
        const el = document.querySelector('[data-verification]');
        return el ? { result: el.getAttribute('data-verification'), text: el.textContent } : null;
      });
    const granted = () =>
      panel.evaluate(() =>
        (
          globalThis as unknown as {
            browser: { permissions: { contains(p: { origins: string[] }): Promise<boolean> } };
          }
        ).browser.permissions.contains({ origins: ['https://api.atlassian.com/*'] }),
      );
    expect(await verification()).toBeNull();
    expect(await granted()).toBe(false);
    await panel.locator('[data-action="verify-credentials"]').click();
    await expect.poll(verification).toMatchObject({ result: 'valid' });
    expect(await granted()).toBe(true);
    expect((await verification())?.text).toContain(`${OKTA_USERS.length} users`);
    const local = JSON.stringify(await b.readStorage('local'));
    expect(local).not.toContain(VALID_API_KEY);
  });
});
