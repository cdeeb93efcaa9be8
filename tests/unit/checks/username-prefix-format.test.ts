import { describe, expect, it } from 'vitest';
import { usernamePrefixFormat } from '../../../utils/checks/username-prefix-format';
import { allSignOnReadings, EMAIL_BEFORE_AT, findingsOf, inputOf, signOn } from './okta-readings';

describe('username-prefix-format', () => {
  it('flags Email prefix and Okta username prefix: never a full email', () => {
    for (const usernameFormat of ['email-prefix', 'login-prefix'] as const)
      expect(findingsOf(usernamePrefixFormat, inputOf(signOn({ usernameFormat })))).toEqual([
        expect.objectContaining({ code: 'username-prefix-format', severity: 'problem', step: 'email-username-format' }),
      ]);
  });

  it('flags a Custom expression that takes the part before "@"', () => {
    const r = signOn({ usernameFormat: 'custom', customExpression: EMAIL_BEFORE_AT });
    expect(findingsOf(usernamePrefixFormat, inputOf(r))).toHaveLength(1);
  });

  it('reports exactly the prefix formats, across every Sign On reading; nothing without one', () => {
    expect(findingsOf(usernamePrefixFormat, inputOf())).toEqual([]);
    for (const r of allSignOnReadings()) {
      const prefix =
        r.usernameFormat === 'email-prefix' ||
        r.usernameFormat === 'login-prefix' ||
        (r.usernameFormat === 'custom' && /substringBefore/.test(r.customExpression ?? ''));
      expect(findingsOf(usernamePrefixFormat, inputOf(r)).length, JSON.stringify(r)).toBe(prefix ? 1 : 0);
    }
  });
});
