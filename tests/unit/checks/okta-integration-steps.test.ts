import { describe, expect, it } from 'vitest';
import { oktaIntegrationSteps } from '../../../utils/checks/okta-integration-steps';
import { allIntegrationReadings, input, integration } from './integration-helpers';

const run = (patch: Parameters<typeof integration>[0]) =>
  oktaIntegrationSteps.run(input(integration(patch))).steps ?? {};

describe('okta-integration-steps', () => {
  it('decides nothing without a reading of the Integration pane', () => {
    expect(oktaIntegrationSteps.run(input(undefined)).steps).toEqual({});
  });

  it('ticks all three steps for a saved, enabled integration', () => {
    const steps = run({ mode: 'read', apiEnabled: true, baseUrl: 'valid', apiToken: 'filled' });
    expect(Object.entries(steps).map(([k, v]) => [k, v?.status])).toEqual([
      ['okta-enable-api', 'done'],
      ['okta-enter-credentials', 'done'],
      ['okta-test-credentials', 'done'],
    ]);
  });

  it('follows the admin through the form', () => {
    expect(run({ apiEnabled: false })).toEqual({});
    expect(Object.keys(run({ apiEnabled: true }))).toEqual(['okta-enable-api']);
    expect(run({ baseUrl: 'valid', apiToken: 'filled' })['okta-enter-credentials']?.status).toBe('done');
    expect(run({ baseUrl: 'valid', apiToken: 'filled', test: 'passed' })['okta-test-credentials']?.status).toBe('done');
  });

  it('marks a Base URL that is not a SCIM base URL, and a failed test, as problems', () => {
    expect(run({ baseUrl: 'invalid', apiToken: 'filled' })['okta-enter-credentials']?.status).toBe('problem');
    expect(
      run({ test: 'forbidden', testMessage: 'Error authenticating: Forbidden.' })['okta-test-credentials'],
    ).toMatchObject({
      status: 'problem',
      evidence: 'Error authenticating: Forbidden.',
    });
  });

  it('never calls a step done from an unknown field, across every combination', () => {
    for (const r of allIntegrationReadings()) {
      const steps = oktaIntegrationSteps.run(input(r)).steps ?? {};
      if (steps['okta-enable-api']?.status === 'done') expect(r.apiEnabled, JSON.stringify(r)).toBe(true);
      if (steps['okta-test-credentials']?.status === 'done')
        expect(r.test === 'passed' || (r.mode === 'read' && r.apiEnabled === true)).toBe(true);
      if (steps['okta-enter-credentials']?.status === 'done')
        expect((r.baseUrl === 'valid' && r.apiToken === 'filled') || (r.mode === 'read' && r.apiEnabled === true)).toBe(
          true,
        );
      for (const v of Object.values(steps))
        if (v?.status === 'problem')
          expect([r.baseUrl, r.test]).toEqual(
            expect.arrayContaining([expect.stringMatching(/invalid|forbidden|failed/)]),
          );
    }
  });
});
