/**
 * What readers saw on a page, as the background stores it (storage.local, never a secret): one latest
 * observation per kind, with the time it was read. Every field a page may not show can be `unknown`.
 */
import type { PageId } from './pages';
import type { AtlassianDirectoryReading } from './readers/atlassian-directory';
import type { AtlassianProductAccessReading } from './readers/atlassian-product-access';
import type { OktaAssignedGroupsReading, OktaAssignedPeopleReading } from './readers/okta-assignments';
import type { OktaIntegrationReading } from './readers/okta-integration';
import type { OktaPushGroupsReading } from './readers/okta-push-groups';
import type { OktaSignOnReading } from './readers/okta-sign-on';
import type { OktaToAppReading } from './readers/okta-to-app';
import type { VerifyOutcome } from './scim-api';

export const UNKNOWN = 'unknown' as const;
export type Unknown = typeof UNKNOWN;
export type Maybe<T> = T | Unknown;

/** The admin opened a page of the flow. */
export interface PageVisitObservation {
  kind: 'page-visit';
  page: PageId;
  /** For Okta app-instance pages: whether the app is Atlassian Cloud (by its title or a remembered id). */
  atlassianApp?: Maybe<boolean>;
  /** Epoch ms. */
  at: number;
}

/** The vault took a SCIM base URL and API key (when, and how; never what). */
export interface CredentialsCapturedObservation {
  kind: 'credentials-captured';
  via: 'page' | 'copy-button' | 'manual';
  at: number;
}

/** The background asked the SCIM API whether the held URL and key work (never the values themselves). */
export interface ScimVerificationObservation {
  kind: 'scim-verification';
  outcome: VerifyOutcome;
  at: number;
}

/** One group Okta shows as pushed, looked up by name in the Atlassian directory. */
export type GroupLookupEntry =
  | { name: string; found: true; members: number | 'unknown' }
  | { name: string; found: false };

/** The background looked the pushed groups up in the directory; `complete` is false when it stopped early. */
export interface ScimGroupsObservation {
  kind: 'scim-groups';
  groups: GroupLookupEntry[];
  complete: boolean;
  at: number;
}

/** A group lookup in progress (storage.local, for every surface; no secret in it). */
export interface GroupLookupProgress {
  state: 'running' | 'done' | 'cancelled' | 'stopped';
  done: number;
  total: number;
  startedAt: number;
  finishedAt?: number;
  /** While Atlassian asked to wait (429). */
  waitingUntil?: number;
  /** Why it stopped, in plain words. */
  message?: string;
}

/** What a page reader returns; the background adds the time and, for Okta, the app instance. */
export type Reading =
  | OktaIntegrationReading
  | OktaToAppReading
  | OktaSignOnReading
  | OktaPushGroupsReading
  | OktaAssignedGroupsReading
  | OktaAssignedPeopleReading
  | AtlassianDirectoryReading
  | AtlassianProductAccessReading;
/** `rev` counts the background's writes of the kind: a list patch names the one it applies to (reading-patch.ts). */
export type ReadingObservation = Reading & { at: number; appId?: string; rev?: number };

export type Observation =
  | PageVisitObservation
  | CredentialsCapturedObservation
  | ScimVerificationObservation
  | ScimGroupsObservation
  | ReadingObservation;
export type ObservationKind = Observation['kind'];

/** Observations of one setup, by key: `visit:<page>` for visits, the kind for everything else. */
export type ObservationMap = Record<string, Observation>;

export function visitKey(page: PageId): string {
  return `visit:${page}`;
}

export function latest<K extends ObservationKind>(
  obs: ObservationMap,
  kind: K,
): Extract<Observation, { kind: K }> | undefined {
  const o = obs[kind];
  return o?.kind === kind ? (o as Extract<Observation, { kind: K }>) : undefined;
}
