import { STATUS_ICONS, STATUS_LABELS, type StepStatus } from '../utils/checklist';

export function StatusBadge({ status }: { status: StepStatus }) {
  return (
    <span className={`badge badge-${status}`}>
      <span className="badge-icon" aria-hidden="true">
        {STATUS_ICONS[status]}
      </span>
      {STATUS_LABELS[status]}
    </span>
  );
}
