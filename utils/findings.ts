import type { StepId } from './checklist';

export type Severity = 'problem' | 'warning' | 'info';

/** A finding as every surface renders it (`data-finding="<code>"`). */
export interface Finding {
  code: string;
  severity: Severity;
  title: string;
  /** What is wrong, in plain words. */
  explanation: string;
  /** What to do about it. */
  fix: string;
  /** The step this finding holds back, shown as a problem there. */
  step?: StepId;
}
