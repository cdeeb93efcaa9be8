/**
 * Who sent a message — decided in this one place for every message (../shared/security.md rule 3).
 * Bitwarden and 1Password both had bugs where one path skipped such a check; nothing here is optional.
 */
import { isAtlassianAdminOrigin, isOktaAdminOrigin } from './hosts';

export type SenderKind = 'extension-page' | 'okta-page' | 'atlassian-page';

/** The fields of `runtime.MessageSender` this check relies on (all present on Chrome and Firefox). */
export interface SenderLike {
  id?: string;
  url?: string;
  /** Chrome 80+, Firefox 126+; older Firefox falls back to `url`. */
  origin?: string;
  frameId?: number;
  tab?: { id?: number };
}

function originOf(sender: SenderLike): string | undefined {
  if (!sender.url) return undefined;
  let fromUrl: string;
  try {
    fromUrl = new URL(sender.url).origin;
  } catch {
    return undefined;
  }
  // When both are given they must agree; a mismatch means something is off, so trust neither.
  if (sender.origin !== undefined && sender.origin !== 'null' && sender.origin !== fromUrl) return undefined;
  return fromUrl;
}

/**
 * @param extensionId  `browser.runtime.id`
 * @param extensionOrigin  `chrome-extension://<id>` / `moz-extension://<uuid>`, without a trailing slash
 */
export function classifySender(sender: SenderLike, extensionId: string, extensionOrigin: string): SenderKind | null {
  if (sender.id !== extensionId) return null;
  // Extension URLs are compared as text: `URL.origin` is "null" for non-web schemes in some engines.
  if (sender.url?.startsWith(`${extensionOrigin}/`)) {
    const agrees = sender.origin === undefined || sender.origin === 'null' || sender.origin === extensionOrigin;
    return agrees ? 'extension-page' : null;
  }
  const origin = originOf(sender);
  if (!origin) return null;
  // Content scripts: a tab, the top frame, and an exact origin from the allow-list.
  if (sender.tab?.id === undefined || sender.frameId !== 0) return null;
  if (isOktaAdminOrigin(origin)) return 'okta-page';
  if (isAtlassianAdminOrigin(origin)) return 'atlassian-page';
  return null;
}
