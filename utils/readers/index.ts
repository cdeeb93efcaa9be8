/** Which readers run on which page. A reader returns null when its part of the page is not shown. */
import type { Reading } from '../observations';
import type { PageId } from '../pages';
import { readAtlassianDirectory } from './atlassian-directory';
import { readAtlassianProductAccess } from './atlassian-product-access';
import { readOktaAssignedGroups, readOktaAssignedPeople } from './okta-assignments';
import { readOktaIntegration } from './okta-integration';
import { readOktaPushGroups } from './okta-push-groups';
import { readOktaSignOn } from './okta-sign-on';
import { readOktaToApp } from './okta-to-app';

export interface PageReader {
  id: Reading['kind'];
  pages: readonly PageId[];
  read(doc: Document): Reading | null;
}

export const READERS: readonly PageReader[] = [
  {
    id: 'okta-integration',
    // The bare Provisioning hash may show Integration (it is the first pane before setup).
    pages: ['okta-app-provisioning', 'okta-app-provisioning-integration'],
    read: readOktaIntegration,
  },
  {
    id: 'okta-to-app',
    // Once the integration is saved, the bare Provisioning hash opens on To App.
    pages: ['okta-app-provisioning', 'okta-app-provisioning-to-app'],
    read: readOktaToApp,
  },
  { id: 'okta-sign-on', pages: ['okta-app-sign-on'], read: readOktaSignOn },
  { id: 'okta-push-groups', pages: ['okta-app-push-groups'], read: readOktaPushGroups },
  // One list at a time is on show (People or Groups): each reader answers only for its own.
  { id: 'okta-assigned-groups', pages: ['okta-app-assignments'], read: readOktaAssignedGroups },
  { id: 'okta-assigned-people', pages: ['okta-app-assignments'], read: readOktaAssignedPeople },
  {
    id: 'atlassian-directory',
    // After "Save" the setup page hands back to the directory page, sometimes without a route change.
    pages: ['atlassian-idp-directory', 'atlassian-scim-setup'],
    read: readAtlassianDirectory,
  },
  { id: 'atlassian-product-access', pages: ['atlassian-product-access'], read: readAtlassianProductAccess },
];

export function readPageReadings(page: PageId | 'none', doc: Document): Reading[] {
  return READERS.filter((r) => (r.pages as readonly string[]).includes(page)).flatMap((r) => r.read(doc) ?? []);
}
