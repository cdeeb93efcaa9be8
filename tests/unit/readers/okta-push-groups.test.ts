import { describe, expect, it } from 'vitest';
import { pushGroupsControls, readOktaPushGroups } from '../../../utils/readers/okta-push-groups';
import { GROUP_IDS, PUSH_ERROR_MESSAGE } from '../../fixtures/data';
import { $, loadSnapshot, whileLoading, withManyRows } from './snapshots';

const ROW = 'tr[data-se="group-push-row"]';

/** Makes a row Inactive the way the fixture renders it (class and text of the status button). */
function makeInactive(row: Element) {
  const button = $(row, '.push-status-button');
  button.className = button.className.replace(/status-\w+/, 'status-inactive');
  button.textContent = 'Inactive';
}

const ERROR_ICON =
  '<span class="push-error-icon" tabindex="0" role="img" title="Jan 2, 2026, 4:02:21 PM: Errors reported by remote server: Resource [GROUP]: with displayName already exists.">i</span>';

/** `total` rows named team-00000…, every 500th one in error. */
function longList(total: number) {
  return withManyRows('push-groups-configured', '<tr data-se="group-push-row"', total, (row, i) => {
    const id = `00g${String(i).padStart(17, '0')}`;
    const copy = row
      .replaceAll(GROUP_IDS.jiraUsers, id)
      .replaceAll('atlassian-test-jira-users', `team-${String(i).padStart(5, '0')}`);
    return i % 500 === 499
      ? copy.replace('status-active" aria-haspopup="true">Active</button>', `status-error">Error</button>${ERROR_ICON}`)
      : copy;
  });
}

describe('readOktaPushGroups', { timeout: 30_000 }, () => {
  it('reads the "not enabled" start as an empty, complete list', () => {
    expect(readOktaPushGroups(loadSnapshot('push-groups-fresh'))).toEqual({
      kind: 'okta-push-groups',
      enabled: false,
      groups: [],
      complete: true,
    });
  });

  it('reads each pushed group: name, id and status; details only where a row needs attention', () => {
    expect(readOktaPushGroups(loadSnapshot('push-groups-configured'))).toEqual({
      kind: 'okta-push-groups',
      enabled: true,
      groups: [
        { name: 'atlassian-test-jira-users', id: GROUP_IDS.jiraUsers, status: 'active' },
        { name: 'atlassian-test-confluence-users', id: GROUP_IDS.confluenceUsers, status: 'active' },
      ],
      complete: true,
    });
  });

  it('reads the error, with the time and cause from the (i) icon, and when it was last pushed', () => {
    const r = readOktaPushGroups(loadSnapshot('push-groups-push-error'));
    expect(r?.groups[1]).toEqual({
      name: 'atlassian-test-confluence-users',
      id: GROUP_IDS.confluenceUsers,
      status: 'error',
      error: expect.stringMatching(new RegExp(`: ${PUSH_ERROR_MESSAGE.replace(/[[\]().]/g, '\\$&')}$`)),
      lastPush: 'Never',
    });
    expect(r?.groups[0]?.status).toBe('active');
  });

  it('reads Inactive rows, a different Atlassian name, and Pushing', () => {
    const doc = loadSnapshot('push-groups-configured');
    const [first, second] = doc.querySelectorAll(ROW);
    makeInactive(first as Element);
    (first as Element).children[1]!.textContent = 'jira-users-renamed';
    const button = $(second as Element, '.push-status-button');
    button.className = 'button button-small dropdown-toggle push-status-button status-pushing';
    button.textContent = 'Pushing';
    const r = readOktaPushGroups(doc);
    expect(r?.groups[0]).toMatchObject({ status: 'inactive', target: 'jira-users-renamed' });
    expect(r?.groups[0]?.lastPush).toMatch(/\d{4}/);
    expect(r?.groups[1]).toMatchObject({ status: 'pushing' });
  });

  it('calls the list incomplete when a search, a hidden row, "Show more" or a counter says rows are missing', () => {
    const variants: [string, (d: Document) => void][] = [
      ['search text', (d) => (($(d, '#tab-group-push- input[type="search"]') as HTMLInputElement).value = 'jira')],
      ['hidden row', (d) => $(d, ROW).setAttribute('style', 'display: none;')],
      ['hidden attribute', (d) => $(d, ROW).setAttribute('hidden', '')],
      [
        'show more',
        (d) =>
          $(d, '[data-se="group-push-table"]').insertAdjacentHTML(
            'afterend',
            '<a href="#" class="button">Show more</a>',
          ),
      ],
      [
        'next page',
        (d) =>
          $(d, '[data-se="group-push-table"]').insertAdjacentHTML('afterend', '<a href="?page=2" rel="next">2</a>'),
      ],
      [
        'counter',
        (d) =>
          $(d, '[data-se="group-push-table"]').insertAdjacentHTML('afterend', '<span>Showing 1 - 2 of 2,000</span>'),
      ],
      [
        'a control by role',
        (d) =>
          $(d, '[data-se="group-push-table"]').insertAdjacentHTML('afterend', '<div role="button">Load more</div>'),
      ],
      [
        'a hook class',
        (d) =>
          $(d, '[data-se="group-push-table"]').insertAdjacentHTML(
            'afterend',
            '<span class="x pagination-next"></span>',
          ),
      ],
      [
        'a hook data-se',
        (d) => $(d, '[data-se="group-push-table"]').insertAdjacentHTML('afterend', '<li data-se="load-more"></li>'),
      ],
      [
        'an ARIA name',
        (d) =>
          $(d, '[data-se="group-push-table"]').insertAdjacentHTML(
            'afterend',
            '<button aria-label="Go to next page">→</button>',
          ),
      ],
    ];
    for (const [what, change] of variants) {
      const doc = loadSnapshot('push-groups-configured');
      change(doc);
      expect(readOktaPushGroups(doc)?.complete, what).toBe(false);
    }
    const disabledMore = loadSnapshot('push-groups-configured');
    $(disabledMore, '[data-se="group-push-table"]').insertAdjacentHTML(
      'afterend',
      '<button type="button" disabled>Show more</button><span>Showing 1 - 2 of 2</span>' +
        '<div role="button" aria-disabled="true">Load more</div><div role="link">Load more</div>' +
        '<span class="load-more" hidden></span><span class="reload-mores"></span>',
    );
    expect(readOktaPushGroups(disabledMore)?.complete).toBe(true);
  });

  it('says "unknown" for completeness when a row cannot be read', () => {
    const doc = loadSnapshot('push-groups-configured');
    $(doc, `${ROW} a`).remove();
    expect(readOktaPushGroups(doc)).toMatchObject({ complete: 'unknown', groups: [{ status: 'active' }] });
  });

  it('falls back to column headers, group links, button text and titled icons without the fixture hooks', () => {
    const doc = loadSnapshot('push-groups-push-error');
    $(doc, '[data-se="group-push-table"]').removeAttribute('data-se');
    for (const row of doc.querySelectorAll(ROW)) {
      row.removeAttribute('data-group-id');
      row.removeAttribute('data-se');
    }
    for (const a of doc.querySelectorAll('a.group-link')) a.classList.remove('group-link');
    for (const b of doc.querySelectorAll('.push-status-button')) b.className = 'button';
    for (const i of doc.querySelectorAll('.push-error-icon')) i.className = 'icon';
    // Columns moved: the reader goes by header text, not position.
    for (const row of doc.querySelectorAll('.group-push-table tr')) row.append(row.children[0] as Element);
    expect(readOktaPushGroups(doc)).toEqual({
      kind: 'okta-push-groups',
      enabled: true,
      groups: [
        { name: 'atlassian-test-jira-users', id: GROUP_IDS.jiraUsers, status: 'active' },
        {
          name: 'atlassian-test-confluence-users',
          id: GROUP_IDS.confluenceUsers,
          status: 'error',
          error: expect.stringContaining('displayName already exists'),
          lastPush: 'Never',
        },
      ],
      complete: true,
    });
  });

  it('reads a 2,000-row list in order, with the errors among them, compactly', () => {
    const total = 2_000;
    const r = readOktaPushGroups(longList(total));
    expect(r?.groups).toHaveLength(total);
    expect(r?.complete).toBe(true);
    expect(r?.groups[1234]).toEqual({ name: 'team-01234', id: `00g${'1234'.padStart(17, '0')}`, status: 'active' });
    const failed = r?.groups.filter((g) => g.status === 'error') ?? [];
    expect(failed.map((g) => g.name)).toEqual(['team-00499', 'team-00999', 'team-01499', 'team-01999']);
    expect(failed[0]).toMatchObject({ error: expect.stringContaining('displayName'), lastPush: expect.any(String) });
    // Names and states, not markup: well under 100 bytes a group.
    expect(JSON.stringify(r).length / total).toBeLessThan(80);
  }, 60_000);

  it('answers null while the tab loads and when another tab is in front', () => {
    const doc = loadSnapshot('push-groups-configured');
    const restore = whileLoading(doc, 'tab-group-push-');
    expect(readOktaPushGroups(doc)).toBeNull();
    restore();
    expect(readOktaPushGroups(doc)?.groups).toHaveLength(2);
    const visited = loadSnapshot('all-tabs-visited');
    expect($(visited, '#tab-group-push-').textContent).toContain('atlassian-test-jira-users');
    expect(readOktaPushGroups(visited)).toBeNull();
  });

  it('points "Show me" at the row that needs attention', () => {
    expect(pushGroupsControls(loadSnapshot('push-groups-configured')).attention).toBeNull();
    const error = pushGroupsControls(loadSnapshot('push-groups-push-error')).attention;
    expect(error?.closest('tr')?.getAttribute('data-group-id')).toBe(GROUP_IDS.confluenceUsers);
  });

  it('points at the first row in error, by its status or its icon, before any inactive row', () => {
    const doc = loadSnapshot('push-groups-configured');
    const rows = [...doc.querySelectorAll('tr[data-se="group-push-row"]')];
    const [first, second] = rows;
    if (!first || !second) throw new Error('the snapshot has two rows');
    const button = (row: Element) => $(row, '.push-status-button');
    const attention = () => pushGroupsControls(doc).attention;
    button(first).classList.replace('status-active', 'status-inactive');
    expect(attention()).toBe(button(first));
    // An error anywhere comes before an inactive row, however far down.
    button(second).classList.replace('status-active', 'status-error');
    expect(attention()).toBe(button(second));
    // Of two errors, the earlier row's: here an icon only, in the first row.
    button(first).insertAdjacentHTML('afterend', '<span class="push-error-icon" title="Error">i</span>');
    expect(attention()?.className).toBe('push-error-icon');
    expect(attention()?.closest('tr')).toBe(first);
  });
});
