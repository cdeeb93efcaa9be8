import { describe, expect, it } from 'vitest';
import { apiCredentialsRejected } from '../../../utils/checks/api-credentials-rejected';
import { allIntegrationReadings, input, integration } from './integration-helpers';
import { ALL_OUTCOMES, inputOf, verification } from './scim-verification-helpers';

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

  it('tells an organization key from a regenerated one when Okta shows the body', () => {
    const [finding] =
      apiCredentialsRejected.run(
        input(integration({ test: 'forbidden', testMessage: 'Not authorized to access : scim/directory/x/Users' })),
      ).findings ?? [];
    expect(finding?.explanation).toMatch(/Not authorized to access/);
    expect(finding?.explanation).not.toMatch(/regenerated/);
  });

  it("raises it from the extension's own verification, wording it by the refusal", () => {
    const wrong = apiCredentialsRejected.run(
      inputOf(verification({ result: 'rejected', reason: 'wrong-key-type', status: 401 })),
    ).findings?.[0];
    expect(wrong).toMatchObject({ code: 'api-credentials-rejected', step: 'okta-test-credentials' });
    expect(wrong?.title).toMatch(/not the directory/);
    expect(wrong?.explanation).toMatch(/organization API key/);
    const stale = apiCredentialsRejected.run(
      inputOf(verification({ result: 'rejected', reason: 'invalid-key', status: 403 })),
    ).findings?.[0];
    expect(stale?.explanation).toMatch(/HTTP 403/);
    expect(stale?.explanation).toMatch(/regenerated/);
    for (const outcome of ALL_OUTCOMES) {
      const findings = apiCredentialsRejected.run(inputOf(verification(outcome))).findings ?? [];
      expect(findings.length > 0, outcome.result).toBe(outcome.result === 'rejected');
    }
  });
});
