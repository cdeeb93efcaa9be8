/**
 * The vault's pure rules: what is held, when it expires, and what every surface may be told about it.
 * Only the background holds a VaultRecord; everyone else sees a VaultStatus, which never has the key.
 */
import { maskKey, type ScimCredentials } from './credentials';

export type CaptureSource = 'page' | 'copy-button' | 'manual';

export type VaultRecord =
  | ({ state: 'held'; capturedAt: number; expiresAt: number; source: CaptureSource } & ScimCredentials)
  | { state: 'expired'; expiredAt: number }
  | { state: 'cleared'; clearedAt: number };

export type VaultStatus =
  | { state: 'empty' }
  | { state: 'expired'; expiredAt: number }
  | { state: 'cleared'; clearedAt: number }
  | {
      state: 'held';
      /** The SCIM base URL in full: the overlay confirms it. */
      baseUrl: string;
      /** "…abcd" */
      keyHint: string;
      capturedAt: number;
      expiresAt: number;
      source: CaptureSource;
    };

export const VAULT_MINUTES = { min: 5, max: 120, default: 30 } as const;

export function isValidVaultMinutes(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= VAULT_MINUTES.min && (value as number) <= VAULT_MINUTES.max;
}

/** The record as of `now`: a held record past its time becomes "expired" (storage.session has no TTL). */
export function current(record: VaultRecord | null, now: number): VaultRecord | null {
  if (record?.state === 'held' && now >= record.expiresAt) return { state: 'expired', expiredAt: record.expiresAt };
  return record;
}

export function statusOf(record: VaultRecord | null): VaultStatus {
  if (!record) return { state: 'empty' };
  if (record.state !== 'held') return record;
  return {
    state: 'held',
    baseUrl: record.baseUrl,
    keyHint: maskKey(record.apiKey),
    capturedAt: record.capturedAt,
    expiresAt: record.expiresAt,
    source: record.source,
  };
}

export function hold(creds: ScimCredentials, source: CaptureSource, now: number, minutes: number): VaultRecord {
  return { state: 'held', ...creds, source, capturedAt: now, expiresAt: now + minutes * 60_000 };
}

/** What a new capture means for the admin: nothing new, a first capture, or a new key Okta must get now. */
export function captureKind(before: VaultRecord | null, creds: ScimCredentials): 'same' | 'first' | 'new-key' {
  if (before?.state !== 'held') return 'first';
  if (before.apiKey === creds.apiKey && before.baseUrl === creds.baseUrl) return 'same';
  return before.apiKey === creds.apiKey ? 'first' : 'new-key';
}
