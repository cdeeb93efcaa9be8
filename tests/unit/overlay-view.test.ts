import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type OverlayModel, onOverlayAction, renderOverlay } from '../../components/overlay/overlay-view';
import { taskPerRun } from './task-per-run';

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

  it('changes only what differs on a re-render, so the rest is not laid out again or re-announced', async () => {
    const c = mount();
    const notice = { tone: 'info' as const, text: 'Captured.' };
    renderOverlay(c, model({ credentials: { canFill: false, notice } }));
    const kept = [...c.querySelectorAll('*')];
    const status = c.querySelector('[role="status"]');
    const seen: MutationRecord[] = [];
    const observer = new MutationObserver((records) => seen.push(...records));
    observer.observe(c, { subtree: true, childList: true, attributes: true, characterData: true });
    renderOverlay(c, model({ credentials: { canFill: false, notice }, progress: { done: 4, total: 25, problems: 1 } }));
    await Promise.resolve();
    observer.disconnect();
    expect([...c.querySelectorAll('*')]).toEqual(kept);
    expect(c.querySelector('[role="status"]')).toBe(status);
    expect(seen.map((r) => [r.type, r.target.textContent])).toEqual([['characterData', '4/25 done']]);
  });

  it('turns Fill on in place once the values are held', () => {
    const c = mount();
    renderOverlay(c, model({ credentials: { canFill: true } }));
    const fill = c.querySelector('[data-action="fill-credentials"]') as HTMLButtonElement;
    expect(fill.disabled).toBe(true);
    renderOverlay(
      c,
      model({ credentials: { canFill: true, held: { baseUrl: 'u', keyHint: '…2C1D', minutesLeft: 30 } } }),
    );
    expect(c.querySelector('[data-action="fill-credentials"]')).toBe(fill);
    expect(fill.disabled).toBe(false);
  });

  it('rebuilds a control that became another one, and a notice whose tone changed', () => {
    const c = mount();
    renderOverlay(c, model({ credentials: { canFill: false, notice: { tone: 'info', text: 'A' } } }));
    const showMe = c.querySelector('[data-action="show-me"]');
    const info = c.querySelector('.ssa-notice');
    renderOverlay(
      c,
      model({
        credentials: { canFill: false, notice: { tone: 'problem', text: 'A' } },
        steps: [{ id: 'okta-push-groups', title: 'Push groups', status: 'todo', decidedBy: 'page', canShow: true }],
      }),
    );
    const problem = c.querySelector('.ssa-notice');
    expect(problem).not.toBe(info);
    expect(problem?.getAttribute('role')).toBe('alert');
    const nowShowMe = c.querySelector('[data-action="show-me"]');
    expect(nowShowMe?.getAttribute('data-step')).toBe('okta-push-groups');
    expect(nowShowMe).not.toBe(showMe);
  });

  it('renders any model over any other exactly as a fresh render would', async () => {
    // Few values each, so that two models often share parts and differ in a detail.
    const text = fc.constantFrom('', 'a', 'b c');
    const step = fc.record({
      id: fc.constantFrom('okta-enable-api', 'okta-push-groups', 'atlassian-save-scim'),
      title: text,
      status: fc.constantFrom('todo', 'done', 'problem', 'unknown', 'skipped' as const),
      decidedBy: fc.constantFrom('page', 'user' as const),
      canShow: fc.boolean(),
    });
    const finding = fc.record({
      code: fc.constantFrom('email-mismatch', 'group-not-pushed'),
      severity: fc.constantFrom('problem', 'warning', 'info' as const),
      title: text,
      explanation: text,
      fix: text,
    });
    const credentials = fc.record({
      held: fc.option(fc.record({ baseUrl: text, keyHint: text, minutesLeft: fc.nat(2) }), { nil: undefined }),
      notice: fc.option(fc.record({ tone: fc.constantFrom('info', 'warning', 'problem' as const), text }), {
        nil: undefined,
      }),
      canFill: fc.boolean(),
    });
    const anyModel = fc
      .record({
        expanded: fc.boolean(),
        progress: fc.record({ done: fc.nat(2), total: fc.constant(25), problems: fc.nat(2) }),
        place: text,
        steps: fc.array(step, { maxLength: 3 }),
        findings: fc.array(finding, { maxLength: 2 }),
        credentials: fc.option(credentials, { nil: undefined }),
        next: fc.option(fc.record({ title: text, place: text }), { nil: undefined }),
        message: fc.option(text, { nil: undefined }),
      })
      // As the controller builds them: keys left out, not set to undefined.
      .map((m) => JSON.parse(JSON.stringify(m)) as OverlayModel);
    await fc.assert(
      fc.asyncProperty(anyModel, anyModel, async (before, after) => {
        const patched = mount();
        renderOverlay(patched, before);
        renderOverlay(patched, after);
        const fresh = mount();
        renderOverlay(fresh, after);
        expect(patched.innerHTML).toBe(fresh.innerHTML);
        // 800 hosts left in the body would slow every later run down.
        document.body.replaceChildren();
      }),
      { numRuns: 400, ...taskPerRun },
    );
  }, 60_000);

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
