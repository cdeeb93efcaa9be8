import type { StepStatus } from '../utils/checklist';

/** Icon and word together, so a status never depends on colour alone. */
const BADGES: Record<StepStatus, { icon: string; text: string }> = {
  todo: { icon: '○', text: 'To do' },
  done: { icon: '✓', text: 'Done' },
  problem: { icon: '!', text: 'Problem' },
  unknown: { icon: '?', text: "Can't tell" },
  skipped: { icon: '–', text: 'Skipped' },
};

export function StatusBadge({ status }: { status: StepStatus }) {
  const { icon, text } = BADGES[status];
  return (
    <span className={`badge badge-${status}`}>
      <span className="badge-icon" aria-hidden="true">
        {icon}
      </span>
      {text}
    </span>
  );
}
