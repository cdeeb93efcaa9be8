/**
 * The one message protocol: every message, its payload, its answer, who may send it, and how its
 * payload is checked. Senders are classified in utils/sender.ts; the background dispatches in
 * utils/background/router.ts.
 */
import { browser } from 'wxt/browser';
import { isStepId, type StepId } from './checklist';
import type { CredentialNote, ScimCredentials } from './credentials';
import type { Reading } from './observations';
import { isPageView, type PageView } from './page-view';
import type { PageHints, Site } from './pages';
import { isReadingPatch, type ReadingPatch } from './reading-patch';
import { isReading } from './readings';
import type { VerifyOutcome } from './scim-api';
import type { SenderKind } from './sender';
import type { ManualMark } from './setup';
import { type CaptureSource, isValidVaultMinutes, type VaultStatus } from './vault';

export interface CaptureAnswer {
  status: VaultStatus;
  notes: CredentialNote[];
  /** `new-key`: a different key replaced the one held — Okta must be given the new one now. */
  kind: 'same' | 'first' | 'new-key';
}

/** What a fill did, field by field; `problems` says exactly what did not work. */
export interface FillReport {
  filled: Array<'baseUrl' | 'apiKey'>;
  problems: string[];
}

export interface Protocol {
  /** A content script tells what the admin has open; the background reads the URL from the sender. */
  'page-seen': { payload: { hints: PageHints; atlassianApp: boolean | 'unknown' }; answer: undefined };
  /** The loader reached a page of the flow: inject the overlay into the sender's top frame. */
  'load-overlay': { payload: Record<string, never>; answer: undefined };
  /** What a page reader saw (never a secret); Okta readings count only on the recognised Atlassian Cloud app. */
  observed: { payload: { reading: Reading }; answer: { rev: number } };
  /** What changed in a list reading since the one stored as revision `base` (utils/reading-patch.ts). */
  'observed-patch': { payload: ReadingPatch; answer: { rev: number } };
  /** A manual tick (or untick) of a step in the active setup. */
  'mark-step': { payload: { step: StepId; mark: ManualMark | null }; answer: undefined };
  'reset-setup': { payload: { setupId: string }; answer: undefined };
  'select-setup': { payload: { setupId: string }; answer: undefined };
  /** Overlay on/off per site; a page may only change its own site. */
  'set-overlay': { payload: { site: Site; enabled: boolean }; answer: undefined };
  'set-overlay-expanded': { payload: { expanded: boolean }; answer: undefined };
  /**
   * The overlay asks for the view it renders (derived by the background); from then on its tab is sent
   * every new view ('page-view-changed') until the page is gone.
   */
  'page-view': { payload: Record<string, never>; answer: PageView };
  /** The overlay's "Open checklist": opens the side panel for the sender's tab where the browser allows it. */
  'open-checklist': { payload: Record<string, never>; answer: undefined };

  // The SCIM credentials (../shared/security.md). No message returns the key to a content script.
  /** admin.atlassian.com hands in the values it displays or that the admin copies. */
  'capture-credentials': {
    payload: { baseUrl: string; apiKey: string; via: Exclude<CaptureSource, 'manual'> };
    answer: CaptureAnswer;
  };
  /** Manual entry in the side panel. */
  'enter-credentials': { payload: { baseUrl: string; apiKey: string }; answer: CaptureAnswer };
  /** What is held, without the key. */
  'vault-status': { payload: Record<string, never>; answer: VaultStatus };
  'clear-credentials': { payload: Record<string, never>; answer: undefined };
  /** For a copy button in the popup or side panel, from the admin's click. */
  'copy-credential': { payload: { which: 'baseUrl' | 'apiKey' }; answer: { value: string } };
  /** Fill the Okta Integration form: in the sender's tab (overlay) or the active tab (popup, side panel). */
  'fill-credentials': { payload: Record<string, never>; answer: FillReport };
  'set-vault-minutes': { payload: { minutes: number }; answer: undefined };
  /** Ask the SCIM API whether the held URL and key work; the key goes only into that request's header. */
  'verify-credentials': { payload: Record<string, never>; answer: VerifyOutcome };
  /** Look the groups Okta shows as pushed up in the Atlassian directory (paced; progress in storage). */
  'check-pushed-groups': { payload: Record<string, never>; answer: { total: number } };
  'cancel-group-lookup': { payload: Record<string, never>; answer: { cancelled: boolean } };
}

/** Messages the background sends to a content script (top frame only). */
export interface ContentProtocol {
  'fill-okta-form': { payload: ScimCredentials; answer: FillReport };
  /** The overlay's view changed (settings, progress, findings, the vault's status). */
  'page-view-changed': { payload: PageView; answer: undefined };
}

export type MessageType = keyof Protocol;
export type Payload<K extends MessageType> = Protocol[K]['payload'];
/** A refusal says what happened in plain words; `code` names the finding to show, when there is one. */
export type Answer<K extends MessageType> =
  | { ok: true; value: Protocol[K]['answer'] }
  | { ok: false; error: string; code?: string };

const PAGES: SenderKind[] = ['okta-page', 'atlassian-page'];
const ANYONE: SenderKind[] = ['extension-page', ...PAGES];

export const ALLOWED_SENDERS: Record<MessageType, readonly SenderKind[]> = {
  'page-seen': PAGES,
  'load-overlay': PAGES,
  observed: PAGES,
  'observed-patch': PAGES,
  'page-view': PAGES,
  'mark-step': ANYONE,
  'reset-setup': ['extension-page'],
  'select-setup': ['extension-page'],
  'set-overlay': ANYONE,
  'set-overlay-expanded': ANYONE,
  'open-checklist': PAGES,
  'capture-credentials': ['atlassian-page'],
  'enter-credentials': ['extension-page'],
  'vault-status': ANYONE,
  'clear-credentials': ANYONE,
  'copy-credential': ['extension-page'],
  'fill-credentials': ['extension-page', 'okta-page'],
  'set-vault-minutes': ['extension-page'],
  'verify-credentials': ANYONE,
  'check-pushed-groups': ['extension-page'],
  'cancel-group-lookup': ANYONE,
};

type Validator<K extends MessageType> = (p: unknown) => p is Payload<K>;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isShortString = (v: unknown, max = 200): v is string => typeof v === 'string' && v.length <= max;
const isEmpty = (v: unknown): v is Record<string, never> => isRecord(v) && Object.keys(v).length === 0;
/** Long enough for any real value and its stray whitespace; validation proper happens in the vault. */
const isCredentialText = (v: unknown): v is string => isShortString(v, 4096);
const isSite = (v: unknown): v is Site => v === 'okta' || v === 'atlassian';
const isHints = (v: unknown): v is PageHints =>
  isRecord(v) &&
  (v.headings === undefined ||
    (Array.isArray(v.headings) && v.headings.length <= 50 && v.headings.every((h) => isShortString(h)))) &&
  (v.activeTab === undefined || isShortString(v.activeTab));

export const VALIDATORS: { [K in MessageType]: Validator<K> } = {
  'page-seen': (p): p is Payload<'page-seen'> =>
    isRecord(p) && isHints(p.hints) && (typeof p.atlassianApp === 'boolean' || p.atlassianApp === 'unknown'),
  'load-overlay': (p): p is Payload<'load-overlay'> => isEmpty(p),
  observed: (p): p is Payload<'observed'> => isRecord(p) && isReading(p.reading),
  'observed-patch': (p): p is Payload<'observed-patch'> => isReadingPatch(p),
  'page-view': (p): p is Payload<'page-view'> => isEmpty(p),
  'mark-step': (p): p is Payload<'mark-step'> =>
    isRecord(p) && isStepId(p.step) && (p.mark === null || p.mark === 'done' || p.mark === 'skipped'),
  'reset-setup': (p): p is Payload<'reset-setup'> => isRecord(p) && isShortString(p.setupId, 100),
  'select-setup': (p): p is Payload<'select-setup'> => isRecord(p) && isShortString(p.setupId, 100),
  'set-overlay': (p): p is Payload<'set-overlay'> => isRecord(p) && isSite(p.site) && typeof p.enabled === 'boolean',
  'set-overlay-expanded': (p): p is Payload<'set-overlay-expanded'> => isRecord(p) && typeof p.expanded === 'boolean',
  'open-checklist': (p): p is Payload<'open-checklist'> => isEmpty(p),
  'capture-credentials': (p): p is Payload<'capture-credentials'> =>
    isRecord(p) &&
    isCredentialText(p.baseUrl) &&
    isCredentialText(p.apiKey) &&
    (p.via === 'page' || p.via === 'copy-button'),
  'enter-credentials': (p): p is Payload<'enter-credentials'> =>
    isRecord(p) && isCredentialText(p.baseUrl) && isCredentialText(p.apiKey),
  'vault-status': (p): p is Payload<'vault-status'> => isEmpty(p),
  'clear-credentials': (p): p is Payload<'clear-credentials'> => isEmpty(p),
  'copy-credential': (p): p is Payload<'copy-credential'> =>
    isRecord(p) && (p.which === 'baseUrl' || p.which === 'apiKey'),
  'fill-credentials': (p): p is Payload<'fill-credentials'> => isEmpty(p),
  'set-vault-minutes': (p): p is Payload<'set-vault-minutes'> => isRecord(p) && isValidVaultMinutes(p.minutes),
  'verify-credentials': (p): p is Payload<'verify-credentials'> => isEmpty(p),
  'check-pushed-groups': (p): p is Payload<'check-pushed-groups'> => isEmpty(p),
  'cancel-group-lookup': (p): p is Payload<'cancel-group-lookup'> => isEmpty(p),
};

export const CONTENT_VALIDATORS: { [K in keyof ContentProtocol]: (p: unknown) => p is ContentProtocol[K]['payload'] } =
  {
    'fill-okta-form': (p): p is ScimCredentials =>
      isRecord(p) && isCredentialText(p.baseUrl) && isCredentialText(p.apiKey),
    'page-view-changed': isPageView,
  };

export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  payload: Payload<K>;
}

export function isEnvelope(m: unknown): m is { type: MessageType; payload: unknown } {
  return isRecord(m) && typeof m.type === 'string' && Object.hasOwn(VALIDATORS, m.type) && 'payload' in m;
}

/** Send a message to the background and get its typed answer; never throws. */
export async function send<K extends MessageType>(type: K, payload: Payload<K>): Promise<Answer<K>> {
  try {
    const answer = (await browser.runtime.sendMessage({ type, payload } satisfies Envelope<K>)) as
      | Answer<K>
      | undefined;
    return answer ?? { ok: false, error: 'The extension did not answer. Reload the page and try again.' };
  } catch {
    return { ok: false, error: 'The extension is not reachable. It may have been updated: reload the page.' };
  }
}
