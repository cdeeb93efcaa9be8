import { browser } from 'wxt/browser';
import type { FillReport } from '../messages';
import type { PageView } from '../page-view';
import { SCIM_API_MATCH } from '../scim-api';
import { atlassianAppIds } from '../setup';
import {
  atlassianAppsItem,
  groupLookupItem,
  pageViewTabsItem,
  settingsItem,
  setupsItem,
  vaultRevisionItem,
} from '../storage';
import { serveTestBridge } from '../test-bridge';
import { createHandlers } from './handlers';
import { openChecklistForTab } from './open-checklist';
import { createPageViews } from './page-views';
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
  // The loader's short list of recognised apps, for setups stored before it existed.
  void setupsItem.getValue().then((s) => atlassianAppsItem.setValue(atlassianAppIds(s)));
  const apiOrigins = { origins: [SCIM_API_MATCH] };

  const pageViews = createPageViews({
    now: () => Date.now(),
    setups: () => setupsItem.getValue(),
    settings: () => settingsItem.getValue(),
    vault: () => vault.status(),
    tabs: { get: () => pageViewTabsItem().getValue(), set: (ids) => pageViewTabsItem().setValue(ids) },
    send: async (tabId, view: PageView) => {
      await browser.tabs.sendMessage(tabId, { type: 'page-view-changed', payload: view }, { frameId: 0 });
    },
  });
  // The background is the only writer: every change of what the view is made of passes through here.
  const viewSourceChanged = () => void pageViews.changed();
  setupsItem.watch(viewSourceChanged);
  settingsItem.watch(viewSourceChanged);
  vaultRevisionItem.watch(viewSourceChanged);
  browser.tabs.onRemoved.addListener((tabId) => void pageViews.forget(tabId));

  const handlers = createHandlers({
    now: () => Date.now(),
    makeId: () => crypto.randomUUID(),
    openChecklist: ({ sender }) => openChecklistForTab(sender.tab?.id, sender.tab?.windowId),
    vault,
    pageViews,
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
