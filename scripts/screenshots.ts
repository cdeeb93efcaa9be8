/**
 * `npm run screenshots`: the README's pictures, taken from the demo pages with the built extension in
 * Chromium, so they always show the product as it is. Light scheme, one run, about 20 seconds.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { buildExtension, ROOT } from '../tests/e2e/support/build-extension';
import { ExtensionBrowser } from '../tests/e2e/support/extension-browser';
import { ATLASSIAN_ORG_ID, DIRECTORY_ID, OKTA_APP_PATH } from '../tests/fixtures/data';
import { startFixtureServer } from '../tests/fixtures/server';

const OUT = path.join(ROOT, 'docs', 'screenshots');
const SCIM_SETUP = `/o/${ATLASSIAN_ORG_ID}/security/identity-providers/${DIRECTORY_ID}/scim-setup`;

async function shoot(page: Page, name: string, size: { width: number; height: number }) {
  await page.setViewportSize(size);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
}

const [extensionDir, server] = await Promise.all([buildExtension(), startFixtureServer({ port: 0 })]);
const browser = await ExtensionBrowser.launch({ extensionDir, fixturePort: server.port });
try {
  const atlassian = await browser.atlassianPage(SCIM_SETUP, 'fresh');
  await atlassian.locator('scim-setup-assistant .ssa-held').filter({ hasText: 'Captured' }).waitFor();
  await shoot(atlassian, 'overlay-atlassian', { width: 1280, height: 800 });

  const okta = await browser.oktaAdminPage(`${OKTA_APP_PATH}#tab-user-management/api-credentials`, 'fresh');
  await okta.locator('a:visible', { hasText: /^Configure API Integration$/ }).click();
  await okta.getByLabel('Enable API integration').check();
  await okta.locator('scim-setup-assistant [data-action="fill-credentials"]').click();
  await okta.locator('scim-setup-assistant .ssa-notice').filter({ hasText: 'Filled' }).waitFor();
  await shoot(okta, 'overlay-okta', { width: 1280, height: 800 });

  const popup = await browser.openPopupPage();
  await shoot(popup, 'popup', { width: 380, height: 560 });
  const panel = await browser.openSidePanelPage();
  await shoot(panel, 'sidepanel', { width: 420, height: 900 });
} finally {
  await browser.close();
  await server.close();
}
