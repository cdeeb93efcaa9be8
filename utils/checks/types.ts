import type { StepId } from '../checklist';
import type { Finding } from '../findings';
import type { ObservationMap } from '../observations';

/** What a check says about a step: only what the observations prove. */
export interface StepVerdict {
  status: 'done' | 'problem' | 'unknown';
  /** One line a person can read: what was seen, where. */
  evidence: string;
  /** When the observation behind it was made (epoch ms). */
  at?: number;
}

export interface CheckResult {
  steps?: Partial<Record<StepId, StepVerdict>>;
  findings?: Finding[];
}

/** A pure function from everything observed to verdicts and findings. One file each, registered in index.ts. */
export interface Check {
  id: string;
  /** Finding codes this check can produce (documented in docs/checks.md). */
  findings: readonly string[];
  /** Steps this check can decide. */
  steps: readonly StepId[];
  run(observations: ObservationMap): CheckResult;
}
