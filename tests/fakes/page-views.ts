/** The background's page views over the fake browser's storage, with the tabs and what was sent kept in memory. */
import { createPageViews } from '../../utils/background/page-views';
import type { PageView } from '../../utils/page-view';
import { settingsItem, setupsItem } from '../../utils/storage';
import type { VaultStatus } from '../../utils/vault';

export function testPageViews(vault: { status: () => Promise<VaultStatus> }, now: () => number = () => 1000) {
  let tabs: number[] = [];
  const sent: { tabId: number; view: PageView }[] = [];
  /** Tabs whose overlay is gone: sending there fails. */
  const closed = new Set<number>();
  const views = createPageViews({
    now,
    setups: () => setupsItem.getValue(),
    settings: () => settingsItem.getValue(),
    vault: () => vault.status(),
    tabs: {
      get: async () => tabs,
      set: async (ids) => {
        tabs = ids;
      },
    },
    send: async (tabId, view) => {
      if (closed.has(tabId)) throw new Error('Could not establish connection. Receiving end does not exist.');
      sent.push({ tabId, view });
    },
  });
  return { views, sent, closed, tabs: () => tabs };
}
