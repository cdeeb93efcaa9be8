import { describe, expect, it } from 'vitest';
import { apiIntegrationDisabled } from '../../../utils/checks/api-integration-disabled';
import { allIntegrationReadings, input, integration } from './integration-helpers';

describe('api-integration-disabled', () => {
  it('warns when the form is open with API integration unticked, or saved off', () => {
    expect(
      apiIntegrationDisabled.run(input(integration({ mode: 'edit', apiEnabled: false }))).findings?.[0],
    ).toMatchObject({
      code: 'api-integration-disabled',
      severity: 'warning',
    });
    expect(apiIntegrationDisabled.run(input(integration({ mode: 'read', apiEnabled: false }))).findings).toHaveLength(
      1,
    );
  });

  it('does not flag the untouched starting point, nor anything unknown', () => {
    expect(apiIntegrationDisabled.run(input(integration({ mode: 'not-configured', apiEnabled: false })))).toEqual({});
    for (const r of allIntegrationReadings()) {
      const flagged = (apiIntegrationDisabled.run(input(r)).findings ?? []).length > 0;
      expect(flagged).toBe(r.apiEnabled === false && (r.mode === 'edit' || r.mode === 'read'));
    }
  });
});
