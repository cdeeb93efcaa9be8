import { describe, expect, it } from 'vitest';
import { apiCredentialsRejected } from '../../../utils/checks/api-credentials-rejected';
import { allIntegrationReadings, input, integration } from './integration-helpers';

describe('api-credentials-rejected', () => {
  it('explains a Forbidden answer with its likely causes', () => {
    const [finding] = apiCredentialsRejected.run(input(integration({ test: 'forbidden' }))).findings ?? [];
    expect(finding).toMatchObject({
      code: 'api-credentials-rejected',
      severity: 'problem',
      step: 'okta-test-credentials',
    });
    expect(finding?.explanation).toMatch(/regenerated/);
    expect(finding?.explanation).toMatch(/organization API key/);
  });

  it('says nothing otherwise, unknowns included', () => {
    expect(apiCredentialsRejected.run(input(undefined))).toEqual({});
    for (const r of allIntegrationReadings()) {
      const findings = apiCredentialsRejected.run(input(r)).findings ?? [];
      expect(findings.length > 0).toBe(r.test === 'forbidden');
    }
  });
});
