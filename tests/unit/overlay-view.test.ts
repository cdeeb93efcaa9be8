import { afterEach, describe, expect, it, vi } from 'vitest';
import { type OverlayModel, onOverlayAction, renderOverlay } from '../../components/overlay/overlay-view';

const model = (patch: Partial<OverlayModel> = {}): OverlayModel => ({
  expanded: true,
  progress: { done: 3, total: 25, problems: 1 },
  place: 'Okta › Atlassian Cloud app › Provisioning › Integration',
  steps: [
    { id: 'okta-enable-api', title: 'Turn on API integration', status: 'todo', decidedBy: 'user', canShow: true },
    {
      id: 'okta-enter-credentials',
      title: 'Enter the Base URL and API Token',
      status: 'done',
      decidedBy: 'user',
      canShow: false,
    },
  ],
  findings: [],
  ...patch,
});

function mount() {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const container = document.createElement('div');
  root.append(container);
  return container;
}

describe('the overlay view', () => {
  afterEach(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    document.body.replaceChildren();
  });

  it('lists the steps of the page with the shared hooks', () => {
    const c = mount();
    renderOverlay(c, model());
    const rows = [...c.querySelectorAll('[data-step]')].filter((el) => el.tagName === 'LI');
    expect(rows.map((r) => [r.getAttribute('data-step'), r.getAttribute('data-status')])).toEqual([
      ['okta-enable-api', 'todo'],
      ['okta-enter-credentials', 'done'],
    ]);
    expect(c.querySelector('[data-action="show-me"][data-step="okta-enable-api"]')).not.toBeNull();
    expect(c.querySelector('[data-action="show-me"][data-step="okta-enter-credentials"]')).toBeNull();
    expect(c.querySelector('[data-action="mark-done"][data-step="okta-enter-credentials"]')).toBeNull();
    expect(c.textContent).toContain('3/25 done');
  });

  it('collapses to a launcher that still tells progress and problems', () => {
    const c = mount();
    renderOverlay(c, model({ expanded: false }));
    const launcher = c.querySelector('[data-action="toggle-overlay-panel"]');
    expect(launcher?.getAttribute('aria-expanded')).toBe('false');
    expect(launcher?.textContent).toMatch(/^SCIM 3\/25 steps done\. 1 need attention\./);
    expect(c.querySelector('[data-step]')).toBeNull();
  });

  it('renders findings with their code, explanation and fix', () => {
    const c = mount();
    renderOverlay(
      c,
      model({ findings: [{ code: 'email-mismatch', severity: 'problem', title: 'T', explanation: 'E', fix: 'F' }] }),
    );
    const f = c.querySelector('[data-finding="email-mismatch"]');
    expect(f?.textContent).toContain('E');
    expect(f?.textContent).toContain('Fix: F');
  });

  it('renders page text as text, never as markup', () => {
    const c = mount();
    renderOverlay(c, model({ message: '<img src=x onerror=alert(1)>' }));
    expect(c.querySelector('img')).toBeNull();
    expect(c.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('keeps keyboard focus on the same control across renders', () => {
    const c = mount();
    renderOverlay(c, model());
    (c.querySelector('[data-action="mark-done"][data-step="okta-enable-api"]') as HTMLElement).focus();
    renderOverlay(c, model({ progress: { done: 4, total: 25, problems: 0 } }));
    const active = (c.getRootNode() as ShadowRoot).activeElement as HTMLElement;
    expect(active.dataset.action).toBe('mark-done');
    expect(active.dataset.step).toBe('okta-enable-api');
  });

  it('reports clicks as actions with their step, until stopped', () => {
    const c = mount();
    renderOverlay(c, model());
    const abort = new AbortController();
    const act = vi.fn();
    onOverlayAction(c, abort.signal, act);
    c.querySelector('[data-action="show-me"]')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    // A synthetic click is not the admin's: the controller refuses to fill on one.
    expect(act).toHaveBeenCalledWith('show-me', 'okta-enable-api', false);
    abort.abort();
    (c.querySelector('[data-action="open-checklist"]') as HTMLElement).click();
    expect(act).toHaveBeenCalledTimes(1);
  });
});
