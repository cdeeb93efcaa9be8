import type { Locator } from 'playwright-core';

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
