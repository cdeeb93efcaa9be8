import { describe, expect, it } from 'vitest';
import { readAtlassianDirectory } from '../../../utils/readers/atlassian-directory';
import { isReading } from '../../../utils/readings';
import { ATLASSIAN_PAGES, renderAtlassianPage } from './atlassian-fixture';
import { $, parse } from './snapshots';

const page = (main: string, outside = '') => parse(`<html><body><main>${main}</main>${outside}</body></html>`);
const SECTION = (body: string) =>
  `<h1>Okta</h1><section aria-labelledby="p"><h2 id="p">User provisioning</h2>${body}</section>`;
const reviewGroups = (doc: Document) => ($(doc, '[data-action="review-groups"]') as HTMLElement).click();

describe('readAtlassianDirectory on the fixture directory page', { timeout: 30_000 }, () => {
  it('reads provisioning set up, with no warning, as nothing left unsynced', async () => {
    const doc = await renderAtlassianPage(ATLASSIAN_PAGES.atlassianDirectory, 'configured');
    expect(readAtlassianDirectory(doc)).toEqual({
      kind: 'atlassian-directory',
      provisioning: 'set-up',
      unsyncedGroups: 0,
    });
  });

  it('reads the start page as not set up, and says nothing about groups there', async () => {
    const doc = await renderAtlassianPage(ATLASSIAN_PAGES.atlassianDirectory, 'fresh');
    expect(readAtlassianDirectory(doc)).toEqual({
      kind: 'atlassian-directory',
      provisioning: 'not-set-up',
      unsyncedGroups: 'unknown',
    });
  });

  it('reads the warning about a group it could not sync, and its name once Review groups is open', async () => {
    const warned = await renderAtlassianPage(ATLASSIAN_PAGES.atlassianDirectory, 'push-error');
    expect(readAtlassianDirectory(warned)).toEqual({
      kind: 'atlassian-directory',
      provisioning: 'set-up',
      unsyncedGroups: 1,
    });
    const reviewing = await renderAtlassianPage(ATLASSIAN_PAGES.atlassianDirectory, 'push-error', reviewGroups);
    const reading = readAtlassianDirectory(reviewing);
    expect(reading).toEqual({
      kind: 'atlassian-directory',
      provisioning: 'set-up',
      unsyncedGroups: 1,
      reviewGroups: [{ name: 'atlassian-test-confluence-users' }],
    });
    expect(isReading(JSON.parse(JSON.stringify(reading)))).toBe(true);
  });

  it('reads "already set up" on the setup page the admin comes back to', async () => {
    const doc = await renderAtlassianPage(ATLASSIAN_PAGES.atlassianScimSetup, 'configured');
    expect(readAtlassianDirectory(doc)).toMatchObject({ provisioning: 'set-up' });
  });

  it('answers nothing while the page shows its skeleton', async () => {
    const doc = await renderAtlassianPage(ATLASSIAN_PAGES.atlassianDirectory, 'push-error');
    $(doc, 'main').innerHTML = '<div aria-busy="true"><div class="skeleton"></div></div>';
    expect(readAtlassianDirectory(doc)).toBeNull();
  });
});

describe('readAtlassianDirectory on markup we have not seen', () => {
  it('finds the section by its heading when no ARIA name ties them, and other "set up" wordings', () => {
    const doc = page(
      '<h1>Okta</h1><section><h3>User provisioning</h3><p>User provisioning is active.</p></section><p>SAML single sign-on is on</p>',
    );
    expect(readAtlassianDirectory(doc)).toMatchObject({ provisioning: 'set-up', unsyncedGroups: 0 });
  });

  it('takes a Regenerate API key menu item as set up, even inside a closed menu', () => {
    const doc = page(
      SECTION('<div role="menu" hidden><button role="menuitem">Regenerate API key</button></div><p>Synced users 4</p>'),
    );
    expect(readAtlassianDirectory(doc)).toMatchObject({ provisioning: 'set-up' });
  });

  it('reads "Set up SCIM configuration" as not set up, but not when the button is hidden', () => {
    expect(readAtlassianDirectory(page(SECTION('<button>Set up SCIM configuration</button>')))).toMatchObject({
      provisioning: 'not-set-up',
    });
    expect(readAtlassianDirectory(page(SECTION('<button hidden>Set up user provisioning</button>')))).toBeNull();
  });

  it('calls provisioning unknown when the page says both', () => {
    const doc = page(SECTION('<p>User provisioning is set up</p><button>Set up user provisioning</button>'));
    expect(readAtlassianDirectory(doc)).toMatchObject({ provisioning: 'unknown', unsyncedGroups: 'unknown' });
  });

  it('reads the count from a banner outside the section, in other word orders and in words', () => {
    const banner = (text: string) =>
      page(`<div role="alert"><p>${text}</p></div>${SECTION('<p>User provisioning is set up</p>')}`);
    expect(readAtlassianDirectory(banner('3 groups couldn’t be synced from Okta.'))?.unsyncedGroups).toBe(3);
    expect(readAtlassianDirectory(banner('We could not sync two groups.'))?.unsyncedGroups).toBe(2);
    expect(readAtlassianDirectory(banner("We couldn't sync a group"))?.unsyncedGroups).toBe(1);
  });

  it('leaves the count unknown when the warning shows Review groups without a number', () => {
    const doc = page(
      SECTION(
        '<p>User provisioning is set up</p><p>Some groups need your attention.</p><button>Review groups</button>',
      ),
    );
    expect(readAtlassianDirectory(doc)).toMatchObject({ provisioning: 'set-up', unsyncedGroups: 'unknown' });
  });

  it('reads the names from a Review groups dialog built as a list, skipping avatar initials', () => {
    const dialog = `<div role="dialog" aria-label="Review groups"><ul>
      <li><span aria-hidden="true">SA</span><span>sales-team</span> <small>Same name as an existing group</small><button>Sync group</button></li>
      <li><a href="#">Ops Team</a><button aria-label="Sync ops team">Sync</button></li></ul></div>`;
    const doc = page(SECTION('<p>User provisioning is set up</p><button>Review groups</button>'), dialog);
    expect(readAtlassianDirectory(doc)).toEqual({
      kind: 'atlassian-directory',
      provisioning: 'set-up',
      unsyncedGroups: 2,
      reviewGroups: [{ name: 'sales-team' }, { name: 'Ops Team' }],
    });
  });

  it('answers nothing on a page that shows none of its hooks', () => {
    expect(readAtlassianDirectory(page('<h1>Identity providers</h1><table></table>'))).toBeNull();
  });
});
