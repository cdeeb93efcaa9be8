import { describe, expect, it } from 'vitest';
import { readPageReadings } from '../../../utils/readers';
import { readAtlassianProductAccess } from '../../../utils/readers/atlassian-product-access';
import { isReading } from '../../../utils/readings';
import { ATLASSIAN_PAGES, renderAtlassianPage } from './atlassian-fixture';
import { $, parse } from './snapshots';

const page = (main: string, outside = '') =>
  parse(`<html><body><main><h1>Product access</h1>${main}</main>${outside}</body></html>`);
const table = (rows: string, head = '<th>Group</th><th>Product role</th>') =>
  `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
const row = (...cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
const JIRA = `<section aria-label="Jira"><button>Add group</button>${table(row('jira-users', 'User'))}</section>`;

const read = (doc: Document) => {
  const reading = readAtlassianProductAccess(doc);
  // Whatever the reader answers must pass the background's shape check, after the JSON trip.
  if (reading) expect(isReading(JSON.parse(JSON.stringify(reading))), JSON.stringify(reading)).toBe(true);
  return reading;
};

describe('readAtlassianProductAccess on the fixture Product access page', { timeout: 30_000 }, () => {
  it('reads each product and its groups, without the lozenges, marking default access groups', async () => {
    const doc = await renderAtlassianPage(ATLASSIAN_PAGES.atlassianProductAccess, 'configured');
    expect(read(doc)).toEqual({
      kind: 'atlassian-product-access',
      products: [
        {
          name: 'Jira',
          groups: [
            { name: 'jira-software-users', role: 'User', default: true },
            { name: 'atlassian-test-jira-users', role: 'User' },
          ],
        },
        {
          name: 'Confluence',
          groups: [
            { name: 'confluence-users', role: 'User', default: true },
            { name: 'atlassian-test-confluence-users', role: 'User' },
          ],
        },
      ],
      complete: true,
    });
    expect(readPageReadings('atlassian-product-access', doc).map((r) => r.kind)).toEqual(['atlassian-product-access']);
  });

  it('shows a synced group missing from Confluence when access-missing', async () => {
    const doc = await renderAtlassianPage(ATLASSIAN_PAGES.atlassianProductAccess, 'access-missing');
    const confluence = read(doc)?.products.find((p) => p.name === 'Confluence');
    expect(confluence?.groups.map((g) => g.name)).toEqual(['confluence-users']);
  });

  it('ignores the Add groups dialog, whose list is of groups without access', async () => {
    const doc = await renderAtlassianPage(ATLASSIAN_PAGES.atlassianProductAccess, 'access-missing', (d) =>
      ($(d, '[data-add="confluence"]') as HTMLElement).click(),
    );
    expect($(doc, '[role="dialog"]').textContent).toContain('atlassian-test-confluence-users');
    expect(read(doc)?.products.map((p) => [p.name, p.groups.length])).toEqual([
      ['Jira', 2],
      ['Confluence', 1],
    ]);
  });

  it('answers nothing while the page shows its skeleton', async () => {
    const doc = await renderAtlassianPage(ATLASSIAN_PAGES.atlassianProductAccess, 'configured');
    $(doc, 'main').innerHTML = '<div aria-busy="true" data-testid="page-skeleton"><div class="skeleton"></div></div>';
    expect(read(doc)).toBeNull();
  });
});

describe('readAtlassianProductAccess on markup we have not seen', () => {
  it('names products by aria-label or aria-labelledby, and finds any product, not only Jira and Confluence', () => {
    const doc = page(
      `${JIRA}<div role="region" aria-labelledby="jsm"><h2 id="jsm">Jira Service Management</h2>${table(row('agents', 'Agent'))}</div>`,
    );
    expect(read(doc)?.products).toEqual([
      { name: 'Jira', groups: [{ name: 'jira-users', role: 'User' }] },
      { name: 'Jira Service Management', groups: [{ name: 'agents', role: 'Agent' }] },
    ]);
  });

  it('names products by the nearest heading before their list, whatever its level', () => {
    const doc = page(
      `<div><h3>Confluence</h3><p>Groups with access</p>${table(row('writers', 'User'))}</div>
       <div><h4>Bitbucket</h4><h5>Groups</h5>${table(row('devs', 'User'))}</div>
       <div role="heading" aria-level="2">Loom</div>${table(row('video', 'Creator'))}`,
    );
    expect(read(doc)?.products.map((p) => [p.name, p.groups.map((g) => g.name)])).toEqual([
      ['Confluence', ['writers']],
      ['Bitbucket', ['devs']],
      ['Loom', ['video']],
    ]);
  });

  it('reads an empty product: its Add group button and no rows, or a placeholder row', () => {
    const doc = page(
      `<section aria-label="Jira Product Discovery"><button>Add group</button><p>No groups have access yet.</p></section>
       <section aria-label="Trello">${table('<tr><td colspan="2">No groups</td></tr>')}</section>`,
    );
    expect(read(doc)).toEqual({
      kind: 'atlassian-product-access',
      products: [
        { name: 'Jira Product Discovery', groups: [] },
        { name: 'Trello', groups: [] },
      ],
      complete: true,
    });
  });

  it('reads the group from the Group column wherever it is, and the role from a role column or picker', () => {
    const picker = '<select><option>User</option><option selected>Admin</option></select>';
    const doc = page(
      `<section aria-label="Jira">${table(row('Product admin', '<span aria-hidden="true">AT</span><a href="#">admins</a> <span>12 members</span>') + row(picker, 'leads'), '<th>Product role</th><th>Group name</th>')}</section>`,
    );
    expect(read(doc)?.products[0]?.groups).toEqual([
      { name: 'admins', role: 'Product admin' },
      { name: 'leads', role: 'Admin' },
    ]);
  });

  it('reads ARIA tables made of divs', () => {
    const doc = page(
      `<section aria-label="Compass"><div role="table"><div role="rowgroup"><div role="row"><span role="columnheader">Group</span></div></div>
       <div role="rowgroup"><div role="row"><span role="cell">platform</span></div><div role="row"><span role="cell">sre</span></div></div></div></section>`,
    );
    expect(read(doc)?.products).toEqual([{ name: 'Compass', groups: [{ name: 'platform' }, { name: 'sre' }] }]);
  });

  it('calls the lists partial when "Load more", a next page, a counter, a filter or a hidden row says so', () => {
    const variants = {
      loadMore: `${JIRA}<button>Load more</button>`,
      showAll: `${JIRA}<a href="#">View all</a>`,
      pagination: `${JIRA}<nav aria-label="Pagination"><button>1</button><button>2</button><button aria-label="next">›</button></nav>`,
      counter: `${JIRA}<p><span>Showing 1–20 of 45 groups</span></p>`,
      filter: `<input type="search" value="jira">${JIRA}`,
      hiddenRow: `<section aria-label="Jira">${table(`${row('a', 'User')}<tr hidden><td>b</td><td>User</td></tr>`)}</section>`,
    };
    for (const [name, html] of Object.entries(variants)) expect(read(page(html))?.complete, name).toBe(false);
  });

  it('keeps the lists complete when paging shows one page, a counter shows all, or "Load more" is disabled', () => {
    const variants = {
      onePage: `${JIRA}<nav aria-label="Pagination"><button>1</button></nav>`,
      counter: `${JIRA}<span>1–1 of 1</span>`,
      disabledMore: `${JIRA}<button disabled>Load more</button>`,
      emptyFilter: `<input type="search" value="">${JIRA}`,
      usageBar: `<div role="progressbar" aria-valuenow="12" aria-valuemax="35">12 of 35 users</div>${JIRA}`,
    };
    for (const [name, html] of Object.entries(variants)) expect(read(page(html))?.complete, name).toBe(true);
  });

  it('is unsure while a list loads, when a row has no name, or when a group list belongs to no product', () => {
    const variants = {
      loading: `${JIRA}<section aria-label="Confluence"><div aria-busy="true"></div></section>`,
      spinner: `${JIRA}<span role="progressbar" aria-label="Loading"></span>`,
      unnamedRow: `<section aria-label="Jira">${table(row('', 'User'))}</section>`,
      noProduct: `${JIRA}${table(row('orphans', 'User'))}`,
    };
    for (const [name, html] of Object.entries(variants)) expect(read(page(html))?.complete, name).toBe('unknown');
  });

  it('answers nothing on a page without any product list', () => {
    expect(read(page('<p>Choose a site.</p><button>Add group</button>'))).toBeNull();
  });
});
