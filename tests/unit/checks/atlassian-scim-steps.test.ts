import { describe, expect, it } from 'vitest';
import { atlassianScimSteps } from '../../../utils/checks/atlassian-scim-steps';
import type { ObservationMap } from '../../../utils/observations';

const run = (observations: ObservationMap) => atlassianScimSteps.run({ observations, vault: 'unknown' }).steps ?? {};

describe('atlassian-scim-steps', () => {
  it('ticks taking the values once they were captured, saying how', () => {
    expect(
      run({ 'credentials-captured': { kind: 'credentials-captured', via: 'copy-button', at: 3 } })[
        'atlassian-copy-credentials'
      ],
    ).toEqual({
      status: 'done',
      evidence: "The values were taken with the page's Copy button.",
      at: 3,
    });
  });

  it('ticks saving once the directory page says provisioning is set up, and not before', () => {
    const dir = (provisioning: 'set-up' | 'not-set-up' | 'unknown') => ({
      'atlassian-directory': {
        kind: 'atlassian-directory' as const,
        provisioning,
        unsyncedGroups: 'unknown' as const,
        at: 4,
      },
    });
    expect(run(dir('set-up'))['atlassian-save-scim']?.status).toBe('done');
    expect(run(dir('not-set-up'))['atlassian-save-scim']).toBeUndefined();
    expect(run(dir('unknown'))['atlassian-save-scim']).toBeUndefined();
    expect(run({})).toEqual({});
  });
});
