import type { CheckInput } from '../../../utils/checks/types';
import type { ReadingObservation } from '../../../utils/observations';
import type { OktaIntegrationReading } from '../../../utils/readers/okta-integration';

export type IntegrationObs = OktaIntegrationReading & { at: number };

export function integration(patch: Partial<OktaIntegrationReading> = {}): IntegrationObs {
  return {
    kind: 'okta-integration',
    mode: 'edit',
    apiEnabled: true,
    baseUrl: 'empty',
    apiToken: 'empty',
    test: 'none',
    at: 5,
    ...patch,
  };
}

export function input(obs: ReadingObservation | undefined, vault: CheckInput['vault'] = 'unknown'): CheckInput {
  return { observations: obs ? { [obs.kind]: obs } : {}, vault };
}

/** Every combination of the reading's fields, for truth tables. */
export function allIntegrationReadings(): IntegrationObs[] {
  const out: IntegrationObs[] = [];
  for (const mode of ['not-configured', 'read', 'edit', 'unknown'] as const)
    for (const apiEnabled of [true, false, 'unknown'] as const)
      for (const baseUrl of ['empty', 'valid', 'invalid', 'unknown'] as const)
        for (const apiToken of ['empty', 'filled', 'unknown'] as const)
          for (const test of ['passed', 'forbidden', 'failed', 'none', 'unknown'] as const)
            out.push(integration({ mode, apiEnabled, baseUrl, apiToken, test }));
  return out;
}
