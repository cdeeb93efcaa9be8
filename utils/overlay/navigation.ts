/**
 * SPA navigation: hash changes (Okta's app tabs), history changes (admin.atlassian.com's router), and
 * late renders right after either. No DOM observer: listeners plus a few short timers per navigation.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Re-checks after a navigation, for headings and panes that render late (okta-admin.md: "Panes load asynchronously"). */
const SETTLE_DELAYS_MS = [150, 600, 1500, 4000];

export function watchNavigation(ctx: ContentScriptContext, onChange: () => void): void {
  let timers: number[] = [];
  const settle = () => {
    for (const t of timers) clearTimeout(t);
    onChange();
    timers = SETTLE_DELAYS_MS.map((ms) => ctx.setTimeout(onChange, ms));
  };
  // `wxt:locationchange` fires on the Navigation API's `navigate` (before the URL commits), so wait a tick.
  ctx.addEventListener(window, 'wxt:locationchange', () => ctx.setTimeout(settle, 0));
  ctx.addEventListener(window, 'hashchange', settle);
  ctx.addEventListener(window, 'popstate', settle);
  settle();
}
