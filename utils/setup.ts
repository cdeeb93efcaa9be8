/**
 * A setup is one Okta org connected to one Atlassian organization. Progress (manual ticks and what pages
 * showed) is kept per setup; the functions here are pure so the background's writes are easy to test.
 */
import type { LinkContext, StepId } from './checklist';
import type { Observation, ObservationMap } from './observations';

export type ManualMark = 'done' | 'skipped';

export interface Setup {
  id: string;
  /** `acme.okta.com`, once an Okta admin page was seen. */
  oktaOrg?: string;
  oktaAdminOrigin?: string;
  /** The Atlassian Cloud app instance in Okta, once recognised. */
  oktaApp?: { id: string; path: string };
  /** The `/o/{orgId}` of admin.atlassian.com, once seen. */
  atlassianOrgId?: string;
  /** The last site (`/s/{cloudId}`) seen, for product-access links. */
  atlassianSiteId?: string;
  manual: Partial<Record<StepId, ManualMark>>;
  observations: ObservationMap;
  createdAt: number;
  updatedAt: number;
}

export interface SetupsState {
  activeId: string | null;
  setups: Record<string, Setup>;
}

export const EMPTY_SETUPS: SetupsState = { activeId: null, setups: {} };

export function newSetup(id: string, now: number): Setup {
  return { id, manual: {}, observations: {}, createdAt: now, updatedAt: now };
}

/** What a page revealed about which setup the admin is working on. */
export type OrgSighting =
  | { kind: 'okta'; oktaOrg: string; adminOrigin: string }
  | { kind: 'atlassian'; atlassianOrgId?: string; siteId?: string };

/**
 * Attach a sighting to the active setup. A first sighting fills the blank half; a different org on a side
 * already set switches to (or creates) the setup that has it, so two orgs never share progress.
 */
export function applySighting(state: SetupsState, s: OrgSighting, now: number, makeId: () => string): SetupsState {
  const active = state.activeId ? state.setups[state.activeId] : undefined;
  const patch = (setup: Setup, changes: Partial<Setup>): SetupsState => {
    const changed = Object.entries(changes).some(([k, v]) => setup[k as keyof Setup] !== v);
    if (!changed && state.activeId === setup.id) return state;
    const next = changed ? { ...setup, ...changes, updatedAt: now } : setup;
    return { activeId: setup.id, setups: { ...state.setups, [setup.id]: next } };
  };
  const all = Object.values(state.setups);
  if (s.kind === 'okta') {
    const changes = { oktaOrg: s.oktaOrg, oktaAdminOrigin: s.adminOrigin };
    if (active && (!active.oktaOrg || active.oktaOrg === s.oktaOrg)) return patch(active, changes);
    const other = all.find((x) => x.oktaOrg === s.oktaOrg) ?? all.find((x) => !x.oktaOrg);
    return patch(other ?? newSetup(makeId(), now), changes);
  }
  const changes: Partial<Setup> = {};
  if (s.atlassianOrgId) changes.atlassianOrgId = s.atlassianOrgId;
  if (s.siteId) changes.atlassianSiteId = s.siteId;
  if (!s.atlassianOrgId) {
    // Site pages do not name the organization: they belong to whatever setup is active.
    const target = active ?? newSetup(makeId(), now);
    return patch(target, changes);
  }
  if (active && (!active.atlassianOrgId || active.atlassianOrgId === s.atlassianOrgId)) return patch(active, changes);
  const other = all.find((x) => x.atlassianOrgId === s.atlassianOrgId) ?? all.find((x) => !x.atlassianOrgId);
  return patch(other ?? newSetup(makeId(), now), changes);
}

export function updateActive(
  state: SetupsState,
  now: number,
  makeId: () => string,
  update: (setup: Setup) => Partial<Setup>,
): SetupsState {
  const active = (state.activeId && state.setups[state.activeId]) || newSetup(makeId(), now);
  const next = { ...active, ...update(active), updatedAt: now };
  return { activeId: next.id, setups: { ...state.setups, [next.id]: next } };
}

export function recordObservation(
  state: SetupsState,
  key: string,
  obs: Observation,
  now: number,
  makeId: () => string,
) {
  return updateActive(state, now, makeId, (s) => ({ observations: { ...s.observations, [key]: obs } }));
}

export function markStep(state: SetupsState, step: StepId, mark: ManualMark | null, now: number, makeId: () => string) {
  return updateActive(state, now, makeId, (s) => {
    const manual = { ...s.manual };
    if (mark) manual[step] = mark;
    else delete manual[step];
    return { manual };
  });
}

/** Forget a setup's progress and observations, keeping which orgs it belongs to. */
export function resetSetup(state: SetupsState, id: string, now: number): SetupsState {
  const setup = state.setups[id];
  if (!setup) return state;
  const fresh: Setup = { ...newSetup(id, now), createdAt: setup.createdAt };
  for (const key of ['oktaOrg', 'oktaAdminOrigin', 'atlassianOrgId', 'atlassianSiteId'] as const) {
    if (setup[key]) fresh[key] = setup[key];
  }
  return { ...state, setups: { ...state.setups, [id]: fresh } };
}

/** Drop observations of the active setup (a new key makes what the SCIM API said about the old one moot). */
export function forgetObservations(state: SetupsState, keys: readonly string[], now: number): SetupsState {
  const active = state.activeId ? state.setups[state.activeId] : undefined;
  if (!active || !keys.some((k) => k in active.observations)) return state;
  const observations = { ...active.observations };
  for (const k of keys) delete observations[k];
  return { ...state, setups: { ...state.setups, [active.id]: { ...active, observations, updatedAt: now } } };
}

export function selectSetup(state: SetupsState, id: string): SetupsState {
  return state.setups[id] ? { ...state, activeId: id } : state;
}

/** How a person names a setup: "acme.okta.com → Atlassian org 1a2b…". */
export function setupLabel(setup: Setup | undefined): string {
  if (!setup) return 'New setup';
  const okta = setup.oktaOrg ?? 'Okta org not seen yet';
  const atl = setup.atlassianOrgId
    ? `Atlassian org ${setup.atlassianOrgId.slice(0, 8)}…`
    : 'Atlassian org not seen yet';
  return `${okta} → ${atl}`;
}

/** What the step links are built from: the parts of the setup seen so far. */
export function linkContextOf(setup: Setup | undefined): LinkContext {
  return {
    oktaAdminOrigin: setup?.oktaAdminOrigin,
    oktaAppPath: setup?.oktaApp?.path,
    atlassianOrgId: setup?.atlassianOrgId,
    atlassianSiteId: setup?.atlassianSiteId,
  };
}

/** The Okta app instances recognised as Atlassian Cloud, over every setup (sorted, no repeats). */
export function atlassianAppIds(state: SetupsState): string[] {
  const ids = new Set<string>();
  for (const setup of Object.values(state.setups)) if (setup.oktaApp?.id) ids.add(setup.oktaApp.id);
  return [...ids].sort();
}
