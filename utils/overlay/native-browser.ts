/**
 * `wxt/browser` as the manifest's content scripts see it (the alias is in wxt.config.ts): the browser's own
 * extension API, `browser` on Firefox and the promise-based `chrome` of MV3, without webextension-polyfill.
 * The loader makes two calls (storage.local.get, runtime.sendMessage) and WXT's ContentScriptContext reads
 * `runtime.id`; all three return the same thing natively in both browsers. The polyfill was 53 % of what
 * every Okta and Atlassian admin page received and ran (docs/performance.md). The overlay, the background
 * and the extension pages keep the polyfill.
 */
import type { browser as WxtBrowser } from 'wxt/browser';

type Api = typeof WxtBrowser;
const scope = globalThis as unknown as { browser?: Api; chrome?: Api };

export const browser = (scope.browser?.runtime?.id ? scope.browser : scope.chrome) as Api;
