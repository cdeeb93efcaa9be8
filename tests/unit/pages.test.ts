import { describe, expect, it } from 'vitest';
import { detectPage, isOktaAppPage, type PageHints } from '../../utils/pages';

const APP = 'https://acme-admin.okta.com/admin/app/atlassian/instance/0oa1abcdefGHIJKL2345/';

type Row = [url: string, expected: { site: string; page: string } & Record<string, unknown>, hints?: PageHints];

const OKTA_ROWS: Row[] = [
  [`${APP}#tab-general`, { site: 'okta', page: 'okta-app-general', oktaOrg: 'acme.okta.com' }],
  [`${APP}#tab-signon`, { site: 'okta', page: 'okta-app-sign-on' }],
  [`${APP}#tab-user-management`, { site: 'okta', page: 'okta-app-provisioning' }],
  [`${APP}#tab-user-management/api-credentials`, { site: 'okta', page: 'okta-app-provisioning-integration' }],
  [`${APP}#tab-user-management/create-n-update`, { site: 'okta', page: 'okta-app-provisioning-to-app' }],
  [`${APP}#tab-user-management/to-okta`, { site: 'okta', page: 'okta-app-provisioning-to-okta' }],
  [`${APP}#tab-user-management/something-new`, { site: 'okta', page: 'okta-app-provisioning' }],
  [`${APP}#tab-group-push`, { site: 'okta', page: 'okta-app-push-groups' }],
  [`${APP}#tab-assignments`, { site: 'okta', page: 'okta-app-assignments' }],
  [`${APP}#tab-import`, { site: 'okta', page: 'okta-app-other' }],
  [APP, { site: 'okta', page: 'okta-app-general' }],
  [APP, { site: 'okta', page: 'okta-app-push-groups' }, { activeTab: 'Push Groups' }],
  [APP, { site: 'okta', page: 'okta-app-sign-on' }, { activeTab: ' Sign On ' }],
  [
    'https://acme-admin.okta.com/admin/app/atlassian/instance/0oa1abcdefGHIJKL2345',
    {
      site: 'okta',
      page: 'okta-app-general',
      app: {
        name: 'atlassian',
        id: '0oa1abcdefGHIJKL2345',
        path: '/admin/app/atlassian/instance/0oa1abcdefGHIJKL2345/',
      },
    },
  ],
  ['https://acme-admin.okta.com/admin/apps/active', { site: 'okta', page: 'okta-apps' }],
  ['https://acme-admin.okta.com/admin/apps/add-app', { site: 'okta', page: 'okta-app-catalog' }],
  ['https://acme-admin.okta.com/admin/group/00g1a2b3c4d5e6f7g8h9', { site: 'okta', page: 'okta-group' }],
  [
    'https://acme-admin.okta.com/admin/universaldirectory#app/0oa1abcdefGHIJKL2345',
    { site: 'okta', page: 'okta-profile-editor' },
  ],
  ['https://acme-admin.okta.com/admin/dashboard', { site: 'okta', page: 'okta-other' }],
  [
    'https://acme-admin.okta-emea.com/admin/apps/active',
    { site: 'okta', page: 'okta-apps', oktaOrg: 'acme.okta-emea.com' },
  ],
  [
    `https://acme-admin.oktapreview.com/admin/app/atlassian/instance/0oaX/#tab-group-push`,
    { site: 'okta', page: 'okta-app-push-groups', oktaOrg: 'acme.oktapreview.com' },
  ],
  [
    'https://gov-agency-admin.okta-gov.com/admin/apps/active',
    { site: 'okta', page: 'okta-apps', oktaOrg: 'gov-agency.okta-gov.com' },
  ],
  [
    'https://unit-admin.okta.mil/admin/apps/active',
    { site: 'okta', page: 'okta-apps', adminOrigin: 'https://unit-admin.okta.mil' },
  ],
  [
    'https://my-company-admin.okta.com/admin/dashboard',
    { site: 'okta', page: 'okta-other', oktaOrg: 'my-company.okta.com' },
  ],
  ['HTTPS://ACME-ADMIN.OKTA.COM/admin/apps/active', { site: 'okta', page: 'okta-apps', oktaOrg: 'acme.okta.com' }],
];

const ORG = '6c4d2a1e-0b9f-4e3a-8d7c-aa11bb22cc33';
const DIR = 'd1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6';
const SITE = 'b3d0c6f4-1e2a-4c5b-9a8d-ffeeddccbbaa';
const ATL = 'https://admin.atlassian.com';

const ATLASSIAN_ROWS: Row[] = [
  [
    `${ATL}/o/${ORG}/security/identity-providers`,
    { site: 'atlassian', page: 'atlassian-identity-providers', atlassianOrgId: ORG },
  ],
  [`${ATL}/o/${ORG}/security/identity-providers/${DIR}`, { site: 'atlassian', page: 'atlassian-idp-directory' }],
  [
    `${ATL}/o/${ORG}/security/identity-providers/${DIR}/scim-setup`,
    { site: 'atlassian', page: 'atlassian-scim-setup' },
  ],
  [
    `${ATL}/o/${ORG}/security/identity-providers/${DIR}`,
    { site: 'atlassian', page: 'atlassian-scim-setup' },
    { headings: ['Okta', 'Set up user provisioning'] },
  ],
  [`${ATL}/o/${ORG}/user-provisioning`, { site: 'atlassian', page: 'atlassian-scim-setup' }],
  [
    `${ATL}/o/${ORG}/somewhere/new`,
    { site: 'atlassian', page: 'atlassian-scim-setup' },
    { headings: ['Directory base URL'] },
  ],
  [
    `${ATL}/o/${ORG}/somewhere/new`,
    { site: 'atlassian', page: 'atlassian-identity-providers' },
    { headings: ['Identity providers'] },
  ],
  [`${ATL}/o/${ORG}/domains`, { site: 'atlassian', page: 'atlassian-domains' }],
  [`${ATL}/s/${SITE}/apps`, { site: 'atlassian', page: 'atlassian-product-access', siteId: SITE }],
  [`${ATL}/s/${SITE}/users`, { site: 'atlassian', page: 'atlassian-other', siteId: SITE }],
  [
    `${ATL}/s/${SITE}/somewhere`,
    { site: 'atlassian', page: 'atlassian-product-access' },
    { headings: ['Product access'] },
  ],
  [`${ATL}/o/${ORG}/overview`, { site: 'atlassian', page: 'atlassian-other', atlassianOrgId: ORG }],
  [`${ATL}/`, { site: 'atlassian', page: 'atlassian-other' }],
];

const NONE = { site: 'none', page: 'none' };
const LOOKALIKES: Row[] = [
  ['https://acme-admin.okta.com.evil.io/admin/apps/active', NONE],
  ['https://evil.io/?x=okta.com', NONE],
  ['https://evil.io/#acme-admin.okta.com', NONE],
  ['http://acme-admin.okta.com/admin/apps/active', NONE],
  ['http://admin.atlassian.com/o/x/overview', NONE],
  ['https://acme.okta.com/app/UserHome', NONE],
  ['https://acme.okta.com/admin/apps/active', NONE],
  ['https://acme-admin.okta.com:8443/admin/apps/active', NONE],
  ['https://admin.atlassian.com:8443/o/x/overview', NONE],
  ['https://user:pw@acme-admin.okta.com/admin/apps/active', NONE],
  ['https://evilokta.com/admin', NONE],
  ['https://acme-admin.notokta.com/admin', NONE],
  ['https://-admin.okta.com/admin', NONE],
  ['https://acme-admin.okta.com.', NONE],
  ['https://admin.atlassian.com.evil.io/o/x', NONE],
  ['https://evil-admin.atlassian.com/o/x', NONE],
  ['https://api.atlassian.com/scim/directory/x', NONE],
  ['chrome-extension://abc/popup.html', NONE],
  ['not a url', NONE],
  ['', NONE],
];

describe('detectPage', () => {
  it.each([...OKTA_ROWS, ...ATLASSIAN_ROWS, ...LOOKALIKES])('%s → %o', (url, expected, hints) => {
    expect(detectPage(url, hints)).toMatchObject(expected);
  });

  it('has a table of at least 30 URLs including lookalikes', () => {
    expect(OKTA_ROWS.length + ATLASSIAN_ROWS.length + LOOKALIKES.length).toBeGreaterThanOrEqual(30);
    expect(LOOKALIKES.length).toBeGreaterThanOrEqual(10);
  });

  it('lets the hash win over the active-tab hint', () => {
    expect(detectPage(`${APP}#tab-assignments`, { activeTab: 'Sign On' }).page).toBe('okta-app-assignments');
  });

  it('accepts URL objects', () => {
    expect(detectPage(new URL(`${APP}#tab-signon`)).page).toBe('okta-app-sign-on');
  });

  // The loader (utils/overlay/loader.ts) skips the heading search where this holds.
  it('knows an Okta page other than an app instance by its URL alone, whatever the headings say', () => {
    const hints: PageHints[] = [
      { headings: ['Provisioning', 'Push Groups'], activeTab: 'Push Groups' },
      { headings: ['Atlassian Cloud', 'Set up user provisioning'] },
      { activeTab: 'Assignments' },
    ];
    const urls = [...OKTA_ROWS, ...LOOKALIKES].map(([url]) => url);
    let checked = 0;
    for (const url of urls) {
      const byUrl = detectPage(url);
      if (byUrl.site !== 'okta' || isOktaAppPage(byUrl.page)) continue;
      checked += 1;
      for (const h of hints) expect(detectPage(url, h), url).toEqual(byUrl);
    }
    expect(checked).toBeGreaterThanOrEqual(8);
  });
});
