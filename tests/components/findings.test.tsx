import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Popup } from '../../components/Popup';
import { SidePanel } from '../../components/SidePanel';
import type { Check } from '../../utils/checks/types';
import { send } from '../../utils/messages';
import { visitKey } from '../../utils/observations';
import { aSetup, currentWindow, openTab, renderWithStore, seed, stepItem } from './harness';

vi.mock('../../utils/messages', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../utils/messages')>()),
  // Unanswered unless a test says otherwise (the store asks for the vault's status on its own).
  send: vi.fn(async () => ({ ok: false, error: 'Not answered in this test.' })),
}));

/**
 * No shipped check produces findings yet, so one stands in: after the Sign On tab was seen it reports a
 * mismatch on a step and a warning with no step, the way later checks will.
 */
vi.mock('../../utils/checks', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../utils/checks')>();
  const signOnSeen: Check = {
    id: 'test-sign-on',
    findings: ['email-mismatch', 'push-errors'],
    steps: [],
    run: ({ observations }) =>
      observations['visit:okta-app-sign-on']
        ? {
            findings: [
              {
                code: 'email-mismatch',
                severity: 'problem',
                title: 'Sign-in and provisioning use different emails',
                explanation: 'Application username format is Okta username, but Primary email comes from email.',
                fix: 'Set Application username format to Email on the Sign On tab, then use Update Now.',
                step: 'email-username-format',
              },
              {
                code: 'push-errors',
                severity: 'warning',
                title: 'A pushed group reported an error',
                explanation: 'The last push of one group failed.',
                fix: 'Open Push Groups and push the group again.',
              },
            ],
          }
        : {},
  };
  return { CHECKS: [...real.CHECKS, signOnSeen] };
});

const signOnSeen = () =>
  aSetup({
    observations: { [visitKey('okta-app-sign-on')]: { kind: 'page-visit', page: 'okta-app-sign-on', at: Date.now() } },
  });

describe('Findings', () => {
  beforeEach(() => {
    vi.mocked(send).mockClear();
    currentWindow(7);
    openTab(undefined);
  });

  it('a finding is rendered with its code, explanation and fix, and holds its step back', async () => {
    await seed([signOnSeen()]);
    const { container } = renderWithStore((store) => <SidePanel store={store} />);
    await screen.findByRole('heading', { level: 2, name: 'Findings' });

    const mismatch = container.querySelector<HTMLElement>('[data-finding="email-mismatch"]');
    expect(mismatch).not.toBeNull();
    const finding = within(mismatch as HTMLElement);
    expect(
      finding.getByRole('heading', { name: 'Problem Sign-in and provisioning use different emails' }),
    ).toBeTruthy();
    expect(finding.getByText(/Primary email comes from email/)).toBeTruthy();
    expect(mismatch?.textContent).toContain(
      'Fix: Set Application username format to Email on the Sign On tab, then use Update Now.',
    );
    expect(container.querySelector('[data-finding="push-errors"]')?.textContent).toContain('Warning');
    expect(screen.queryByText(/No problems found so far/)).toBeNull();

    const step = stepItem(container, 'email-username-format');
    expect(step.el.dataset.status).toBe('problem');
    expect(step.getByText('Needs attention')).toBeTruthy();
    expect(screen.getByText('2 issues need your attention')).toBeTruthy();
  });

  it('the popup counts findings and problem steps once each', async () => {
    await seed([signOnSeen()]);
    renderWithStore((store) => <Popup store={store} />);

    expect(await screen.findByText('2 issues need your attention')).toBeTruthy();
  });
});
