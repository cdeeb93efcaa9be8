/**
 * Assignments: the groups assigned to the app, and the people assigned one by one. Facts: okta-admin.md
 * "Assignments tab". The tab shows one list at a time (a People / Groups filter, People by default), so
 * each list is its own reading: seeing one does not erase what was seen of the other.
 */
import type { Maybe } from '../observations';
import { capText, textOf } from './dom';
import { bodyRows, columnIndex, groupIdOf, listComplete, lookupsFor, pickRowHook, scopeElement } from './okta-lists';
import { oktaTabPanel } from './okta-panels';
import { cachedList, fewToParse, rowSession } from './row-cache';

export const ASSIGNMENTS_HOOKS = {
  /** Fixture tables (L) → the filter shown as selected → the tables' own headers. */
  groupsTable: 'table[data-se="group-assignments-table"]',
  peopleTable: 'table[data-se="people-assignments-table"]',
  selectedFilter: '[data-filter].is-selected, [data-filter][aria-current="true"], [data-filter][aria-selected="true"]',
  /** The groups list is ordered by priority (guide screenshot: "priority and assignment columns", H). */
  groupsHeader: /^priority$/i,
  peopleHeader: /^(person|people|user)$/i,
  typeHeader: /^(type|assignment type)$/i,
  /** Per-row hooks, in order; the first that matches in the first row serves the whole table. */
  groupLink: [{ className: 'group-link' }, { selector: 'a[href*="/admin/group/"]' }],
  personLink: [{ selector: 'a[href*="/admin/user/"]' }, { selector: 'a' }],
  typeCell: [{ className: 'assignment-type' }],
  /** Type column text: "Individual" or "Group" (fixture, M). */
  individual: /^individual\b/i,
  viaGroup: /^group\b/i,
  /** Without a Type column: only people assigned alone can be removed here (fixture, L). */
  removeIndividual: '.remove-assignment:not([disabled])',
  throughGroup: '[aria-label*="through a group"], [title*="through a group"]',
} as const;

export interface AssignedEntry {
  name: string;
  /** Okta id (`00g…` for groups, `00u…` for people), when the row exposes it. */
  id?: string;
}

export interface OktaAssignedGroupsReading {
  kind: 'okta-assigned-groups';
  groups: AssignedEntry[];
  /** false when a search or paging hides rows; unknown when some rows could not be read. */
  complete: Maybe<boolean>;
}

export interface OktaAssignedPeopleReading {
  kind: 'okta-assigned-people';
  /** People assigned on their own, not through a group. */
  individuals: AssignedEntry[];
  complete: Maybe<boolean>;
}

const NAME_MAX = 200;

function scopeOf(doc: Document): Element | null {
  const panel = oktaTabPanel(doc, 'tab-assignments');
  if (!panel) return null;
  return scopeElement(panel);
}

/** The table of one view, when that view is the one on show. */
function viewTable(scope: Element, view: 'groups' | 'people'): Element | null {
  const hooked = scope.querySelector(view === 'groups' ? ASSIGNMENTS_HOOKS.groupsTable : ASSIGNMENTS_HOOKS.peopleTable);
  if (hooked) return hooked;
  const other = scope.querySelector(view === 'groups' ? ASSIGNMENTS_HOOKS.peopleTable : ASSIGNMENTS_HOOKS.groupsTable);
  if (other) return null;
  const tables = [...scope.querySelectorAll('table')];
  const filter = scope.querySelector(ASSIGNMENTS_HOOKS.selectedFilter)?.getAttribute('data-filter');
  if (filter === view && tables.length === 1) return tables[0] ?? null;
  const header = view === 'groups' ? ASSIGNMENTS_HOOKS.groupsHeader : ASSIGNMENTS_HOOKS.peopleHeader;
  return tables.find((t) => columnIndex(t, header) >= 0) ?? null;
}

function entry(name: string, id: string | null | undefined): AssignedEntry {
  const e: AssignedEntry = { name: capText(name, NAME_MAX) };
  if (id && /^[A-Za-z0-9]{1,40}$/.test(id)) e.id = id;
  return e;
}

/** null unless the Groups view of Assignments is on show. */
export function readOktaAssignedGroups(doc: Document): OktaAssignedGroupsReading | null {
  const scope = scopeOf(doc);
  const table = scope && viewTable(scope, 'groups');
  if (!scope || !table) return null;
  // While the overlay watches the page, only rows changed since the last read are parsed again.
  const session = rowSession(table);
  const rows = bodyRows(table, session);
  const linkHook = pickRowHook(rows[0], ASSIGNMENTS_HOOKS.groupLink);
  const linkOf = lookupsFor(table, rows, fewToParse(session, rows))(linkHook);
  const key = `assigned-groups|${ASSIGNMENTS_HOOKS.groupLink.indexOf(linkHook as never)}`;
  const parse = (row: Element): AssignedEntry | null => {
    const link = linkOf(row);
    const name = textOf(link);
    return name ? entry(name, groupIdOf(row, link)) : null;
  };
  const list = cachedList(session, table, rows, key, parse);
  return {
    kind: 'okta-assigned-groups',
    groups: list.items,
    complete: list.unreadable ? 'unknown' : listComplete(scope, table, rows.length, list.hidden),
  };
}

/** Assigned alone (true), through a group (false), or not readable (undefined). */
function assignedAlone(row: Element, typeCell: Element | null | undefined): boolean | undefined {
  const type = textOf(typeCell);
  if (ASSIGNMENTS_HOOKS.individual.test(type)) return true;
  if (ASSIGNMENTS_HOOKS.viaGroup.test(type)) return false;
  if (row.querySelector(ASSIGNMENTS_HOOKS.throughGroup)) return false;
  if (row.querySelector(ASSIGNMENTS_HOOKS.removeIndividual)) return true;
  return undefined;
}

/** null unless the People view of Assignments is on show. */
export function readOktaAssignedPeople(doc: Document): OktaAssignedPeopleReading | null {
  const scope = scopeOf(doc);
  const table = scope && viewTable(scope, 'people');
  if (!scope || !table) return null;
  const session = rowSession(table);
  const rows = bodyRows(table, session);
  const lookup = lookupsFor(table, rows, fewToParse(session, rows));
  const sample = rows[0];
  const typeColumn = columnIndex(table, ASSIGNMENTS_HOOKS.typeHeader);
  const typeHook = pickRowHook(sample, ASSIGNMENTS_HOOKS.typeCell);
  const typeByClass = 'className' in typeHook && sample?.getElementsByClassName(typeHook.className)[0] !== undefined;
  const typeOf: (row: Element) => Element | null | undefined = typeByClass
    ? lookup(typeHook)
    : (row) => (typeColumn >= 0 ? row.children[typeColumn] : null);
  const linkHook = pickRowHook(sample, ASSIGNMENTS_HOOKS.personLink);
  const linkOf = lookup(linkHook);
  const key = [
    'assigned-people',
    typeColumn,
    typeByClass,
    ASSIGNMENTS_HOOKS.personLink.indexOf(linkHook as never),
  ].join('|');
  /** An entry; 'group' when assigned through a group (not listed); null when not readable. */
  const parse = (row: Element): AssignedEntry | 'group' | null => {
    const alone = assignedAlone(row, typeOf(row));
    if (alone === false) return 'group';
    const name = textOf(linkOf(row) ?? row.firstElementChild?.firstElementChild);
    if (alone === undefined || !name) return null;
    return entry(name, row.getAttribute('data-user-id'));
  };
  // Assigned through a group: not listed here.
  const list = cachedList(session, table, rows, key, parse, (v): v is AssignedEntry => v !== 'group');
  return {
    kind: 'okta-assigned-people',
    individuals: list.items,
    complete: list.unreadable ? 'unknown' : listComplete(scope, table, rows.length, list.hidden),
  };
}
