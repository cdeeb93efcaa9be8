import { useId } from 'react';
import type { LinkContext, Step, StepId } from '../utils/checklist';
import type { ManualMark } from '../utils/setup';
import type { StepState } from '../utils/status';
import { timeAgo } from './checklist-view';
import { StatusBadge } from './StatusBadge';

export interface StepItemProps {
  step: Step;
  state: StepState;
  /** The admin's own mark on this step, if any. */
  mark: ManualMark | undefined;
  linkContext: LinkContext;
  now: number;
  onMark: (step: StepId, mark: ManualMark | null) => void;
}

/** One step as every surface shows it; the hooks (`data-step`, `data-status`, `data-action`) are in docs/hooks.md. */
export function StepItem({ step, state, mark, linkContext, now, onMark }: StepItemProps) {
  const titleId = useId();
  const href = step.link?.(linkContext);
  return (
    <li className="step" data-step={step.id} data-status={state.status}>
      <div className="step-head">
        <StatusBadge status={state.status} />
        <h3 id={titleId} className="step-title">
          {step.title}
        </h3>
      </div>
      <p className="step-where">
        {step.where.place}
        {href && (
          <>
            {' · '}
            <GoThere href={href} describedBy={titleId} />
          </>
        )}
      </p>
      {state.source === 'page' && <Evidence state={state} now={now} />}
      <details className="step-help">
        <summary data-action="toggle-help">How to do it</summary>
        <p>{step.help}</p>
      </details>
      <StepControls step={step} state={state} mark={mark} titleId={titleId} onMark={onMark} />
    </li>
  );
}

/** The link to where a step is done; admins keep their console open, so it opens a new tab. */
export function GoThere({ href, describedBy }: { href: string; describedBy?: string }) {
  return (
    <a href={href} target="_blank" rel="noreferrer" aria-describedby={describedBy}>
      Go there<span aria-hidden="true"> ↗</span>
      <span className="visually-hidden"> (opens a new tab)</span>
    </a>
  );
}

function Evidence({ state, now }: { state: StepState; now: number }) {
  return (
    <p className="step-evidence">
      Seen on the page
      {state.at !== undefined && (
        <>
          {' · '}
          <time dateTime={new Date(state.at).toISOString()}>{timeAgo(state.at, now)}</time>
        </>
      )}
      {state.evidence && <span className="step-evidence-detail">{state.evidence}</span>}
    </p>
  );
}

interface StepControlsProps extends Pick<StepItemProps, 'step' | 'state' | 'mark' | 'onMark'> {
  titleId: string;
}

function StepControls({ step, state, mark, titleId, onMark }: StepControlsProps) {
  if (step.decidedBy === 'user') {
    return (
      <div className="step-controls">
        <label className="check">
          <input
            type="checkbox"
            data-action="mark-done"
            checked={mark === 'done'}
            aria-describedby={titleId}
            onChange={(e) => onMark(step.id, e.currentTarget.checked ? 'done' : null)}
          />
          Done
        </label>
        <button
          type="button"
          className="button-quiet"
          data-action="skip-step"
          aria-describedby={titleId}
          onClick={() => onMark(step.id, mark === 'skipped' ? null : 'skipped')}
        >
          {mark === 'skipped' ? 'Unskip' : 'Skip'}
        </button>
      </div>
    );
  }
  // A page decides this step; the admin may still vouch for it when the page cannot be read.
  const canMark = state.status !== 'done' && mark !== 'done';
  if (!canMark && !mark) return null;
  return (
    <div className="step-controls">
      {canMark && (
        <button
          type="button"
          className="button-quiet"
          data-action="mark-done"
          aria-describedby={titleId}
          onClick={() => onMark(step.id, 'done')}
        >
          Mark done myself
        </button>
      )}
      {mark && (
        <button
          type="button"
          className="button-quiet"
          data-action="unmark"
          aria-describedby={titleId}
          onClick={() => onMark(step.id, null)}
        >
          Undo
        </button>
      )}
    </div>
  );
}
