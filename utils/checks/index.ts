/** Every check, in one explicit list (tests/unit/checks.test.ts keeps it honest). */
import { apiCredentialsRejected } from './api-credentials-rejected';
import { apiIntegrationDisabled } from './api-integration-disabled';
import { atlassianScimSteps } from './atlassian-scim-steps';
import { credentialsMissing } from './credentials-missing';
import { emailMismatch } from './email-mismatch';
import { groupSyncConflict } from './group-sync-conflict';
import { individualAssignment } from './individual-assignment';
import { oktaGroupsSteps } from './okta-groups-steps';
import { oktaIntegrationSteps } from './okta-integration-steps';
import { oktaSignOnSteps } from './okta-sign-on-steps';
import { oktaToAppSteps } from './okta-to-app-steps';
import { pageVisits } from './page-visits';
import { productAccessMissing } from './product-access-missing';
import { provisioningCreateOff } from './provisioning-create-off';
import { provisioningDeactivateOff } from './provisioning-deactivate-off';
import { provisioningUpdateOff } from './provisioning-update-off';
import { pushGroupError } from './push-group-error';
import { pushGroupInactive } from './push-group-inactive';
import { pushGroupMissing } from './push-group-missing';
import { pushGroupNotInDirectory } from './push-group-not-in-directory';
import { scimDirectoryNotFound } from './scim-directory-not-found';
import { syncPasswordOn } from './sync-password-on';
import type { Check } from './types';
import { usernamePrefixFormat } from './username-prefix-format';
import { usernameUpdateCreateOnly } from './username-update-create-only';

export const CHECKS: readonly Check[] = [
  pageVisits,
  atlassianScimSteps,
  oktaIntegrationSteps,
  apiCredentialsRejected,
  scimDirectoryNotFound,
  apiIntegrationDisabled,
  credentialsMissing,
  oktaToAppSteps,
  provisioningCreateOff,
  provisioningUpdateOff,
  provisioningDeactivateOff,
  syncPasswordOn,
  oktaSignOnSteps,
  emailMismatch,
  usernamePrefixFormat,
  usernameUpdateCreateOnly,
  oktaGroupsSteps,
  pushGroupMissing,
  pushGroupError,
  pushGroupInactive,
  pushGroupNotInDirectory,
  individualAssignment,
  groupSyncConflict,
  productAccessMissing,
];
