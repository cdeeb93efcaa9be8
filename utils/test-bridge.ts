/**
 * Test builds only. Firefox refuses to navigate to moz-extension:// pages over WebDriver BiDi, so the
 * Firefox end-to-end tests ask a fixture page to open the popup or the side panel for them:
 *
 *   page: window.postMessage({ __scimE2E: 'open', path: '/sidepanel.html' }, '*')
 *   → content script (top frame; message from this very window and origin; exactly that shape)
 *   → background over a named port (sender checked like every message: utils/sender.ts)
 *   → tabs.create(runtime.getURL(path)) for a path on the allow-list below. Nothing else.
 *
 * Production builds do not contain this file: each call site is behind
 * `import.meta.env.WXT_E2E_BRIDGE === 'on'`, which Vite replaces with a constant at build time, so the
 * bundler drops the branch and this module. tests/e2e/firefox/production-build.e2e.ts greps the builds.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { classifySender } from './sender';

declare global {
  interface ImportMetaEnv {
    /** `on` in test builds only (tests/e2e/firefox/support/build.ts sets it); absent in production. */
    readonly WXT_E2E_BRIDGE?: string;
  }
}

/** The extension pages a test may open. */
const OPENABLE = ['/popup.html', '/sidepanel.html'] as const;
type OpenablePath = (typeof OPENABLE)[number];
const PORT_NAME = 'scim-e2e-bridge';

/** The path of an exact `{ __scimE2E: 'open', path }` request for an allowed page, else undefined. */
function requestedPath(data: unknown): OpenablePath | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const { __scimE2E, path, ...rest } = data as Record<string, unknown>;
  if (__scimE2E !== 'open' || Object.keys(rest).length > 0) return undefined;
  return OPENABLE.find((p) => p === path);
}

/** Content script side (top frame only: the entrypoints return before calling this in a sub-frame). */
export function forwardTestBridgeRequests(ctx: ContentScriptContext): void {
  ctx.addEventListener(window, 'message', (event) => {
    if (event.source !== window || event.origin !== location.origin) return;
    const path = requestedPath(event.data);
    if (path) browser.runtime.connect({ name: PORT_NAME }).postMessage({ __scimE2E: 'open', path });
  });
}

/** Background side: one page per request, from an Okta admin or admin.atlassian.com top frame. */
export function serveTestBridge(): void {
  const extensionOrigin = browser.runtime.getURL('/').replace(/\/$/, '');
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PORT_NAME) return;
    const kind = port.sender && classifySender(port.sender, browser.runtime.id, extensionOrigin);
    if (kind !== 'okta-page' && kind !== 'atlassian-page') {
      port.disconnect();
      return;
    }
    port.onMessage.addListener((message: unknown) => {
      port.disconnect();
      const path = requestedPath(message);
      if (path) void browser.tabs.create({ url: browser.runtime.getURL(path) });
    });
  });
}
