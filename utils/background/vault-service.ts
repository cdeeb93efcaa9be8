/**
 * The background's vault: the only code that reads or writes the captured SCIM base URL and API key.
 * Expiry is checked on every read (a service worker's timers do not survive it stopping) and enforced
 * by an alarm, so an idle browser still forgets the key on time.
 */
import { type CredentialNote, type ScimCredentials, validateCredentials } from '../credentials';
import { vaultItem, vaultMinutesItem, vaultRevisionItem } from '../storage';
import { type CaptureSource, captureKind, current, hold, statusOf, type VaultRecord, type VaultStatus } from '../vault';

export const VAULT_ALARM = 'scim-vault-expiry';

export interface AlarmsLike {
  create(name: string, info: { when: number }): unknown;
  clear(name: string): unknown;
}

export type StoreResult =
  | { ok: true; status: VaultStatus; notes: CredentialNote[]; kind: 'same' | 'first' | 'new-key' }
  | { ok: false; code: 'scim-url-invalid' | 'scim-key-invalid'; error: string };

export function createVaultService(deps: { now: () => number; alarms: AlarmsLike }) {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn);
    queue = run.catch(() => undefined);
    return run;
  };

  async function write(record: VaultRecord | null) {
    await vaultItem().setValue(record);
    await vaultRevisionItem.setValue((await vaultRevisionItem.getValue()) + 1);
    if (record?.state === 'held') await deps.alarms.create(VAULT_ALARM, { when: record.expiresAt });
    else await deps.alarms.clear(VAULT_ALARM);
  }

  /** The record as of now, turning an overdue one into "expired" (and forgetting its values). */
  async function read(): Promise<VaultRecord | null> {
    const stored = await vaultItem().getValue();
    const now = current(stored, deps.now());
    if (now !== stored) await write(now);
    return now;
  }

  return {
    status: () => serial(async () => statusOf(await read())),

    /** The values, for a fill or a copy the admin asked for; null when none are held. */
    credentials: () =>
      serial(async (): Promise<ScimCredentials | null> => {
        const record = await read();
        return record?.state === 'held' ? { baseUrl: record.baseUrl, apiKey: record.apiKey } : null;
      }),

    store: (raw: { baseUrl: unknown; apiKey: unknown }, source: CaptureSource) =>
      serial(async (): Promise<StoreResult> => {
        const checked = validateCredentials(raw);
        if (!checked.ok) return checked;
        const before = await read();
        const kind = captureKind(before, checked.value);
        const minutes = await vaultMinutesItem.getValue();
        // Seeing the same values again keeps their original capture time but restarts the clock.
        const record = hold(checked.value, source, deps.now(), minutes);
        if (kind === 'same' && before?.state === 'held' && record.state === 'held')
          record.capturedAt = before.capturedAt;
        await write(record);
        return { ok: true, status: statusOf(record), notes: checked.notes, kind };
      }),

    clear: () => serial(() => write({ state: 'cleared', clearedAt: deps.now() })),

    /** A new lifetime applies to what is held now as well. */
    setMinutes: (minutes: number) =>
      serial(async () => {
        await vaultMinutesItem.setValue(minutes);
        const record = await read();
        if (record?.state === 'held') await write({ ...record, expiresAt: record.capturedAt + minutes * 60_000 });
        await read();
      }),

    /** The expiry alarm fired, or the background woke up: enforce the deadline. */
    enforce: () => serial(read),
  };
}

export type VaultService = ReturnType<typeof createVaultService>;
