/**
 * Push Groups: one entry per pushed group (Okta group, status, error; target group and last push where the
 * row needs attention) and whether the table shows the whole list. Facts: okta-admin.md "Push Groups tab".
 * Lists run to thousands of rows and the page is read once per animation frame, so rows are read in one
 * pass, with no layout reads; the observation keeps names and states, never markup.
 */
import type { Maybe } from '../observations';
import { capText, textOf } from './dom';
import {
  bodyRows,
  columnIndex,
  columnIndexes,
  groupIdOf,
  listComplete,
  lookupsFor,
  pickRowHook,
  scopeElement,
} from './okta-lists';
import { oktaTabPanel } from './okta-panels';
import { cachedList, fewToParse, rowSession } from './row-cache';

export const PUSH_GROUPS_HOOKS = {
  /** The table: fixture `data-se` (L) → the table with a "Push Status" column (H). */
  table: 'table[data-se="group-push-table"]',
  statusHeader: /^push status$/i,
  /** Column headers (M/L): "Group in Okta", "Group in Atlassian Cloud", "Last Push". */
  oktaHeader: /^group in okta$/i,
  targetHeader: /^group in (?!okta$)/i,
  lastPushHeader: /^last push(ed)?$/i,
  /**
   * Per-row hooks, most specific first. The first that matches in the first row serves the whole table
   * (chosen once, not per row: a complex selector costs microseconds, times thousands of rows).
   * Group link `/admin/group/{id}` (M); status button `status-<state>` class (fixture, L) or its text
   * "Active"/"Inactive"/"Error" (H); the (i) icon's title / aria-label / qtip carries time and cause (H).
   */
  groupLink: [{ className: 'group-link' }, { selector: 'a[href*="/admin/group/"]' }, { selector: 'a' }],
  statusButton: [
    { className: 'push-status-button' },
    { className: 'dropdown-toggle' },
    { selector: 'button, [role="button"]' },
  ],
  errorIcon: { className: 'push-error-icon' },
  errorIconElsewhere: '[data-qtip], [title*="rror"], [aria-label*="rror"], [role="img"][aria-label]',
  /** Shown until the integration is saved (fixture wording; okta-admin.md does not give it). */
  notEnabled: /group push is not enabled|provisioning is not enabled/i,
} as const;

export type PushStatus = 'active' | 'inactive' | 'error' | 'pushing' | 'unknown';

export interface PushedGroup {
  /** The Okta group's name as the table shows it (capped). */
  name: string;
  /** Okta group id (`00g…`), when the row exposes it: matches Assignments more surely than a name. */
  id?: string;
  status: PushStatus;
  /** What the (i) icon says: time and cause, in Okta's words (capped). */
  error?: string;
  /**
   * Rows that are not plainly Active only (an Active row needs no more, and a long list stays small):
   * the group's name in Atlassian when it differs from the Okta name, and "Last Push" as shown ("Never").
   */
  target?: string;
  lastPush?: string;
}

export interface OktaPushGroupsReading {
  kind: 'okta-push-groups';
  /** false: the tab says group push is not enabled yet (nothing can be pushed). */
  enabled: Maybe<boolean>;
  groups: PushedGroup[];
  /** false when a search, a filter or paging hides rows; unknown when some rows could not be read. */
  complete: Maybe<boolean>;
}

const STATUS_CLASS = /\bstatus-(active|inactive|error|pushing)\b/;
const STATUS_TEXT: [RegExp, PushStatus][] = [
  [/^active\b/i, 'active'],
  [/^inactive\b/i, 'inactive'],
  [/^(error|failed)\b/i, 'error'],
  [/^pushing\b/i, 'pushing'],
];
const NAME_MAX = 200;

function errorText(icon: Element | null): string {
  if (!icon) return '';
  return (icon.getAttribute('title') || icon.getAttribute('aria-label') || icon.getAttribute('data-qtip') || '').trim();
}

function findTable(root: ParentNode): Element | null {
  const hooked = root.querySelector(PUSH_GROUPS_HOOKS.table);
  if (hooked) return hooked;
  for (const table of root.querySelectorAll('table'))
    if (columnIndex(table, PUSH_GROUPS_HOOKS.statusHeader) >= 0) return table;
  return null;
}

/** null when the Push Groups table (or its "not enabled" notice) is not on show. */
export function readOktaPushGroups(doc: Document): OktaPushGroupsReading | null {
  const panel = oktaTabPanel(doc, 'tab-group-push');
  if (!panel) return null;
  const scope = scopeElement(panel);
  if (!scope) return null;
  const table = findTable(scope);
  // While the overlay watches the page, only rows changed since the last read are parsed again, and the
  // rows come from lists kept in step with the changes (row-cache.ts); first, so pending changes are seen.
  const session = table ? rowSession(table) : 0;
  const rows = table ? bodyRows(table, session) : [];
  // Looked for only when no row is there: with rows, group push is evidently on (and the search would
  // otherwise walk a long table).
  const notice =
    rows.length === 0 &&
    [...scope.querySelectorAll('.notice, [role="status"], [role="alert"], .infobox')].some((n) =>
      PUSH_GROUPS_HOOKS.notEnabled.test(textOf(n)),
    );
  if (!table) return notice ? { kind: 'okta-push-groups', enabled: false, groups: [], complete: true } : null;

  const col = columnIndexes(table, {
    okta: PUSH_GROUPS_HOOKS.oktaHeader,
    target: PUSH_GROUPS_HOOKS.targetHeader,
    lastPush: PUSH_GROUPS_HOOKS.lastPushHeader,
    status: PUSH_GROUPS_HOOKS.statusHeader,
  });
  // Hooks are chosen once, on the first row. Per row: the link, the status button and the row's own
  // attributes; the other cells only for rows that are not Active. This runs on every animation frame:
  // while the overlay watches the page, only rows that changed since the last read are parsed again.
  const lookup = lookupsFor(table, rows, fewToParse(session, rows));
  const sample = rows[0];
  const oktaCell = col.okta >= 0 ? (row: Element) => row.children[col.okta] : undefined;
  const linkHook = pickRowHook(oktaCell && sample ? oktaCell(sample) : sample, PUSH_GROUPS_HOOKS.groupLink);
  const buttonHook = pickRowHook(sample, PUSH_GROUPS_HOOKS.statusButton);
  // A bare `a` could be a link in another column: then only the Okta column is searched.
  const linkInCell = 'selector' in linkHook && linkHook.selector === 'a';
  const linkOf = lookup(linkHook, linkInCell ? oktaCell : undefined);
  const buttonOf = lookup(buttonHook);
  const iconOf = lookup(PUSH_GROUPS_HOOKS.errorIcon);
  // Everything the row parse depends on besides the row itself.
  const key = [
    'push-groups',
    col.okta,
    col.target,
    col.lastPush,
    col.status,
    PUSH_GROUPS_HOOKS.groupLink.indexOf(linkHook as never),
    linkInCell,
    PUSH_GROUPS_HOOKS.statusButton.indexOf(buttonHook as never),
  ].join('|');
  const parse = (row: Element): PushedGroup | null => {
    const link = linkOf(row);
    const name = textOf(link);
    if (!name) return null;
    const button = buttonOf(row);
    let status = STATUS_CLASS.exec(button?.getAttribute('class') ?? '')?.[1] as PushStatus | undefined;
    const cells = status === 'active' ? undefined : row.children;
    const statusCell = cells?.[col.status];
    if (!status) {
      const text = textOf(button ?? statusCell);
      status = STATUS_TEXT.find(([re]) => re.test(text))?.[1] ?? 'unknown';
    }
    let error = errorText(iconOf(row));
    // Broader icon hooks only where the status is not plainly fine.
    if (!error && status !== 'inactive' && status !== 'active' && statusCell)
      error = errorText(statusCell.querySelector(PUSH_GROUPS_HOOKS.errorIconElsewhere));
    if (error && status === 'unknown') status = 'error';
    const group: PushedGroup = { name: capText(name, NAME_MAX), status };
    const id = groupIdOf(row, link);
    if (id) group.id = id;
    if (cells && status !== 'active') {
      const target = textOf(cells[col.target]);
      if (target && target !== name) group.target = capText(target, NAME_MAX);
      const lastPush = textOf(cells[col.lastPush]);
      if (lastPush) group.lastPush = capText(lastPush, 60);
    }
    if (error) group.error = capText(error);
    return group;
  };
  const list = cachedList(session, table, rows, key, parse);
  return {
    kind: 'okta-push-groups',
    enabled: notice ? false : rows.length > 0 ? true : 'unknown',
    groups: list.items,
    complete: list.unreadable ? 'unknown' : listComplete(scope, table, rows.length, list.hidden),
  };
}

/**
 * What in a row `pushGroupsControls` may point at, one simple selector each: a row is searched for one at
 * a time, which the browser answers faster than the list (see page-hints.ts).
 */
export const PUSH_GROUPS_ATTENTION: readonly string[] = [
  '.push-status-button.status-error',
  '.push-error-icon',
  '.push-status-button.status-inactive',
];

/** The first element of `table` with all of `classes`: a class list stops at the first, a selector search does not. */
function firstWithClasses(table: Element, classes: string): Element | null {
  return table.getElementsByClassName(classes)[0] ?? null;
}

/** Whichever of two elements comes first in the document. */
function earlier(a: Element | null, b: Element | null): Element | null {
  if (!a || !b) return a ?? b;
  return a.compareDocumentPosition(b) & 2 /* b PRECEDING a */ ? b : a;
}

/**
 * For "Show me": the table, and the status of the first row that needs attention (Error, then Inactive):
 * the first error button or error icon, else the first Inactive button, found through class lists.
 */
export function pushGroupsControls(doc: Document) {
  const panel = oktaTabPanel(doc, 'tab-group-push');
  const table = panel && findTable(panel);
  if (!table) return { table, attention: null };
  const error = earlier(
    firstWithClasses(table, 'push-status-button status-error'),
    firstWithClasses(table, 'push-error-icon'),
  );
  return { table, attention: error ?? firstWithClasses(table, 'push-status-button status-inactive') };
}
