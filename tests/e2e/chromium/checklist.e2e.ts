/** The popup and the side panel's checklist, as an admin uses them: progress, ticks, and ticks that last. */
import { describe, expect, test } from 'vitest';
import { STEP_IDS, STEP_STATUSES } from '../../../utils/checklist';
import { OKTA_APP_PATH } from '../../fixtures/data';
import { pressTab, tabTo } from '../support/keyboard';
import { PopupPage, SidePanelPage } from '../support/pages';
import { extensionBrowserPerFile } from '../support/suite';

const browser = extensionBrowserPerFile();

const manualMarks = async () => (await browser().activeSetup())?.manual;

describe('popup', () => {
  test('shows how far the setup is and offers "Open checklist"', async () => {
    const popup = new PopupPage(await browser().openPopupPage());
    await expect.poll(() => popup.progress.getAttribute('aria-valuenow')).toBe('0');
    expect(await popup.progress.getAttribute('aria-valuemax')).toBe(String(STEP_IDS.length));
    expect(await popup.page.getByText(`0 of ${STEP_IDS.length} steps done`).isVisible()).toBe(true);
    expect(await popup.openChecklist.textContent()).toMatch(/open checklist/i);
    await expect.poll(() => popup.openChecklist.isEnabled()).toBe(true);
  });

  test('"Open checklist" opens the side panel and closes the popup', async () => {
    const popup = new PopupPage(await browser().openPopupPage());
    expect(await browser().sidePanelTargets()).toEqual([]);
    // A real click: Chrome opens a side panel only inside a user gesture.
    await popup.openChecklist.click();
    await expect.poll(() => popup.page.isClosed()).toBe(true);
    await expect.poll(() => browser().sidePanelTargets()).toHaveLength(1);
  });

  test('counts a step ticked in the side panel', async () => {
    const panel = new SidePanelPage(await browser().openSidePanelPage());
    await panel.doneCheckbox('prereq-okta-lcm').click();
    await expect.poll(() => panel.step('prereq-okta-lcm').getAttribute('data-status')).toBe('done');

    const popup = new PopupPage(await browser().openPopupPage());
    await expect.poll(() => popup.progress.getAttribute('aria-valuenow')).toBe('1');
  });
});

describe('side panel', () => {
  test('lists every step of the setup, each with a status', async () => {
    const panel = new SidePanelPage(await browser().openSidePanelPage());
    await panel.step(STEP_IDS[0]!).waitFor();
    const rows = await panel.steps.evaluateAll((els) =>
      els.map((el) => ({ id: el.getAttribute('data-step'), status: el.getAttribute('data-status') })),
    );
    expect(rows.map((r) => r.id)).toEqual(STEP_IDS);
    for (const row of rows) expect(STEP_STATUSES, `status of ${row.id}`).toContain(row.status);
    expect(rows.every((r) => r.status === 'todo')).toBe(true);
  });

  test('a step ticked by hand is still done after the browser is closed and reopened', async () => {
    let panel = new SidePanelPage(await browser().openSidePanelPage());
    await panel.doneCheckbox('prereq-guard-plan').click();
    await expect.poll(() => panel.step('prereq-guard-plan').getAttribute('data-status')).toBe('done');
    await expect.poll(manualMarks).toMatchObject({ 'prereq-guard-plan': 'done' });

    await browser().restart();

    panel = new SidePanelPage(await browser().openSidePanelPage());
    await expect.poll(() => panel.step('prereq-guard-plan').getAttribute('data-status')).toBe('done');
    expect(await panel.doneCheckbox('prereq-guard-plan').isChecked()).toBe(true);
  });

  test('opening the Atlassian Cloud app in Okta ticks "Add the Atlassian Cloud app"', async () => {
    const panel = new SidePanelPage(await browser().openSidePanelPage());
    await expect.poll(() => panel.step('okta-add-app').getAttribute('data-status')).toBe('todo');

    await browser().oktaAdminPage(`${OKTA_APP_PATH}#tab-general`);

    // The side panel follows storage: no reload of the panel is needed.
    await expect.poll(() => panel.step('okta-add-app').getAttribute('data-status')).toBe('done');
  });

  test('can be used with the keyboard alone', async () => {
    const panel = new SidePanelPage(await browser().openSidePanelPage());
    const { page } = panel;
    await panel.step(STEP_IDS[0]!).waitFor();

    // Every visible control gets a number; then Tab alone must reach each of them.
    const controls = await page.evaluate(() => {
      const all = document.querySelectorAll<HTMLElement>(
        'a[href], button, input, select, textarea, summary, [tabindex]',
      );
      const shown = [...all].filter(
        (el) => el.checkVisibility() && !(el as HTMLButtonElement).disabled && el.tabIndex >= 0,
      );
      shown.forEach((el, i) => {
        el.dataset.e2eControl = String(i);
      });
      const reached = new Set<string>();
      (window as Window & { __reached?: Set<string> }).__reached = reached;
      document.addEventListener('focusin', (e) => {
        const index = (e.target as HTMLElement).dataset.e2eControl;
        if (index !== undefined) reached.add(index);
      });
      return shown.length;
    });
    expect(controls).toBeGreaterThan(STEP_IDS.length);
    await pressTab(page, controls + 5);
    const reached = await page.evaluate(() => [...((window as Window & { __reached?: Set<string> }).__reached ?? [])]);
    expect(reached.length).toBe(controls);

    // Tick a step: Tab to its checkbox, Space.
    const checkbox = panel.doneCheckbox('prereq-org-admin');
    await tabTo(checkbox);
    await page.keyboard.press('Space');
    await expect.poll(() => panel.step('prereq-org-admin').getAttribute('data-status')).toBe('done');
    expect(await checkbox.evaluate((el) => el === document.activeElement)).toBe(true);

    // Skip a step: Enter on its button.
    await tabTo(panel.step('prereq-site-admin').locator('[data-action="skip-step"]'));
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.step('prereq-site-admin').getAttribute('data-status')).toBe('skipped');

    // Open the settings: Enter on the disclosure.
    await tabTo(page.locator('[data-action="toggle-settings"]'));
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.overlaySwitch('okta').isVisible()).toBe(true);
  });
});
