/** axe-core finds nothing serious or critical on any surface, in light and dark mode. */
import { describe, expect, test } from 'vitest';
import { OKTA_APP_PATH } from '../../fixtures/data';
import { seriousViolations } from '../support/axe';
import { OVERLAY_TAG, Overlay } from '../support/pages';
import { extensionBrowserPerFile } from '../support/suite';

const browser = extensionBrowserPerFile();

describe.each(['light', 'dark'] as const)('in %s mode', (colorScheme) => {
  test('the popup has no serious accessibility problems', async () => {
    const page = await browser().openPopupPage();
    await page.emulateMedia({ colorScheme });
    await page.getByRole('progressbar').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the side panel has no serious accessibility problems, settings open', async () => {
    const page = await browser().openSidePanelPage();
    await page.emulateMedia({ colorScheme });
    await page.locator('[data-step][data-status]').first().waitFor();
    await page.locator('[data-action="toggle-settings"]').click();
    await page.locator('input[data-action="toggle-overlay"]').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the overlay has no serious accessibility problems, open or collapsed', async () => {
    const page = await browser().oktaAdminPage(`${OKTA_APP_PATH}#tab-user-management/api-credentials`);
    await page.emulateMedia({ colorScheme });
    const overlay = new Overlay(page);
    await overlay.step('okta-enable-api').waitFor();
    // Only the overlay: the replica's own markup is not ours to judge.
    expect(await seriousViolations(page, { include: [[OVERLAY_TAG]] })).toEqual([]);

    await overlay.action('toggle-overlay-panel').click();
    await overlay.host.locator('.ssa-launcher').waitFor();
    expect(await seriousViolations(page, { include: [[OVERLAY_TAG]] })).toEqual([]);
  });
});
