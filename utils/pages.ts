/**
 * Page detection: one pure function from a URL (plus, where the URL cannot tell, what the page shows)
 * to where the admin is. Facts: ../shared/pages/okta-admin.md "Hosts and routes" and
 * ../shared/pages/atlassian-admin.md "Navigation".
 */
import { ATLASSIAN_ADMIN_ORIGIN, oktaAdminOrg, oktaOrgKey } from './hosts';

export type Site = 'okta' | 'atlassian';

export const OKTA_APP_PAGES = [
  'okta-app-general',
  'okta-app-sign-on',
  'okta-app-provisioning',
  'okta-app-provisioning-integration',
  'okta-app-provisioning-to-app',
  'okta-app-provisioning-to-okta',
  'okta-app-push-groups',
  'okta-app-assignments',
  'okta-app-other',
] as const;
export type OktaAppPage = (typeof OKTA_APP_PAGES)[number];

export type OktaPage =
  | OktaAppPage
  | 'okta-apps'
  | 'okta-app-catalog'
  | 'okta-group'
  | 'okta-profile-editor'
  | 'okta-other';

export type AtlassianPage =
  | 'atlassian-identity-providers'
  | 'atlassian-idp-directory'
  | 'atlassian-scim-setup'
  | 'atlassian-product-access'
  | 'atlassian-domains'
  | 'atlassian-other';

export type PageId = OktaPage | AtlassianPage;

export interface OktaPageInfo {
  site: 'okta';
  page: OktaPage;
  /** `acme.okta.com`: the Okta half of a setup's identity. */
  oktaOrg: string;
  adminOrigin: string;
  /** For app-instance pages. */
  app?: { name: string; id: string; path: string };
}

export interface AtlassianPageInfo {
  site: 'atlassian';
  page: AtlassianPage;
  /** The organization id from `/o/{orgId}/…`, when the URL has one. */
  atlassianOrgId?: string;
  /** The site's cloud id from `/s/{cloudId}/…`, when the URL has one. */
  siteId?: string;
}

export type PageInfo = OktaPageInfo | AtlassianPageInfo | { site: 'none'; page: 'none' };

export interface PageHints {
  /** Visible headings (h1–h3 and role=heading), trimmed, in document order. */
  headings?: readonly string[];
  /** Label of the selected app-instance tab (jQuery UI tab with `ui-tabs-active`), when the hash is missing. */
  activeTab?: string;
}

const NOT_OURS = { site: 'none', page: 'none' } as const;

/** `#tab-…` anchors, ../shared/pages/okta-admin.md (Sign On's hash is a guess, "probably #tab-signon"). */
const OKTA_TAB_BY_HASH: Record<string, OktaAppPage> = {
  'tab-general': 'okta-app-general',
  'tab-signon': 'okta-app-sign-on',
  'tab-sign-on': 'okta-app-sign-on',
  'tab-user-management': 'okta-app-provisioning',
  'tab-group-push': 'okta-app-push-groups',
  'tab-assignments': 'okta-app-assignments',
};

/** Provisioning sub-panes; `create-n-update` is "most likely To App" (M). */
const OKTA_PANE_BY_ROUTE: Record<string, OktaAppPage> = {
  'api-credentials': 'okta-app-provisioning-integration',
  'create-n-update': 'okta-app-provisioning-to-app',
  'to-app': 'okta-app-provisioning-to-app',
  'to-okta': 'okta-app-provisioning-to-okta',
  import: 'okta-app-provisioning-to-okta',
};

/** Tab labels, for a fresh load that ignores the hash; English only, so only a fallback. */
const OKTA_TAB_BY_LABEL: [RegExp, OktaAppPage][] = [
  [/^general$/i, 'okta-app-general'],
  [/^sign on$/i, 'okta-app-sign-on'],
  [/^provisioning$/i, 'okta-app-provisioning'],
  [/^push groups$/i, 'okta-app-push-groups'],
  [/^assignments$/i, 'okta-app-assignments'],
];

function detectOktaAppTab(hash: string, hints: PageHints): OktaAppPage {
  const [tab = '', pane] = hash.replace(/^#/, '').split('/');
  const byHash = OKTA_TAB_BY_HASH[tab];
  if (byHash === 'okta-app-provisioning' && pane) return OKTA_PANE_BY_ROUTE[pane] ?? 'okta-app-provisioning';
  if (byHash) return byHash;
  if (tab) return 'okta-app-other';
  const label = hints.activeTab?.trim();
  if (label) return OKTA_TAB_BY_LABEL.find(([re]) => re.test(label))?.[1] ?? 'okta-app-other';
  // Okta opens an app instance on General when nothing else is selected.
  return 'okta-app-general';
}

function detectOkta(url: URL, hints: PageHints): PageInfo {
  const org = oktaAdminOrg(url);
  if (!org) return NOT_OURS;
  const base = { site: 'okta' as const, oktaOrg: oktaOrgKey(org), adminOrigin: org.adminOrigin };
  const path = url.pathname;
  const instance = /^\/admin\/app\/([^/]+)\/instance\/([^/]+)\/?$/.exec(path);
  if (instance) {
    const [, name = '', id = ''] = instance;
    return {
      ...base,
      page: detectOktaAppTab(url.hash, hints),
      app: { name, id, path: `/admin/app/${name}/instance/${id}/` },
    };
  }
  if (/^\/admin\/apps\/(add-app|oin|catalog)(\/|$)/.test(path)) return { ...base, page: 'okta-app-catalog' };
  if (/^\/admin\/apps(\/|$)/.test(path)) return { ...base, page: 'okta-apps' };
  if (/^\/admin\/group\/[^/]+/.test(path)) return { ...base, page: 'okta-group' };
  if (/^\/admin\/universaldirectory\/?$/.test(path)) return { ...base, page: 'okta-profile-editor' };
  return { ...base, page: 'okta-other' };
}

/**
 * The identity-provider pages' paths are not public (L): paths are matched first, with guesses kept
 * narrow, and headings decide everywhere else.
 */
const ATLASSIAN_PATHS: [RegExp, AtlassianPage][] = [
  [
    /^\/o\/[^/]+\/security\/identity-providers\/[^/]+\/(scim-setup|user-provisioning|scim)(\/|$)/,
    'atlassian-scim-setup',
  ],
  [/^\/o\/[^/]+\/security\/identity-providers\/[^/]+\/?$/, 'atlassian-idp-directory'],
  [/^\/o\/[^/]+\/security\/identity-providers\/?$/, 'atlassian-identity-providers'],
  [/^\/o\/[^/]+\/(directory\/)?user-provisioning(\/|$)/, 'atlassian-scim-setup'],
  [/^\/o\/[^/]+\/domains(\/|$)/, 'atlassian-domains'],
  [/^\/s\/[^/]+\/(apps|product-access)(\/|$)/, 'atlassian-product-access'],
  [/^\/o\/[^/]+\/(apps|products)\/[^/]+\/(access|product-access)(\/|$)/, 'atlassian-product-access'],
];

const ATLASSIAN_HEADINGS: [RegExp, AtlassianPage][] = [
  [
    /^(set up (user provisioning|scim( configuration)?)|scim configuration|create a directory)\b/i,
    'atlassian-scim-setup',
  ],
  [/^(scim|directory) base url$/i, 'atlassian-scim-setup'],
  [/^identity providers$/i, 'atlassian-identity-providers'],
  [/^product access$/i, 'atlassian-product-access'],
  [/^domains$/i, 'atlassian-domains'],
];

function detectAtlassian(url: URL, hints: PageHints): PageInfo {
  if (url.origin !== ATLASSIAN_ADMIN_ORIGIN) return NOT_OURS;
  const path = url.pathname;
  const atlassianOrgId = /^\/o\/([^/]+)/.exec(path)?.[1];
  const siteId = /^\/s\/([^/]+)/.exec(path)?.[1];
  const ids = { ...(atlassianOrgId ? { atlassianOrgId } : {}), ...(siteId ? { siteId } : {}) };
  const byPath = ATLASSIAN_PATHS.find(([re]) => re.test(path))?.[1];
  // A directory page becomes the SCIM setup page when its values are shown in place (no route change).
  const headings = hints.headings ?? [];
  const byHeading = ATLASSIAN_HEADINGS.find(([re]) => headings.some((h) => re.test(h.trim())))?.[1];
  if (byPath === 'atlassian-idp-directory' && byHeading === 'atlassian-scim-setup') {
    return { site: 'atlassian', page: byHeading, ...ids };
  }
  return { site: 'atlassian', page: byPath ?? byHeading ?? 'atlassian-other', ...ids };
}

export function detectPage(input: string | URL, hints: PageHints = {}): PageInfo {
  let url: URL;
  try {
    url = input instanceof URL ? input : new URL(input);
  } catch {
    return NOT_OURS;
  }
  if (url.protocol !== 'https:') return NOT_OURS;
  if (url.origin === ATLASSIAN_ADMIN_ORIGIN) return detectAtlassian(url, hints);
  return detectOkta(url, hints);
}

export function isOktaAppPage(page: PageId | 'none'): page is OktaAppPage {
  return (OKTA_APP_PAGES as readonly string[]).includes(page);
}
