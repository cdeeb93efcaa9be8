import { describe, expect, it } from 'vitest';
import { provisioningDeactivateOff } from '../../../utils/checks/provisioning-deactivate-off';
import { allToAppReadings, findingsOf, inputOf, toApp } from './okta-readings';

describe('provisioning-deactivate-off', () => {
  it('flags Deactivate Users off: people who leave keep their Atlassian account', () => {
    const [f] = findingsOf(provisioningDeactivateOff, inputOf(toApp({ deactivateUsers: false })));
    expect(f).toMatchObject({ code: 'provisioning-deactivate-off', severity: 'problem', step: 'okta-to-app-actions' });
    expect(f?.explanation).toMatch(/stays active/);
  });

  it('reports exactly when Deactivate Users is seen off: never without a reading, never from unknown', () => {
    expect(findingsOf(provisioningDeactivateOff, inputOf())).toEqual([]);
    for (const r of allToAppReadings())
      expect(findingsOf(provisioningDeactivateOff, inputOf(r)).length, JSON.stringify(r)).toBe(
        r.deactivateUsers === false ? 1 : 0,
      );
  });
});
