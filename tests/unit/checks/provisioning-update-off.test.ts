import { describe, expect, it } from 'vitest';
import { provisioningUpdateOff } from '../../../utils/checks/provisioning-update-off';
import { allToAppReadings, findingsOf, inputOf, toApp } from './okta-readings';

describe('provisioning-update-off', () => {
  it('flags Update User Attributes off as a problem holding back the To App step', () => {
    expect(findingsOf(provisioningUpdateOff, inputOf(toApp({ updateAttributes: false })))).toEqual([
      expect.objectContaining({ code: 'provisioning-update-off', severity: 'problem', step: 'okta-to-app-actions' }),
    ]);
  });

  it('reports exactly when Update User Attributes is seen off: never without a reading, never from unknown', () => {
    expect(findingsOf(provisioningUpdateOff, inputOf())).toEqual([]);
    for (const r of allToAppReadings())
      expect(findingsOf(provisioningUpdateOff, inputOf(r)).length, JSON.stringify(r)).toBe(
        r.updateAttributes === false ? 1 : 0,
      );
  });
});
