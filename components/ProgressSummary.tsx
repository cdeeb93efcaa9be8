import { useId } from 'react';
import { STEPS } from '../utils/checklist';
import type { DerivedState } from '../utils/status';
import { attentionCount } from './checklist-view';

export function ProgressSummary({ derived }: { derived: DerivedState }) {
  const labelId = useId();
  const { done, total } = derived.progress;
  const skipped = STEPS.length - total;
  const attention = attentionCount(derived);
  return (
    <div className="progress">
      <p id={labelId} className="progress-text">
        {done} of {total} steps done
        {skipped > 0 && <span className="muted"> · {skipped} skipped</span>}
      </p>
      <div
        className="progress-track"
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
      >
        <div className="progress-fill" style={{ width: `${total > 0 ? (done / total) * 100 : 0}%` }} />
      </div>
      {attention > 0 && (
        <p className="attention">
          <span aria-hidden="true">⚠ </span>
          {attention === 1 ? '1 issue needs your attention' : `${attention} issues need your attention`}
        </p>
      )}
    </div>
  );
}
