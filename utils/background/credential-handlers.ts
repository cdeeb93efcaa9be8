/**
 * Handlers of the credential messages. The key leaves the background only in two ways: to an extension
 * page for a copy the admin clicked, and to the top frame of a verified Okta admin tab for a fill.
 */
import { isOktaAdminOrigin } from '../hosts';
import type { Answer, CaptureAnswer, FillReport, MessageType, Payload } from '../messages';
import type { CaptureSource } from '../vault';
import type { HandlerContext } from './router';
import type { VaultService } from './vault-service';

type Handler<K extends MessageType> = (payload: Payload<K>, ctx: HandlerContext) => Promise<Answer<K>>;
type CredentialMessage =
  | 'capture-credentials'
  | 'enter-credentials'
  | 'vault-status'
  | 'clear-credentials'
  | 'copy-credential'
  | 'fill-credentials'
  | 'set-vault-minutes';

export interface CredentialDeps {
  vault: VaultService;
  /** The active tab of the window the admin is looking at (for the popup and side panel). */
  activeTab: () => Promise<{ id?: number; url?: string } | undefined>;
  /** Ask the content script in the tab's top frame to fill; rejects when no content script answers. */
  fillTab: (tabId: number, values: { baseUrl: string; apiKey: string }) => Promise<FillReport>;
}

const NOTHING_HELD =
  'No SCIM base URL and API key are held. Open "Set up user provisioning" in admin.atlassian.com, or enter them in the side panel.';

export function createCredentialHandlers(
  deps: CredentialDeps,
  /** Remembers (in progress, without the values) that the values were taken. */
  onCaptured: (via: CaptureSource, kind: CaptureAnswer['kind']) => Promise<void>,
): { [K in CredentialMessage]: Handler<K> } {
  const fail = (error: string) => ({ ok: false as const, error });

  return {
    async 'capture-credentials'({ baseUrl, apiKey, via }) {
      const result = await deps.vault.store({ baseUrl, apiKey }, via);
      if (!result.ok) return { ok: false, error: result.error, code: result.code };
      await onCaptured(via, result.kind);
      return { ok: true, value: { status: result.status, notes: result.notes, kind: result.kind } };
    },
    async 'enter-credentials'({ baseUrl, apiKey }) {
      const result = await deps.vault.store({ baseUrl, apiKey }, 'manual');
      if (!result.ok) return { ok: false, error: result.error, code: result.code };
      await onCaptured('manual', result.kind);
      return { ok: true, value: { status: result.status, notes: result.notes, kind: result.kind } };
    },
    async 'vault-status'() {
      return { ok: true, value: await deps.vault.status() };
    },
    async 'clear-credentials'() {
      await deps.vault.clear();
      return { ok: true, value: undefined };
    },
    async 'copy-credential'({ which }) {
      const values = await deps.vault.credentials();
      if (!values) return fail(NOTHING_HELD);
      return { ok: true, value: { value: values[which] } };
    },
    async 'set-vault-minutes'({ minutes }) {
      await deps.vault.setMinutes(minutes);
      return { ok: true, value: undefined };
    },
    async 'fill-credentials'(_payload, { sender, kind }) {
      const tab = kind === 'okta-page' ? { id: sender.tab?.id, url: sender.url } : await deps.activeTab();
      if (tab?.id === undefined || !tab.url) return fail('Open the Okta Admin Console in this window first.');
      let origin: string;
      try {
        origin = new URL(tab.url).origin;
      } catch {
        origin = '';
      }
      if (!isOktaAdminOrigin(origin)) {
        return fail(
          'The tab in front is not an Okta Admin Console (https://{org}-admin.okta.com). Nothing was filled.',
        );
      }
      const values = await deps.vault.credentials();
      if (!values) return fail(NOTHING_HELD);
      try {
        return { ok: true, value: await deps.fillTab(tab.id, values) };
      } catch {
        return fail('The Okta page did not answer. Reload it, open Provisioning › Integration and try again.');
      }
    },
  };
}
