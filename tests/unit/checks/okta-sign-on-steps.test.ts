import { describe, expect, it } from 'vitest';
import { oktaSignOnSteps } from '../../../utils/checks/okta-sign-on-steps';
import { allSignOnReadings, inputOf, PRIMARY, SOURCE_EMAIL, signOn, toApp, usernameClass } from './okta-readings';

const steps = (...obs: Parameters<typeof inputOf>) => oktaSignOnSteps.run(inputOf(...obs)).steps ?? {};

describe('okta-sign-on-steps', () => {
  it('decides nothing before Sign On was seen', () => {
    expect(steps(toApp())).toEqual({});
  });

  it('ticks the username format only once both sides are known to match', () => {
    expect(steps(signOn())['email-username-format']).toBeUndefined();
    expect(steps(toApp(), signOn())['email-username-format']).toMatchObject({ status: 'done', at: 20 });
    expect(steps(toApp(), signOn({ usernameFormat: 'login' }))['email-username-format']).toBeUndefined();
    expect(steps(toApp({ primaryEmail: 'unknown' }), signOn())['email-username-format']).toBeUndefined();
  });

  it('ticks "Create and update" and nothing else', () => {
    expect(steps(signOn())['email-update-on']).toMatchObject({ status: 'done' });
    expect(steps(signOn({ updateOn: 'create-only' }))['email-update-on']).toBeUndefined();
    expect(steps(signOn({ mode: 'edit' }))['email-update-on']?.evidence).toMatch(/save to keep it/);
  });

  it('follows the truth table over every Sign On reading and Primary email; never a problem verdict', () => {
    for (const primaryEmail of Object.keys(PRIMARY))
      for (const r of allSignOnReadings()) {
        const s = steps(toApp({ primaryEmail }), r);
        const primary = PRIMARY[primaryEmail];
        const same = primary === usernameClass(r) && !['unknown', 'prefix', 'none'].includes(primary ?? 'unknown');
        expect(s['email-username-format']?.status, JSON.stringify({ primaryEmail, r })).toBe(same ? 'done' : undefined);
        expect(s['email-update-on']?.status).toBe(r.updateOn === 'create-and-update' ? 'done' : undefined);
      }
  });

  it('matches only what the equivalences say', () => {
    const done = (primaryEmail: string, r: ReturnType<typeof signOn>) =>
      steps(toApp({ primaryEmail }), r)['email-username-format']?.status === 'done';
    expect(done('user.email', signOn({ usernameFormat: 'email' }))).toBe(true);
    expect(done(SOURCE_EMAIL, signOn({ usernameFormat: 'custom', customExpression: 'user.email' }))).toBe(true);
    expect(done('user.login', signOn({ usernameFormat: 'login' }))).toBe(true);
    expect(done('user.email', signOn({ usernameFormat: 'email-prefix' }))).toBe(false);
    expect(done('user.email', signOn({ usernameFormat: 'none' }))).toBe(false);
    expect(done('user.email', signOn({ usernameFormat: 'custom', customExpression: 'unknown' }))).toBe(false);
  });
});
