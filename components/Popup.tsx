import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { openChecklistFromClick } from '../utils/background/open-checklist';
import { getStep, type LinkContext, type StepId, stepsOfPage } from '../utils/checklist';
import { nextStep } from '../utils/flow';
import { detectPage, type PageInfo } from '../utils/pages';
import { linkContextOf, setupLabel } from '../utils/setup';
import type { DerivedState } from '../utils/status';
import type { ChecklistStore } from '../utils/store';
import { CredentialsPanel } from './CredentialsPanel';
import { SITE_NAMES } from './checklist-view';
import { ProgressSummary } from './ProgressSummary';
import { StatusBadge } from './StatusBadge';
import { GoThere } from './StepItem';
import { useChecklist } from './useChecklist';
import { useNow } from './useNow';

/** The toolbar popup: how far along, what to do on this tab, and the way into the full checklist. */
export function Popup({ store }: { store: ChecklistStore }) {
  const view = useChecklist(store, (v) => v);
  const now = useNow();
  const tabPage = useActiveTabPage();
  const windowId = useCurrentWindowId();
  const [openError, setOpenError] = useState<string>();

  const openChecklist = () => {
    setOpenError(undefined);
    // Called before any await: the browser only opens a side panel inside the click's user gesture.
    let opening: Promise<void>;
    try {
      opening = openChecklistFromClick(windowId.id);
    } catch (e) {
      opening = Promise.reject(e);
    }
    opening.then(
      () => window.close(),
      (e: unknown) => setOpenError(`The checklist did not open. ${e instanceof Error ? e.message : String(e)}`),
    );
  };

  return (
    <main className="popup">
      <h1>SCIM Setup Assistant</h1>
      {view.hydrated ? (
        <>
          {view.active && <p className="setup-label muted">{setupLabel(view.active)}</p>}
          <ProgressSummary derived={view.derived} />
          {tabPage && <TabStep page={tabPage} derived={view.derived} linkContext={linkContextOf(view.active)} />}
          {view.vault?.state === 'held' && <CredentialsPanel vault={view.vault} now={now} compact />}
        </>
      ) : (
        <p className="muted">Loading…</p>
      )}
      {openError && (
        <p className="error" role="alert">
          {openError}
        </p>
      )}
      <button
        type="button"
        className="button-primary"
        data-action="open-checklist"
        disabled={!windowId.ready}
        onClick={openChecklist}
      >
        Open checklist
      </button>
    </main>
  );
}

/** The step for the page in the current tab or, off the flow, which site to open next. */
function TabStep({ page, derived, linkContext }: { page: PageInfo; derived: DerivedState; linkContext: LinkContext }) {
  const pageSteps = page.site === 'none' ? [] : stepsOfPage(page.page).map((s) => s.id);
  const here = nextStep(derived, pageSteps);
  if (here) {
    return (
      <section className="tab-step">
        <h2>On this page</h2>
        <StepSummary id={here} derived={derived} />
      </section>
    );
  }
  const next = nextStep(derived);
  return (
    <section className="tab-step">
      <h2>{next ? 'Next step' : 'All steps done'}</h2>
      {pageSteps.length > 0 && <p>Nothing left to do on this page.</p>}
      {next ? (
        <>
          <p>Next, open {SITE_NAMES[getStep(next).where.site]}.</p>
          <StepSummary id={next} derived={derived} href={getStep(next).link?.(linkContext)} />
        </>
      ) : (
        <p>Every step is done or skipped. The checklist still lists any findings.</p>
      )}
    </section>
  );
}

function StepSummary({ id, derived, href }: { id: StepId; derived: DerivedState; href?: string | undefined }) {
  const step = getStep(id);
  const { status } = derived.steps[id];
  return (
    <div className="step step-summary" data-step={id} data-status={status}>
      <div className="step-head">
        <StatusBadge status={status} />
        <h3 className="step-title">{step.title}</h3>
      </div>
      <p className="step-where">
        {step.where.place}
        {href && (
          <>
            {' · '}
            <GoThere href={href} />
          </>
        )}
      </p>
    </div>
  );
}

/** What the current tab shows; undefined until the browser answers. Without host access the URL is absent: off the flow. */
function useActiveTabPage(): PageInfo | undefined {
  const [page, setPage] = useState<PageInfo>();
  useEffect(() => {
    let live = true;
    browser.tabs.query({ active: true, currentWindow: true }).then(
      ([tab]) => {
        if (live) setPage(detectPage(tab?.url ?? ''));
      },
      () => {
        if (live) setPage(detectPage(''));
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return page;
}

/** The popup's window, read at mount so the click handler can use it without awaiting. */
function useCurrentWindowId(): { ready: boolean; id: number | undefined } {
  const [state, setState] = useState<{ ready: boolean; id: number | undefined }>({ ready: false, id: undefined });
  useEffect(() => {
    let live = true;
    browser.windows.getCurrent().then(
      (w) => {
        if (live) setState({ ready: true, id: w?.id });
      },
      () => {
        if (live) setState({ ready: true, id: undefined });
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
