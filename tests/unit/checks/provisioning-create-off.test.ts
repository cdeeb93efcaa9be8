import { describe, expect, it } from 'vitest';
import { provisioningCreateOff } from '../../../utils/checks/provisioning-create-off';
import { allToAppReadings, findingsOf, inputOf, toApp } from './okta-readings';

describe('provisioning-create-off', () => {
  it('flags Create Users off as a problem holding back the To App step', () => {
    expect(findingsOf(provisioningCreateOff, inputOf(toApp({ createUsers: false })))).toEqual([
      expect.objectContaining({ code: 'provisioning-create-off', severity: 'problem', step: 'okta-to-app-actions' }),
    ]);
  });

  it('says so when the value is only in the open form', () => {
    const [f] = findingsOf(provisioningCreateOff, inputOf(toApp({ createUsers: false, mode: 'edit' })));
    expect(f?.explanation).toMatch(/not saved yet\)\.$/);
  });

  it('reports exactly when Create Users is seen off: never without a reading, never from unknown', () => {
    expect(findingsOf(provisioningCreateOff, inputOf())).toEqual([]);
    for (const r of allToAppReadings())
      expect(findingsOf(provisioningCreateOff, inputOf(r)).length, JSON.stringify(r)).toBe(
        r.createUsers === false ? 1 : 0,
      );
  });
});
