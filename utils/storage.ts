/**
 * Every stored item, with its area, in one file: "where can a secret be?" is answered here.
 * local:  progress per setup and settings — no secret, ever (../shared/security.md rule 1).
 */
import { storage } from 'wxt/utils/storage';
import type { Site } from './pages';
import { EMPTY_SETUPS, type SetupsState } from './setup';

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
