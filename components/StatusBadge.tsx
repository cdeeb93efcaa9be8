import type { StepStatus } from '../utils/checklist';
import { STATUS_TEXT } from './overlay/overlay-view';

/** The overlay's icons and words, so a status reads the same on every surface and never by colour alone. */
const ICONS: Record<StepStatus, string> = { todo: '○', done: '✓', problem: '!', unknown: '?', skipped: '–' };

export function StatusBadge({ status }: { status: StepStatus }) {
  return (
    <span className={`badge badge-${status}`}>
      <span className="badge-icon" aria-hidden="true">
        {ICONS[status]}
      </span>
      {STATUS_TEXT[status]}
    </span>
  );
}
