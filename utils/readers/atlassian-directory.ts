/**
 * The identity-provider directory page on admin.atlassian.com: whether user provisioning is set up,
 * and whether the page warns about groups it could not sync. No public DOM: visible text and button names.
 * Facts: atlassian-admin.md "Navigation" ("Review groups > Sync group").
 */
import type { Maybe } from '../observations';
import { isShown, textOf } from './dom';

export interface AtlassianDirectoryReading {
  kind: 'atlassian-directory';
  provisioning: 'set-up' | 'not-set-up' | 'unknown';
  /** Groups the page says it could not sync; 0 when it shows provisioning without such a warning. */
  unsyncedGroups: Maybe<number>;
}

const SET_UP = /user provisioning is (set up|active|on)\b/i;
const SET_UP_BUTTON = /^set up (user provisioning|scim( configuration)?)$/i;
const UNSYNCED = /couldn.t sync (\d+|a|one) groups?/i;

export function readAtlassianDirectory(doc: Document): AtlassianDirectoryReading | null {
  const main = doc.querySelector('main, [role="main"]') ?? doc.body;
  const text = textOf(main);
  const setUpButton = [...main.querySelectorAll('button, a, [role="button"]')].some(
    (b) => SET_UP_BUTTON.test(textOf(b)) && isShown(b),
  );
  const setUp = SET_UP.test(text);
  if (!setUp && !setUpButton) return null;
  const provisioning = setUp && !setUpButton ? 'set-up' : !setUp && setUpButton ? 'not-set-up' : 'unknown';
  const unsynced = UNSYNCED.exec(text);
  const count = unsynced ? (/^\d+$/.test(unsynced[1] ?? '') ? Number(unsynced[1]) : 1) : 0;
  return { kind: 'atlassian-directory', provisioning, unsyncedGroups: provisioning === 'set-up' ? count : 'unknown' };
}
