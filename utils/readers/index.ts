/** Which readers run on which page. A reader returns null when its part of the page is not shown. */
import type { Reading } from '../observations';
import type { PageId } from '../pages';
import { readAtlassianDirectory } from './atlassian-directory';
import { readOktaIntegration } from './okta-integration';

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
    id: 'atlassian-directory',
    // After "Save" the setup page hands back to the directory page, sometimes without a route change.
    pages: ['atlassian-idp-directory', 'atlassian-scim-setup'],
    read: readAtlassianDirectory,
  },
];

export function readPageReadings(page: PageId | 'none', doc: Document): Reading[] {
  return READERS.filter((r) => (r.pages as readonly string[]).includes(page)).flatMap((r) => r.read(doc) ?? []);
}
