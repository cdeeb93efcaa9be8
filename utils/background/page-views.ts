/**
 * The overlays' view (utils/page-view.ts): derived here from storage and the vault whenever either
 * changes, and sent to the tabs whose overlay asked for it, only when it differs from the last one sent.
 * The tabs are remembered in storage.session (the background's own area), so a service worker that
 * stopped and woke up still knows where to send.
 */
import type { PageView } from '../page-view';
import { linkContextOf, type SetupsState } from '../setup';
import { deriveState } from '../status';
import type { Settings } from '../storage';
import type { VaultStatus } from '../vault';

export function pageViewOf(setups: SetupsState, settings: Settings, vault: VaultStatus, version: number): PageView {
  const active = setups.activeId ? setups.setups[setups.activeId] : undefined;
  return {
    version,
    settings,
    derived: deriveState(active, { vault: vault.state }),
    link: linkContextOf(active),
    ...(active?.oktaApp?.id ? { oktaAppId: active.oktaApp.id } : {}),
    vault,
  };
}

export interface PageViewDeps {
  now: () => number;
  setups: () => Promise<SetupsState>;
  settings: () => Promise<Settings>;
  vault: () => Promise<VaultStatus>;
  /** The tabs whose overlay asked for the view. */
  tabs: { get: () => Promise<number[]>; set: (ids: number[]) => Promise<void> };
  /** Delivers a view to a tab's top frame; rejects when no overlay is there any more. */
  send: (tabId: number, view: PageView) => Promise<void>;
}

/** A view without its version, as text: what decides whether the overlays need the new one. */
const content = ({ version: _, ...rest }: PageView) => JSON.stringify(rest);

export function createPageViews(deps: PageViewDeps) {
  let lastSent: string | undefined;
  let counter = 0;
  /** Strictly increasing, across worker restarts too (the clock moves on). */
  const nextVersion = () => Math.max(deps.now() * 1000, ++counter);
  let running: Promise<void> | undefined;
  let again = false;

  async function current(): Promise<PageView> {
    const [setups, settings, vault] = await Promise.all([deps.setups(), deps.settings(), deps.vault()]);
    const view = pageViewOf(setups, settings, vault, nextVersion());
    counter = view.version;
    return view;
  }

  async function push() {
    const view = await current();
    const text = content(view);
    if (text === lastSent) return;
    lastSent = text;
    const tabs = await deps.tabs.get();
    if (tabs.length === 0) return;
    const gone: number[] = [];
    await Promise.all(tabs.map((id) => deps.send(id, view).catch(() => void gone.push(id))));
    if (gone.length) {
      // Read again: a tab may have asked meanwhile.
      const now = await deps.tabs.get();
      await deps.tabs.set(now.filter((id) => !gone.includes(id)));
    }
  }

  return {
    current,
    /** The overlay in `tabId` asked for the view: it gets every new one from now on. */
    async subscribe(tabId: number): Promise<PageView> {
      const tabs = await deps.tabs.get();
      if (!tabs.includes(tabId)) await deps.tabs.set([...tabs, tabId]);
      return current();
    },
    /** Storage or the vault changed: derive again and send if the view changed. Calls made meanwhile coalesce. */
    changed(): Promise<void> {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        do {
          again = false;
          await push().catch(() => undefined);
        } while (again);
      })().finally(() => {
        running = undefined;
      });
      return running;
    },
    forget: async (tabId: number) => {
      const tabs = await deps.tabs.get();
      if (tabs.includes(tabId)) await deps.tabs.set(tabs.filter((id) => id !== tabId));
    },
  };
}

export type PageViews = ReturnType<typeof createPageViews>;
