import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '../../utils/background/handlers';
import { createRouter } from '../../utils/background/router';
import { createVaultService } from '../../utils/background/vault-service';
import { atlassianAppsItem, settingsItem, setupsItem } from '../../utils/storage';
import { testPageViews } from '../fakes/page-views';
import { fakeScimApi } from '../fakes/scim-api';

const ID = 'ext-id';
const EXT = 'chrome-extension://ext-id';
const POPUP = { id: ID, url: `${EXT}/popup.html` };
const APP_URL = 'https://acme-admin.okta.com/admin/app/atlassian/instance/0oa1abcdefGHIJKL2345/#tab-general';
const OKTA = { id: ID, url: APP_URL, frameId: 0, tab: { id: 3, windowId: 1 } };
const ATLASSIAN = {
  id: ID,
  url: 'https://admin.atlassian.com/o/org-1/security/identity-providers/d/scim-setup',
  frameId: 0,
  tab: { id: 4 },
};

function setup() {
  const log = vi.fn();
  const openChecklist = vi.fn(async () => undefined);
  let n = 0;
  const vault = createVaultService({ now: () => 1000, alarms: { create: vi.fn(), clear: vi.fn() } });
  const pages = testPageViews(vault);
  const handlers = createHandlers({
    now: () => 1000,
    makeId: () => `id-${++n}`,
    openChecklist,
    injectOverlay: async () => undefined,
    pageViews: pages.views,
    vault,
    activeTab: async () => undefined,
    fillTab: async () => ({ filled: [], problems: [] }),
    scimApi: fakeScimApi().deps,
  });
  const route = createRouter(handlers, { id: ID, origin: EXT }, log);
  return { route, log, openChecklist };
}

describe('the background router', () => {
  beforeEach(() => fakeBrowser.reset());

  it('records a page visit from the URL the browser reports, not from the payload', async () => {
    const { route } = setup();
    const answer = await route(
      { type: 'page-seen', payload: { hints: { headings: ['Atlassian Cloud'] }, atlassianApp: true } },
      OKTA,
    );
    expect(answer).toEqual({ ok: true, value: undefined });
    const state = await setupsItem.getValue();
    const active = state.setups[state.activeId!]!;
    expect(active).toMatchObject({ oktaOrg: 'acme.okta.com', oktaApp: { id: '0oa1abcdefGHIJKL2345' } });
    expect(active.observations['visit:okta-app-general']).toEqual({
      kind: 'page-visit',
      page: 'okta-app-general',
      at: 1000,
      atlassianApp: true,
    });
  });

  it('remembers the recognised app, so its other tabs count without a title', async () => {
    const { route } = setup();
    await route({ type: 'page-seen', payload: { hints: {}, atlassianApp: true } }, OKTA);
    await route(
      { type: 'page-seen', payload: { hints: {}, atlassianApp: 'unknown' } },
      { ...OKTA, url: APP_URL.replace('#tab-general', '#tab-assignments') },
    );
    const state = await setupsItem.getValue();
    expect(state.setups[state.activeId!]!.observations['visit:okta-app-assignments']).toMatchObject({
      atlassianApp: true,
    });
  });

  it('keeps the short list of recognised apps the loader reads, and nothing else there', async () => {
    const { route } = setup();
    expect(await atlassianAppsItem.getValue()).toEqual([]);
    await route({ type: 'page-seen', payload: { hints: {}, atlassianApp: 'unknown' } }, OKTA);
    expect(await atlassianAppsItem.getValue()).toEqual([]);
    await route({ type: 'page-seen', payload: { hints: {}, atlassianApp: true } }, OKTA);
    expect(await atlassianAppsItem.getValue()).toEqual(['0oa1abcdefGHIJKL2345']);
    const state = await setupsItem.getValue();
    await route({ type: 'reset-setup', payload: { setupId: state.activeId! } }, POPUP);
    expect(await atlassianAppsItem.getValue()).toEqual([]);
  });

  it('joins the Atlassian organization to the same setup', async () => {
    const { route } = setup();
    await route({ type: 'page-seen', payload: { hints: {}, atlassianApp: 'unknown' } }, OKTA);
    await route({ type: 'page-seen', payload: { hints: {}, atlassianApp: 'unknown' } }, ATLASSIAN);
    const state = await setupsItem.getValue();
    expect(Object.keys(state.setups)).toHaveLength(1);
    expect(state.setups[state.activeId!]).toMatchObject({ oktaOrg: 'acme.okta.com', atlassianOrgId: 'org-1' });
  });

  it('does not lose writes that arrive together', async () => {
    const { route } = setup();
    await Promise.all([
      route({ type: 'mark-step', payload: { step: 'test-accounts', mark: 'done' } }, POPUP),
      route({ type: 'mark-step', payload: { step: 'prereq-guard-plan', mark: 'done' } }, POPUP),
      route({ type: 'mark-step', payload: { step: 'prereq-okta-lcm', mark: 'skipped' } }, POPUP),
    ]);
    const state = await setupsItem.getValue();
    expect(state.setups[state.activeId!]!.manual).toEqual({
      'test-accounts': 'done',
      'prereq-guard-plan': 'done',
      'prereq-okta-lcm': 'skipped',
    });
  });

  it.each([
    ['a page asking to reset progress', { type: 'reset-setup', payload: { setupId: 'x' } }, OKTA],
    ['the popup pretending to be a page', { type: 'page-seen', payload: { hints: {}, atlassianApp: true } }, POPUP],
    ['a sub-frame', { type: 'mark-step', payload: { step: 'test-accounts', mark: 'done' } }, { ...OKTA, frameId: 2 }],
    [
      'a lookalike origin',
      { type: 'mark-step', payload: { step: 'test-accounts', mark: 'done' } },
      { ...OKTA, url: 'https://acme-admin.okta.com.evil.io/' },
    ],
    [
      'another extension',
      { type: 'mark-step', payload: { step: 'test-accounts', mark: 'done' } },
      { ...POPUP, id: 'evil' },
    ],
  ])('refuses %s and changes nothing', async (_name, message, sender) => {
    const { route, log } = setup();
    const answer = await route(message, sender);
    expect(answer.ok).toBe(false);
    expect(await setupsItem.getValue()).toEqual({ activeId: null, setups: {} });
    expect(log).toHaveBeenCalledOnce();
  });

  it.each([
    ['an unknown type', { type: 'read-secret', payload: {} }],
    ['no payload', { type: 'mark-step' }],
    ['an unknown step', { type: 'mark-step', payload: { step: 'drop-tables', mark: 'done' } }],
    ['a wrong mark', { type: 'mark-step', payload: { step: 'test-accounts', mark: 'maybe' } }],
    ['not an object', 'mark-step'],
    ['an array payload', { type: 'set-overlay', payload: ['okta', false] }],
    [
      'oversized hints',
      { type: 'page-seen', payload: { hints: { headings: Array(51).fill('h') }, atlassianApp: true } },
    ],
  ])('refuses a malformed message: %s', async (_name, message) => {
    const { route } = setup();
    const answer = await route(message, _name === 'oversized hints' ? OKTA : POPUP);
    expect(answer).toMatchObject({ ok: false });
    expect(await setupsItem.getValue()).toEqual({ activeId: null, setups: {} });
  });

  it('logs refusals without the payload', async () => {
    const { route, log } = setup();
    await route({ type: 'mark-step', payload: { step: 'secret-value-123', mark: 'done' } }, POPUP);
    expect(log.mock.calls.flat().join(' ')).not.toContain('secret-value-123');
  });

  it('lets a page turn the overlay off only for its own site', async () => {
    const { route } = setup();
    expect(await route({ type: 'set-overlay', payload: { site: 'atlassian', enabled: false } }, OKTA)).toMatchObject({
      ok: false,
    });
    expect(await route({ type: 'set-overlay', payload: { site: 'okta', enabled: false } }, OKTA)).toMatchObject({
      ok: true,
    });
    expect((await settingsItem.getValue()).overlay).toEqual({ okta: false, atlassian: true });
    expect(await route({ type: 'set-overlay', payload: { site: 'okta', enabled: true } }, POPUP)).toMatchObject({
      ok: true,
    });
    expect((await settingsItem.getValue()).overlay.okta).toBe(true);
  });

  it('resets the chosen setup and says so when it is gone', async () => {
    const { route } = setup();
    await route({ type: 'mark-step', payload: { step: 'test-accounts', mark: 'done' } }, POPUP);
    const { activeId } = await setupsItem.getValue();
    expect(await route({ type: 'reset-setup', payload: { setupId: activeId! } }, POPUP)).toMatchObject({ ok: true });
    expect((await setupsItem.getValue()).setups[activeId!]!.manual).toEqual({});
    expect(await route({ type: 'reset-setup', payload: { setupId: 'gone' } }, POPUP)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/no longer exists/),
    });
  });

  it('opens the checklist for the page that asked, and explains when the browser refuses', async () => {
    const { route, openChecklist } = setup();
    expect(await route({ type: 'open-checklist', payload: {} }, OKTA)).toMatchObject({ ok: true });
    expect(openChecklist).toHaveBeenCalledWith(expect.objectContaining({ kind: 'okta-page' }));
    openChecklist.mockRejectedValueOnce(new Error('Use the toolbar button.'));
    expect(await route({ type: 'open-checklist', payload: {} }, OKTA)).toEqual({
      ok: false,
      error: 'Use the toolbar button.',
    });
  });
});
