import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '../../components/Popup';
import { send } from '../../utils/messages';
import {
  ATLASSIAN_ORG,
  aSetup,
  chromeSidePanel,
  currentWindow,
  OKTA_ORIGIN,
  openTab,
  renderWithStore,
  seed,
  sentChanges,
  stepItem,
} from './harness';

vi.mock('../../utils/messages', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../utils/messages')>()),
  // Unanswered unless a test says otherwise (the store asks for the vault's status on its own).
  send: vi.fn(async () => ({ ok: false, error: 'Not answered in this test.' })),
}));

const TO_APP_TAB = `${OKTA_ORIGIN}/admin/app/atlassian/instance/0oa1b2c3d4/#tab-user-management/create-n-update`;

function renderPopup() {
  return renderWithStore((store) => <Popup store={store} />);
}

describe('Popup', () => {
  beforeEach(() => {
    vi.mocked(send).mockClear();
    currentWindow(7);
    openTab(undefined);
  });

  it('shows 2 of 25 done and the step for the open Okta tab', async () => {
    await seed([aSetup({ manual: { 'prereq-guard-plan': 'done', 'prereq-okta-lcm': 'done' } })]);
    openTab(TO_APP_TAB);
    const { container } = renderPopup();

    expect(await screen.findByText('2 of 25 steps done')).toBeTruthy();
    const bar = screen.getByRole('progressbar', { name: '2 of 25 steps done' });
    expect(bar.getAttribute('aria-valuenow')).toBe('2');
    expect(bar.getAttribute('aria-valuemax')).toBe('25');

    expect(await screen.findByRole('heading', { name: 'On this page' })).toBeTruthy();
    const step = stepItem(container, 'okta-to-app-actions');
    expect(step.getByRole('heading', { name: 'Enable Create, Update and Deactivate under To App' })).toBeTruthy();
    expect(step.getByText('To do')).toBeTruthy();
    expect(screen.queryByText(/issues? needs? your attention/)).toBeNull();
  });

  it('moves on to the next step of the page once the first is done', async () => {
    await seed([aSetup({ manual: { 'okta-to-app-actions': 'done' } })]);
    openTab(TO_APP_TAB);
    const { container } = renderPopup();

    await screen.findByRole('heading', { name: 'On this page' });
    expect(stepItem(container, 'email-primary-attribute').el.dataset.status).toBe('todo');
    expect(container.querySelector('[data-step="okta-to-app-actions"]')).toBeNull();
  });

  it('says which site to open next, with a link, when the tab is not part of the setup', async () => {
    await seed([aSetup()]);
    openTab('https://example.com/');
    const { container } = renderPopup();

    expect(await screen.findByRole('heading', { name: 'Next step' })).toBeTruthy();
    expect(screen.getByText('Next, open Atlassian Administration (admin.atlassian.com).')).toBeTruthy();
    const step = stepItem(container, 'prereq-guard-plan');
    const link = step.getByRole('link', { name: /Go there/ });
    expect(link.getAttribute('href')).toBe(`https://admin.atlassian.com/o/${ATLASSIAN_ORG}/overview`);
    expect(link.getAttribute('target')).toBe('_blank');
  });

  it('says when nothing is left on the open page and points to the next step elsewhere', async () => {
    await seed([aSetup({ manual: { 'okta-to-app-actions': 'done', 'email-primary-attribute': 'skipped' } })]);
    openTab(TO_APP_TAB);
    renderPopup();

    expect(await screen.findByText('Nothing left to do on this page.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Next step' })).toBeTruthy();
  });

  it('Open checklist calls the side panel API with the window id, then closes', async () => {
    const open = chromeSidePanel();
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    await seed([aSetup()]);
    renderPopup();
    const button = await screen.findByRole('button', { name: 'Open checklist' });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));

    // fireEvent is synchronous: the API must be called inside the click itself, before any await.
    fireEvent.click(button);

    expect(open).toHaveBeenCalledWith({ windowId: 7 });
    await waitFor(() => expect(close).toHaveBeenCalled());
  });

  it('Open checklist opens the Firefox sidebar where there is no side panel', async () => {
    const open = vi.spyOn(fakeBrowser.sidebarAction, 'open').mockResolvedValue(undefined);
    vi.spyOn(window, 'close').mockImplementation(() => undefined);
    renderPopup();
    const button = await screen.findByRole('button', { name: 'Open checklist' });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));

    await userEvent.click(button);

    expect(open).toHaveBeenCalledOnce();
  });

  it('shows why the checklist did not open and stays open', async () => {
    vi.spyOn(fakeBrowser.sidebarAction, 'open').mockRejectedValue(new Error('No window to open it in.'));
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    renderPopup();
    const button = await screen.findByRole('button', { name: 'Open checklist' });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));

    await userEvent.click(button);

    expect((await screen.findByRole('alert')).textContent).toContain('No window to open it in.');
    expect(close).not.toHaveBeenCalled();
    expect(sentChanges()).toEqual([]);
  });
});
