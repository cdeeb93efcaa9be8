/**
 * Page objects for puppeteer, found by the same hooks as the Chromium suite's (`data-step`,
 * `data-status`, `data-finding`, `data-action`; docs/hooks.md). Reads run in the page and return plain
 * values, so `expect.poll` can wait on them; clicks are puppeteer's, which the page sees as trusted.
 */
import type { Page } from 'puppeteer-core';
import { OVERLAY_TAG } from '../../support/pages';

export { OVERLAY_TAG };

/** A step's `data-status` in the page or in the overlay's shadow root, or null when not listed. */
function statusIn(page: Page, inOverlay: boolean, step: string): Promise<string | null> {
  return page.evaluate(
    (tag, overlay, id) => {
      const root = overlay ? document.querySelector(tag)?.shadowRoot : document;
      return root?.querySelector(`[data-step="${id}"][data-status]`)?.getAttribute('data-status') ?? null;
    },
    OVERLAY_TAG,
    inOverlay,
    step,
  );
}

/** Every `data-finding` code shown in the page or in the overlay's shadow root. */
function findingsIn(page: Page, inOverlay: boolean): Promise<string[]> {
  return page.evaluate(
    (tag, overlay) => {
      const root = overlay ? document.querySelector(tag)?.shadowRoot : document;
      return [...(root?.querySelectorAll('[data-finding]') ?? [])].map((el) => el.getAttribute('data-finding') ?? '');
    },
    OVERLAY_TAG,
    inOverlay,
  );
}

export class Overlay {
  constructor(readonly page: Page) {}

  /** How many overlays the page holds (0 or 1). */
  count(): Promise<number> {
    return this.page.evaluate((tag) => document.querySelectorAll(tag).length, OVERLAY_TAG);
  }

  /** Step rows listed in the overlay (buttons carry `data-step` too, but no `data-status`). */
  stepIds(): Promise<string[]> {
    return this.page.evaluate((tag) => {
      const rows = document.querySelector(tag)?.shadowRoot?.querySelectorAll('[data-step][data-status]') ?? [];
      return [...rows].map((r) => r.getAttribute('data-step') ?? '');
    }, OVERLAY_TAG);
  }

  stepStatus(id: string): Promise<string | null> {
    return statusIn(this.page, true, id);
  }

  findings(): Promise<string[]> {
    return findingsIn(this.page, true);
  }

  /** The text of the SCIM values block ("Captured · … · key …1A2B …"), or null when it is not shown. */
  credentialsText(): Promise<string | null> {
    return this.page.evaluate(
      (tag) => document.querySelector(tag)?.shadowRoot?.querySelector('.ssa-credentials')?.textContent ?? null,
      OVERLAY_TAG,
    );
  }

  /** The text of an element inside the overlay, or null when there is none. */
  text(selector: string): Promise<string | null> {
    return this.page.evaluate(
      (tag, sel) => document.querySelector(tag)?.shadowRoot?.querySelector(sel)?.textContent ?? null,
      OVERLAY_TAG,
      selector,
    );
  }

  /**
   * A real click on an overlay control, as a person's mouse makes it (puppeteer's input is trusted), once
   * the page shows exactly one overlay and the control is enabled and on screen. The tab comes to the front
   * first, as a person's would. (Puppeteer's locators sometimes never saw the overlay's button settle here.)
   */
  async click(action: string): Promise<void> {
    await this.page.bringToFront();
    // Ready once the control holds still: the overlay may move to the other corner when it would cover
    // what it points at, and a click aimed before that move would land on the page.
    const find = (tag: string, name: string) => {
      const hosts = document.querySelectorAll(tag);
      const button = hosts[0]?.shadowRoot?.querySelector<HTMLButtonElement>(`[data-action="${name}"]`);
      const box = button?.getBoundingClientRect();
      const ready = hosts.length === 1 && button && !button.disabled && box && box.width > 0 && box.height > 0;
      const w = window as Window & { __e2eLastBox?: string };
      const here = ready ? `${box.x},${box.y}` : '';
      const still = ready && w.__e2eLastBox === here;
      w.__e2eLastBox = here;
      return still ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : null;
    };
    const point = await this.page
      .waitForFunction(find, { polling: 250, timeout: 10_000 }, OVERLAY_TAG, action)
      .then((h) => h.jsonValue())
      .catch(async (error: unknown) => {
        const seen = await this.page.evaluate(
          (tag, name) => {
            const hosts = document.querySelectorAll(tag);
            const button = hosts[0]?.shadowRoot?.querySelector<HTMLButtonElement>(`[data-action="${name}"]`);
            return `${hosts.length} overlay(s); control ${button ? (button.disabled ? 'disabled' : 'not on screen') : 'absent'}`;
          },
          OVERLAY_TAG,
          action,
        );
        throw new Error(`The overlay's "${action}" never became clickable: ${seen}.`, { cause: error });
      });
    if (!point) throw new Error(`The overlay's "${action}" has no position.`);
    await this.page.mouse.click(point.x, point.y);
  }
}

export class SidePanelPage {
  constructor(readonly page: Page) {}

  stepStatus(id: string): Promise<string | null> {
    return statusIn(this.page, false, id);
  }

  findings(): Promise<string[]> {
    return findingsIn(this.page, false);
  }

  /** Every rendered step row with its status. */
  steps(): Promise<Array<{ id: string; status: string }>> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('[data-step][data-status]')].map((el) => ({
        id: el.getAttribute('data-step') ?? '',
        status: el.getAttribute('data-status') ?? '',
      })),
    );
  }
}

export class PopupPage {
  constructor(readonly page: Page) {}

  /** `aria-valuenow` / `aria-valuemax` of the progress bar, once it is rendered. */
  progress(): Promise<{ now: string | null; max: string | null } | null> {
    return this.page.evaluate(() => {
      const bar = document.querySelector('[role="progressbar"]');
      return bar ? { now: bar.getAttribute('aria-valuenow'), max: bar.getAttribute('aria-valuemax') } : null;
    });
  }
}

/**
 * Clicks a field and pastes `text` into it, as a person pasting a copied value: one `insertText` input event,
 * as Playwright's `fill` makes (puppeteer's `fill` sets long values directly, which React does not see).
 */
export async function pasteInto(page: Page, selector: string, text: string): Promise<void> {
  await page.bringToFront();
  await page.locator(selector).click();
  await page.evaluate((t) => document.execCommand('insertText', false, t), text);
}

/** A tab anchor of the Okta app instance, clicked by its label as a person reads it. */
export async function clickOktaTab(page: Page, label: string): Promise<void> {
  await page.locator(`::-p-xpath(//*[contains(@class,"ui-tabs-nav")]//a[normalize-space()="${label}"])`).click();
}

/** Leaves a mark in the page's own world: it is gone if the page reloads. */
export const markPage = (page: Page) =>
  page.evaluate(() => {
    (window as Window & { __marker?: string }).__marker = 'no reload';
  });
export const pageMark = (page: Page) => page.evaluate(() => (window as Window & { __marker?: string }).__marker);
