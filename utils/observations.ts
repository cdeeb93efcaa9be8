/**
 * What readers saw on a page, as the background stores it (storage.local, never a secret).
 * Later readers add kinds to this union; every field that a page may not show can be `unknown`.
 */
import type { PageId } from './pages';

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

export type Observation = PageVisitObservation;
export type ObservationKind = Observation['kind'];

/** Observations of one setup, by key (`visit:<page>`). */
export type ObservationMap = Record<string, Observation>;

export function visitKey(page: PageId): string {
  return `visit:${page}`;
}
