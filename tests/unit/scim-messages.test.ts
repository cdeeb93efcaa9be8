/**
 * Verify and pushed-groups lookup through the real router and handlers, with the network replaced by
 * fakeScimApi: what is sent (and only there), what each answer leads to, pacing, 429, cancel.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '../../utils/background/handlers';
import { createRouter } from '../../utils/background/router';
import { createVaultService } from '../../utils/background/vault-service';
import type { OktaPushGroupsReading, PushedGroup } from '../../utils/readers/okta-push-groups';
import { deriveState } from '../../utils/status';
import { setupsItem } from '../../utils/storage';
import { testPageViews } from '../fakes/page-views';
import { type FakeScimApi, fakeScimApi } from '../fakes/scim-api';

const ID = 'ext-id';
const EXT = 'chrome-extension://ext-id';
const SIDE_PANEL = { id: ID, url: `${EXT}/sidepanel.html` };
const ATLASSIAN = {
  id: ID,
  url: 'https://admin.atlassian.com/o/org-1/security/identity-providers/d/scim-setup',
  frameId: 0,
  tab: { id: 4 },
};
const OKTA = {
  id: ID,
  url: 'https://acme-admin.okta.com/admin/app/atlassian/instance/0oa1/#tab-user-management/api-credentials',
  frameId: 0,
  tab: { id: 3 },
};
const BASE = 'https://api.atlassian.com/scim/directory/5f3c2b1a-9d8e-4f7a-b6c5-1234567890ab';
const KEY = `ATCTT3xFfGN0${'k'.repeat(170)}WXYZ`;
const OTHER_KEY = `ATCTT3xFfGN0${'q'.repeat(170)}ABCD`;
const capture = (apiKey = KEY) => ({ type: 'capture-credentials', payload: { baseUrl: BASE, apiKey, via: 'page' } });
const VERIFY = { type: 'verify-credentials', payload: {} };
const CHECK_GROUPS = { type: 'check-pushed-groups', payload: {} };

const scimList = (resources: unknown[], total = resources.length) =>
  Response.json({
    schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
    totalResults: total,
    startIndex: 1,
    itemsPerPage: resources.length,
    Resources: resources,
  });

/** A directory of 7 users and the given groups (name → member count). */
function directory(groups: Record<string, number>) {
  return (url: string) => {
    const u = new URL(url);
    if (u.pathname.endsWith('/Users')) return scimList([{ id: 'u1', userName: 'a@acme.com' }], 7);
    const name = /^displayName eq "(.*)"$/.exec(u.searchParams.get('filter') ?? '')?.[1]?.replace(/\\(.)/g, '$1');
    const members = name !== undefined ? groups[name] : undefined;
    return scimList(
      members === undefined
        ? []
        : [
            {
              id: `g-${name}`,
              displayName: name,
              members: Array.from({ length: members }, (_, i) => ({ value: `u${i}` })),
            },
          ],
    );
  };
}

function setup(api: FakeScimApi = fakeScimApi(directory({}), { granted: true })) {
  const now = 1_000;
  const log: string[] = [];
  const vault = createVaultService({ now: () => now, alarms: { create: () => undefined, clear: () => undefined } });
  const handlers = createHandlers({
    now: () => now,
    makeId: () => 'setup-1',
    openChecklist: async () => undefined,
    injectOverlay: async () => undefined,
    vault,
    pageViews: testPageViews(vault).views,
    activeTab: async () => undefined,
    fillTab: async () => ({ filled: [], problems: [] }),
    scimApi: api.deps,
  });
  const route = createRouter(handlers, { id: ID, origin: EXT }, (line) => log.push(line));
  return { route, api, log };
}

async function seedPushGroups(groups: PushedGroup[]) {
  const state = await setupsItem.getValue();
  const id = state.activeId ?? 'setup-1';
  const setup = state.setups[id] ?? { id, manual: {}, observations: {}, createdAt: 0, updatedAt: 0 };
  const reading: OktaPushGroupsReading & { at: number } = {
    kind: 'okta-push-groups',
    enabled: true,
    groups,
    complete: true,
    at: 500,
  };
  await setupsItem.setValue({
    activeId: id,
    setups: {
      ...state.setups,
      [id]: { ...setup, observations: { ...setup.observations, 'okta-push-groups': reading } },
    },
  });
}

const observations = async () => {
  const s = await setupsItem.getValue();
  return s.setups[s.activeId ?? '']?.observations ?? {};
};
const derived = async () => {
  const s = await setupsItem.getValue();
  return deriveState(s.activeId ? s.setups[s.activeId] : undefined);
};

async function storedEverywhere(): Promise<string> {
  return (
    JSON.stringify(await fakeBrowser.storage.local.get(null)) + JSON.stringify(await fakeBrowser.storage.sync.get(null))
  );
}

describe('verify-credentials', () => {
  it('says so when nothing is held, and sends nothing', async () => {
    const { route, api } = setup();
    expect(await route(VERIFY, SIDE_PANEL)).toMatchObject({ ok: false, code: 'nothing-held' });
    expect(api.requests).toHaveLength(0);
  });

  it('sends nothing without the optional permission', async () => {
    const { route, api } = setup(fakeScimApi(directory({})));
    await route(capture(), ATLASSIAN);
    const answer = await route(VERIFY, SIDE_PANEL);
    expect(answer).toMatchObject({ ok: false, code: 'api-permission-needed' });
    expect(api.requests).toHaveLength(0);
  });

  it('asks for the permission itself when the overlay relays the click, and goes on when granted', async () => {
    const api = fakeScimApi(directory({}), { grantOnRequest: true });
    const { route } = setup(api);
    await route(capture(), ATLASSIAN);
    expect(await route(VERIFY, OKTA)).toEqual({ ok: true, value: { result: 'valid', userCount: 7 } });
  });

  it('sends the key only in the Authorization header of one GET to the directory, without cookies or redirects', async () => {
    const { route, api } = setup();
    await route(capture(), ATLASSIAN);
    const answer = await route(VERIFY, SIDE_PANEL);
    expect(answer).toEqual({ ok: true, value: { result: 'valid', userCount: 7 } });
    expect(api.requests).toHaveLength(1);
    const [{ url, init }] = api.requests as [{ url: string; init: RequestInit }];
    expect(url).toBe(`${BASE}/Users?startIndex=1&count=1`);
    expect(url).not.toContain(KEY);
    expect(init).toMatchObject({ method: 'GET', credentials: 'omit', redirect: 'error', cache: 'no-store' });
    expect((init.headers as Record<string, string>).Authorization).toBe(`Bearer ${KEY}`);
    expect(JSON.stringify(answer)).not.toContain(KEY);
    // Remembered without the values: the outcome and its time.
    expect((await observations())['scim-verification']).toEqual({
      kind: 'scim-verification',
      outcome: { result: 'valid', userCount: 7 },
      at: 1_000,
    });
    const stored = await storedEverywhere();
    expect(stored).not.toContain(KEY);
    expect(stored).not.toContain('5f3c2b1a-9d8e-4f7a-b6c5-1234567890ab');
  });

  it('turns an organization key refusal into the api-credentials-rejected finding', async () => {
    const api = fakeScimApi(
      () =>
        Response.json(
          {
            error: 'Not authorized to access : scim/directory/5f3c2b1a-9d8e-4f7a-b6c5-1234567890ab/Users',
            status: 401,
          },
          { status: 401 },
        ),
      { granted: true },
    );
    const { route } = setup(api);
    await route(capture(), ATLASSIAN);
    expect(await route(VERIFY, SIDE_PANEL)).toMatchObject({
      ok: true,
      value: { result: 'rejected', reason: 'wrong-key-type' },
    });
    const finding = (await derived()).findings.find((f) => f.code === 'api-credentials-rejected');
    expect(finding?.title).toMatch(/not the directory/);
  });

  it('turns a 404 into scim-directory-not-found', async () => {
    const { route } = setup(fakeScimApi(() => Response.json({ code: 404 }, { status: 404 }), { granted: true }));
    await route(capture(), ATLASSIAN);
    await route(VERIFY, SIDE_PANEL);
    expect((await derived()).findings.map((f) => f.code)).toContain('scim-directory-not-found');
  });

  it('forgets what the API said when a different key is captured, not when the same one is seen again', async () => {
    const { route } = setup();
    await route(capture(), ATLASSIAN);
    await route(VERIFY, SIDE_PANEL);
    await route(capture(), ATLASSIAN);
    expect((await observations())['scim-verification']).toBeDefined();
    await route(capture(OTHER_KEY), ATLASSIAN);
    expect((await observations())['scim-verification']).toBeUndefined();
  });

  it('reports a network failure without concluding anything', async () => {
    const { route } = setup(fakeScimApi(undefined, { granted: true }));
    await route(capture(), ATLASSIAN);
    expect(await route(VERIFY, SIDE_PANEL)).toEqual({ ok: true, value: { result: 'unreachable', timedOut: false } });
    expect((await derived()).findings.filter((f) => f.severity === 'problem').map((f) => f.code)).not.toContain(
      'api-credentials-rejected',
    );
  });

  it('is refused from a page outside the allow-list', async () => {
    const { route, api } = setup();
    await route(capture(), ATLASSIAN);
    const answer = await route(VERIFY, { ...OKTA, url: 'https://evil.example/' });
    expect(answer).toMatchObject({ ok: false });
    expect(api.requests).toHaveLength(0);
  });
});

describe('check-pushed-groups', () => {
  const pushed = (name: string, status: PushedGroup['status'] = 'active'): PushedGroup => ({ name, status });

  it('needs the Push Groups list first', async () => {
    const { route, api } = setup();
    await route(capture(), ATLASSIAN);
    expect(await route(CHECK_GROUPS, SIDE_PANEL)).toMatchObject({ ok: false, code: 'no-pushed-groups' });
    expect(api.requests).toHaveLength(0);
  });

  it('is for the checklist only: a page cannot start it', async () => {
    const { route } = setup();
    await route(capture(), ATLASSIAN);
    await seedPushGroups([pushed('atlassian-jira')]);
    expect(await route(CHECK_GROUPS, OKTA)).toMatchObject({ ok: false });
  });

  it('looks up each Active group once, reports the missing one, and keeps progress', async () => {
    const api = fakeScimApi(directory({ 'atlassian-jira': 3, 'R&D "core"': 2 }), { granted: true });
    const { route } = setup(api);
    await route(capture(), ATLASSIAN);
    await seedPushGroups([
      pushed('atlassian-jira'),
      pushed('R&D "core"'),
      pushed('atlassian-confluence'),
      pushed('atlassian-jira'),
      pushed('broken', 'error'),
    ]);
    expect(await route(CHECK_GROUPS, SIDE_PANEL)).toEqual({ ok: true, value: { total: 3 } });
    await vi.waitFor(() => expect(api.progress.at(-1)?.state).toBe('done'));
    expect(api.requests.map((r) => new URL(r.url).searchParams.get('filter'))).toEqual([
      'displayName eq "atlassian-jira"',
      'displayName eq "R&D \\"core\\""',
      'displayName eq "atlassian-confluence"',
    ]);
    expect((await observations())['scim-groups']).toMatchObject({
      complete: true,
      groups: [
        { name: 'atlassian-jira', found: true, members: 3 },
        { name: 'R&D "core"', found: true, members: 2 },
        { name: 'atlassian-confluence', found: false },
      ],
    });
    expect(api.progress.map((p) => p.done)).toEqual([0, 1, 2, 3, 3]);
    const finding = (await derived()).findings.find((f) => f.code === 'push-group-not-in-directory');
    expect(finding?.explanation).toContain('"atlassian-confluence"');
  });

  it('waits as long as a 429 asks, then goes on', async () => {
    let throttled = false;
    const inner = directory({ a: 1 });
    const api = fakeScimApi(
      (url) => {
        if (!throttled) {
          throttled = true;
          return new Response('', { status: 429, headers: { 'Retry-After': '2' } });
        }
        return inner(url);
      },
      { granted: true },
    );
    const { route } = setup(api);
    await route(capture(), ATLASSIAN);
    await seedPushGroups([pushed('a')]);
    await route(CHECK_GROUPS, SIDE_PANEL);
    await vi.waitFor(() => expect(api.progress.at(-1)?.state).toBe('done'));
    expect(api.requests).toHaveLength(2);
    expect(api.progress.some((p) => p.waitingUntil === 1_000 + 2_000)).toBe(true);
    expect(api.sleeps).toContain(2_000);
    expect((await observations())['scim-groups']).toMatchObject({
      complete: true,
      groups: [{ name: 'a', found: true }],
    });
  });

  it('stops at a refused key, keeping what it found and recording the refusal', async () => {
    let calls = 0;
    const inner = directory({ a: 1 });
    const api = fakeScimApi(
      (url) => (++calls === 1 ? inner(url) : Response.json({ code: 401, message: 'Unauthorized' }, { status: 401 })),
      { granted: true },
    );
    const { route } = setup(api);
    await route(capture(), ATLASSIAN);
    await seedPushGroups([pushed('a'), pushed('b'), pushed('c')]);
    await route(CHECK_GROUPS, SIDE_PANEL);
    await vi.waitFor(() => expect(api.progress.at(-1)?.state).toBe('stopped'));
    expect(api.requests).toHaveLength(2);
    expect((await observations())['scim-groups']).toMatchObject({ complete: false, groups: [{ name: 'a' }] });
    expect((await observations())['scim-verification']).toMatchObject({ outcome: { result: 'rejected' } });
    expect(api.progress.at(-1)?.message).toMatch(/refused the key/);
  });

  it('can be cancelled, keeping a partial result that proves nothing about the rest', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const inner = directory({ a: 1 });
    const api = fakeScimApi(
      async (url, init) => {
        if (new URL(url).searchParams.get('filter')?.includes('"b"')) {
          await gate;
          if (init.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
        }
        return inner(url);
      },
      { granted: true },
    );
    const { route } = setup(api);
    await route(capture(), ATLASSIAN);
    await seedPushGroups([pushed('a'), pushed('b'), pushed('c')]);
    await route(CHECK_GROUPS, SIDE_PANEL);
    await vi.waitFor(() => expect(api.requests).toHaveLength(2));
    const cancelled = route({ type: 'cancel-group-lookup', payload: {} }, SIDE_PANEL);
    release();
    expect(await cancelled).toEqual({ ok: true, value: { cancelled: true } });
    expect(api.progress.at(-1)?.state).toBe('cancelled');
    expect((await observations())['scim-groups']).toMatchObject({
      complete: false,
      groups: [{ name: 'a', found: true }],
    });
    expect(api.requests).toHaveLength(2);
    expect((await derived()).steps['assign-verify-sync'].status).toBe('todo');
  });
});
