import type { StepId } from '../checklist';
import type { Finding } from '../findings';
import type { ObservationMap } from '../observations';
import type { VaultStatus } from '../vault';

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

/** Everything a check may look at: the setup's observations, and whether the vault holds values (never the values). */
export interface CheckInput {
  observations: ObservationMap;
  /** `unknown` until a surface has asked the background. */
  vault: VaultStatus['state'] | 'unknown';
}

/** A pure function from everything observed to verdicts and findings. One file each, registered in index.ts. */
export interface Check {
  id: string;
  /** Finding codes this check can produce (documented in docs/checks.md). */
  findings: readonly string[];
  /** Steps this check can decide. */
  steps: readonly StepId[];
  run(input: CheckInput): CheckResult;
}
