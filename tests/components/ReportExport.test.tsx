import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { REVOKE_AFTER_MS } from '../../components/ReportExport';
import { SidePanel } from '../../components/SidePanel';
import { STEPS } from '../../utils/checklist';
import { send } from '../../utils/messages';
import { visitKey } from '../../utils/observations';
import type { VaultStatus } from '../../utils/vault';
import { ATLASSIAN_ORG, aSetup, renderWithStore, seed } from './harness';

vi.mock('../../utils/messages', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../utils/messages')>()),
  send: vi.fn(async () => ({ ok: false, error: 'Not answered in this test.' })),
}));

const DIRECTORY = '7d3e9a41-52b6-4c8f-9e0a-1b2c3d4e1a2b';
const KEY = `ATCTT3xFfGN0${'a1B2c3D4e5'.repeat(17)}=0A1B2C3D`;
const VAULT: VaultStatus = {
  state: 'held',
  baseUrl: `https://api.atlassian.com/scim/directory/${DIRECTORY}`,
  keyHint: '…2C3D',
  capturedAt: Date.now(),
  expiresAt: Date.now() + 1_800_000,
  source: 'page',
};

function answerVault(vault: VaultStatus) {
  vi.mocked(send).mockImplementation((async (type: string) =>
    type === 'vault-status'
      ? { ok: true, value: vault }
      : { ok: false, error: 'Not answered in this test.' }) as never);
}

const setupWithDirectory = () =>
  aSetup({
    manual: { 'prereq-guard-plan': 'done' },
    observations: {
      [visitKey('atlassian-scim-setup')]: { kind: 'page-visit', page: 'atlassian-scim-setup', at: Date.now() - 60_000 },
      'okta-push-groups': {
        kind: 'okta-push-groups',
        enabled: true,
        complete: true,
        groups: [
          { name: `All members for directory - ${DIRECTORY}`, status: 'error', error: `Bad token ${KEY}` },
          { name: 'Jira | users', status: 'error', error: 'displayName already exists' },
        ],
        at: Date.now() - 30_000,
      },
    },
  });

/** Captures what the side panel hands to the browser: the Blob, and the link it clicks. */
function captureDownloads() {
  const blobs: Blob[] = [];
  const links: { href: string; download: string; inDocument: boolean }[] = [];
  const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return `blob:chrome-extension://test/${blobs.length}`;
  });
  const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    links.push({ href: this.href, download: this.download, inDocument: this.isConnected });
  });
  return { blobs, links, create, revoke };
}

async function renderPanel() {
  const result = renderWithStore((store) => <SidePanel store={store} />);
  await screen.findByRole('heading', { level: 2, name: 'Setup report' });
  return result;
}

const exportButton = () => screen.getByRole('button', { name: 'Download Markdown' });
const directoryBox = () => screen.getByRole('checkbox', { name: 'Include the SCIM directory id' });

describe('Setup report export', () => {
  beforeEach(() => {
    vi.mocked(send).mockClear();
    answerVault(VAULT);
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'SCIM setup assistant',
      version: '9.8.7',
    });
  });

  it('sits after the checklist and before the settings', async () => {
    await seed([setupWithDirectory()]);
    const { container } = await renderPanel();
    const sections = [...container.querySelectorAll('main > section')];
    const report = container.querySelector('[data-section="report"]') as Element;
    const settings = container.querySelector('.settings') as Element;
    expect(sections.indexOf(report)).toBe(sections.indexOf(settings) - 1);
    const lastStep = container.querySelector(`[data-step="${STEPS.at(-1)?.id}"]`) as Element;
    expect(lastStep.compareDocumentPosition(report) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('downloads the report as Markdown through a Blob URL and a temporary link', async () => {
    await seed([setupWithDirectory()]);
    const { container } = await renderPanel();
    const { blobs, links, revoke } = captureDownloads();

    await userEvent.click(container.querySelector('[data-action="export-report"]') as HTMLElement);

    expect(blobs).toHaveLength(1);
    expect(blobs[0]?.type).toBe('text/markdown;charset=utf-8');
    const date = new Date().toISOString().slice(0, 10);
    expect(links).toEqual([
      {
        href: 'blob:chrome-extension://test/1',
        download: `scim-setup-report-acme.okta.com-${date}.md`,
        inDocument: true,
      },
    ]);
    expect(container.querySelector('a[download]')).toBeNull();
    const md = (await blobs[0]?.text()) ?? '';
    expect(md).toContain('# SCIM setup report: acme.okta.com');
    expect(md).toContain('9.8.7');
    expect(md).toContain(ATLASSIAN_ORG);
    for (const step of STEPS) expect(md).toContain(`\`${step.id}\``);
    expect(md).toContain('Jira \\| users');
    expect(md).not.toContain(KEY);
    expect(md).not.toContain('…2C3D');
    expect(md).not.toContain(DIRECTORY);
    expect(md).toContain('…1a2b');
    const status = container.querySelector('[data-section="report"] [role="status"]');
    expect(status?.textContent).toBe(`Markdown report saved as scim-setup-report-acme.okta.com-${date}.md.`);
    await waitFor(() => expect(revoke).toHaveBeenCalledWith('blob:chrome-extension://test/1'), {
      timeout: REVOKE_AFTER_MS + 2_000,
    });
  });

  it('downloads JSON for tooling', async () => {
    await seed([setupWithDirectory()]);
    const { container } = await renderPanel();
    const { blobs, links } = captureDownloads();

    await userEvent.click(container.querySelector('[data-action="export-report-json"]') as HTMLElement);

    expect(links[0]?.download).toMatch(/^scim-setup-report-acme\.okta\.com-\d{4}-\d{2}-\d{2}\.json$/);
    const json = JSON.parse((await blobs[0]?.text()) ?? '');
    expect(json).toMatchObject({ schema: 'scim-setup-report', schemaVersion: 1, extensionVersion: '9.8.7' });
    expect(json.steps).toHaveLength(STEPS.length);
    expect(json.setup.scimDirectoryId).toBe('…1a2b');
  });

  it('includes the directory id in full only when the box is ticked', async () => {
    await seed([setupWithDirectory()]);
    await renderPanel();
    await screen.findByText(/it shows as …1a2b/);
    const { blobs } = captureDownloads();

    expect((directoryBox() as HTMLInputElement).checked).toBe(false);
    await userEvent.click(directoryBox());
    expect((directoryBox() as HTMLInputElement).checked).toBe(true);
    await userEvent.click(exportButton());
    const withId = (await blobs[0]?.text()) ?? '';
    expect(withId).toContain(DIRECTORY);
    expect(withId).toContain(`All members for directory - ${DIRECTORY}`);
    expect(withId).not.toContain(KEY);

    await userEvent.click(directoryBox());
    await userEvent.click(exportButton());
    const masked = (await blobs[1]?.text()) ?? '';
    expect(masked).not.toContain(DIRECTORY);
    expect(masked).toContain('All members for directory - …1a2b');
  });

  it('copies the Markdown to the clipboard', async () => {
    await seed([setupWithDirectory()]);
    await renderPanel();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);

    await userEvent.click(screen.getByRole('button', { name: 'Copy as Markdown' }));

    expect(writeText).toHaveBeenCalledTimes(1);
    const md = writeText.mock.calls[0]?.[0] ?? '';
    expect(md).toContain('# SCIM setup report: acme.okta.com');
    expect(md).not.toContain(KEY);
    expect(md).not.toContain(DIRECTORY);
    expect(await screen.findByText('Report copied as Markdown.')).toBeTruthy();
  });

  it('says so when the clipboard is refused', async () => {
    await seed([setupWithDirectory()]);
    await renderPanel();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));

    await userEvent.click(screen.getByRole('button', { name: 'Copy as Markdown' }));

    expect(await screen.findByText(/did not let the extension use the clipboard/)).toBeTruthy();
  });

  it('is disabled, with the reason, when there is no setup yet', async () => {
    await seed([], null);
    await renderPanel();
    const { create } = captureDownloads();

    for (const name of ['Download Markdown', 'Download JSON', 'Copy as Markdown']) {
      const button = screen.getByRole('button', { name }) as HTMLButtonElement;
      expect(button.disabled).toBe(true);
      expect(button.getAttribute('aria-describedby')).toBeTruthy();
    }
    expect((directoryBox() as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText(/no setup to report on yet/)).toBeTruthy();
    await userEvent.click(exportButton());
    expect(create).not.toHaveBeenCalled();
  });
});
