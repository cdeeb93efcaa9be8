/** Every check, in one explicit list (tests/unit/checks.test.ts keeps it honest). */
import { apiCredentialsRejected } from './api-credentials-rejected';
import { apiIntegrationDisabled } from './api-integration-disabled';
import { atlassianScimSteps } from './atlassian-scim-steps';
import { credentialsMissing } from './credentials-missing';
import { oktaIntegrationSteps } from './okta-integration-steps';
import { pageVisits } from './page-visits';
import type { Check } from './types';

export const CHECKS: readonly Check[] = [
  pageVisits,
  atlassianScimSteps,
  oktaIntegrationSteps,
  apiCredentialsRejected,
  apiIntegrationDisabled,
  credentialsMissing,
];
