import { describe, expect, it } from 'vitest';
import { readOktaAssignedGroups, readOktaAssignedPeople } from '../../../utils/readers/okta-assignments';
import { GROUP_IDS } from '../../fixtures/data';
import { $, loadSnapshot, whileLoading, withManyRows } from './snapshots';

const JIRA = { name: 'atlassian-test-jira-users', id: GROUP_IDS.jiraUsers };
const CONFLUENCE = { name: 'atlassian-test-confluence-users', id: GROUP_IDS.confluenceUsers };

/** The fixture's own hooks removed: tables, filters and cells known only by headers, links and buttons. */
function withoutFixtureHooks(doc: Document) {
  for (const t of doc.querySelectorAll('table[data-se]')) t.removeAttribute('data-se');
  for (const el of doc.querySelectorAll('[data-filter]')) el.removeAttribute('data-filter');
  for (const el of doc.querySelectorAll('.group-link, .assignment-type')) el.removeAttribute('class');
  for (const row of doc.querySelectorAll('tr[data-se="assignment-row"]')) {
    row.removeAttribute('data-se');
    row.removeAttribute('data-group-id');
  }
}

describe('readOktaAssignedGroups', { timeout: 30_000 }, () => {
  it('reads the assigned groups in the Groups view, with their ids', () => {
    expect(readOktaAssignedGroups(loadSnapshot('assignments-configured-groups'))).toEqual({
      kind: 'okta-assigned-groups',
      groups: [JIRA, CONFLUENCE],
      complete: true,
    });
    expect(readOktaAssignedGroups(loadSnapshot('assignments-group-not-pushed-groups'))?.groups).toEqual([
      JIRA,
      CONFLUENCE,
      { name: 'atlassian-admins', id: GROUP_IDS.admins },
    ]);
    expect(readOktaAssignedGroups(loadSnapshot('assignments-fresh-groups'))).toEqual({
      kind: 'okta-assigned-groups',
      groups: [],
      complete: true,
    });
  });

  it('answers null in the People view, the filter Okta opens with', () => {
    expect(readOktaAssignedGroups(loadSnapshot('assignments-configured-people'))).toBeNull();
  });

  it('finds the Groups view by its Priority column, and ids in the group links, without fixture hooks', () => {
    const doc = loadSnapshot('assignments-group-not-pushed-groups');
    withoutFixtureHooks(doc);
    expect(readOktaAssignedGroups(doc)?.groups).toEqual([
      JIRA,
      CONFLUENCE,
      { name: 'atlassian-admins', id: GROUP_IDS.admins },
    ]);
    expect(readOktaAssignedPeople(doc)).toBeNull();
  });

  it('is incomplete while a search filters the list, unknown when a row cannot be read', () => {
    const doc = loadSnapshot('assignments-configured-groups');
    ($(doc, '#tab-assignments- input[type="search"]') as HTMLInputElement).value = 'jira';
    expect(readOktaAssignedGroups(doc)?.complete).toBe(false);
    const broken = loadSnapshot('assignments-configured-groups');
    $(broken, '.group-link').remove();
    expect(readOktaAssignedGroups(broken)).toMatchObject({ complete: 'unknown', groups: [CONFLUENCE] });
  });

  it('reads 2,000 assigned groups', () => {
    const doc = withManyRows('assignments-configured-groups', '<tr data-se="assignment-row"', 2_000, (row, i) =>
      row
        .replaceAll(GROUP_IDS.jiraUsers, `00g${String(i).padStart(17, '0')}`)
        .replaceAll('atlassian-test-jira-users', `team-${i}`),
    );
    const r = readOktaAssignedGroups(doc);
    expect(r?.groups).toHaveLength(2_000);
    expect(r?.groups[1999]).toEqual({ name: 'team-1999', id: `00g${'1999'.padStart(17, '0')}` });
    expect(r?.complete).toBe(true);
  }, 60_000);
});

describe('readOktaAssignedPeople', { timeout: 30_000 }, () => {
  it('lists the people assigned on their own, not those who came with a group', () => {
    expect(readOktaAssignedPeople(loadSnapshot('assignments-individual-assignment-people'))).toEqual({
      kind: 'okta-assigned-people',
      individuals: [{ name: 'Dana Smith', id: '00u1danasmith0acme05' }],
      complete: true,
    });
    for (const name of [
      'assignments-configured-people',
      'assignments-fresh-people',
      'assignments-group-not-pushed-people',
    ])
      expect(readOktaAssignedPeople(loadSnapshot(name)), name).toEqual({
        kind: 'okta-assigned-people',
        individuals: [],
        complete: true,
      });
  });

  it('answers null in the Groups view', () => {
    expect(readOktaAssignedPeople(loadSnapshot('assignments-individual-assignment-groups'))).toBeNull();
  });

  it('reads the Type column by its header, and without it the remove buttons', () => {
    const doc = loadSnapshot('assignments-individual-assignment-people');
    withoutFixtureHooks(doc);
    expect(readOktaAssignedPeople(doc)?.individuals).toEqual([{ name: 'Dana Smith', id: '00u1danasmith0acme05' }]);
    for (const cell of doc.querySelectorAll('#tab-assignments- tbody td:nth-child(2)')) cell.textContent = '';
    expect(readOktaAssignedPeople(doc)?.individuals.map((p) => p.name)).toEqual(['Dana Smith']);
  });

  it('says unknown when it cannot tell how someone was assigned', () => {
    const doc = loadSnapshot('assignments-individual-assignment-people');
    for (const cell of doc.querySelectorAll('.assignment-type')) cell.textContent = 'Gruppe';
    for (const button of doc.querySelectorAll('#tab-assignments- tbody button')) button.remove();
    expect(readOktaAssignedPeople(doc)).toEqual({ kind: 'okta-assigned-people', individuals: [], complete: 'unknown' });
  });

  it('answers null while the tab loads, and for a hidden tab', () => {
    const doc = loadSnapshot('assignments-individual-assignment-people');
    const restore = whileLoading(doc, 'tab-assignments-');
    expect(readOktaAssignedPeople(doc)).toBeNull();
    restore();
    expect(readOktaAssignedPeople(doc)?.individuals).toHaveLength(1);
    const other = loadSnapshot('push-groups-configured');
    expect(readOktaAssignedPeople(other)).toBeNull();
    expect(readOktaAssignedGroups(other)).toBeNull();
  });
});
