import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidePanel } from '../../components/SidePanel';
import { send } from '../../utils/messages';
import { groupLookupItem } from '../../utils/storage';
import { fakeScimApi } from '../fakes/scim-api';
import { answerWithBackground, aSetup, renderWithStore, seed } from './harness';

vi.mock('../../utils/messages', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../utils/messages')>()),
  send: vi.fn(async () => ({ ok: false, error: 'Not answered in this test.' })),
}));

const BASE = 'https://api.atlassian.com/scim/directory/5f3c2b1a-9d8e-4f7a-b6c5-1234567890ab';
const KEY = `ATCTT3xFfGN0${'k'.repeat(170)}WXYZ`;
const users = (total: number) =>
  Response.json({
    schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
    totalResults: total,
    Resources: [],
  });

async function renderWithHeldValues() {
  await seed([aSetup()]);
  await send('enter-credentials', { baseUrl: BASE, apiKey: KEY });
  renderWithStore((store) => <SidePanel store={store} />);
  return screen.findByRole('button', { name: 'Verify key' });
}

describe('Check with Atlassian (side panel)', () => {
  beforeEach(() => {
    vi.mocked(send).mockClear();
  });

  it('is disabled until values are held', async () => {
    answerWithBackground();
    await seed([aSetup()]);
    renderWithStore((store) => <SidePanel store={store} />);
    const verify = await screen.findByRole('button', { name: 'Verify key' });
    await waitFor(() => expect((verify as HTMLButtonElement).disabled).toBe(true));
    expect(screen.getByText(/Capture or enter the SCIM values first/)).toBeTruthy();
  });

  it('asks for api.atlassian.com inside the click, then shows what Atlassian said', async () => {
    const api = fakeScimApi(() => users(12));
    answerWithBackground(api.deps);
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(async () => {
      api.grant();
      return true;
    });
    const verify = await renderWithHeldValues();
    await waitFor(() => expect((verify as HTMLButtonElement).disabled).toBe(false));
    await userEvent.click(verify);
    expect(request).toHaveBeenCalledWith({ origins: ['https://api.atlassian.com/*'] });
    expect(await screen.findByText(/holds 12 users so far/, { selector: '[data-verification]' })).toBeTruthy();
    expect(api.requests).toHaveLength(1);
  });

  it('sends nothing when the admin refuses the permission, and says so', async () => {
    const api = fakeScimApi(() => users(1));
    answerWithBackground(api.deps);
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false);
    const verify = await renderWithHeldValues();
    await waitFor(() => expect((verify as HTMLButtonElement).disabled).toBe(false));
    await userEvent.click(verify);
    expect(await screen.findByText(/did not allow access to api.atlassian.com/)).toBeTruthy();
    expect(api.requests).toHaveLength(0);
    expect(vi.mocked(send).mock.calls.map(([type]) => type)).not.toContain('verify-credentials');
  });

  it('shows a running lookup with its progress and a Stop button', async () => {
    answerWithBackground();
    await groupLookupItem.setValue({ state: 'running', done: 40, total: 200, startedAt: Date.now() });
    await renderWithHeldValues();
    expect(await screen.findByText('Checked 40 of 200 groups…')).toBeTruthy();
    expect((screen.getByRole('progressbar', { name: 'Groups checked' }) as HTMLProgressElement).value).toBe(40);
    await userEvent.click(screen.getByRole('button', { name: 'Stop' }));
    expect(vi.mocked(send).mock.calls.map(([type]) => type)).toContain('cancel-group-lookup');
  });

  it('lists the groups looked up, missing ones first, with member counts', async () => {
    answerWithBackground();
    await seed([
      aSetup({
        observations: {
          'scim-groups': {
            kind: 'scim-groups',
            complete: true,
            at: Date.now(),
            groups: [
              { name: 'atlassian-jira', found: true, members: 3 },
              { name: 'atlassian-confluence', found: false },
              { name: 'atlassian-admins', found: true, members: 1 },
            ],
          },
        },
      }),
    ]);
    renderWithStore((store) => <SidePanel store={store} />);
    expect(await screen.findByText(/1 of 3 checked groups are missing in Atlassian/)).toBeTruthy();
    const items = [...document.querySelectorAll('[data-group]')].map((li) => li.textContent);
    expect(items).toEqual([
      'atlassian-confluence: missing in Atlassian',
      'atlassian-jira: in Atlassian, 3 members',
      'atlassian-admins: in Atlassian, 1 member',
    ]);
  });
});
