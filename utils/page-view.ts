/**
 * What the in-page overlay renders, derived once by the background and handed to the overlays: the
 * checklist's derived state, the settings, where the step links lead and what the vault holds (never the
 * key). Overlays never subscribe to storage: storage.onChanged hands every listener the whole stored item,
 * old and new, on every write, and the setups hold every list a page showed (thousands of groups). A
 * burst of changes on a long Okta list would make each admin tab decode it again and again; a view is a
 * few kilobytes and is sent only when it changed (utils/background/page-views.ts).
 * Types and a shape check only: nothing here pulls the checks into the overlay's bundle.
 */
import type { LinkContext } from './checklist';
import type { DerivedState } from './status';
import type { Settings } from './storage';
import type { VaultStatus } from './vault';

export interface PageView {
  /** Orders views: the overlay keeps the newest (a push and an answer may arrive in either order). */
  version: number;
  settings: Settings;
  derived: DerivedState;
  /** What the step links of the active setup are built from. */
  link: LinkContext;
  /** The Okta app instance recognised as Atlassian Cloud in the active setup. */
  oktaAppId?: string;
  vault: VaultStatus;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The shape an overlay relies on (the sender, the background, is checked apart from this). */
export function isPageView(v: unknown): v is PageView {
  if (!isRecord(v) || typeof v.version !== 'number' || !isRecord(v.settings) || !isRecord(v.derived)) return false;
  const { derived, settings } = v;
  return (
    isRecord(settings.overlay) &&
    typeof settings.overlayExpanded === 'boolean' &&
    isRecord(derived.steps) &&
    Array.isArray(derived.findings) &&
    isRecord(derived.progress) &&
    isRecord(v.link) &&
    (v.oktaAppId === undefined || typeof v.oktaAppId === 'string') &&
    isRecord(v.vault) &&
    typeof v.vault.state === 'string'
  );
}
