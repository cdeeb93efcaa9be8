/** Observations the background records after asking the SCIM API, for the check tests. */
import type { CheckInput } from '../../../utils/checks/types';
import type {
  GroupLookupEntry,
  Observation,
  ScimGroupsObservation,
  ScimVerificationObservation,
} from '../../../utils/observations';
import type { VerifyOutcome } from '../../../utils/scim-api';

export const verification = (outcome: VerifyOutcome, at = 100): ScimVerificationObservation => ({
  kind: 'scim-verification',
  outcome,
  at,
});

export const lookup = (groups: GroupLookupEntry[], complete = true, at = 200): ScimGroupsObservation => ({
  kind: 'scim-groups',
  groups,
  complete,
  at,
});

export function inputOf(...observations: Observation[]): CheckInput {
  return { observations: Object.fromEntries(observations.map((o) => [o.kind, o])), vault: 'held' };
}

/** Every outcome the interpretation can give, for truth tables. */
export const ALL_OUTCOMES: VerifyOutcome[] = [
  { result: 'valid', userCount: 3 },
  { result: 'valid', userCount: 'unknown' },
  { result: 'rejected', reason: 'invalid-key', status: 401 },
  { result: 'rejected', reason: 'wrong-key-type', status: 401 },
  { result: 'rejected', reason: 'invalid-key', status: 403 },
  { result: 'directory-not-found' },
  { result: 'rate-limited', retryAfterSeconds: 30 },
  { result: 'unavailable', status: 503 },
  { result: 'unreachable', timedOut: false },
  { result: 'unreachable', timedOut: true },
  { result: 'unexpected', status: 200, detail: 'x' },
];
