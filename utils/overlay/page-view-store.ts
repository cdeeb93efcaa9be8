/**
 * The overlay's view (utils/page-view.ts): asked of the background once, then kept current by the views
 * the background sends to this tab. No storage subscription (see page-view.ts for why); no checks run
 * here, the background derived the state. Never writes: changes go to the background as messages.
 */
import { browser } from 'wxt/browser';
import { createStore } from 'zustand/vanilla';
import { CONTENT_VALIDATORS, send } from '../messages';
import type { PageView } from '../page-view';

export interface PageViewState {
  /** undefined until the background has answered. */
  view: PageView | undefined;
}

export function createPageViewStore() {
  const store = createStore<PageViewState>(() => ({ view: undefined }));
  let stopped = false;
  /** Views can arrive out of order (an answer and a push): the newest wins. */
  const take = (view: PageView) => {
    const now = store.getState().view;
    if (stopped || (now && now.version >= view.version)) return;
    store.setState({ view });
  };
  const listener = (message: unknown, sender: { id?: string; tab?: unknown }) => {
    // Only the background (this extension, not a tab) sends views.
    if (sender.id !== browser.runtime.id || sender.tab !== undefined) return undefined;
    const m = message as { type?: unknown; payload?: unknown } | null;
    if (m?.type === 'page-view-changed' && CONTENT_VALIDATORS['page-view-changed'](m.payload)) take(m.payload);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  const ready = send('page-view', {}).then((answer) => {
    if (answer.ok) take(answer.value);
  });
  return {
    store,
    ready,
    stop() {
      stopped = true;
      browser.runtime.onMessage.removeListener(listener);
    },
  };
}

export type PageViewStore = ReturnType<typeof createPageViewStore>;
