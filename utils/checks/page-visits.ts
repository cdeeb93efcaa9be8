import { type ObservationMap, type PageVisitObservation, visitKey } from '../observations';
import type { PageId } from '../pages';
import type { Check } from './types';

const visit = (obs: ObservationMap, page: PageId) => obs[visitKey(page)] as PageVisitObservation | undefined;

/** Steps that are done once the admin has reached the page where they happen. */
export const pageVisits: Check = {
  id: 'page-visits',
  findings: [],
  steps: ['atlassian-open-provisioning', 'okta-add-app'],
  run({ observations: obs }) {
    const steps: ReturnType<Check['run']>['steps'] = {};
    const scim = visit(obs, 'atlassian-scim-setup');
    if (scim) {
      steps['atlassian-open-provisioning'] = {
        status: 'done',
        evidence: 'The user provisioning setup page was open in admin.atlassian.com.',
        at: scim.at,
      };
    }
    // Any tab of the app instance proves the app exists; only a recognised Atlassian Cloud app counts.
    const appVisits = Object.values(obs).filter(
      (o): o is PageVisitObservation => o.kind === 'page-visit' && o.page.startsWith('okta-app-'),
    );
    const atlassianApp = appVisits.find((o) => o.atlassianApp === true);
    if (atlassianApp) {
      steps['okta-add-app'] = {
        status: 'done',
        evidence: 'An Atlassian Cloud app instance was open in the Okta Admin Console.',
        at: atlassianApp.at,
      };
    }
    return { steps };
  },
};
