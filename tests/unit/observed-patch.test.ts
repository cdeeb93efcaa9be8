/**
 * List readings through the real router and handlers: a whole reading, then patches against the revision
 * it was stored as. A patch made against another revision, one whose result is not a valid reading, and
 * one from a page that may not report that reading are all refused and change nothing.
 */
import { describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../utils/background/handlers';
import { createRouter } from '../../utils/background/router';
import { createVaultService } from '../../utils/background/vault-service';
import type { Reading } from '../../utils/observations';
import type { OktaPushGroupsReading, PushedGroup } from '../../utils/readers/okta-push-groups';
import { diffReading, type ReadingPatch } from '../../utils/reading-patch';
import { setupsItem } from '../../utils/storage';
import { testPageViews } from '../fakes/page-views';
import { fakeScimApi } from '../fakes/scim-api';

const ID = 'ext-id';
const EXT = 'chrome-extension://ext-id';
const APP = '0oa1abcdefGHIJKL2345';
const appUrl = (id: string, tab: string) => `https://acme-admin.okta.com/admin/app/atlassian/instance/${id}/#${tab}`;
const OKTA = { id: ID, url: appUrl(APP, 'tab-push-groups'), frameId: 0, tab: { id: 3 } };
const OTHER_APP = { ...OKTA, url: appUrl('0oa9zzzzzzzzzzzzzzzz', 'tab-push-groups'), tab: { id: 5 } };
const ATLASSIAN = {
  id: ID,
  url: 'https://admin.atlassian.com/o/org-1/security/identity-providers/d/scim-setup',
  frameId: 0,
  tab: { id: 4 },
};

function setup() {
  const vault = createVaultService({ now: () => 1000, alarms: { create: vi.fn(), clear: vi.fn() } });
  const handlers = createHandlers({
    now: () => 1000,
    makeId: () => 'setup-1',
    openChecklist: async () => undefined,
    injectOverlay: async () => undefined,
    pageViews: testPageViews(vault).views,
    vault,
    activeTab: async () => undefined,
    fillTab: async () => ({ filled: [], problems: [] }),
    scimApi: fakeScimApi().deps,
  });
  const route = createRouter(handlers, { id: ID, origin: EXT }, () => undefined);
  return {
    route,
    /** The page's title said Atlassian Cloud: the app is recognised for the setup. */
    recognise: (sender: object = OKTA) =>
      route({ type: 'page-seen', payload: { hints: {}, atlassianApp: true } }, sender),
    whole: (reading: Reading, sender: object = OKTA) => route({ type: 'observed', payload: { reading } }, sender),
    patch: (patch: ReadingPatch, sender: object = OKTA) => route({ type: 'observed-patch', payload: patch }, sender),
  };
}

const group = (i: number, status: PushedGroup['status'] = 'active'): PushedGroup => ({ name: `Group ${i}`, status });
const pushGroups = (groups: PushedGroup[], complete: boolean | 'unknown' = true): OktaPushGroupsReading => ({
  kind: 'okta-push-groups',
  enabled: true,
  groups,
  complete,
});
const A = pushGroups([group(1), group(2), group(3)]);
const B = pushGroups([group(1), group(2, 'error'), group(3), group(4)], false);
const C = pushGroups([group(2, 'error'), group(4), group(5)]);

async function stored(kind: Reading['kind'] = 'okta-push-groups') {
  const state = await setupsItem.getValue();
  return state.activeId ? state.setups[state.activeId]!.observations[kind] : undefined;
}

describe('list readings sent as patches', () => {
  it('stores a whole reading, then a patch against it, as the full later reading', async () => {
    const { recognise, whole, patch } = setup();
    await recognise();
    expect(await whole(A)).toEqual({ ok: true, value: { rev: 1 } });
    expect(await patch(diffReading(A, B, 1)!)).toEqual({ ok: true, value: { rev: 2 } });
    expect(await stored()).toEqual({ ...B, at: 1000, appId: APP, rev: 2 });
  });

  it('counts a revision for every write of the kind, whole or patched', async () => {
    const { recognise, whole, patch } = setup();
    await recognise();
    expect(await whole(A)).toMatchObject({ value: { rev: 1 } });
    expect(await patch(diffReading(A, B, 1)!)).toMatchObject({ value: { rev: 2 } });
    expect(await patch(diffReading(B, C, 2)!)).toMatchObject({ value: { rev: 3 } });
    expect(await whole(A)).toMatchObject({ value: { rev: 4 } });
    expect(await patch(diffReading(A, C, 4)!)).toMatchObject({ value: { rev: 5 } });
    expect(await stored()).toEqual({ ...C, at: 1000, appId: APP, rev: 5 });
  });

  it('keeps revisions apart per kind', async () => {
    const { recognise, whole } = setup();
    await recognise();
    await whole(A);
    await whole(B);
    const people: Reading = { kind: 'okta-assigned-people', individuals: [{ name: 'Ada' }], complete: true };
    expect(await whole(people)).toEqual({ ok: true, value: { rev: 1 } });
  });

  it('refuses a patch made against another revision as stale, and keeps what is stored', async () => {
    const { recognise, whole, patch } = setup();
    await recognise();
    await whole(A);
    await whole(B);
    const before = await stored();
    // Made against revision 1, but another tab wrote revision 2 meanwhile.
    expect(await patch(diffReading(A, C, 1)!)).toMatchObject({ ok: false, code: 'reading-stale' });
    expect(await patch(diffReading(B, C, 7)!)).toMatchObject({ ok: false, code: 'reading-stale' });
    expect(await stored()).toEqual(before);
  });

  it('refuses a patch as stale when nothing of that kind is stored yet', async () => {
    const { recognise, patch } = setup();
    await recognise();
    expect(await patch(diffReading(A, B, 0)!)).toMatchObject({ ok: false, code: 'reading-stale' });
    expect(await stored()).toBeUndefined();
  });

  it('refuses a patch whose rows are not valid, and keeps what is stored', async () => {
    const { recognise, whole, patch } = setup();
    await recognise();
    await whole(A);
    const before = await stored();
    const bogus = pushGroups([group(1), { name: 'Group 2', status: 'bogus' as PushedGroup['status'] }, group(3)]);
    const answer = await patch(diffReading(A, bogus, 1)!);
    expect(answer).toMatchObject({ ok: false });
    expect(answer).not.toMatchObject({ code: 'reading-stale' });
    expect(await stored()).toEqual(before);
    // The stored revision did not move: a good patch against it still applies.
    expect(await patch(diffReading(A, B, 1)!)).toEqual({ ok: true, value: { rev: 2 } });
  });

  it('refuses a patch whose small fields make an invalid reading', async () => {
    const { recognise, whole, patch } = setup();
    await recognise();
    await whole(A);
    const before = await stored();
    const bad = { ...diffReading(A, B, 1)!, fields: { enabled: true, complete: 'maybe' } };
    expect(await patch(bad)).toMatchObject({ ok: false });
    const extra = { ...diffReading(A, B, 1)!, fields: { enabled: true, complete: true, at: 5 } };
    expect(await patch(extra)).toMatchObject({ ok: false });
    expect(await stored()).toEqual(before);
  });

  it('refuses a patch whose splice does not fit the stored list', async () => {
    const { recognise, whole, patch } = setup();
    await recognise();
    await whole(A);
    const before = await stored();
    const answer = await patch({ ...diffReading(A, B, 1)!, splice: { start: 2, deleteCount: 5, items: [] } });
    expect(answer).toMatchObject({ ok: false });
    expect(await stored()).toEqual(before);
  });

  it('refuses an Okta reading from an Atlassian page, as a patch or whole', async () => {
    const { recognise, whole, patch } = setup();
    await recognise();
    await whole(A);
    const before = await setupsItem.getValue();
    expect(await patch(diffReading(A, B, 1)!, ATLASSIAN)).toMatchObject({ ok: false });
    expect(await whole(B, ATLASSIAN)).toMatchObject({ ok: false });
    expect(await setupsItem.getValue()).toEqual(before);
  });

  it('refuses a list reading from an Okta page of another app, as a patch or whole', async () => {
    const { recognise, whole, patch } = setup();
    await recognise();
    await whole(A);
    const before = await setupsItem.getValue();
    expect(await patch(diffReading(A, B, 1)!, OTHER_APP)).toMatchObject({ ok: false });
    expect(await whole(B, OTHER_APP)).toMatchObject({ ok: false });
    expect(await setupsItem.getValue()).toEqual(before);
  });

  it('refuses a list reading before any app is recognised, as a patch or whole', async () => {
    const { route, whole, patch } = setup();
    await route({ type: 'page-seen', payload: { hints: {}, atlassianApp: 'unknown' } }, OKTA);
    const before = await setupsItem.getValue();
    expect(await patch(diffReading(A, B, 0)!)).toMatchObject({ ok: false });
    expect(await whole(A)).toMatchObject({ ok: false });
    expect(await setupsItem.getValue()).toEqual(before);
  });

  it('treats a patch against the reading of a previously recognised app as stale', async () => {
    const { recognise, whole, patch } = setup();
    await recognise();
    await whole(A);
    // The admin recognised another instance as the Atlassian Cloud app: what the old one showed does not apply.
    await recognise(OTHER_APP);
    const before = await stored();
    expect(await patch(diffReading(A, B, 1)!, OTHER_APP)).toMatchObject({ ok: false, code: 'reading-stale' });
    expect(await stored()).toEqual(before);
    expect(await whole(B, OTHER_APP)).toMatchObject({ ok: true });
    expect(await stored()).toMatchObject({ ...B, appId: '0oa9zzzzzzzzzzzzzzzz' });
  });

  it('refuses a patch of a reading that has no list, before any handler sees it', async () => {
    const { recognise, patch } = setup();
    await recognise();
    const answer = await patch({
      kind: 'okta-integration' as ReadingPatch['kind'],
      base: 0,
      fields: { mode: 'read' },
      splice: { start: 0, deleteCount: 0, items: [] },
    });
    expect(answer).toEqual({ ok: false, error: 'The request was malformed and nothing was changed.' });
  });
});
