import { describe, expect, it } from 'vitest';
import { emailMismatch } from '../../../utils/checks/email-mismatch';
import {
  allSignOnReadings,
  findingsOf,
  inputOf,
  PRIMARY,
  SOURCE_EMAIL,
  signOn,
  toApp,
  usernameClass,
} from './okta-readings';

const PLAIN = ['email', 'login', 'secondEmail'];

/** The expected code for a pair (undefined: nothing). */
function expected(primary: string | undefined, username: string | undefined): string | undefined {
  if (primary === undefined && username === undefined) return undefined;
  if (username === undefined) return primary === 'unknown' ? undefined : 'email-unchecked';
  if (primary === undefined) return username === 'unknown' || username === 'prefix' ? undefined : 'email-unchecked';
  if (primary === 'unknown' || username === 'unknown' || username === 'prefix') return undefined;
  if (PLAIN.includes(primary) && PLAIN.includes(username)) return primary === username ? undefined : 'email-mismatch';
  return primary === username ? undefined : 'email-unchecked';
}

describe('email-mismatch', () => {
  it('flags Okta username against a Primary email mapped from user.email', () => {
    const [f, ...rest] = findingsOf(emailMismatch, inputOf(toApp(), signOn({ usernameFormat: 'login' })));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ code: 'email-mismatch', severity: 'problem', step: 'email-username-format' });
    expect(f?.explanation).toContain('user.email');
    expect(f?.explanation).toContain('user.login');
  });

  it('accepts the equivalent spellings: Email, user.email, source.email', () => {
    for (const [primaryEmail, username] of [
      ['user.email', signOn({ usernameFormat: 'email' })],
      [SOURCE_EMAIL, signOn({ usernameFormat: 'email' })],
      ['user.email', signOn({ usernameFormat: 'custom', customExpression: SOURCE_EMAIL })],
      ['user.login', signOn({ usernameFormat: 'login' })],
      ['user.login', signOn({ usernameFormat: 'custom', customExpression: 'user.login' })],
    ] as const)
      expect(findingsOf(emailMismatch, inputOf(toApp({ primaryEmail }), username)), primaryEmail).toEqual([]);
  });

  it('only hints, never flags, when one side has not been seen', () => {
    const [onlyToApp] = findingsOf(emailMismatch, inputOf(toApp()));
    expect(onlyToApp).toMatchObject({ code: 'email-unchecked', severity: 'info' });
    expect(onlyToApp?.fix).toMatch(/Sign On/);
    const [onlySignOn] = findingsOf(emailMismatch, inputOf(signOn({ usernameFormat: 'login' })));
    expect(onlySignOn).toMatchObject({ code: 'email-unchecked', severity: 'info' });
    expect(onlySignOn?.fix).toMatch(/To App/);
  });

  it('follows the truth table over every To App and Sign On combination, unknowns included', () => {
    const toApps = [undefined, ...Object.keys(PRIMARY).map((primaryEmail) => toApp({ primaryEmail }))];
    const signOns = [undefined, ...allSignOnReadings()];
    let problems = 0;
    for (const t of toApps)
      for (const s of signOns) {
        const findings = findingsOf(emailMismatch, inputOf(t, s));
        const want = expected(t && PRIMARY[t.primaryEmail], s && usernameClass(s));
        expect(
          findings.map((f) => f.code),
          JSON.stringify({ t, s }),
        ).toEqual(want ? [want] : []);
        for (const f of findings) expect(f.severity).toBe(f.code === 'email-mismatch' ? 'problem' : 'info');
        if (want === 'email-mismatch') problems++;
      }
    expect(problems).toBeGreaterThan(0);
  });
});
