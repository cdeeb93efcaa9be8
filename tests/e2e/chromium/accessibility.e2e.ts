/** axe-core finds nothing serious or critical on any surface, in light and dark mode. */
import { describe, expect, test } from 'vitest';
import { OKTA_APP_PATH } from '../../fixtures/data';
import { seriousViolations } from '../support/axe';
import { OVERLAY_TAG, Overlay, SidePanelPage } from '../support/pages';
import { extensionBrowserPerFile } from '../support/suite';

const browser = extensionBrowserPerFile();

describe.each(['light', 'dark'] as const)('in %s mode', (colorScheme) => {
  test('the popup has no serious accessibility problems', async () => {
    const page = await browser().openPopupPage();
    await page.emulateMedia({ colorScheme });
    await page.getByRole('progressbar').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the side panel has no serious accessibility problems, with done and skipped steps and settings open', async () => {
    const panel = new SidePanelPage(await browser().openSidePanelPage());
    await panel.page.emulateMedia({ colorScheme });
    await panel.doneCheckbox('prereq-guard-plan').click();
    await panel.step('prereq-okta-lcm').locator('[data-action="skip-step"]').click();
    await panel.openSettings();
    await expect.poll(() => panel.step('prereq-okta-lcm').getAttribute('data-status')).toBe('skipped');
    expect(await panel.step('prereq-guard-plan').getAttribute('data-status')).toBe('done');
    expect(await seriousViolations(panel.page)).toEqual([]);
  });

  test('the overlay has no serious accessibility problems, open or collapsed', async () => {
    const page = await browser().oktaAdminPage(`${OKTA_APP_PATH}#tab-user-management/api-credentials`);
    await page.emulateMedia({ colorScheme });
    const overlay = new Overlay(page);
    await overlay.action('mark-done', 'okta-enable-api').click();
    await expect.poll(() => overlay.step('okta-enable-api').getAttribute('data-status')).toBe('done');
    // Only the overlay: the replica's own markup is not ours to judge.
    expect(await seriousViolations(page, { include: [[OVERLAY_TAG]] })).toEqual([]);

    await overlay.action('toggle-overlay-panel').click();
    await overlay.host.locator('.ssa-launcher').waitFor();
    expect(await seriousViolations(page, { include: [[OVERLAY_TAG]] })).toEqual([]);
  });
});
