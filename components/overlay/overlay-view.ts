/**
 * The in-page overlay: a launcher, or a compact panel listing the steps of this page. Plain DOM so admin
 * consoles never load a UI framework; it renders the same derived state as the popup and side panel,
 * with the same hooks (data-step, data-status, data-finding, data-action).
 */
import { STATUS_ICONS, STATUS_LABELS, type StepStatus } from '../../utils/checklist';
import type { Finding } from '../../utils/findings';
import { h, patchChildren } from './dom';

export interface OverlayStep {
  id: string;
  title: string;
  status: StepStatus;
  decidedBy: 'page' | 'user';
  /** A control on this page can be pointed at. */
  canShow: boolean;
}

/** The SCIM values as the overlay may show them: the URL, the key's last four, never the key. */
export interface OverlayCredentials {
  held?: { baseUrl: string; keyHint: string; minutesLeft: number };
  /** Something to say about the last capture, fill or clear. */
  notice?: { tone: 'info' | 'warning' | 'problem'; text: string; finding?: string };
  /** Offer Fill: the Okta Integration form is open. */
  canFill: boolean;
}

export interface OverlayModel {
  expanded: boolean;
  progress: { done: number; total: number; problems: number };
  /** Where the admin is, in their words: "Provisioning › Integration". */
  place: string;
  steps: OverlayStep[];
  findings: Finding[];
  credentials?: OverlayCredentials;
  /** When every step here is done: what comes next, elsewhere. */
  next?: { title: string; place: string; link?: string };
  message?: string;
}

export type OverlayAction =
  | 'toggle-overlay-panel'
  | 'show-me'
  | 'mark-done'
  | 'open-checklist'
  | 'turn-off-overlay'
  | 'fill-credentials'
  | 'verify-credentials'
  | 'clear-credentials';

function launcher(m: OverlayModel) {
  const problems = m.progress.problems;
  // The visible text starts the accessible name, so voice control users can say what they see.
  return h(
    'button',
    { class: 'ssa-launcher', type: 'button', 'data-action': 'toggle-overlay-panel', 'aria-expanded': 'false' },
    h('span', { class: 'ssa-logo' }, 'SCIM'),
    ` ${m.progress.done}/${m.progress.total}`,
    h('span', { class: 'ssa-sr' }, ' steps done.'),
    problems > 0 && h('span', { class: 'ssa-badge' }, ` ${problems}`),
    problems > 0 && h('span', { class: 'ssa-sr' }, ' need attention.'),
    h('span', { class: 'ssa-sr' }, ' Show the SCIM Setup Assistant.'),
  );
}

function stepRow(s: OverlayStep) {
  const manual = s.status !== 'done' && s.status !== 'skipped';
  return h(
    'li',
    { class: 'ssa-step', 'data-step': s.id, 'data-status': s.status },
    h('span', { class: `ssa-status ssa-status-${s.status}`, 'aria-hidden': 'true' }, STATUS_ICONS[s.status]),
    h('span', { class: 'ssa-step-title' }, s.title, h('span', { class: 'ssa-sr' }, ` (${STATUS_LABELS[s.status]})`)),
    h(
      'span',
      { class: 'ssa-step-actions' },
      s.canShow &&
        h(
          'button',
          {
            type: 'button',
            class: 'ssa-link',
            'data-action': 'show-me',
            'data-step': s.id,
            'aria-label': `Show me: ${s.title}`,
          },
          'Show me',
        ),
      manual &&
        h(
          'button',
          {
            type: 'button',
            class: 'ssa-link',
            'data-action': 'mark-done',
            'data-step': s.id,
            'aria-label': `Mark done: ${s.title}`,
          },
          'Mark done',
        ),
    ),
  );
}

function findingItem(f: Finding) {
  return h(
    'li',
    { class: `ssa-finding ssa-finding-${f.severity}`, 'data-finding': f.code },
    h('strong', {}, f.title),
    h('p', {}, f.explanation),
    h('p', {}, h('span', { class: 'ssa-fix-label' }, 'Fix: '), f.fix),
  );
}

function credentialsBlock(c: OverlayCredentials) {
  return h(
    'div',
    { class: 'ssa-credentials', role: 'group', 'aria-label': 'SCIM values' },
    c.held
      ? h(
          'p',
          { class: 'ssa-held' },
          h('strong', {}, 'Captured'),
          ' · ',
          h('span', { class: 'ssa-url' }, c.held.baseUrl),
          ` · key ${c.held.keyHint} · forgotten in ${c.held.minutesLeft} min`,
        )
      : h('p', { class: 'ssa-held' }, 'No SCIM values held.'),
    c.notice &&
      h(
        'p',
        {
          class: `ssa-notice ssa-notice-${c.notice.tone}`,
          role: c.notice.tone === 'info' ? 'status' : 'alert',
          'data-finding': c.notice.finding,
        },
        c.notice.text,
      ),
    (c.held || c.canFill) &&
      h(
        'p',
        { class: 'ssa-credential-actions' },
        c.canFill &&
          h(
            'button',
            { type: 'button', class: 'ssa-button', 'data-action': 'fill-credentials', disabled: !c.held },
            'Fill Base URL and API Token',
          ),
        c.held && h('button', { type: 'button', class: 'ssa-link', 'data-action': 'verify-credentials' }, 'Verify key'),
        c.held && h('button', { type: 'button', class: 'ssa-link', 'data-action': 'clear-credentials' }, 'Clear now'),
      ),
  );
}

function panel(m: OverlayModel) {
  return h(
    'section',
    { class: 'ssa-panel', 'aria-label': 'SCIM Setup Assistant' },
    h(
      'header',
      { class: 'ssa-header' },
      h('span', { class: 'ssa-title' }, 'SCIM Setup Assistant'),
      h('span', { class: 'ssa-progress' }, `${m.progress.done}/${m.progress.total} done`),
      h(
        'button',
        {
          type: 'button',
          class: 'ssa-icon',
          'data-action': 'toggle-overlay-panel',
          'aria-expanded': 'true',
          'aria-label': 'Collapse',
        },
        '—',
      ),
    ),
    h('p', { class: 'ssa-place' }, m.place),
    m.credentials && credentialsBlock(m.credentials),
    m.findings.length > 0 &&
      h('ul', { class: 'ssa-findings', 'aria-label': 'Findings on this page' }, ...m.findings.map(findingItem)),
    m.steps.length > 0
      ? h('ul', { class: 'ssa-steps', 'aria-label': 'Steps on this page' }, ...m.steps.map(stepRow))
      : h('p', { class: 'ssa-empty' }, 'No step of the setup happens on this page.'),
    m.next &&
      h(
        'p',
        { class: 'ssa-next' },
        'Next: ',
        m.next.link
          ? h('a', { href: m.next.link, 'data-action': 'go-next' }, m.next.title)
          : h('strong', {}, m.next.title),
        ` (${m.next.place})`,
      ),
    m.message && h('p', { class: 'ssa-message', role: 'status' }, m.message),
    h(
      'footer',
      { class: 'ssa-footer' },
      h('button', { type: 'button', class: 'ssa-link', 'data-action': 'open-checklist' }, 'Open checklist'),
      h('button', { type: 'button', class: 'ssa-link', 'data-action': 'turn-off-overlay' }, 'Hide on this site'),
    ),
  );
}

/**
 * Brings the overlay's content up to `m`, changing only what differs (`patchChildren`): the rest keeps its
 * layout, and a focused control stays focused. A control that had to be rebuilt (the launcher and the
 * panel share none) gets the focus back when the new content has the same one.
 */
export function renderOverlay(container: HTMLElement, m: OverlayModel): void {
  const root = container.getRootNode() as Document | ShadowRoot;
  const focused = root.activeElement as HTMLElement | null;
  const focusKey = focused?.dataset?.action
    ? `[data-action="${focused.dataset.action}"]${focused.dataset.step ? `[data-step="${focused.dataset.step}"]` : ''}`
    : null;
  patchChildren(container, [m.expanded ? panel(m) : launcher(m)]);
  if (focusKey && !focused?.isConnected) (container.querySelector(focusKey) as HTMLElement | null)?.focus();
}

/** One delegated click listener for every control of the overlay. */
export function onOverlayAction(
  container: HTMLElement,
  signal: AbortSignal,
  act: (action: OverlayAction, step: string | undefined, trusted: boolean) => void,
) {
  container.addEventListener(
    'click',
    (event) => {
      const el = (event.target as Element | null)?.closest<HTMLElement>('[data-action]');
      const action = el?.dataset.action;
      if (!el || !action || action === 'go-next') return;
      // isTrusted: a real click by the admin, not a page script calling .click() on our (open) shadow root.
      act(action as OverlayAction, el.dataset.step, event.isTrusted === true);
    },
    { signal },
  );
}
