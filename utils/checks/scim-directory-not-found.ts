/**
 * The SCIM API answered 404 for the held base URL: no directory has that id (a mistyped or truncated
 * URL, or one from another organization). Okta would fail the same way.
 */
import { latest } from '../observations';
import type { Check } from './types';

export const scimDirectoryNotFound: Check = {
  id: 'scim-directory-not-found',
  findings: ['scim-directory-not-found'],
  steps: [],
  run({ observations }) {
    const verification = latest(observations, 'scim-verification');
    if (verification?.outcome.result !== 'directory-not-found') return {};
    return {
      findings: [
        {
          code: 'scim-directory-not-found',
          severity: 'problem',
          step: 'atlassian-copy-credentials',
          title: 'No Atlassian directory at this SCIM base URL',
          explanation:
            'Atlassian’s SCIM API answered "not found" for the held base URL. The directory id in it is wrong: mistyped, cut short, or taken from another organization.',
          fix: 'Copy the SCIM base URL again from your identity provider directory in admin.atlassian.com (it ends in the directory id) and capture or enter it again.',
        },
      ],
    };
  },
};
