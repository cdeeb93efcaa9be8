/**
 * Which hosts the extension works on, in one place: match patterns for the manifest, and exact
 * origin tests for everything that must not be fooled by a lookalike (../shared/security.md rule 3).
 */

/** Okta cells, from ../shared/pages/okta-admin.md "Hosts and routes" (gov clouds: medium confidence). */
export const OKTA_DOMAINS = ['okta.com', 'okta-emea.com', 'oktapreview.com', 'okta-gov.com', 'okta.mil'] as const;

/**
 * Match patterns cannot say "ends in -admin", so the manifest names every org host of these cells and
 * the content script returns at once on anything that is not an admin console (see isOktaAdminOrigin).
 */
export const OKTA_MATCHES = OKTA_DOMAINS.map((d) => `https://*.${d}/*`);
export const ATLASSIAN_ADMIN_ORIGIN = 'https://admin.atlassian.com';
export const ATLASSIAN_ADMIN_MATCHES = [`${ATLASSIAN_ADMIN_ORIGIN}/*`];

const escapeDots = (s: string) => s.replaceAll('.', '\\.');
/** `{org}-admin.{cell}`; an org name is letters, digits and inner hyphens. */
const OKTA_ADMIN_HOST = new RegExp(
  `^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)-admin\\.(${OKTA_DOMAINS.map(escapeDots).join('|')})$`,
);

export interface OktaOrg {
  /** The org's subdomain, e.g. `acme` for `acme-admin.okta.com`. */
  org: string;
  /** The cell, e.g. `okta.com`. */
  domain: (typeof OKTA_DOMAINS)[number];
  /** `https://acme-admin.okta.com` */
  adminOrigin: string;
}

function parseUrl(input: string | URL): URL | undefined {
  if (input instanceof URL) return input;
  try {
    return new URL(input);
  } catch {
    return undefined;
  }
}

/** The Okta org of an admin console URL or origin, or undefined for anything else (http, ports, lookalikes). */
export function oktaAdminOrg(input: string | URL): OktaOrg | undefined {
  const url = parseUrl(input);
  if (url?.protocol !== 'https:' || url.port !== '' || url.username || url.password) return undefined;
  const match = OKTA_ADMIN_HOST.exec(url.hostname);
  if (!match) return undefined;
  const [, org, domain] = match as unknown as [string, string, OktaOrg['domain']];
  return { org, domain, adminOrigin: url.origin };
}

export function isOktaAdminOrigin(origin: string): boolean {
  const org = oktaAdminOrg(origin);
  return org !== undefined && org.adminOrigin === origin;
}

export function isAtlassianAdminOrigin(origin: string): boolean {
  return origin === ATLASSIAN_ADMIN_ORIGIN;
}

/** A stable name for an Okta org across its admin and end-user hosts: `acme.okta.com`. */
export function oktaOrgKey(org: OktaOrg): string {
  return `${org.org}.${org.domain}`;
}
