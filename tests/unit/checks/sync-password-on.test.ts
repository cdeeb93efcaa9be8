import { describe, expect, it } from 'vitest';
import { syncPasswordOn } from '../../../utils/checks/sync-password-on';
import { allToAppReadings, findingsOf, inputOf, toApp } from './okta-readings';

describe('sync-password-on', () => {
  it('warns (does not block) when Sync Password is on', () => {
    expect(findingsOf(syncPasswordOn, inputOf(toApp({ syncPassword: true })))).toEqual([
      expect.objectContaining({ code: 'sync-password-on', severity: 'warning', step: 'okta-to-app-actions' }),
    ]);
  });

  it('reports exactly when Sync Password is seen on: never without a reading, never from unknown', () => {
    expect(findingsOf(syncPasswordOn, inputOf())).toEqual([]);
    for (const r of allToAppReadings())
      expect(findingsOf(syncPasswordOn, inputOf(r)).length, JSON.stringify(r)).toBe(r.syncPassword === true ? 1 : 0);
  });
});
