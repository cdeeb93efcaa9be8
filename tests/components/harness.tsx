/** Shared setup for component tests: real storage, real store, real background handlers behind `send`. */
import { render, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { onTestFinished, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type BackgroundDeps, createHandlers } from '../../utils/background/handlers';
import { createVaultService } from '../../utils/background/vault-service';
import type { StepId } from '../../utils/checklist';
import { send } from '../../utils/messages';
import { newSetup, type Setup } from '../../utils/setup';
import { setupsItem } from '../../utils/storage';
import { type ChecklistStore, createChecklistStore } from '../../utils/store';
import { testPageViews } from '../fakes/page-views';
import { fakeScimApi } from '../fakes/scim-api';

export const OKTA_ORIGIN = 'https://acme-admin.okta.com';
export const ATLASSIAN_ORG = '4f1c2a9e-0b7d-4e1a-9c3f-2d8e6b5a7c10';

export function aSetup(patch: Partial<Setup> = {}): Setup {
  return {
    ...newSetup('setup-acme', Date.now() - 3_600_000),
    oktaOrg: 'acme.okta.com',
    oktaAdminOrigin: OKTA_ORIGIN,
    atlassianOrgId: ATLASSIAN_ORG,
    ...patch,
  };
}

/** Writes setups the way the background does; the first one is active unless told otherwise. */
export async function seed(setups: Setup[], activeId: string | null = setups[0]?.id ?? null) {
  await setupsItem.setValue({ activeId, setups: Object.fromEntries(setups.map((s) => [s.id, s])) });
}

/** `send` answered by the real background handlers, as if the message had crossed to the service worker. */
export function answerWithBackground(scimApi: BackgroundDeps['scimApi'] = fakeScimApi().deps) {
  const vault = createVaultService({
    now: () => Date.now(),
    alarms: { create: () => undefined, clear: () => undefined },
  });
  const deps: BackgroundDeps = {
    now: () => Date.now(),
    makeId: () => 'setup-new',
    openChecklist: async () => undefined,
    injectOverlay: async () => undefined,
    vault,
    pageViews: testPageViews(vault, () => Date.now()).views,
    activeTab: async () => undefined,
    fillTab: async () => ({ filled: [], problems: ['No Okta tab in this test.'] }),
    scimApi,
  };
  const handlers = createHandlers(deps);
  vi.mocked(send).mockImplementation(((type: keyof typeof handlers, payload: never) =>
    handlers[type](payload, { sender: {}, kind: 'extension-page' })) as typeof send);
}

/** What the UI asked the background to change (status questions left out). */
export function sentChanges() {
  return vi.mocked(send).mock.calls.filter(([type]) => type !== 'vault-status');
}

export function failSend(error: string) {
  vi.mocked(send).mockResolvedValue({ ok: false, error });
}

export function renderWithStore(ui: (store: ChecklistStore) => ReactElement) {
  const store = createChecklistStore();
  onTestFinished(() => store.stop());
  return { store, ...render(ui(store)) };
}

/** The current tab, as `browser.tabs.query({ active: true, currentWindow: true })` answers. */
export function openTab(url: string | undefined) {
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([
    { id: 11, index: 0, windowId: 7, active: true, highlighted: true, pinned: false, incognito: false, url },
  ]);
}

export function currentWindow(id: number) {
  vi.spyOn(fakeBrowser.windows, 'getCurrent').mockResolvedValue({
    id,
    focused: true,
    alwaysOnTop: false,
    incognito: false,
  });
}

/** A rendered step, by its `data-step` hook (docs/hooks.md), to look inside with roles. */
export function stepItem(container: HTMLElement, id: StepId) {
  const el = container.querySelector<HTMLElement>(`[data-step="${id}"]`);
  if (!el) throw new Error(`step ${id} is not rendered`);
  return { el, ...within(el) };
}

/** Makes the fake browser Chrome-shaped for one test: `sidePanel.open` and no Firefox `sidebarAction`. */
export function chromeSidePanel() {
  const open = vi.fn().mockResolvedValue(undefined);
  const fake = fakeBrowser as unknown as Record<string, unknown>;
  const sidebarAction = fake.sidebarAction;
  fake.sidePanel = { open };
  delete fake.sidebarAction;
  onTestFinished(() => {
    delete fake.sidePanel;
    fake.sidebarAction = sidebarAction;
  });
  return open;
}
