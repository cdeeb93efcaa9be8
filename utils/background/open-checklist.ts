/**
 * Opening the checklist beside a page. Chrome: `sidePanel.open`; Firefox: `sidebarAction.open`.
 * Both must run inside a user gesture, so callers invoke these synchronously from a click.
 */
import { browser } from 'wxt/browser';

interface FirefoxSidebar {
  sidebarAction?: { open(): Promise<void> };
}

/** From an extension page's click (popup): call before any await, or the gesture is lost. */
export function openChecklistFromClick(windowId: number | undefined): Promise<void> {
  const sidebar = (browser as unknown as FirefoxSidebar).sidebarAction;
  if (sidebar) return sidebar.open();
  if (browser.sidePanel && windowId !== undefined) return browser.sidePanel.open({ windowId });
  return Promise.reject(new Error('This browser has no side panel or sidebar for extensions.'));
}

/** The Firefox shortcut that opens the sidebar (wxt.config.ts `commands`). */
export const SIDEBAR_SHORTCUT = 'Alt+Shift+Y';

/**
 * From the background, for a content script's click: Chrome carries the click's gesture over to
 * `sidePanel.open`; Firefox does not for `sidebarAction.open`, so there the admin gets the shortcut.
 */
export async function openChecklistForTab(tabId: number | undefined, windowId: number | undefined): Promise<void> {
  const sidebar = (browser as unknown as FirefoxSidebar).sidebarAction;
  if (sidebar) {
    await sidebar.open().catch(() => {
      throw new Error(
        `Firefox lets only its own controls open the sidebar: press ${SIDEBAR_SHORTCUT}, or click the extension's toolbar button and choose "Open checklist".`,
      );
    });
    return;
  }
  try {
    if (browser.sidePanel && tabId !== undefined) {
      return await browser.sidePanel.open({ tabId, ...(windowId !== undefined ? { windowId } : {}) });
    }
  } catch {
    // Falls through to the advice below.
  }
  throw new Error(
    'The browser did not let the page open the checklist. Click the extension\'s toolbar button and choose "Open checklist".',
  );
}
