/**
 * One controller drives the overlay on a page. Constructing does nothing; start and stop are idempotent;
 * everything it sets up is tied to an AbortSignal that stops with the content script's context.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import overlayCss from '../../components/overlay/overlay.css?inline';
import { type OverlayModel, onOverlayAction, renderOverlay } from '../../components/overlay/overlay-view';
import { getStep, STEPS, type StepId, stepsOfPage } from '../checklist';
import { isFlowPage } from '../flow';
import { send } from '../messages';
import { atlassianAppHint, collectHints } from '../page-hints';
import { detectPage, type PageInfo, type Site } from '../pages';
import { nextStep } from '../status';
import { type ChecklistStore, type ChecklistView, createChecklistStore } from '../store';
import { locateTarget } from '../targets';
import { createHighlight, type Highlight } from './highlight';
import { watchNavigation } from './navigation';

export const OVERLAY_TAG = 'scim-setup-assistant';

interface Mounted {
  ui: ShadowRootContentScriptUi<void>;
  panel: HTMLElement;
  highlight: Highlight;
  abort: AbortController;
}

export function createOverlayController(ctx: ContentScriptContext, site: Site) {
  let handle: ChecklistStore | undefined;
  let mounted: Mounted | undefined;
  let mounting: Promise<Mounted> | undefined;
  let page: PageInfo = { site: 'none', page: 'none' };
  let atlassianApp: true | 'unknown' = 'unknown';
  let lastReported = '';
  /** A step the admin asked to see; otherwise the next open step is pointed at. */
  let shownStep: StepId | undefined;
  let message: string | undefined;

  function linkContext(v: ChecklistView) {
    const s = v.active;
    return {
      oktaAdminOrigin: s?.oktaAdminOrigin,
      oktaAppPath: s?.oktaApp?.path,
      atlassianOrgId: s?.atlassianOrgId,
      atlassianSiteId: s?.atlassianSiteId,
    };
  }

  function readPage() {
    const hints = collectHints(document);
    page = detectPage(location.href, hints);
    if (page.site === 'okta' && page.app) {
      const remembered = handle?.store.getState().active?.oktaApp?.id === page.app.id;
      atlassianApp = remembered ? true : atlassianAppHint(document);
    } else {
      atlassianApp = 'unknown';
    }
    const key = `${location.href}|${page.page}|${atlassianApp}`;
    if (page.site !== 'none' && key !== lastReported) {
      lastReported = key;
      void send('page-seen', { hints, atlassianApp });
    }
    render();
  }

  function model(v: ChecklistView): OverlayModel {
    const here = page.site === 'none' ? [] : stepsOfPage(page.page);
    const steps = here.map((s) => ({
      id: s.id,
      title: s.title,
      status: v.derived.steps[s.id].status,
      decidedBy: s.decidedBy,
      canShow: locateTarget(document, s, page) !== null,
    }));
    const hereIds = new Set<string>(here.map((s) => s.id));
    const findings = v.derived.findings.filter((f) => !f.step || hereIds.has(f.step));
    const open = nextStep(
      v.derived,
      here.map((s) => s.id),
    );
    const elsewhere = open ? undefined : nextStep(v.derived);
    const nextDef = elsewhere ? getStep(elsewhere) : undefined;
    const place = here[0]?.where.place ?? (page.site === 'okta' ? 'Okta Admin Console' : 'Atlassian Administration');
    return {
      expanded: v.settings.overlayExpanded,
      progress: v.derived.progress,
      place,
      steps,
      findings,
      ...(nextDef
        ? { next: { title: nextDef.title, place: nextDef.where.place, link: nextDef.link?.(linkContext(v)) } }
        : {}),
      ...(message ? { message } : {}),
    };
  }

  /** The step to point at: the one asked for, else the next open step (here, or the tab that leads to it). */
  function pointAt(v: ChecklistView, m: Mounted) {
    if (!v.settings.overlayExpanded) return m.highlight.clear();
    const here = page.site === 'none' ? [] : stepsOfPage(page.page).map((s) => s.id);
    const goal =
      shownStep ??
      nextStep(v.derived, here) ??
      nextStep(
        v.derived,
        STEPS.map((s) => s.id),
      );
    const target = goal ? locateTarget(document, getStep(goal), page) : null;
    if (target) m.highlight.show(target.element, target.hint);
    else m.highlight.clear();
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
    ui.mount();
    const m: Mounted = { ui, panel, highlight: createHighlight(layer, abort.signal), abort };
    onOverlayAction(panel, abort.signal, (action, step) => void act(action, step as StepId | undefined));
    watchPage(abort.signal);
    return m;
  }

  /**
   * On flow pages only: forms switch between read and edit mode and panes render late without a
   * navigation, so page changes are re-read — at most once per animation frame.
   */
  function watchPage(signal: AbortSignal) {
    let frame = 0;
    const observer = new MutationObserver(() => {
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        readPage();
      });
    });
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['class', 'style', 'hidden'],
    });
    signal.addEventListener('abort', () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    });
  }

  async function act(action: string, step: StepId | undefined) {
    const v = handle?.store.getState();
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
    }
    render();
  }

  function render() {
    const v = handle?.store.getState();
    if (!v?.hydrated) return;
    const visible = v.settings.overlay[site] && isFlowPage(page, atlassianApp, v.derived);
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
    renderOverlay(mounted.panel, model(v));
    pointAt(v, mounted);
  }

  function unmount() {
    if (!mounted) return;
    mounted.abort.abort();
    mounted.ui.remove();
    mounted = undefined;
    mounting = undefined;
    shownStep = undefined;
  }

  return {
    async start() {
      if (handle) return;
      handle = createChecklistStore();
      const unsubscribe = handle.store.subscribe(() => render());
      ctx.onInvalidated(() => {
        unsubscribe();
        this.stop();
      });
      await handle.ready;
      if (ctx.isInvalid) return;
      watchNavigation(ctx, () => {
        // A navigation resets an explicit "Show me": the next open step is pointed at again.
        const before = page.page;
        readPage();
        if (page.page !== before) shownStep = undefined;
      });
    },
    stop() {
      unmount();
      handle?.stop();
      handle = undefined;
      page = { site: 'none', page: 'none' };
      lastReported = '';
    },
  };
}
