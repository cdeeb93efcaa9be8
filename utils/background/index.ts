import { browser } from 'wxt/browser';
import { createHandlers } from './handlers';
import { openChecklistForTab } from './open-checklist';
import { createRouter } from './router';

export function startBackground() {
  // The toolbar button opens the popup; the side panel opens from the popup's "Open checklist".
  browser.sidePanel?.setPanelBehavior?.({ openPanelOnActionClick: false }).catch(() => undefined);
  const handlers = createHandlers({
    now: () => Date.now(),
    makeId: () => crypto.randomUUID(),
    openChecklist: ({ sender }) => openChecklistForTab(sender.tab?.id, sender.tab?.windowId),
  });
  const route = createRouter(handlers, {
    id: browser.runtime.id,
    origin: browser.runtime.getURL('/').replace(/\/$/, ''),
  });
  browser.runtime.onMessage.addListener((message: unknown, sender) => route(message, sender));
}
