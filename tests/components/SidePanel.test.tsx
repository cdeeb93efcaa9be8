import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SidePanel } from '../../components/SidePanel';
import { SECTIONS, STEPS } from '../../utils/checklist';
import { send } from '../../utils/messages';
import { visitKey } from '../../utils/observations';
import { settingsItem } from '../../utils/storage';
import {
  ATLASSIAN_ORG,
  answerWithBackground,
  aSetup,
  failSend,
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

async function renderPanel() {
  const result = renderWithStore((store) => <SidePanel store={store} />);
  await screen.findByRole('heading', { level: 1, name: 'SCIM setup checklist' });
  return result;
}

const minutesAgo = (n: number) => Date.now() - n * 60_000;

describe('Side panel', () => {
  beforeEach(() => {
    vi.mocked(send).mockClear();
    answerWithBackground();
  });

  it('every required step id is rendered with its status', async () => {
    await seed([
      aSetup({
        manual: { 'prereq-guard-plan': 'done', 'prereq-okta-lcm': 'skipped' },
        observations: {
          [visitKey('atlassian-scim-setup')]: { kind: 'page-visit', page: 'atlassian-scim-setup', at: minutesAgo(3) },
        },
      }),
    ]);
    const { container } = await renderPanel();

    const rendered = [...container.querySelectorAll<HTMLElement>('[data-step]')];
    expect(rendered.map((el) => el.dataset.step)).toEqual(STEPS.map((s) => s.id));
    expect(stepItem(container, 'prereq-guard-plan').el.dataset.status).toBe('done');
    expect(stepItem(container, 'prereq-okta-lcm').el.dataset.status).toBe('skipped');
    expect(stepItem(container, 'atlassian-open-provisioning').el.dataset.status).toBe('done');
    expect(stepItem(container, 'test-accounts').el.dataset.status).toBe('todo');
    expect(stepItem(container, 'prereq-okta-lcm').getByText('Skipped')).toBeTruthy();
    expect(screen.getByText('2 of 24 steps done')).toBeTruthy();
  });

  it('groups the steps under a heading per section with its done count', async () => {
    await seed([aSetup({ manual: { 'prereq-guard-plan': 'done', 'test-accounts': 'done' } })]);
    await renderPanel();

    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    for (const section of SECTIONS) expect(headings.some((h) => h?.startsWith(section.title))).toBe(true);
    expect(screen.getByRole('heading', { level: 2, name: 'Before you begin 1 of 7 done' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Start with test accounts 1 of 1 done' })).toBeTruthy();
  });

  it('shows where a page showed a step, and when', async () => {
    await seed([
      aSetup({
        observations: {
          [visitKey('atlassian-scim-setup')]: { kind: 'page-visit', page: 'atlassian-scim-setup', at: minutesAgo(3) },
        },
      }),
    ]);
    const { container } = await renderPanel();

    const step = stepItem(container, 'atlassian-open-provisioning');
    expect(step.el.textContent).toContain('Seen on the page · 3 min ago');
    expect(step.getByText('The user provisioning setup page was open in admin.atlassian.com.')).toBeTruthy();
    expect(step.queryByRole('button', { name: 'Mark done myself' })).toBeNull();
    expect(stepItem(container, 'okta-add-app').queryByText(/Seen on the page/)).toBeNull();
  });

  it('links each step to its admin page in a new tab once the org is known', async () => {
    await seed([aSetup()]);
    const { container } = await renderPanel();

    const link = stepItem(container, 'prereq-domain-verified').getByRole('link', { name: /Go there/ });
    expect(link.getAttribute('href')).toBe(`https://admin.atlassian.com/o/${ATLASSIAN_ORG}/domains`);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noreferrer');
    // The Okta app is not known yet, so there is nowhere precise to send the admin.
    expect(stepItem(container, 'okta-enable-api').queryByRole('link')).toBeNull();
  });

  it('keeps the help text folded until asked for', async () => {
    await seed([aSetup()]);
    const { container } = await renderPanel();
    const step = stepItem(container, 'okta-test-credentials');
    const details = step.getByText(/Okta saves the integration only after/).closest('details');
    expect(details?.open).toBe(false);

    await userEvent.click(step.getByText('How to do it'));

    expect(details?.open).toBe(true);
  });

  it('ticking a manual step sends mark-step, and the tick comes back from storage', async () => {
    await seed([aSetup()]);
    const { container } = await renderPanel();
    const box = stepItem(container, 'prereq-guard-plan').getByRole('checkbox', { name: 'Done' });
    expect((box as HTMLInputElement).checked).toBe(false);

    await userEvent.click(box);

    expect(send).toHaveBeenCalledWith('mark-step', { step: 'prereq-guard-plan', mark: 'done' });
    await waitFor(() => expect((box as HTMLInputElement).checked).toBe(true));
    expect(stepItem(container, 'prereq-guard-plan').el.dataset.status).toBe('done');
    expect(screen.getByText('1 of 25 steps done')).toBeTruthy();
  });

  it('unticking a manual step clears the mark', async () => {
    await seed([aSetup({ manual: { 'test-accounts': 'done' } })]);
    const { container } = await renderPanel();

    await userEvent.click(stepItem(container, 'test-accounts').getByRole('checkbox', { name: 'Done' }));

    expect(send).toHaveBeenCalledWith('mark-step', { step: 'test-accounts', mark: null });
    await waitFor(() => expect(stepItem(container, 'test-accounts').el.dataset.status).toBe('todo'));
  });

  it('a failed send shows the error and leaves the checkbox as it was', async () => {
    await seed([aSetup()]);
    failSend('The extension is not reachable. It may have been updated: reload the page.');
    const { container } = await renderPanel();
    const box = stepItem(container, 'prereq-org-admin').getByRole('checkbox', { name: 'Done' });

    await userEvent.click(box);

    expect((await screen.findByRole('alert')).textContent).toContain('The extension is not reachable.');
    expect((box as HTMLInputElement).checked).toBe(false);
    expect(stepItem(container, 'prereq-org-admin').el.dataset.status).toBe('todo');

    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.getByRole('alert').textContent).toBe('');
  });

  it('skipping a step sends mark-step skipped and offers Unskip', async () => {
    await seed([aSetup()]);
    const { container } = await renderPanel();

    await userEvent.click(stepItem(container, 'prereq-site-admin').getByRole('button', { name: 'Skip' }));

    expect(send).toHaveBeenCalledWith('mark-step', { step: 'prereq-site-admin', mark: 'skipped' });
    const unskip = await stepItem(container, 'prereq-site-admin').findByRole('button', { name: 'Unskip' });
    expect(screen.getByText('0 of 24 steps done')).toBeTruthy();

    await userEvent.click(unskip);
    expect(send).toHaveBeenLastCalledWith('mark-step', { step: 'prereq-site-admin', mark: null });
  });

  it('a step the pages decide can be marked done by hand, and undone', async () => {
    await seed([aSetup()]);
    const { container } = await renderPanel();
    expect(stepItem(container, 'okta-add-app').queryByRole('checkbox')).toBeNull();

    await userEvent.click(stepItem(container, 'okta-add-app').getByRole('button', { name: 'Mark done myself' }));

    expect(send).toHaveBeenCalledWith('mark-step', { step: 'okta-add-app', mark: 'done' });
    const undo = await stepItem(container, 'okta-add-app').findByRole('button', { name: 'Undo' });
    expect(stepItem(container, 'okta-add-app').queryByRole('button', { name: 'Mark done myself' })).toBeNull();

    await userEvent.click(undo);
    expect(send).toHaveBeenLastCalledWith('mark-step', { step: 'okta-add-app', mark: null });
    await stepItem(container, 'okta-add-app').findByRole('button', { name: 'Mark done myself' });
  });

  it('says no problems were found so far without claiming the setup is verified', async () => {
    await seed([aSetup()]);
    await renderPanel();

    const findings = screen.getByRole('heading', { level: 2, name: 'Findings' }).parentElement as HTMLElement;
    expect(within(findings).getByText(/No problems found so far/).textContent).toMatch(
      /not proof that everything works/,
    );
    expect(within(findings).queryAllByRole('listitem')).toHaveLength(0);
  });

  it('switches between setups with the setup picker', async () => {
    const second = aSetup({ id: 'setup-globex', oktaOrg: 'globex.okta.com', atlassianOrgId: 'a7e3b1c2-globex' });
    await seed([aSetup(), second]);
    await renderPanel();
    const picker = screen.getByRole('combobox', { name: 'Setup' });
    expect((picker as HTMLSelectElement).value).toBe('setup-acme');

    await userEvent.selectOptions(picker, 'globex.okta.com → Atlassian org a7e3b1c2…');

    expect(send).toHaveBeenCalledWith('select-setup', { setupId: 'setup-globex' });
    await waitFor(() => expect((picker as HTMLSelectElement).value).toBe('setup-globex'));
  });

  it('shows the setup by name when there is only one, and how to start when there is none', async () => {
    await seed([aSetup()]);
    const first = await renderPanel();
    expect(screen.getByText(`acme.okta.com → Atlassian org ${ATLASSIAN_ORG.slice(0, 8)}…`)).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: 'Setup' })).toBeNull();
    first.unmount();

    await seed([]);
    await renderPanel();
    expect(screen.getByText(/No setup yet\. Open the Okta Admin Console or admin\.atlassian\.com/)).toBeTruthy();
  });

  it('keeps settings folded, and the overlay switches send set-overlay', async () => {
    await seed([aSetup()]);
    await renderPanel();
    expect(screen.queryByRole('checkbox', { name: 'On Okta Admin Console pages' })).toBeNull();

    const toggle = screen.getByRole('button', { name: 'Settings' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');

    const okta = screen.getByRole('checkbox', { name: 'On Okta Admin Console pages' });
    expect((okta as HTMLInputElement).checked).toBe(true);
    await userEvent.click(okta);

    expect(send).toHaveBeenCalledWith('set-overlay', { site: 'okta', enabled: false });
    await waitFor(() => expect((okta as HTMLInputElement).checked).toBe(false));
    expect((await settingsItem.getValue()).overlay).toEqual({ okta: false, atlassian: true });
  });

  it('reset asks for confirmation first', async () => {
    await seed([aSetup({ manual: { 'prereq-guard-plan': 'done' } })]);
    const { container } = await renderPanel();
    await userEvent.click(screen.getByRole('button', { name: 'Settings' }));

    await userEvent.click(screen.getByRole('button', { name: 'Reset this setup…' }));

    expect(sentChanges()).toEqual([]);
    const question = screen.getByRole('group', { name: 'Reset this setup?' });
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Cancel' }));

    await userEvent.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: 'Reset this setup?' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Reset this setup…' }));
    expect(sentChanges()).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: 'Reset this setup…' }));
    await userEvent.click(screen.getByRole('button', { name: 'Reset progress' }));

    expect(send).toHaveBeenCalledWith('reset-setup', { setupId: 'setup-acme' });
    expect(await screen.findByText('Progress for this setup was reset.')).toBeTruthy();
    await waitFor(() => expect(stepItem(container, 'prereq-guard-plan').el.dataset.status).toBe('todo'));
  });

  it('Escape closes the reset question without resetting', async () => {
    await seed([aSetup()]);
    await renderPanel();
    await userEvent.click(screen.getByRole('button', { name: 'Settings' }));
    await userEvent.click(screen.getByRole('button', { name: 'Reset this setup…' }));

    await userEvent.keyboard('{Escape}');

    expect(screen.queryByRole('group', { name: 'Reset this setup?' })).toBeNull();
    expect(sentChanges()).toEqual([]);
  });
});
