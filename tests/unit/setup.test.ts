import { describe, expect, it } from 'vitest';
import {
  applySighting,
  atlassianAppIds,
  EMPTY_SETUPS,
  markStep,
  newSetup,
  recordObservation,
  resetSetup,
  type SetupsState,
  selectSetup,
  setupLabel,
} from '../../utils/setup';

let n = 0;
const makeId = () => `setup-${++n}`;
const OKTA = { kind: 'okta' as const, oktaOrg: 'acme.okta.com', adminOrigin: 'https://acme-admin.okta.com' };
const ATL = { kind: 'atlassian' as const, atlassianOrgId: 'org-a' };

describe('setups', () => {
  it('creates a setup on the first sighting and fills the other half later', () => {
    let s = applySighting(EMPTY_SETUPS, OKTA, 1, makeId);
    const id = s.activeId!;
    expect(s.setups[id]).toMatchObject({ oktaOrg: 'acme.okta.com' });
    s = applySighting(s, ATL, 2, makeId);
    expect(s.activeId).toBe(id);
    expect(s.setups[id]).toMatchObject({ oktaOrg: 'acme.okta.com', atlassianOrgId: 'org-a' });
  });

  it('returns the same state when nothing changes, so nothing is written', () => {
    const s = applySighting(EMPTY_SETUPS, OKTA, 1, makeId);
    expect(applySighting(s, OKTA, 2, makeId)).toBe(s);
  });

  it('keeps two Okta orgs apart and switches back to the first when it is seen again', () => {
    let s = applySighting(applySighting(EMPTY_SETUPS, OKTA, 1, makeId), ATL, 1, makeId);
    const first = s.activeId!;
    s = markStep(s, 'prereq-guard-plan', 'done', 2, makeId);
    s = applySighting(
      s,
      { ...OKTA, oktaOrg: 'other.okta.com', adminOrigin: 'https://other-admin.okta.com' },
      3,
      makeId,
    );
    expect(s.activeId).not.toBe(first);
    expect(s.setups[s.activeId!]!.manual).toEqual({});
    s = applySighting(s, OKTA, 4, makeId);
    expect(s.activeId).toBe(first);
    expect(s.setups[first]!.manual['prereq-guard-plan']).toBe('done');
  });

  it('attributes a site page (no org id) to the active setup', () => {
    let s = applySighting(EMPTY_SETUPS, ATL, 1, makeId);
    s = applySighting(s, { kind: 'atlassian', siteId: 'site-1' }, 2, makeId);
    expect(s.setups[s.activeId!]).toMatchObject({ atlassianOrgId: 'org-a', atlassianSiteId: 'site-1' });
  });

  it('marks, unmarks and skips steps', () => {
    let s: SetupsState = markStep(EMPTY_SETUPS, 'test-accounts', 'done', 1, makeId);
    expect(s.setups[s.activeId!]!.manual['test-accounts']).toBe('done');
    s = markStep(s, 'test-accounts', 'skipped', 2, makeId);
    expect(s.setups[s.activeId!]!.manual['test-accounts']).toBe('skipped');
    s = markStep(s, 'test-accounts', null, 3, makeId);
    expect(s.setups[s.activeId!]!.manual).toEqual({});
  });

  it('reset forgets progress and observations but remembers which orgs the setup is for', () => {
    let s = applySighting(applySighting(EMPTY_SETUPS, OKTA, 1, makeId), ATL, 1, makeId);
    s = markStep(s, 'test-accounts', 'done', 2, makeId);
    s = recordObservation(s, 'visit:okta-apps', { kind: 'page-visit', page: 'okta-apps', at: 2 }, 2, makeId);
    const id = s.activeId!;
    s = resetSetup(s, id, 3);
    expect(s.setups[id]).toMatchObject({
      oktaOrg: 'acme.okta.com',
      atlassianOrgId: 'org-a',
      manual: {},
      observations: {},
    });
  });

  it('ignores reset and select of an unknown setup', () => {
    const s = applySighting(EMPTY_SETUPS, OKTA, 1, makeId);
    expect(resetSetup(s, 'nope', 2)).toBe(s);
    expect(selectSetup(s, 'nope')).toBe(s);
  });

  it('names a setup by its orgs', () => {
    const s = applySighting(EMPTY_SETUPS, OKTA, 1, makeId);
    expect(setupLabel(s.setups[s.activeId!])).toBe('acme.okta.com → Atlassian org not seen yet');
  });

  it('lists the recognised Atlassian Cloud apps of every setup once, for the loader', () => {
    const app = (id: string) => ({ id, path: `/admin/app/atlassian/instance/${id}/` });
    const state: SetupsState = {
      activeId: 'a',
      setups: {
        a: { ...newSetup('a', 1), oktaApp: app('0oaB') },
        b: { ...newSetup('b', 1), oktaApp: app('0oaA') },
        c: { ...newSetup('c', 1), oktaApp: app('0oaB') },
        d: newSetup('d', 1),
      },
    };
    expect(atlassianAppIds(state)).toEqual(['0oaA', '0oaB']);
    expect(atlassianAppIds(resetSetup(state, 'b', 2))).toEqual(['0oaB']);
  });
});
