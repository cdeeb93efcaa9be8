/**
 * The checklist: every step of Atlassian's "Configure user provisioning with Okta", as data.
 * Copy is ours; the facts come from ../shared/pages/atlassian-okta-provisioning-guide.txt.
 */
import type { PageId, Site } from './pages';

export const STEP_STATUSES = ['todo', 'done', 'problem', 'unknown', 'skipped'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/** How every surface names a status, in words and a symbol (never by colour alone). */
export const STATUS_LABELS: Record<StepStatus, string> = {
  todo: 'To do',
  done: 'Done',
  problem: 'Needs attention',
  unknown: 'Not sure yet',
  skipped: 'Skipped',
};
export const STATUS_ICONS: Record<StepStatus, string> = {
  todo: '○',
  done: '✓',
  problem: '!',
  unknown: '?',
  skipped: '–',
};

export const SECTIONS = [
  { id: 'prereqs', title: 'Before you begin' },
  { id: 'test-accounts', title: 'Start with test accounts' },
  { id: 'atlassian-scim', title: 'Turn on SCIM in Atlassian' },
  { id: 'okta-api', title: 'Connect the Okta app' },
  { id: 'email', title: 'Keep the email attribute consistent' },
  { id: 'groups', title: 'Push groups' },
  { id: 'assign', title: 'Assign groups and check the sync' },
  { id: 'access', title: 'Give product access' },
] as const;
export type SectionId = (typeof SECTIONS)[number]['id'];

/** What is known about the admin's setup, to build links; every part may be missing. */
export interface LinkContext {
  oktaAdminOrigin?: string;
  /** `/admin/app/{name}/instance/{id}/` of the Atlassian Cloud app, once seen. */
  oktaAppPath?: string;
  atlassianOrgId?: string;
  /** A site (cloud id) seen on admin.atlassian.com. */
  atlassianSiteId?: string;
}

export interface StepDefinition {
  id: string;
  section: SectionId;
  title: string;
  help: string;
  /** Where the step is done: the site, the pages that show it, and how a person would say it. */
  where: { site: Site; pages: readonly PageId[]; place: string };
  /** A URL to go there, when enough of the setup is known. */
  link?: (ctx: LinkContext) => string | undefined;
  /**
   * `page`: a check reads it from a page (the user may still tick it when the page cannot be read).
   * `user`: no page can show it; the admin ticks it.
   */
  decidedBy: 'page' | 'user';
}

const ATLASSIAN = 'https://admin.atlassian.com';
const orgPage = (suffix: string) => (c: LinkContext) =>
  c.atlassianOrgId ? `${ATLASSIAN}/o/${c.atlassianOrgId}/${suffix}` : `${ATLASSIAN}/`;
const oktaApp = (hash: string) => (c: LinkContext) =>
  c.oktaAdminOrigin && c.oktaAppPath ? `${c.oktaAdminOrigin}${c.oktaAppPath}#${hash}` : undefined;
const oktaApps = (c: LinkContext) => (c.oktaAdminOrigin ? `${c.oktaAdminOrigin}/admin/apps/active` : undefined);

const APP = 'Okta › Atlassian Cloud app';

const STEP_DEFINITIONS = [
  // Before you begin
  {
    id: 'prereq-guard-plan',
    section: 'prereqs',
    title: 'Atlassian Guard Standard is active',
    help: 'User provisioning is part of Atlassian Guard Standard. Without it the provisioning options do not appear in admin.atlassian.com.',
    where: { site: 'atlassian', pages: [], place: 'Atlassian Administration › Billing' },
    link: orgPage('overview'),
    decidedBy: 'user',
  },
  {
    id: 'prereq-okta-lcm',
    section: 'prereqs',
    title: 'Okta Lifecycle Management is available',
    help: 'Okta pushes users and groups to other apps only with its Lifecycle Management feature. Without it the Provisioning tab has no API integration.',
    where: { site: 'okta', pages: [], place: 'Okta Admin Console' },
    decidedBy: 'user',
  },
  {
    id: 'prereq-org-admin',
    section: 'prereqs',
    title: 'You are an organization admin in Atlassian',
    help: 'Only organization admins can set up identity providers and SCIM. Site or product admins cannot.',
    where: { site: 'atlassian', pages: [], place: 'Atlassian Administration' },
    link: orgPage('overview'),
    decidedBy: 'user',
  },
  {
    id: 'prereq-domain-verified',
    section: 'prereqs',
    title: 'At least one domain is verified',
    help: 'Atlassian only manages accounts whose email domain the organization has verified.',
    where: { site: 'atlassian', pages: ['atlassian-domains'], place: 'Atlassian Administration › Domains' },
    link: orgPage('domains'),
    decidedBy: 'user',
  },
  {
    id: 'prereq-idp-directory',
    section: 'prereqs',
    title: 'An identity provider directory exists for Okta',
    help: 'Add Okta as an identity provider under Security › Identity providers. That directory is where SCIM users and groups will land.',
    where: {
      site: 'atlassian',
      pages: ['atlassian-identity-providers'],
      place: 'Atlassian Administration › Security › Identity providers',
    },
    link: orgPage('security/identity-providers'),
    decidedBy: 'user',
  },
  {
    id: 'prereq-domains-linked',
    section: 'prereqs',
    title: 'Verified domains are linked to that directory',
    help: 'Link each verified domain to the Okta directory, or its users will not be governed by it.',
    where: {
      site: 'atlassian',
      pages: ['atlassian-idp-directory'],
      place: 'Atlassian Administration › Identity providers › your directory',
    },
    link: orgPage('security/identity-providers'),
    decidedBy: 'user',
  },
  {
    id: 'prereq-site-admin',
    section: 'prereqs',
    title: 'You administer a Jira or Confluence site',
    help: 'You will give the synced groups access to products on a site, so you must be an admin of at least one Jira or Confluence site.',
    where: { site: 'atlassian', pages: [], place: 'Atlassian Administration › Sites' },
    decidedBy: 'user',
  },
  // Test accounts
  {
    id: 'test-accounts',
    section: 'test-accounts',
    title: 'Create test users and test groups in Okta',
    help: 'Try the whole setup with a few test people in groups such as atlassian-test-jira-users first. Unassigning someone from the app later deactivates their Atlassian account, so mistakes with real people hurt.',
    where: { site: 'okta', pages: ['okta-group'], place: 'Okta › Directory › Groups' },
    link: (c) => (c.oktaAdminOrigin ? `${c.oktaAdminOrigin}/admin/groups` : undefined),
    decidedBy: 'user',
  },
  // SCIM in Atlassian
  {
    id: 'atlassian-open-provisioning',
    section: 'atlassian-scim',
    title: 'Open "Set up user provisioning" on the Okta directory',
    help: 'In admin.atlassian.com go to Security › Identity providers, choose the Okta directory and start the user provisioning (SCIM) setup.',
    where: {
      site: 'atlassian',
      pages: ['atlassian-identity-providers', 'atlassian-idp-directory', 'atlassian-scim-setup'],
      place: 'Atlassian Administration › Security › Identity providers',
    },
    link: orgPage('security/identity-providers'),
    decidedBy: 'page',
  },
  {
    id: 'atlassian-copy-credentials',
    section: 'atlassian-scim',
    title: 'Take the SCIM base URL and API key',
    help: 'Atlassian shows the API key only once. The assistant keeps both values for a short while so you can put them into Okta; also keep a copy in your password manager.',
    where: {
      site: 'atlassian',
      pages: ['atlassian-scim-setup'],
      place: 'Atlassian Administration › Set up user provisioning',
    },
    decidedBy: 'page',
  },
  {
    id: 'atlassian-save-scim',
    section: 'atlassian-scim',
    title: 'Save the SCIM configuration',
    help: 'The values do nothing until the configuration is saved on the Atlassian page.',
    where: {
      site: 'atlassian',
      pages: ['atlassian-scim-setup'],
      place: 'Atlassian Administration › Set up user provisioning',
    },
    decidedBy: 'page',
  },
  // API integration in Okta
  {
    id: 'okta-add-app',
    section: 'okta-api',
    title: 'Add the Atlassian Cloud app in Okta',
    help: 'Add "Atlassian Cloud" from the Okta Integration Network, or open the instance you already use for single sign-on.',
    where: { site: 'okta', pages: ['okta-apps', 'okta-app-catalog', 'okta-app-general'], place: 'Okta › Applications' },
    link: oktaApps,
    decidedBy: 'page',
  },
  {
    id: 'okta-enable-api',
    section: 'okta-api',
    title: 'Turn on API integration',
    help: 'On the Provisioning tab choose Configure API Integration and tick Enable API integration.',
    where: {
      site: 'okta',
      pages: ['okta-app-provisioning', 'okta-app-provisioning-integration'],
      place: `${APP} › Provisioning › Integration`,
    },
    link: oktaApp('tab-user-management/api-credentials'),
    decidedBy: 'page',
  },
  {
    id: 'okta-enter-credentials',
    section: 'okta-api',
    title: 'Enter the Base URL and API Token',
    help: 'Base URL takes the SCIM base URL and API Token takes the API key from Atlassian, exactly as shown there.',
    where: {
      site: 'okta',
      pages: ['okta-app-provisioning', 'okta-app-provisioning-integration'],
      place: `${APP} › Provisioning › Integration`,
    },
    link: oktaApp('tab-user-management/api-credentials'),
    decidedBy: 'page',
  },
  {
    id: 'okta-test-credentials',
    section: 'okta-api',
    title: 'Test the API credentials, then save',
    help: 'Okta saves the integration only after Test API Credentials succeeds. "Forbidden" means the key is wrong, regenerated since, or an organization API key.',
    where: {
      site: 'okta',
      pages: ['okta-app-provisioning', 'okta-app-provisioning-integration'],
      place: `${APP} › Provisioning › Integration`,
    },
    link: oktaApp('tab-user-management/api-credentials'),
    decidedBy: 'page',
  },
  {
    id: 'okta-to-app-actions',
    section: 'okta-api',
    title: 'Enable Create, Update and Deactivate under To App',
    help: 'Under Provisioning › To App choose Edit and enable Create Users, Update User Attributes and Deactivate Users. Leave Sync Password off; Atlassian does not use it.',
    where: { site: 'okta', pages: ['okta-app-provisioning-to-app'], place: `${APP} › Provisioning › To App` },
    link: oktaApp('tab-user-management/create-n-update'),
    decidedBy: 'page',
  },
  // Email consistency
  {
    id: 'email-primary-attribute',
    section: 'email',
    title: 'Note what Primary email is mapped from',
    help: "In the Atlassian Cloud attribute mappings under To App, find the Okta attribute behind Primary email. By default it is the user's email.",
    where: {
      site: 'okta',
      pages: ['okta-app-provisioning-to-app'],
      place: `${APP} › Provisioning › To App › Attribute mappings`,
    },
    link: oktaApp('tab-user-management/create-n-update'),
    decidedBy: 'page',
  },
  {
    id: 'email-username-format',
    section: 'email',
    title: 'Make Application username format use the same attribute',
    help: 'Single sign-on sends the Application username (Sign On tab) as the email. If it is not the attribute behind Primary email, people get two Atlassian accounts.',
    where: { site: 'okta', pages: ['okta-app-sign-on'], place: `${APP} › Sign On › Credentials details` },
    link: oktaApp('tab-signon'),
    decidedBy: 'page',
  },
  {
    id: 'email-update-on',
    section: 'email',
    title: 'Update application username on "Create and update"',
    help: 'With "Create only", a later email change in Okta never reaches Atlassian and sign-in and provisioning drift apart.',
    where: { site: 'okta', pages: ['okta-app-sign-on'], place: `${APP} › Sign On › Credentials details` },
    link: oktaApp('tab-signon'),
    decidedBy: 'page',
  },
  {
    id: 'email-update-now',
    section: 'email',
    title: 'Push usernames with Update Now',
    help: "After saving the Sign On settings, Update Now sends the new usernames to every assigned person instead of waiting for Okta's own schedule.",
    where: { site: 'okta', pages: ['okta-app-sign-on'], place: `${APP} › Sign On` },
    link: oktaApp('tab-signon'),
    decidedBy: 'user',
  },
  // Push groups
  {
    id: 'groups-push',
    section: 'groups',
    title: 'Push the groups that will carry product access',
    help: 'On Push Groups find each group by name and save. A pushed group arrives in Atlassian empty: its members sync only once the group is also assigned.',
    where: { site: 'okta', pages: ['okta-app-push-groups'], place: `${APP} › Push Groups` },
    link: oktaApp('tab-group-push'),
    decidedBy: 'page',
  },
  {
    id: 'groups-review-push',
    section: 'groups',
    title: 'Check every pushed group is Active without errors',
    help: 'Each row should read Active with a recent last push. An error such as "displayName already exists" needs Review groups › Sync group in Atlassian.',
    where: { site: 'okta', pages: ['okta-app-push-groups'], place: `${APP} › Push Groups` },
    link: oktaApp('tab-group-push'),
    decidedBy: 'page',
  },
  // Assign
  {
    id: 'assign-groups',
    section: 'assign',
    title: 'Assign the same groups to the app',
    help: 'Assignments › Assign › Assign to Groups. Assign by group: someone assigned on their own is created in Atlassian but gets no product access through a group.',
    where: { site: 'okta', pages: ['okta-app-assignments'], place: `${APP} › Assignments` },
    link: oktaApp('tab-assignments'),
    decidedBy: 'page',
  },
  {
    id: 'assign-verify-sync',
    section: 'assign',
    title: 'Confirm the users arrived in Atlassian',
    help: 'Check the Okta system log or the identity provider page in admin.atlassian.com for the synced users before moving on.',
    where: {
      site: 'atlassian',
      pages: ['atlassian-idp-directory'],
      place: 'Atlassian Administration › Identity providers › your directory',
    },
    link: orgPage('security/identity-providers'),
    decidedBy: 'page',
  },
  // Product access
  {
    id: 'access-product-access',
    section: 'access',
    title: 'Give the synced groups product access',
    help: 'On your Jira or Confluence site open Product access, choose Add group and pick the synced group (or the group of all SCIM-synced users). Without it synced people cannot use the products.',
    where: {
      site: 'atlassian',
      pages: ['atlassian-product-access'],
      place: 'Atlassian Administration › your site › Product access',
    },
    link: (c) => (c.atlassianSiteId ? `${ATLASSIAN}/s/${c.atlassianSiteId}/apps` : orgPage('overview')(c)),
    decidedBy: 'page',
  },
] as const satisfies readonly StepDefinition[];

export type StepId = (typeof STEP_DEFINITIONS)[number]['id'];
export type Step = StepDefinition & { id: StepId };

/** Every step, in the guide's order. */
export const STEPS: readonly Step[] = STEP_DEFINITIONS;

export const STEP_IDS: readonly StepId[] = STEPS.map((s) => s.id);
const BY_ID = new Map<string, Step>(STEPS.map((s) => [s.id, s]));

export function isStepId(value: unknown): value is StepId {
  return typeof value === 'string' && BY_ID.has(value);
}

export function getStep(id: StepId): Step {
  return BY_ID.get(id) as Step;
}

export function stepsOfSection(section: SectionId): Step[] {
  return STEPS.filter((s) => s.section === section);
}

export function stepsOfPage(page: PageId): Step[] {
  return STEPS.filter((s) => (s.where.pages as readonly string[]).includes(page));
}
