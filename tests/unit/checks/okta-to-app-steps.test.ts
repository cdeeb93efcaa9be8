import { describe, expect, it } from 'vitest';
import { oktaToAppSteps } from '../../../utils/checks/okta-to-app-steps';
import { allToAppReadings, inputOf, toApp } from './okta-readings';

const steps = (r?: ReturnType<typeof toApp>) => oktaToAppSteps.run(inputOf(r)).steps ?? {};

describe('okta-to-app-steps', () => {
  it('decides nothing before To App was seen', () => {
    expect(steps()).toEqual({});
  });

  it('ticks the actions step when Create, Update and Deactivate are on, and the Primary email step once read', () => {
    expect(steps(toApp())).toEqual({
      'okta-to-app-actions': { status: 'done', evidence: expect.stringContaining('Deactivate Users'), at: 10 },
      'email-primary-attribute': { status: 'done', evidence: 'Primary email is mapped from user.email.', at: 10 },
    });
    expect(steps(toApp({ mode: 'edit' }))['okta-to-app-actions']?.evidence).toMatch(/save to keep it/);
  });

  it('follows the truth table: done only from values seen, never a problem (findings carry those)', () => {
    for (const r of allToAppReadings()) {
      const s = steps(r);
      const allOn = r.createUsers === true && r.updateAttributes === true && r.deactivateUsers === true;
      expect(s['okta-to-app-actions']?.status, JSON.stringify(r)).toBe(allOn ? 'done' : undefined);
      expect(s['email-primary-attribute']?.status).toBe(r.primaryEmail === 'unknown' ? undefined : 'done');
    }
  });
});
