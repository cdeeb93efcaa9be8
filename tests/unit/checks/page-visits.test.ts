import { describe, expect, it } from 'vitest';
import { pageVisits } from '../../../utils/checks/page-visits';
import type { ObservationMap, PageVisitObservation } from '../../../utils/observations';

const visit = (
  page: PageVisitObservation['page'],
  extra: Partial<PageVisitObservation> = {},
): PageVisitObservation => ({
  kind: 'page-visit',
  page,
  at: 10,
  ...extra,
});

describe('page-visits', () => {
  const run = (observations: ObservationMap) => pageVisits.run({ observations, vault: 'unknown' });

  it('says nothing before any page was seen', () => {
    expect(run({})).toEqual({ steps: {} });
  });

  it('ticks opening the provisioning setup once its page was open', () => {
    const result = run({ 'visit:atlassian-scim-setup': visit('atlassian-scim-setup') });
    expect(result.steps?.['atlassian-open-provisioning']).toMatchObject({ status: 'done', at: 10 });
  });

  it('does not tick it for the identity providers list alone', () => {
    expect(run({ 'visit:atlassian-identity-providers': visit('atlassian-identity-providers') }).steps).toEqual({});
  });

  it('ticks adding the app only for a recognised Atlassian Cloud app', () => {
    expect(run({ 'visit:okta-app-general': visit('okta-app-general', { atlassianApp: 'unknown' }) }).steps).toEqual({});
    expect(run({ 'visit:okta-apps': visit('okta-apps') }).steps).toEqual({});
    const seen = run({ 'visit:okta-app-assignments': visit('okta-app-assignments', { atlassianApp: true }) });
    expect(seen.steps?.['okta-add-app']?.status).toBe('done');
  });
});
