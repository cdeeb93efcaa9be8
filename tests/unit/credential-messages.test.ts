import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '../../utils/background/handlers';
import { createRouter } from '../../utils/background/router';
import { createVaultService } from '../../utils/background/vault-service';
import { testPageViews } from '../fakes/page-views';
import { fakeScimApi } from '../fakes/scim-api';

const ID = 'ext-id';
const EXT = 'chrome-extension://ext-id';
const SIDE_PANEL = { id: ID, url: `${EXT}/sidepanel.html` };
const ATLASSIAN = {
  id: ID,
  url: 'https://admin.atlassian.com/o/1/security/identity-providers/d/scim-setup',
  frameId: 0,
  tab: { id: 4 },
};
const OKTA_URL = 'https://acme-admin.okta.com/admin/app/atlassian/instance/0oa1/#tab-user-management/api-credentials';
const OKTA = { id: ID, url: OKTA_URL, frameId: 0, tab: { id: 3 } };
const URL_OK = 'https://api.atlassian.com/scim/directory/5f3c2b1a-9d8e-4f7a-b6c5-1234567890ab';
const KEY = `ATCTT3xFfGN0${'k'.repeat(170)}WXYZ`;
const CAPTURE = { type: 'capture-credentials', payload: { baseUrl: URL_OK, apiKey: KEY, via: 'page' } };

function setup(activeTab: { id?: number; url?: string } | undefined = { id: 3, url: OKTA_URL }) {
  const log = vi.fn();
  const fillTab = vi.fn(async () => ({ filled: ['baseUrl' as const, 'apiKey' as const], problems: [] }));
  const vault = createVaultService({ now: () => 1000, alarms: { create: vi.fn(), clear: vi.fn() } });
  const handlers = createHandlers({
    now: () => 1000,
    makeId: () => 'id',
    openChecklist: async () => undefined,
    injectOverlay: async () => undefined,
    pageViews: testPageViews(vault).views,
    vault,
    activeTab: async () => activeTab,
    fillTab,
    scimApi: fakeScimApi().deps,
  });
  return { route: createRouter(handlers, { id: ID, origin: EXT }, log), log, fillTab };
}

describe('credential messages', () => {
  beforeEach(() => fakeBrowser.reset());

  it('takes a capture from the top frame of admin.atlassian.com, answering without the key', async () => {
    const { route } = setup();
    const answer = await route(CAPTURE, ATLASSIAN);
    expect(answer).toMatchObject({ ok: true, value: { kind: 'first', status: { state: 'held', keyHint: '…WXYZ' } } });
    expect(JSON.stringify(answer)).not.toContain(KEY);
  });

  it.each([
    ['an Okta page', OKTA],
    ['a sub-frame of admin.atlassian.com', { ...ATLASSIAN, frameId: 1 }],
    ['a lookalike host', { ...ATLASSIAN, url: 'https://admin.atlassian.com.evil.io/scim-setup' }],
    ['a wrong origin', { ...ATLASSIAN, url: 'https://evil.io/' }],
    ['plain http', { ...ATLASSIAN, url: 'http://admin.atlassian.com/' }],
  ])('refuses a capture from %s and holds nothing', async (_name, sender) => {
    const { route, log } = setup();
    expect(await route(CAPTURE, sender)).toMatchObject({ ok: false });
    expect(await route({ type: 'vault-status', payload: {} }, SIDE_PANEL)).toEqual({
      ok: true,
      value: { state: 'empty' },
    });
    expect(log.mock.calls.flat().join(' ')).not.toContain(KEY);
  });

  it.each([
    ['admin.atlassian.com', ATLASSIAN],
    ['the Okta page', OKTA],
  ])('never gives the key to a content script asking to read it (%s)', async (_name, sender) => {
    const { route } = setup();
    await route(CAPTURE, ATLASSIAN);
    const answer = await route({ type: 'copy-credential', payload: { which: 'apiKey' } }, sender);
    expect(answer).toMatchObject({ ok: false });
    expect(JSON.stringify(answer)).not.toContain(KEY);
    const status = await route({ type: 'vault-status', payload: {} }, sender);
    expect(JSON.stringify(status)).not.toContain(KEY);
  });

  it('gives the key to the side panel for a copy', async () => {
    const { route } = setup();
    await route(CAPTURE, ATLASSIAN);
    expect(await route({ type: 'copy-credential', payload: { which: 'apiKey' } }, SIDE_PANEL)).toEqual({
      ok: true,
      value: { value: KEY },
    });
  });

  it('fills only into the Okta tab that asked, top frame', async () => {
    const { route, fillTab } = setup();
    await route(CAPTURE, ATLASSIAN);
    expect(await route({ type: 'fill-credentials', payload: {} }, OKTA)).toMatchObject({
      ok: true,
      value: { filled: ['baseUrl', 'apiKey'] },
    });
    expect(fillTab).toHaveBeenCalledWith(3, { baseUrl: URL_OK, apiKey: KEY });
  });

  it.each([
    ['admin.atlassian.com', ATLASSIAN],
    ['an Okta sub-frame', { ...OKTA, frameId: 2 }],
    ['a lookalike Okta host', { ...OKTA, url: 'https://acme-admin.okta.com.evil.io/x' }],
    ['the end-user dashboard', { ...OKTA, url: 'https://acme.okta.com/app/UserHome' }],
  ])('refuses a fill asked by %s', async (_name, sender) => {
    const { route, fillTab } = setup();
    await route(CAPTURE, ATLASSIAN);
    expect(await route({ type: 'fill-credentials', payload: {} }, sender)).toMatchObject({ ok: false });
    expect(fillTab).not.toHaveBeenCalled();
  });

  it('from the side panel, fills the active tab only when it is an Okta admin console', async () => {
    const elsewhere = setup({ id: 9, url: 'https://admin.atlassian.com/o/1' });
    await elsewhere.route(CAPTURE, ATLASSIAN);
    expect(await elsewhere.route({ type: 'fill-credentials', payload: {} }, SIDE_PANEL)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not an Okta Admin Console/),
    });
    expect(elsewhere.fillTab).not.toHaveBeenCalled();
    const okta = setup();
    await okta.route(CAPTURE, ATLASSIAN);
    expect(await okta.route({ type: 'fill-credentials', payload: {} }, SIDE_PANEL)).toMatchObject({ ok: true });
    expect(okta.fillTab).toHaveBeenCalledWith(3, expect.anything());
  });

  it('says what to do when nothing is held', async () => {
    const { route, fillTab } = setup();
    expect(await route({ type: 'fill-credentials', payload: {} }, OKTA)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Set up user provisioning/),
    });
    expect(fillTab).not.toHaveBeenCalled();
  });

  it('refuses a lifetime outside 5–120 minutes', async () => {
    const { route } = setup();
    for (const minutes of [4, 121, 30.5, '30']) {
      expect(await route({ type: 'set-vault-minutes', payload: { minutes } }, SIDE_PANEL)).toMatchObject({ ok: false });
    }
    expect(await route({ type: 'set-vault-minutes', payload: { minutes: 5 } }, SIDE_PANEL)).toMatchObject({ ok: true });
  });

  it('manual entry validates like a capture and explains a bad URL', async () => {
    const { route } = setup();
    const answer = await route(
      { type: 'enter-credentials', payload: { baseUrl: `${URL_OK}/scim/v2`, apiKey: KEY } },
      SIDE_PANEL,
    );
    expect(answer).toMatchObject({ ok: false, error: expect.stringMatching(/scim\/v2/) });
  });
});
