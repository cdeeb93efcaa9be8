/**
 * What every Okta admin page and every admin.atlassian.com page gets: a few kilobytes that watch for SPA
 * navigation and, the first time the admin reaches a page of this setup, ask the background to inject the
 * overlay (utils/overlay/controller.ts via entrypoints/overlay.ts). Off the flow nothing else runs: no UI,
 * no DOM observer, no storage subscription. Free of the store, and of the polyfill: in the content-script
 * builds `wxt/browser` is the browser's own API (native-browser.ts, aliased in wxt.config.ts).
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { atlassianAppHint, collectHints } from '../page-hints';
import { detectPage, isOktaAppPage, type PageInfo } from '../pages';
import { watchNavigation } from './navigation';

/** Set by the injected overlay in this extension's isolated world, so it is injected once per page. */
export const OVERLAY_LOADED = '__scimSetupAssistantOverlay';

/** Pages where the overlay may have something to say; everything else stays untouched. */
const EVERYDAY = new Set(['okta-other', 'okta-profile-editor', 'atlassian-other']);

/**
 * The Okta app instances recognised as Atlassian Cloud in any setup: the short list the background keeps
 * (utils/storage.ts `atlassianApps`), never the setups themselves, which hold whole group lists.
 */
async function rememberedApps(): Promise<Set<string>> {
  const { atlassianApps } = (await browser.storage.local.get('atlassianApps')) as { atlassianApps?: unknown };
  return new Set(Array.isArray(atlassianApps) ? atlassianApps.filter((id) => typeof id === 'string') : []);
}

async function worthLoading(info: PageInfo): Promise<boolean> {
  if (info.site === 'none' || EVERYDAY.has(info.page)) return false;
  if (info.site === 'okta' && isOktaAppPage(info.page) && info.app) {
    // Another app's tabs are off the flow: only the Atlassian Cloud app (by title, or recognised before).
    return atlassianAppHint(document) === true || (await rememberedApps()).has(info.app.id);
  }
  return true;
}

/**
 * The page, from its headings only where they can change the answer: an Okta page other than an app
 * instance's is known by its URL, so the everyday console (dashboard, people, groups) is not searched for
 * headings at all, neither now nor on the re-checks after a navigation.
 */
function pageNow(): PageInfo {
  const byUrl = detectPage(location.href);
  if (byUrl.site === 'okta' && !isOktaAppPage(byUrl.page)) return byUrl;
  return detectPage(location.href, collectHints(document));
}

export function startLoader(ctx: ContentScriptContext): void {
  let requested = false;
  watchNavigation(ctx, () => {
    if (requested || (globalThis as Record<string, unknown>)[OVERLAY_LOADED]) return;
    const info = pageNow();
    void worthLoading(info).then((yes) => {
      if (!yes || requested || ctx.isInvalid) return;
      requested = true;
      browser.runtime.sendMessage({ type: 'load-overlay', payload: {} }).catch(() => {
        requested = false;
      });
    });
  });
}
