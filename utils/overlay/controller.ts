/**
 * One controller drives the overlay on a page. Constructing does nothing; start and stop are idempotent;
 * everything it sets up is tied to an AbortSignal that stops with the content script's context.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import overlayCss from '../../components/overlay/overlay.css?inline';
import {
  type OverlayAction,
  type OverlayCredentials,
  type OverlayModel,
  onOverlayAction,
  renderOverlay,
} from '../../components/overlay/overlay-view';
import { getStep, STEPS, type StepId, stepsOfPage } from '../checklist';
import { isFlowPage, nextStep } from '../flow';
import { CONTENT_VALIDATORS, type FillReport, send } from '../messages';
import { fillOktaIntegration } from '../okta-fill';
import { atlassianAppHint, collectHints, hintsAffectedBy, hintsLeft } from '../page-hints';
import type { PageView } from '../page-view';
import { detectPage, type PageHints, type PageInfo, type Site } from '../pages';
import { readPageReadings } from '../readers';
import type { OktaIntegrationReading } from '../readers/okta-integration';
import { PUSH_GROUPS_ATTENTION } from '../readers/okta-push-groups';
import {
  noteMutation,
  ROW_ATTRIBUTES,
  ROW_BUDGET_MS,
  RowBudgetSpent,
  rowsTouched,
  watchRows,
  withRowBudget,
} from '../readers/row-cache';
import { sameData } from '../same-data';
import { describeVerify, type VerifyOutcome } from '../scim-api';
import { locateTarget, type Target } from '../targets';
import { type CaptureOutcome, createCapture } from './capture';
import { createHighlight, type Highlight } from './highlight';
import { watchNavigation } from './navigation';
import { createPageViewStore, type PageViewStore } from './page-view-store';
import { createReporter } from './reporter';
import { isUnassignControl, UNASSIGN_FINDING } from './unassign-warning';

export const OVERLAY_TAG = 'scim-setup-assistant';

interface Mounted {
  ui: ShadowRootContentScriptUi<void>;
  panel: HTMLElement;
  highlight: Highlight;
  abort: AbortController;
}

type Notice = NonNullable<OverlayCredentials['notice']>;

/**
 * Steps whose target is looked for among list rows, and what in a row can be one: looked for again when a
 * changed row holds such an element (the target is the first one in the list).
 */
const ROW_STEPS: ReadonlyMap<StepId, readonly string[]> = new Map([['groups-review-push', PUSH_GROUPS_ATTENTION]]);

/** Whether a step's target, found before `rows` changed, may no longer be the one its locator finds. */
function targetMoved(step: StepId, target: Target | null, rows: readonly Element[]): boolean {
  if (target && rows.some((row) => row.contains(target.element))) return true;
  const could = ROW_STEPS.get(step);
  return (
    could !== undefined &&
    rows.some((row) => row.isConnected && could.some((part) => row.matches(part) || row.querySelector(part)))
  );
}

/** Mutation records the page watcher keeps for the next read before it notes them at once. */
const DELIVERED_MAX = 5_000;

/**
 * Attributes the page watcher observes: those readers, page hints and targets read (class, role, aria-*,
 * every attribute a cached row parse reads, see ROW_ATTRIBUTES), so no cached answer goes stale unseen.
 */
const WATCHED_ATTRIBUTES = [
  ...new Set([
    ...ROW_ATTRIBUTES,
    'aria-hidden',
    'aria-disabled',
    'aria-selected',
    'aria-current',
    'aria-checked',
    'aria-expanded',
    'colspan',
    'rel',
    'data-se',
    'data-filter',
    'id',
    'for',
    'name',
  ]),
];

export function createOverlayController(ctx: ContentScriptContext, site: Site) {
  let handle: PageViewStore | undefined;
  let mounted: Mounted | undefined;
  let mounting: Promise<Mounted> | undefined;
  let page: PageInfo = { site: 'none', page: 'none' };
  let atlassianApp: true | 'unknown' = 'unknown';
  let lastReported = '';
  const reporter = createReporter();
  /** What the panel shows now: an unchanged model is not rendered again (a render dirties layout). */
  let renderedModel: OverlayModel | undefined;
  /**
   * Each step's target as found since the page last changed. Finding one scans every clickable element of
   * the page (thousands on a long list), and the overlay renders again for every storage change too.
   */
  const targets = new Map<StepId, Target | null>();
  /**
   * What changed since the last read, as the page watcher saw it: 'rows' when every change was inside
   * (or was) a table row, those rows in `changedRows`; 'other' for anything else, for typing, and when
   * nothing watches (off the flow). After a 'rows' change the targets found before are
   * kept, unless inside a changed row (or gone from the page, see render) or looked for in the rows.
   */
  let changed: 'none' | 'rows' | 'other' = 'other';
  let changedRows: Element[] = [];
  /**
   * collectHints' answer, and the elements it came from, while the watcher sees nothing that could change
   * it (and the URL is the same).
   */
  let hintsCache: { href: string; hints: PageHints; read: Element[] } | undefined;
  /** The URL of the last read: targets are looked for afresh on another. */
  let readHref = '';
  /** A read that ran out of its row budget, continued in its own task. */
  let continueRead = 0;
  /** Hands the watcher's pending records over before a read (MutationObserver delivers them later). */
  let flushWatcher: (() => void) | undefined;
  /** The Integration pane as last read by readPage, for the credentials block (no second read per render). */
  let integration: OktaIntegrationReading | null = null;
  /** A step the admin asked to see; otherwise the next open step is pointed at. */
  let shownStep: StepId | undefined;
  let message: string | undefined;
  let notice: Notice | undefined;
  /** Set when the admin reached for a remove control on Assignments; cleared by navigation. */
  let unassignWarned = false;
  let capture: ReturnType<typeof createCapture> | undefined;

  /** Read what the page shows now and report what changed; cheap enough to run once per frame. */
  function readPage() {
    flushWatcher?.();
    if (location.href !== readHref) changed = 'other';
    readHref = location.href;
    if (changed === 'rows') {
      for (const [step, target] of targets) if (targetMoved(step, target, changedRows)) targets.delete(step);
    } else if (changed === 'other') {
      targets.clear();
    }
    changed = flushWatcher ? 'none' : 'other';
    changedRows = [];
    if (!flushWatcher || hintsCache?.href !== location.href) {
      const read: Element[] = [];
      hintsCache = { href: location.href, hints: collectHints(document, read), read };
    }
    const hints = hintsCache.hints;
    page = detectPage(location.href, hints);
    if (page.site === 'okta' && page.app) {
      const remembered = handle?.store.getState().view?.oktaAppId === page.app.id;
      atlassianApp = remembered ? true : atlassianAppHint(document);
    } else {
      atlassianApp = 'unknown';
    }
    const key = `${location.href}|${page.page}|${atlassianApp}`;
    if (page.site !== 'none' && key !== lastReported) {
      lastReported = key;
      void send('page-seen', { hints, atlassianApp });
    }
    const onFlow = page.site === 'atlassian' || (page.site === 'okta' && atlassianApp === true);
    const here = page.page;
    let readings: ReturnType<typeof readPageReadings>;
    try {
      // A long list seen for the first time is parsed over several tasks (the rows parsed are kept).
      readings =
        onFlow && page.site !== 'none' ? withRowBudget(ROW_BUDGET_MS, () => readPageReadings(here, document)) : [];
    } catch (error) {
      if (!(error instanceof RowBudgetSpent)) throw error;
      continueRead ||= window.setTimeout(() => {
        continueRead = 0;
        readPage();
      }, 0);
      return;
    }
    integration = (readings.find((r) => r.kind === 'okta-integration') as OktaIntegrationReading | undefined) ?? null;
    for (const reading of readings) reporter.report(reading);
    if (page.site === 'atlassian') void capture?.check();
    render();
  }

  function onCapture(outcome: CaptureOutcome) {
    if (!outcome.ok) {
      notice = { tone: 'problem', text: outcome.error, ...(outcome.code ? { finding: outcome.code } : {}) };
    } else if (outcome.value.kind === 'new-key') {
      notice = {
        tone: 'warning',
        text: 'A new API key replaced the one captured before. The old key stopped working: give Okta the new one now.',
      };
    } else {
      const personal = outcome.value.notes.find((n) => n.code === 'scim-key-personal-token');
      notice = personal
        ? { tone: 'warning', text: personal.message, finding: personal.code }
        : {
            tone: 'info',
            text: 'Save the SCIM configuration below, and keep a copy of the key in your password manager: Atlassian will not show it again.',
          };
    }
    render();
  }

  function credentials(v: PageView): OverlayCredentials | undefined {
    const scimPage = page.site === 'atlassian' && (page.page === 'atlassian-scim-setup' || notice !== undefined);
    if (!integration && !scimPage) return undefined;
    const held =
      v.vault.state === 'held'
        ? {
            baseUrl: v.vault.baseUrl,
            keyHint: v.vault.keyHint,
            minutesLeft: Math.max(0, Math.ceil((v.vault.expiresAt - Date.now()) / 60_000)),
          }
        : undefined;
    return {
      ...(held ? { held } : {}),
      ...(notice ? { notice } : {}),
      canFill: integration?.mode === 'edit' && integration.apiEnabled === true,
    };
  }

  function model(v: PageView, targetOf: (step: StepId) => Target | null): OverlayModel {
    const here = page.site === 'none' ? [] : stepsOfPage(page.page);
    const steps = here.map((s) => ({
      id: s.id,
      title: s.title,
      status: v.derived.steps[s.id].status,
      decidedBy: s.decidedBy,
      canShow: targetOf(s.id) !== null,
    }));
    const hereIds = new Set<string>(here.map((s) => s.id));
    const findings = v.derived.findings.filter((f) => !f.step || hereIds.has(f.step));
    if (unassignWarned && page.page === 'okta-app-assignments') findings.unshift(UNASSIGN_FINDING);
    const open = nextStep(
      v.derived,
      here.map((s) => s.id),
    );
    const elsewhere = open ? undefined : nextStep(v.derived);
    const nextDef = elsewhere ? getStep(elsewhere) : undefined;
    const place = here[0]?.where.place ?? (page.site === 'okta' ? 'Okta Admin Console' : 'Atlassian Administration');
    const creds = credentials(v);
    return {
      expanded: v.settings.overlayExpanded,
      progress: v.derived.progress,
      place,
      steps,
      findings,
      ...(creds ? { credentials: creds } : {}),
      ...(nextDef ? { next: { title: nextDef.title, place: nextDef.where.place, link: nextDef.link?.(v.link) } } : {}),
      ...(message ? { message } : {}),
    };
  }

  /** The step to point at: the one asked for, else the next open step (here, or the tab that leads to it). */
  function pointAt(v: PageView, m: Mounted, targetOf: (step: StepId) => Target | null) {
    if (!v.settings.overlayExpanded) return m.highlight.clear();
    const here = page.site === 'none' ? [] : stepsOfPage(page.page).map((s) => s.id);
    const goal =
      shownStep ??
      nextStep(v.derived, here) ??
      nextStep(
        v.derived,
        STEPS.map((s) => s.id),
      );
    const target = goal ? targetOf(goal) : null;
    if (target) m.highlight.show(target.element, target.hint);
    else m.highlight.clear();
  }

  /** Stops the page watcher; set while a flow page is shown, whether or not the overlay is. */
  let stopWatching: AbortController | undefined;
  /** The overlay's host element, once created: its own changes are not page changes. */
  let overlayHost: HTMLElement | undefined;

  /**
   * While a flow page is shown (with or without the overlay, which the admin may hide): forms switch
   * between read and edit mode and panes render late without a navigation, so page changes are re-read
   * — at most once per animation frame, and just after that frame has been drawn: the page's layout is
   * then up to date, so showing the overlay and pointing at a control read it for free instead of forcing
   * a layout of a page that has just changed. Started before the first read, so the rows that read parses
   * are kept (row-cache.ts) instead of parsed again once the overlay is up.
   */
  function watchPage() {
    if (stopWatching) return;
    const abort = new AbortController();
    stopWatching = abort;
    const { signal } = abort;
    ctx.signal.addEventListener('abort', () => abort.abort());
    let frame = 0;
    let timer = 0;
    // Our own host (added to the body, restyled by WXT) is not a page change; its shadow tree is not observed.
    const onlyHost = (nodes: NodeList) => {
      for (let i = 0; i < nodes.length; i++) if (nodes[i] !== overlayHost) return false;
      return true;
    };
    const ours = (r: MutationRecord) =>
      (overlayHost !== undefined && r.target === overlayHost) ||
      (r.type === 'childList' && onlyHost(r.addedNodes) && onlyHost(r.removedNodes));
    const note = (records: MutationRecord[]) => {
      let childLists = false;
      const clean = new Set<Node>();
      const rowOf = new Map<Element, Element | null>();
      for (const r of records) {
        noteMutation(r);
        if (ours(r)) continue;
        if (r.type === 'childList') childLists = true;
        if (hintsCache && hintsAffectedBy(r, clean, true)) hintsCache = undefined;
        if (changed === 'other') continue;
        const rows = rowsTouched(r, rowOf);
        if (rows) {
          changed = 'rows';
          for (const row of rows) changedRows.push(row);
        } else {
          changed = 'other';
          changedRows = [];
        }
      }
      // Removed subtrees are not searched one by one: the hints change only when an element they came from left.
      if (childLists && hintsCache && hintsLeft(hintsCache.read)) hintsCache = undefined;
    };
    /**
     * Records delivered and not yet noted. The callback runs inside the page's own task (at its microtask
     * checkpoint), so it only keeps them: they are noted when the page is next read, after a frame has been
     * drawn, and a page task that is long already is not made longer by us. Past DELIVERED_MAX (a tab in
     * the background draws no frames, and records hold the nodes they name) they are noted at once.
     */
    let delivered: MutationRecord[][] = [];
    let deliveredCount = 0;
    const observer = new MutationObserver((records) => {
      delivered.push(records);
      deliveredCount += records.length;
      if (deliveredCount > DELIVERED_MAX) flush();
      if (records.every(ours)) return;
      schedule();
      mounted?.highlight.follow();
    });
    const body = document.body;
    observer.observe(body, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: WATCHED_ATTRIBUTES,
    });
    // From here on, what changed is known: the readers may keep rows they parsed, the hints stay until a
    // heading changes, and targets survive changes confined to list rows.
    function flush() {
      const batches = delivered;
      delivered = [];
      deliveredCount = 0;
      for (const records of batches) note(records);
      const pending = observer.takeRecords();
      if (pending.length > 0) note(pending);
    }
    const unwatchRows = watchRows(document, body, flush);
    flushWatcher = flush;
    changed = 'other';
    hintsCache = undefined;
    const schedule = () => {
      if (frame || timer) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        // A task queued in an animation frame runs after that frame's style, layout and paint.
        timer = window.setTimeout(() => {
          timer = 0;
          readPage();
        }, 0);
      });
    };
    // A remove control on Assignments, by mouse or keyboard: warn beside the page's own confirmation, never block.
    document.addEventListener(
      'click',
      (event) => {
        if (page.page !== 'okta-app-assignments' || unassignWarned || !isUnassignControl(event.target)) return;
        unassignWarned = true;
        render();
      },
      { capture: true, passive: true, signal },
    );
    // Typing changes values without changing the DOM (targets follow the values of a form).
    const typed = () => {
      changed = 'other';
      schedule();
    };
    document.addEventListener('input', typed, { capture: true, passive: true, signal });
    signal.addEventListener('abort', () => {
      unwatchRows();
      if (flushWatcher === flush) flushWatcher = undefined;
      changed = 'other';
      hintsCache = undefined;
      observer.disconnect();
      delivered = [];
      deliveredCount = 0;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    });
  }

  async function mount(): Promise<Mounted> {
    const abort = new AbortController();
    ctx.signal.addEventListener('abort', () => abort.abort());
    let panel!: HTMLElement;
    let layer!: HTMLElement;
    const ui = await createShadowRootUi<void>(ctx, {
      name: OVERLAY_TAG,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      css: overlayCss,
      // Keystrokes typed into the overlay stay in the overlay (Okta's forms listen to keydown).
      isolateEvents: true,
      onMount(container) {
        layer = document.createElement('div');
        layer.className = 'ssa-layer';
        panel = document.createElement('div');
        panel.className = 'ssa-root';
        container.append(layer, panel);
      },
    });
    overlayHost = ui.shadowHost;
    ui.mount();
    // The panel moves to the other bottom corner when it would cover what it points at (and the other does not).
    const dock = (target: DOMRect) => {
      const box = panel.getBoundingClientRect();
      const covers = (left: number) =>
        target.right > left && target.left < left + box.width && target.bottom > box.top && target.top < box.bottom;
      const otherLeft = panel.classList.contains('ssa-left') ? window.innerWidth - 16 - box.width : 16;
      if (covers(box.left) && !covers(otherLeft)) panel.classList.toggle('ssa-left');
    };
    const m: Mounted = { ui, panel, highlight: createHighlight(layer, abort.signal, dock), abort };
    onOverlayAction(
      panel,
      abort.signal,
      (action, step, trusted) => void act(action, step as StepId | undefined, trusted),
    );
    return m;
  }

  function verifyNotice(outcome: VerifyOutcome): Notice {
    const { tone, text } = describeVerify(outcome);
    return { tone: tone === 'ok' ? 'info' : tone, text };
  }

  function describeFill(report: FillReport): Notice {
    if (report.problems.length === 0) {
      return { tone: 'info', text: 'Filled. Now choose Test API Credentials; Okta saves only after the test passes.' };
    }
    return { tone: 'problem', text: report.problems.join(' ') };
  }

  async function act(action: OverlayAction, step: StepId | undefined, trusted: boolean) {
    const v = handle?.store.getState().view;
    if (!v) return;
    message = undefined;
    if (action === 'toggle-overlay-panel') {
      const answer = await send('set-overlay-expanded', { expanded: !v.settings.overlayExpanded });
      if (!answer.ok) message = answer.error;
    } else if (action === 'show-me' && step) {
      shownStep = step;
      const target = locateTarget(document, getStep(step), page);
      target?.element.scrollIntoView({ block: 'center', behavior: 'smooth' });
    } else if (action === 'mark-done' && step) {
      const answer = await send('mark-step', { step, mark: 'done' });
      if (!answer.ok) message = answer.error;
    } else if (action === 'open-checklist') {
      const answer = await send('open-checklist', {});
      if (!answer.ok) message = answer.error;
    } else if (action === 'turn-off-overlay' && page.site !== 'none') {
      const answer = await send('set-overlay', { site: page.site, enabled: false });
      if (!answer.ok) message = answer.error;
    } else if (action === 'fill-credentials') {
      // Only a real click by the admin fills (../shared/security.md rule 4).
      if (!trusted) return;
      const answer = await send('fill-credentials', {});
      notice = answer.ok ? describeFill(answer.value) : { tone: 'problem', text: answer.error };
    } else if (action === 'verify-credentials') {
      // Sends the key to api.atlassian.com and may raise a permission prompt: the admin's click only.
      if (!trusted) return;
      notice = { tone: 'info', text: 'Asking Atlassian…' };
      render();
      const answer = await send('verify-credentials', {});
      notice = answer.ok ? verifyNotice(answer.value) : { tone: 'problem', text: answer.error };
    } else if (action === 'clear-credentials') {
      const answer = await send('clear-credentials', {});
      notice = answer.ok
        ? { tone: 'info', text: 'Cleared. The assistant no longer holds the SCIM values.' }
        : { tone: 'problem', text: answer.error };
    }
    render();
  }

  function render() {
    const v = handle?.store.getState().view;
    if (!v) return;
    const onFlow = isFlowPage(page, atlassianApp, v.derived);
    if (onFlow) watchPage();
    else unwatchPage();
    const visible = v.settings.overlay[site] && onFlow;
    if (!visible) {
      unmount();
      return;
    }
    if (!mounted) {
      mounting ??= mount().then((m) => {
        mounted = m;
        return m;
      });
      void mounting.then(() => render());
      return;
    }
    // Looked up again only after the page changed (or the element left it): the panel and the highlight share it.
    const targetOf = (step: StepId) => {
      const known = targets.get(step);
      if (known === null || known?.element.isConnected) return known;
      const found = locateTarget(document, getStep(step), page);
      targets.set(step, found);
      return found;
    };
    const next = model(v, targetOf);
    if (!renderedModel || !sameData(renderedModel, next)) {
      renderOverlay(mounted.panel, next);
      renderedModel = next;
    }
    pointAt(v, mounted, targetOf);
  }

  function unwatchPage() {
    stopWatching?.abort();
    stopWatching = undefined;
  }

  function unmount() {
    if (!mounted) return;
    mounted.abort.abort();
    mounted.ui.remove();
    mounted = undefined;
    mounting = undefined;
    renderedModel = undefined;
    shownStep = undefined;
  }

  /** The background's fill request, for this page's top frame only; re-checked here before writing. */
  function listenForFill() {
    const listener = (message: unknown, sender: { id?: string; tab?: unknown }) => {
      if (sender.id !== browser.runtime.id || sender.tab !== undefined) return undefined;
      const m = message as { type?: unknown; payload?: unknown } | null;
      if (m?.type !== 'fill-okta-form' || !CONTENT_VALIDATORS['fill-okta-form'](m.payload)) return undefined;
      const report = fillOktaIntegration(document, m.payload, location.origin, window.top === window);
      notice = describeFill(report);
      changed = 'other';
      readPage();
      return Promise.resolve(report);
    };
    browser.runtime.onMessage.addListener(listener);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
  }

  return {
    async start() {
      if (handle) return;
      handle = createPageViewStore();
      const unsubscribe = handle.store.subscribe(() => render());
      ctx.onInvalidated(() => {
        unsubscribe();
        this.stop();
      });
      await handle.ready;
      if (ctx.isInvalid) return;
      if (site === 'atlassian') capture = createCapture(ctx, onCapture);
      if (site === 'okta') listenForFill();
      // The loader injected this script because the page is on the flow: watch before the first read.
      watchPage();
      watchNavigation(ctx, () => {
        // A navigation resets an explicit "Show me": the next open step is pointed at again.
        const before = page.page;
        // While the page is watched, a re-check that finds the same URL and no change costs next to nothing.
        readPage();
        if (page.page !== before) {
          shownStep = undefined;
          notice = undefined;
          unassignWarned = false;
        }
      });
    },
    stop() {
      unmount();
      unwatchPage();
      handle?.stop();
      handle = undefined;
      capture = undefined;
      page = { site: 'none', page: 'none' };
      lastReported = '';
      reporter.reset();
      targets.clear();
      clearTimeout(continueRead);
      continueRead = 0;
      changed = 'other';
      changedRows = [];
      hintsCache = undefined;
      integration = null;
      notice = undefined;
    },
  };
}
