/**
 * Status derivation: manual marks + check verdicts + findings → one state every surface renders.
 * Nothing in a UI decides a status; this is the only place.
 */
import { STEPS, type StepId, type StepStatus } from './checklist';
import { CHECKS } from './checks';
import type { Check, CheckInput, StepVerdict } from './checks/types';
import type { Finding } from './findings';
import type { Setup } from './setup';

export interface StepState {
  status: StepStatus;
  /** Who decided: a page read, the admin's own tick, or nobody yet. */
  source: 'page' | 'user' | 'none';
  evidence?: string;
  at?: number;
}

export interface DerivedState {
  steps: Record<StepId, StepState>;
  findings: Finding[];
  progress: { done: number; total: number; problems: number };
}

/** What the surfaces know beyond storage.local: the vault's state, asked of the background. */
export interface Environment {
  vault: CheckInput['vault'];
}
export const UNKNOWN_ENVIRONMENT: Environment = { vault: 'unknown' };

export function runChecks(
  setup: Setup | undefined,
  env: Environment = UNKNOWN_ENVIRONMENT,
  checks: readonly Check[] = CHECKS,
) {
  const verdicts: Partial<Record<StepId, StepVerdict>> = {};
  const findings: Finding[] = [];
  const input: CheckInput = { observations: setup?.observations ?? {}, vault: env.vault };
  for (const check of checks) {
    const result = check.run(input);
    Object.assign(verdicts, result.steps);
    findings.push(...(result.findings ?? []));
  }
  return { verdicts, findings };
}

function stepState(
  verdict: StepVerdict | undefined,
  mark: 'done' | 'skipped' | undefined,
  finding: Finding | undefined,
): StepState {
  if (finding) return { status: 'problem', source: 'page', evidence: finding.title };
  if (verdict?.status === 'problem')
    return { status: 'problem', source: 'page', evidence: verdict.evidence, at: verdict.at };
  if (mark) return { status: mark, source: 'user' };
  if (verdict) return { status: verdict.status, source: 'page', evidence: verdict.evidence, at: verdict.at };
  return { status: 'todo', source: 'none' };
}

export function deriveState(
  setup: Setup | undefined,
  env: Environment = UNKNOWN_ENVIRONMENT,
  checks: readonly Check[] = CHECKS,
): DerivedState {
  const { verdicts, findings } = runChecks(setup, env, checks);
  const steps = {} as Record<StepId, StepState>;
  for (const step of STEPS) {
    const blocking = findings.find((f) => f.step === step.id && f.severity === 'problem');
    steps[step.id] = stepState(verdicts[step.id], setup?.manual[step.id], blocking);
  }
  const states = Object.values(steps) as StepState[];
  const counted = states.filter((s) => s.status !== 'skipped');
  return {
    steps,
    findings,
    progress: {
      done: counted.filter((s) => s.status === 'done').length,
      total: counted.length,
      problems: states.filter((s) => s.status === 'problem').length,
    },
  };
}
