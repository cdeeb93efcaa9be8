import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createVaultService, VAULT_ALARM } from '../../utils/background/vault-service';
import { vaultItem, vaultMinutesItem, vaultRevisionItem } from '../../utils/storage';

const URL_OK = 'https://api.atlassian.com/scim/directory/5f3c2b1a-9d8e-4f7a-b6c5-1234567890ab';
const KEY = `ATCTT3xFfGN0${'k'.repeat(170)}WXYZ`;
const KEY2 = `ATCTT3xFfGN0${'n'.repeat(170)}NEW2`;
const MIN = 60_000;

function setup() {
  let now = 1_000_000;
  const alarms = { create: vi.fn(), clear: vi.fn() };
  const vault = createVaultService({ now: () => now, alarms });
  return { vault, alarms, advance: (ms: number) => (now += ms), now: () => now };
}

async function everything(area: 'local' | 'sync' | 'session') {
  return JSON.stringify(await fakeBrowser.storage[area].get(null));
}

describe('the vault', () => {
  beforeEach(() => fakeBrowser.reset());

  it('holds valid values in storage.session only, and tells status without the key', async () => {
    const { vault, alarms, now } = setup();
    const result = await vault.store({ baseUrl: `${URL_OK}/`, apiKey: `${KEY}\n` }, 'page');
    expect(result).toMatchObject({ ok: true, kind: 'first' });
    expect(await vault.status()).toEqual({
      state: 'held',
      baseUrl: URL_OK,
      keyHint: '…WXYZ',
      capturedAt: now(),
      expiresAt: now() + 30 * MIN,
      source: 'page',
    });
    expect(await everything('session')).toContain(KEY);
    expect(await everything('local')).not.toContain(KEY);
    expect(await everything('local')).not.toContain(URL_OK);
    expect(await everything('sync')).toBe('{}');
    expect(alarms.create).toHaveBeenCalledWith(VAULT_ALARM, { when: now() + 30 * MIN });
  });

  it('stores nothing when a value is invalid', async () => {
    const { vault } = setup();
    await vault.store({ baseUrl: URL_OK, apiKey: KEY }, 'page');
    const before = await everything('session');
    const result = await vault.store({ baseUrl: `${URL_OK}/scim/v2`, apiKey: KEY2 }, 'manual');
    expect(result).toMatchObject({ ok: false, code: 'scim-url-invalid' });
    expect(await everything('session')).toBe(before);
  });

  it('forgets the values once their time is up, checked on every read (fake clock)', async () => {
    const { vault, advance } = setup();
    await vault.store({ baseUrl: URL_OK, apiKey: KEY }, 'page');
    advance(30 * MIN - 1);
    expect(await vault.credentials()).toEqual({ baseUrl: URL_OK, apiKey: KEY });
    advance(1);
    expect(await vault.credentials()).toBeNull();
    expect(await vault.status()).toMatchObject({ state: 'expired' });
    expect(await everything('session')).not.toContain(KEY);
  });

  it('enforces the deadline when the alarm fires, without anyone reading', async () => {
    const { vault, advance } = setup();
    await vault.store({ baseUrl: URL_OK, apiKey: KEY }, 'page');
    advance(31 * MIN);
    await vault.enforce();
    expect(await vaultItem().getValue()).toMatchObject({ state: 'expired' });
  });

  it('uses the lifetime the admin chose, and applies a shorter one to what is held now', async () => {
    const { vault, advance } = setup();
    await vaultMinutesItem.setValue(120);
    await vault.store({ baseUrl: URL_OK, apiKey: KEY }, 'manual');
    advance(60 * MIN);
    expect(await vault.credentials()).not.toBeNull();
    await vault.setMinutes(5);
    expect(await vault.credentials()).toBeNull();
  });

  it('clears at once and says so', async () => {
    const { vault, alarms } = setup();
    await vault.store({ baseUrl: URL_OK, apiKey: KEY }, 'page');
    await vault.clear();
    expect(await vault.status()).toMatchObject({ state: 'cleared' });
    expect(await everything('session')).not.toContain(KEY);
    expect(alarms.clear).toHaveBeenCalledWith(VAULT_ALARM);
  });

  it('recognises a regenerated key, which Okta must get now', async () => {
    const { vault } = setup();
    await vault.store({ baseUrl: URL_OK, apiKey: KEY }, 'page');
    expect(await vault.store({ baseUrl: URL_OK, apiKey: KEY }, 'copy-button')).toMatchObject({ kind: 'same' });
    expect(await vault.store({ baseUrl: URL_OK, apiKey: KEY2 }, 'page')).toMatchObject({ kind: 'new-key' });
    expect(await vault.credentials()).toEqual({ baseUrl: URL_OK, apiKey: KEY2 });
  });

  it('bumps a revision counter (a number, nothing else) on every change, for surfaces to refresh', async () => {
    const { vault } = setup();
    await vault.store({ baseUrl: URL_OK, apiKey: KEY }, 'page');
    await vault.clear();
    expect(await vaultRevisionItem.getValue()).toBe(2);
  });

  it('survives a new service instance (a restarted service worker) because it lives in storage.session', async () => {
    const first = setup();
    await first.vault.store({ baseUrl: URL_OK, apiKey: KEY }, 'page');
    const second = setup();
    expect(await second.vault.credentials()).toEqual({ baseUrl: URL_OK, apiKey: KEY });
  });
});
