/**
 * The overlays' view, derived by the background: which tabs get it, when a new one is sent (only when it
 * changed), what happens to a tab whose overlay is gone, and that the vault's key is never in it.
 */
import { describe, expect, it, vi } from 'vitest';
import { createPageViews, type PageViewDeps, pageViewOf } from '../../utils/background/page-views';
import { createVaultService } from '../../utils/background/vault-service';
import { isPageView, type PageView } from '../../utils/page-view';
import { EMPTY_SETUPS, type SetupsState } from '../../utils/setup';
import { DEFAULT_SETTINGS, settingsItem, setupsItem } from '../../utils/storage';
import { testPageViews } from '../fakes/page-views';

const BASE = 'https://api.atlassian.com/scim/directory/5f3c2b1a-9d8e-4f7a-b6c5-1234567890ab';
const KEY = `ATCTT3xFfGN0${'k'.repeat(170)}WXYZ`;

const vaultService = () => createVaultService({ now: () => 1000, alarms: { create: vi.fn(), clear: vi.fn() } });

function setup(now?: () => number) {
  const vault = vaultService();
  return { vault, ...testPageViews(vault, now) };
}

const turnOktaOverlayOff = () =>
  settingsItem.setValue({ ...DEFAULT_SETTINGS, overlay: { okta: false, atlassian: true } });

/** Deps held by the test: the setups can be made to wait, and every derivation is counted. */
function heldDeps() {
  let setups: SetupsState = EMPTY_SETUPS;
  let gate: Promise<void> | undefined;
  let tabs: number[] = [];
  const sent: { tabId: number; view: PageView }[] = [];
  const deps: PageViewDeps = {
    now: () => 1000,
    setups: vi.fn(async () => {
      const seen = setups;
      await gate;
      return seen;
    }),
    settings: async () => DEFAULT_SETTINGS,
    vault: async () => ({ state: 'empty' }),
    tabs: {
      get: async () => tabs,
      set: async (ids) => {
        tabs = ids;
      },
    },
    send: async (tabId, view) => void sent.push({ tabId, view }),
  };
  return {
    deps,
    sent,
    tabs: () => tabs,
    setSetups: (s: SetupsState) => {
      setups = s;
    },
    /** Derivations wait until the returned function is called. */
    hold: () => {
      let release: () => void = () => undefined;
      gate = new Promise<void>((r) => {
        release = r;
      });
      return () => {
        gate = undefined;
        release();
      };
    },
  };
}

const withOktaOrg = (org: string): SetupsState => ({
  activeId: 's1',
  setups: {
    s1: {
      id: 's1',
      oktaOrg: org,
      oktaAdminOrigin: `https://${org}`,
      manual: {},
      observations: {},
      createdAt: 1,
      updatedAt: 1,
    },
  },
});

describe('the overlays’ page views', () => {
  it('answers a subscribing tab with the current view and remembers the tab once', async () => {
    const { views, tabs } = setup();
    await turnOktaOverlayOff();
    const view = await views.subscribe(3);
    expect(isPageView(view)).toBe(true);
    expect(view.settings.overlay.okta).toBe(false);
    await views.subscribe(3);
    await views.subscribe(5);
    expect(tabs()).toEqual([3, 5]);
  });

  it('sends a changed view to every subscribed tab, and to no other', async () => {
    const { views, sent } = setup();
    await views.subscribe(3);
    await views.subscribe(5);
    await turnOktaOverlayOff();
    await views.changed();
    expect(sent.map((s) => s.tabId)).toEqual([3, 5]);
    expect(sent[0]!.view).toEqual(sent[1]!.view);
    expect(sent[0]!.view.settings.overlay.okta).toBe(false);
  });

  it('sends nothing while no tab has subscribed', async () => {
    const { views, sent } = setup();
    await turnOktaOverlayOff();
    await views.changed();
    expect(sent).toEqual([]);
  });

  it('sends nothing when the view did not change, even as the clock moves on', async () => {
    let clock = 1000;
    const { views, sent } = setup(() => clock++);
    await views.subscribe(3);
    await turnOktaOverlayOff();
    await views.changed();
    expect(sent).toHaveLength(1);
    await views.changed();
    // A write that changes nothing the overlay shows (same settings again).
    await turnOktaOverlayOff();
    await views.changed();
    expect(sent).toHaveLength(1);
  });

  it('sends again once the view changes back and forth', async () => {
    const { views, sent } = setup();
    await views.subscribe(3);
    await turnOktaOverlayOff();
    await views.changed();
    await settingsItem.setValue(DEFAULT_SETTINGS);
    await views.changed();
    expect(sent.map((s) => s.view.settings.overlay.okta)).toEqual([false, true]);
  });

  it('numbers views in strictly increasing order, even when the clock stands still', async () => {
    const { views, sent } = setup(() => 1000);
    const first = await views.subscribe(3);
    for (const okta of [false, true, false]) {
      await settingsItem.setValue({ ...DEFAULT_SETTINGS, overlay: { okta, atlassian: true } });
      await views.changed();
    }
    const versions = [first.version, ...sent.map((s) => s.view.version)];
    expect(versions).toHaveLength(4);
    for (let i = 1; i < versions.length; i++) expect(versions[i]).toBeGreaterThan(versions[i - 1]!);
  });

  it('numbers views after a worker restart above those sent before it', async () => {
    let clock = 1000;
    const before = await setup(() => clock).views.subscribe(3);
    clock += 1;
    const after = await setup(() => clock).views.subscribe(3);
    expect(after.version).toBeGreaterThan(before.version);
  });

  it('forgets a tab whose overlay is gone, and keeps sending to the others', async () => {
    const { views, sent, closed, tabs } = setup();
    await views.subscribe(3);
    await views.subscribe(5);
    closed.add(5);
    await turnOktaOverlayOff();
    await views.changed();
    expect(sent.map((s) => s.tabId)).toEqual([3]);
    expect(tabs()).toEqual([3]);
    closed.delete(5);
    await settingsItem.setValue(DEFAULT_SETTINGS);
    await views.changed();
    expect(sent.map((s) => s.tabId)).toEqual([3, 3]);
  });

  it('keeps a tab that subscribed while a send to another tab was failing', async () => {
    const held = heldDeps();
    const views = createPageViews({
      ...held.deps,
      send: async () => {
        // The overlay in tab 7 asks for the view while the send to the closed tab 5 is on its way.
        await views.subscribe(7);
        throw new Error('Receiving end does not exist.');
      },
    });
    await views.subscribe(5);
    await views.changed();
    expect(held.tabs()).toEqual([7]);
  });

  it('forgets a tab when asked to', async () => {
    const { views, sent, tabs } = setup();
    await views.subscribe(3);
    await views.subscribe(5);
    await views.forget(3);
    expect(tabs()).toEqual([5]);
    await turnOktaOverlayOff();
    await views.changed();
    expect(sent.map((s) => s.tabId)).toEqual([5]);
  });

  it('runs one derivation at a time, and one more for every burst of changes made meanwhile', async () => {
    const held = heldDeps();
    const views = createPageViews(held.deps);
    await views.subscribe(3);
    vi.mocked(held.deps.setups).mockClear();
    const release = held.hold();
    const first = views.changed();
    held.setSetups(withOktaOrg('acme.okta.com'));
    const rest = [views.changed(), views.changed(), views.changed()];
    release();
    await Promise.all([first, ...rest]);
    expect(held.deps.setups).toHaveBeenCalledTimes(2);
    // The change made while the first derivation ran was not lost.
    expect(held.sent.at(-1)!.view.link.oktaAdminOrigin).toBe('https://acme.okta.com');
  });

  it('never puts the held key in a view, only its hint', async () => {
    const { views, vault, sent } = setup();
    await views.subscribe(3);
    expect(await vault.store({ baseUrl: BASE, apiKey: KEY }, 'page')).toMatchObject({ ok: true });
    const answered = await views.subscribe(5);
    await views.changed();
    expect(sent.length).toBeGreaterThan(0);
    for (const view of [answered, ...sent.map((s) => s.view)]) {
      expect(view.vault).toMatchObject({ state: 'held', baseUrl: BASE, keyHint: '…WXYZ' });
      const text = JSON.stringify(view);
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(KEY.slice(0, 16));
      expect(text).not.toContain('kkkkkkkk');
    }
  });

  it('tells the overlay the recognised app and where its links lead', () => {
    const state = withOktaOrg('acme.okta.com');
    state.setups.s1!.oktaApp = { id: '0oa1', path: '/admin/app/atlassian/instance/0oa1/' };
    state.setups.s1!.atlassianOrgId = 'org-1';
    const view = pageViewOf(state, DEFAULT_SETTINGS, { state: 'empty' }, 7);
    expect(view).toMatchObject({
      version: 7,
      oktaAppId: '0oa1',
      link: {
        oktaAdminOrigin: 'https://acme.okta.com',
        oktaAppPath: '/admin/app/atlassian/instance/0oa1/',
        atlassianOrgId: 'org-1',
      },
    });
    expect(pageViewOf(EMPTY_SETUPS, DEFAULT_SETTINGS, { state: 'empty' }, 8)).not.toHaveProperty('oktaAppId');
  });

  it('derives from what storage holds', async () => {
    const { views } = setup();
    await setupsItem.setValue(withOktaOrg('acme.okta.com'));
    expect((await views.subscribe(3)).link.oktaAdminOrigin).toBe('https://acme.okta.com');
  });
});
