import { describe, expect, it } from 'vitest';
import { scimDirectoryNotFound } from '../../../utils/checks/scim-directory-not-found';
import { ALL_OUTCOMES, inputOf, verification } from './scim-verification-helpers';

describe('scim-directory-not-found', () => {
  it('holds back the credentials step when the SCIM API has no such directory', () => {
    const [finding] =
      scimDirectoryNotFound.run(inputOf(verification({ result: 'directory-not-found' }))).findings ?? [];
    expect(finding).toMatchObject({
      code: 'scim-directory-not-found',
      severity: 'problem',
      step: 'atlassian-copy-credentials',
    });
    expect(finding?.fix).toMatch(/directory id/);
  });

  it('says nothing for any other outcome, or without a verification', () => {
    expect(scimDirectoryNotFound.run(inputOf())).toEqual({});
    for (const outcome of ALL_OUTCOMES) {
      const findings = scimDirectoryNotFound.run(inputOf(verification(outcome))).findings ?? [];
      expect(findings.length > 0, outcome.result).toBe(outcome.result === 'directory-not-found');
    }
  });
});
