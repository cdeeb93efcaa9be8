import { browser } from 'wxt/browser';
import type { FillReport } from '../messages';
import { SCIM_API_MATCH } from '../scim-api';
import { groupLookupItem } from '../storage';
import { serveTestBridge } from '../test-bridge';
import { createHandlers } from './handlers';
import { openChecklistForTab } from './open-checklist';
import { createRouter } from './router';
import { createVaultService, VAULT_ALARM } from './vault-service';

export function startBackground() {
  // The toolbar button opens the popup; the side panel opens from the popup's "Open checklist".
  browser.sidePanel?.setPanelBehavior?.({ openPanelOnActionClick: false }).catch(() => undefined);
  const vault = createVaultService({ now: () => Date.now(), alarms: browser.alarms });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === VAULT_ALARM) void vault.enforce();
  });
  // A worker that was asleep past the deadline forgets the values as soon as it wakes.
  void vault.enforce();

  // A lookup that was running when the worker stopped will not resume: say so instead of "running" forever.
  void groupLookupItem.getValue().then((p) => {
    if (p?.state === 'running')
      void groupLookupItem.setValue({ ...p, state: 'stopped', message: 'The check was interrupted. Run it again.' });
  });
  const apiOrigins = { origins: [SCIM_API_MATCH] };

  const handlers = createHandlers({
    now: () => Date.now(),
    makeId: () => crypto.randomUUID(),
    openChecklist: ({ sender }) => openChecklistForTab(sender.tab?.id, sender.tab?.windowId),
    vault,
    injectOverlay: async (tabId) => {
      await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['/overlay.js'] });
    },
    activeTab: async () => (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0],
    fillTab: async (tabId, values) =>
      (await browser.tabs.sendMessage(
        tabId,
        { type: 'fill-okta-form', payload: values },
        { frameId: 0 },
      )) as FillReport,
    scimApi: {
      fetch: (url, init) => fetch(url, init),
      hasApiPermission: () => browser.permissions.contains(apiOrigins),
      requestApiPermission: () => browser.permissions.request(apiOrigins),
      sleep: (ms, signal) =>
        new Promise<void>((resolve, reject) => {
          if (signal.aborted) return reject(new DOMException('Cancelled', 'AbortError'));
          const timer = setTimeout(resolve, ms);
          signal.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(new DOMException('Cancelled', 'AbortError'));
          });
        }),
      setProgress: (progress) => groupLookupItem.setValue(progress),
    },
  });
  const route = createRouter(handlers, {
    id: browser.runtime.id,
    origin: browser.runtime.getURL('/').replace(/\/$/, ''),
  });
  browser.runtime.onMessage.addListener((message: unknown, sender) => route(message, sender));
  if (import.meta.env.WXT_E2E_BRIDGE === 'on') serveTestBridge();
}
