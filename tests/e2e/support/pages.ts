/**
 * Small page objects: what a person sees on each surface, found by the hooks every surface shares
 * (`data-step`, `data-status`, `data-action`; docs/hooks.md).
 */
import type { Locator, Page } from 'playwright-core';

/** The overlay's host element (utils/overlay/controller.ts OVERLAY_TAG); its shadow root is open. */
export const OVERLAY_TAG = 'scim-setup-assistant';

const stepRow = (root: Page | Locator, id: string) => root.locator(`[data-step="${id}"][data-status]`);

export class PopupPage {
  constructor(readonly page: Page) {}

  get progress(): Locator {
    return this.page.getByRole('progressbar');
  }

  get openChecklist(): Locator {
    return this.page.locator('[data-action="open-checklist"]');
  }
}

export class SidePanelPage {
  constructor(readonly page: Page) {}

  /** Every rendered step row. */
  get steps(): Locator {
    return this.page.locator('[data-step][data-status]');
  }

  step(id: string): Locator {
    return stepRow(this.page, id);
  }

  /**
   * The "Done" checkbox of a step the admin ticks. Tests `click()` it rather than `check()`: it shows the
   * stored state, so it turns ticked only after the background's round trip, which `check()` does not wait for.
   */
  doneCheckbox(id: string): Locator {
    return this.step(id).locator('input[type="checkbox"][data-action="mark-done"]');
  }

  /** Settings are collapsed behind a disclosure button. */
  async openSettings(): Promise<void> {
    const toggle = this.page.locator('[data-action="toggle-settings"]');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  }

  /** A checkbox showing stored state, like `doneCheckbox`: click it, then wait for the change. */
  overlaySwitch(site: 'okta' | 'atlassian'): Locator {
    return this.page.locator(`input[data-action="toggle-overlay"][value="${site}"]`);
  }
}

export class Overlay {
  readonly host: Locator;

  constructor(readonly page: Page) {
    this.host = page.locator(OVERLAY_TAG);
  }

  /** Step rows listed in the overlay (buttons carry `data-step` too, but no `data-status`). */
  get steps(): Locator {
    return this.host.locator('[data-step][data-status]');
  }

  step(id: string): Locator {
    return stepRow(this.host, id);
  }

  action(name: string, step?: string): Locator {
    return this.host.locator(`[data-action="${name}"]${step ? `[data-step="${step}"]` : ''}`);
  }

  /** The highlight ring drawn around the control the overlay points at. */
  get ring(): Locator {
    return this.host.locator('.ssa-ring');
  }

  async stepIds(): Promise<string[]> {
    return this.steps.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-step') ?? ''));
  }
}
