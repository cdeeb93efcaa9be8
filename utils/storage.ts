/**
 * Every stored item, with its area, in one file: "where can a secret be?" is answered here.
 * local:   progress per setup and settings — no secret, ever (../shared/security.md rule 1).
 * session: the SCIM base URL and API key (`vaultItem`), in memory only, read and written by the
 *          background alone (utils/background/vault-service.ts). Nothing else may import `vaultItem`;
 *          tests/unit/secrets-boundary.test.ts enforces it. Also the tabs whose overlay gets the page
 *          view (`pageViewTabsItem`, tab ids only).
 */
import { storage } from 'wxt/utils/storage';
import type { GroupLookupProgress } from './observations';
import type { Site } from './pages';
import { EMPTY_SETUPS, type SetupsState } from './setup';
import { VAULT_MINUTES, type VaultRecord } from './vault';

export interface Settings {
  /** The in-page overlay, per site; the admin can turn it off for either console. */
  overlay: Record<Site, boolean>;
  /** The overlay starts collapsed to its launcher when false. */
  overlayExpanded: boolean;
}

export const DEFAULT_SETTINGS: Settings = { overlay: { okta: true, atlassian: true }, overlayExpanded: true };

export const setupsItem = storage.defineItem<SetupsState>('local:setups', {
  fallback: EMPTY_SETUPS,
  version: 1,
});

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/**
 * The captured SCIM base URL and API key. Session only: gone on browser restart, extension reload or update.
 * Defined on first use, by the background: WXT reads an item as soon as it is defined, and content scripts
 * (which import this file for the other items) may not read storage.session.
 */
let vault: ReturnType<typeof defineVault> | undefined;
const defineVault = () => storage.defineItem<VaultRecord | null>('session:vault', { fallback: null });
export const vaultItem = () => {
  vault ??= defineVault();
  return vault;
};

/**
 * The tabs whose overlay asked for the page view (utils/background/page-views.ts): tab ids, nothing else.
 * Session only, defined on first use by the background, like the vault.
 */
let pageViewTabs: ReturnType<typeof definePageViewTabs> | undefined;
const definePageViewTabs = () => storage.defineItem<number[]>('session:pageViewTabs', { fallback: [] });
export const pageViewTabsItem = () => {
  pageViewTabs ??= definePageViewTabs();
  return pageViewTabs;
};

/** How long captured values are kept, in minutes (5–120). */
export const vaultMinutesItem = storage.defineItem<number>('local:vaultMinutes', { fallback: VAULT_MINUTES.default });

/**
 * A change counter for the vault, so content scripts (which cannot read storage.session) know when to
 * ask the background for the new status. It holds a number and nothing else.
 */
export const vaultRevisionItem = storage.defineItem<number>('local:vaultRevision', { fallback: 0 });

/**
 * The Okta app instances recognised as Atlassian Cloud in any setup, copied out of the setups by the
 * background on every write: the loader on every Okta app page reads this short list, not every setup.
 */
export const atlassianAppsItem = storage.defineItem<string[]>('local:atlassianApps', { fallback: [] });

/** The pushed-groups lookup in progress or last finished (counts and times only). */
export const groupLookupItem = storage.defineItem<GroupLookupProgress | null>('local:groupLookup', { fallback: null });
