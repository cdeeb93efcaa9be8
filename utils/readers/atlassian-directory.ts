/**
 * The identity-provider directory page on admin.atlassian.com: whether user provisioning is set up, and
 * whether the page warns about groups it could not sync (with their names while Review groups is open).
 * No public DOM (atlassian-admin.md "Navigation": "Review groups > Sync group", "Regenerate API key"):
 * ARIA names, headings and visible text only; anything it cannot tell stays "unknown".
 */
import type { Maybe } from '../observations';
import {
  ariaName,
  CLICKABLE,
  controlName,
  dialogsNamed,
  firstText,
  HEADING,
  inModal,
  pageContent,
  spacedText,
} from './atlassian-dom';
import { capText, hiddenByMarkup, textOf } from './dom';

export const DIRECTORY_HOOKS = {
  /**
   * The User provisioning part of the page: a section or region named "User provisioning" (by
   * `aria-labelledby` / `aria-label`) → the section around a heading of that name → the whole content.
   */
  section: 'section, article, [role="region"]',
  sectionName: /^user provisioning$/i,
  /** Set up: the page says so ("User provisioning is set up"; after Save, "…is already set up"). */
  setUpText: /\buser provisioning is (already )?(set up|active|on)\b/i,
  /** Set up: controls that exist only once it is (atlassian-admin.md, H), even inside a closed menu. */
  setUpControls: /^(regenerate api key|remove user provisioning)$/i,
  /** Not set up: the shown start button (H; newer wording "Set up SCIM configuration"). */
  setUpButton: /^set up (user provisioning|scim( configuration)?)$/i,
  /** The warning (fixture wording, L): "We couldn't sync 2 groups", "3 groups couldn't be synced". */
  unsyncedCount: [
    /\b(?:couldn['’]?t|could not|failed to|unable to) sync (\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten) groups?\b/i,
    /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten) groups? (?:couldn['’]?t|could not|failed to) (?:be )?sync/i,
  ],
  /** The warning's button (H); its presence without a readable count leaves the count unknown. */
  reviewGroups: /^review groups$/i,
  /** The dialog that lists the groups (H), one row per group with a Sync group button (H). */
  reviewDialog: /^review groups$/i,
  syncGroup: /^sync( group)?\b/i,
  groupRow: 'tr, li, [role="row"], [role="listitem"]',
  cell: '[role="cell"], [role="gridcell"], [role="rowheader"]',
} as const;

const WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};
const NAMES_MAX = 1000;

export interface AtlassianDirectoryReading {
  kind: 'atlassian-directory';
  provisioning: 'set-up' | 'not-set-up' | 'unknown';
  /** Groups the page says it could not sync; 0 when it shows provisioning set up without such a warning. */
  unsyncedGroups: Maybe<number>;
  /** The groups the Review groups dialog lists, while it is open (a group leaves the list once synced). */
  reviewGroups?: { name: string }[];
}

/** The User provisioning section, else the whole content. */
function provisioningScope(main: Element): Element {
  for (const s of main.querySelectorAll(DIRECTORY_HOOKS.section))
    if (DIRECTORY_HOOKS.sectionName.test(ariaName(s))) return s;
  for (const h of main.querySelectorAll(HEADING))
    if (DIRECTORY_HOOKS.sectionName.test(textOf(h))) return h.closest(DIRECTORY_HOOKS.section) ?? main;
  return main;
}

function toCount(word: string | undefined): number | null {
  if (!word) return null;
  return /^\d+$/.test(word) ? Number(word) : (WORDS[word.toLowerCase()] ?? null);
}

/** The names the Review groups dialog lists: the row of each Sync group button, its first text. */
function reviewedNames(doc: Document): string[] | null {
  const dialog = dialogsNamed(doc, DIRECTORY_HOOKS.reviewDialog)[0];
  if (!dialog) return null;
  const names: string[] = [];
  for (const button of dialog.querySelectorAll(CLICKABLE)) {
    if (!DIRECTORY_HOOKS.syncGroup.test(controlName(button))) continue;
    const row = button.closest(DIRECTORY_HOOKS.groupRow);
    // A table row names the group in its first cell; a list item anywhere before its button.
    const cell = row?.tagName === 'TR' ? row.firstElementChild : row?.querySelector(DIRECTORY_HOOKS.cell);
    const name = row && dialog.contains(row) ? firstText(cell ?? row) : '';
    if (name && names.length < NAMES_MAX) names.push(capText(name, 200));
  }
  return names;
}

export function readAtlassianDirectory(doc: Document): AtlassianDirectoryReading | null {
  const main = pageContent(doc);
  if (!main) return null;
  const scope = provisioningScope(main);
  let setUpControl = false;
  let setUpButton = false;
  let reviewButton = false;
  for (const el of main.querySelectorAll(CLICKABLE)) {
    if (inModal(el)) continue;
    const name = controlName(el);
    // A closed menu's items count: they are offered only once provisioning exists.
    if (DIRECTORY_HOOKS.setUpControls.test(name)) setUpControl = true;
    else if (DIRECTORY_HOOKS.setUpButton.test(name) && !hiddenByMarkup(el, main)) setUpButton = true;
    else if (DIRECTORY_HOOKS.reviewGroups.test(name) && !hiddenByMarkup(el, main)) reviewButton = true;
  }
  const text = spacedText(main);
  const setUp = setUpControl || DIRECTORY_HOOKS.setUpText.test(scope === main ? text : spacedText(scope));
  const counted = DIRECTORY_HOOKS.unsyncedCount.map((re) => re.exec(text)?.[1]).find((w) => w !== undefined);
  const names = reviewedNames(doc);
  if (!setUp && !setUpButton && counted === undefined && !reviewButton && !names) return null;

  const provisioning = setUp === setUpButton ? 'unknown' : setUp ? 'set-up' : 'not-set-up';
  // The page's own count first; the dialog's list when the warning has none; 0 only where set up and no warning.
  const count = toCount(counted) ?? names?.length ?? null;
  const warned = counted !== undefined || reviewButton;
  const unsyncedGroups: Maybe<number> = count !== null ? count : !warned && provisioning === 'set-up' ? 0 : 'unknown';
  return {
    kind: 'atlassian-directory',
    provisioning,
    unsyncedGroups,
    ...(names && names.length > 0 ? { reviewGroups: names.map((name) => ({ name })) } : {}),
  };
}
