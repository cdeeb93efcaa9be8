import { describe, expect, it } from 'vitest';
import { usernameUpdateCreateOnly } from '../../../utils/checks/username-update-create-only';
import { allSignOnReadings, findingsOf, inputOf, signOn } from './okta-readings';

describe('username-update-create-only', () => {
  it('flags "Create only" on the email-update-on step', () => {
    expect(findingsOf(usernameUpdateCreateOnly, inputOf(signOn({ updateOn: 'create-only' })))).toEqual([
      expect.objectContaining({ code: 'username-update-create-only', severity: 'problem', step: 'email-update-on' }),
    ]);
  });

  it('reports exactly "Create only", whatever else the reading holds; nothing from unknown or no reading', () => {
    expect(findingsOf(usernameUpdateCreateOnly, inputOf())).toEqual([]);
    for (const r of allSignOnReadings())
      expect(findingsOf(usernameUpdateCreateOnly, inputOf(r)).length, JSON.stringify(r)).toBe(
        r.updateOn === 'create-only' ? 1 : 0,
      );
  });
});
