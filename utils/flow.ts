/** Which pages the overlay shows itself on: the flow's pages, and only while they matter. */
import { STEPS } from './checklist';
import { isOktaAppPage, type PageInfo } from './pages';
import type { DerivedState } from './status';

const ALWAYS_ON_FLOW = new Set([
  'atlassian-identity-providers',
  'atlassian-idp-directory',
  'atlassian-scim-setup',
  'atlassian-product-access',
]);

export function isFlowPage(info: PageInfo, atlassianApp: boolean | 'unknown', state: DerivedState): boolean {
  if (info.site === 'none') return false;
  // App tabs count only for a recognised Atlassian Cloud app; other apps are none of our business.
  if (isOktaAppPage(info.page)) return atlassianApp === true;
  if (ALWAYS_ON_FLOW.has(info.page)) return true;
  // Everyday pages (app list, groups, domains…) are on the flow only while one of their steps is open.
  return STEPS.some(
    (s) =>
      (s.where.pages as readonly string[]).includes(info.page) &&
      !['done', 'skipped'].includes(state.steps[s.id].status),
  );
}

/** The first step, in checklist order, that still needs the admin. */
export function nextStep(state: DerivedState, among: readonly StepId[] = STEPS.map((s) => s.id)): StepId | undefined {
  return among.find((id) => ['problem', 'todo', 'unknown'].includes(state.steps[id].status));
}
