/** The four To App checks differ only in which setting they read and what it means: one builder. */
import type { StepId } from '../checklist';
import type { Finding } from '../findings';
import { latest } from '../observations';
import type { OktaToAppReading } from '../readers/okta-to-app';
import type { Check } from './types';

type Action = 'createUsers' | 'updateAttributes' | 'deactivateUsers' | 'syncPassword';

export function toAppActionCheck(spec: {
  code: string;
  action: Action;
  /** The value that is wrong; `unknown` never is. */
  wrong: boolean;
  /** `explanation` without its final full stop: "(not saved yet)" may follow it. */
  finding: Omit<Finding, 'code' | 'step'>;
}): Check {
  const step: StepId = 'okta-to-app-actions';
  return {
    id: spec.code,
    findings: [spec.code],
    steps: [],
    run({ observations }) {
      const r: OktaToAppReading | undefined = latest(observations, 'okta-to-app');
      if (r?.[spec.action] !== spec.wrong) return {};
      const unsaved = r.mode === 'edit' ? ' (as the open form shows; not saved yet)' : '';
      return {
        findings: [{ ...spec.finding, code: spec.code, step, explanation: `${spec.finding.explanation}${unsaved}.` }],
      };
    },
  };
}
