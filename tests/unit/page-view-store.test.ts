/**
 * The overlay's copy of the view: asked of the background once, then kept current by the views the
 * background pushes. Pushes from anyone else, or of the wrong shape, are ignored; the newest view wins
 * whatever order the answer and the pushes arrive in.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pageViewOf } from '../../utils/background/page-views';
import { type Answer, send } from '../../utils/messages';
import { createPageViewStore } from '../../utils/overlay/page-view-store';
import type { PageView } from '../../utils/page-view';
import { EMPTY_SETUPS } from '../../utils/setup';
import { DEFAULT_SETTINGS } from '../../utils/storage';

vi.mock('../../utils/messages', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../utils/messages')>()),
  send: vi.fn(),
}));

const view = (version: number, okta = true): PageView =>
  pageViewOf(EMPTY_SETUPS, { ...DEFAULT_SETTINGS, overlay: { okta, atlassian: true } }, { state: 'empty' }, version);

/** The background's answer to 'page-view', given when the test says so. */
function answerLater() {
  let answer: (a: Answer<'page-view'>) => void = () => undefined;
  vi.mocked(send).mockImplementation(
    () =>
      new Promise((resolve) => {
        answer = resolve as typeof answer;
      }),
  );
  return (a: Answer<'page-view'>) => answer(a);
}

const fromBackground = () => ({ id: fakeBrowser.runtime.id });
const push = (payload: unknown, sender: object = fromBackground()) =>
  fakeBrowser.runtime.onMessage.trigger({ type: 'page-view-changed', payload }, sender);

describe('the overlay’s page view store', () => {
  beforeEach(() => {
    vi.mocked(send).mockReset();
    vi.mocked(send).mockResolvedValue({ ok: true, value: view(1) });
  });

  it('asks the background for the view once, and keeps its answer', async () => {
    const { store, ready } = createPageViewStore();
    expect(store.getState().view).toBeUndefined();
    await ready;
    expect(send).toHaveBeenCalledExactlyOnceWith('page-view', {});
    expect(store.getState().view).toEqual(view(1));
  });

  it('stays without a view when the background refuses', async () => {
    vi.mocked(send).mockResolvedValue({ ok: false, error: 'No tab to send the view to.' });
    const { store, ready } = createPageViewStore();
    await ready;
    expect(store.getState().view).toBeUndefined();
  });

  it('takes a newer view the background pushes', async () => {
    const { store, ready } = createPageViewStore();
    await ready;
    await push(view(2, false));
    expect(store.getState().view).toEqual(view(2, false));
  });

  it.each([
    ['a tab', { id: fakeBrowser.runtime.id, tab: { id: 3 } }],
    ['another extension', { id: 'another-extension' }],
    ['a sender without an id', {}],
  ])('ignores a view pushed by %s', async (_name, sender) => {
    const { store, ready } = createPageViewStore();
    await ready;
    await push(view(2, false), sender);
    expect(store.getState().view).toEqual(view(1));
  });

  it.each([
    ['no payload', undefined],
    ['a version that is not a number', { ...view(2), version: '2' }],
    ['no settings', { ...view(2), settings: undefined }],
    ['no derived state', { ...view(2), derived: null }],
    ['a vault without a state', { ...view(2), vault: {} }],
    ['an app id that is not text', { ...view(2), oktaAppId: 7 }],
    ['a list', [view(2)]],
  ])('ignores a malformed view: %s', async (_name, payload) => {
    const { store, ready } = createPageViewStore();
    await ready;
    await push(payload);
    expect(store.getState().view).toEqual(view(1));
  });

  it('ignores other messages', async () => {
    const { store, ready } = createPageViewStore();
    await ready;
    await fakeBrowser.runtime.onMessage.trigger({ type: 'fill-okta-form', payload: view(2, false) }, fromBackground());
    await fakeBrowser.runtime.onMessage.trigger(null, fromBackground());
    expect(store.getState().view).toEqual(view(1));
  });

  it('keeps a pushed view when an older answer arrives after it', async () => {
    const answer = answerLater();
    const { store, ready } = createPageViewStore();
    await push(view(5, false));
    answer({ ok: true, value: view(3) });
    await ready;
    expect(store.getState().view).toEqual(view(5, false));
  });

  it('takes an answer newer than the view pushed before it', async () => {
    const answer = answerLater();
    const { store, ready } = createPageViewStore();
    await push(view(5, false));
    answer({ ok: true, value: view(6) });
    await ready;
    expect(store.getState().view).toEqual(view(6));
  });

  it('ignores pushes older than, or as old as, the view it has', async () => {
    const { store, ready } = createPageViewStore();
    await ready;
    await push(view(4));
    await push(view(3, false));
    await push(view(4, false));
    expect(store.getState().view).toEqual(view(4));
  });

  it('stops listening when stopped, and ignores an answer that comes later', async () => {
    const answer = answerLater();
    const added = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
    const { store, ready, stop } = createPageViewStore();
    const listener = added.mock.calls[0]![0];
    expect(fakeBrowser.runtime.onMessage.hasListener(listener)).toBe(true);
    stop();
    expect(fakeBrowser.runtime.onMessage.hasListener(listener)).toBe(false);
    answer({ ok: true, value: view(2) });
    await ready;
    expect(store.getState().view).toBeUndefined();
  });
});
