import type { Locator, Page } from 'playwright-core';

const isFocused = (target: Locator) =>
  target.evaluate((el) => (el.getRootNode() as Document | ShadowRoot).activeElement === el);

/** Presses Tab, as a person would, until `target` has the focus; fails after `max` presses. */
export async function tabTo(target: Locator, max = 200): Promise<void> {
  const { keyboard } = target.page();
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return;
    await keyboard.press('Tab');
  }
  throw new Error(`Tab did not reach ${target} within ${max} presses.`);
}

const TAB = { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9, nativeVirtualKeyCode: 9 };

/**
 * Presses Tab `times` times: the same trusted key events as `keyboard.press` (Playwright sends `rawKeyDown`
 * and `keyUp` for Tab), queued at once because a round trip per press takes seconds on a busy machine.
 */
export async function pressTab(page: Page, times: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const presses = Array.from({ length: times }, () => [
      cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...TAB }),
      cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...TAB }),
    ]);
    await Promise.all(presses.flat());
  } finally {
    await cdp.detach();
  }
}
