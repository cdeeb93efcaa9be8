/**
 * Where to point for a step: the control the admin should click next. Each locator tries hooks in order
 * (id / data-se → visible text → role) and returns null rather than a guess.
 */
import type { StepId } from './checklist';
import { isOktaAppPage, type PageId, type PageInfo } from './pages';
import { allById, collapseSpace, firstElement, textOf } from './readers/dom';
import { integrationControls, readOktaIntegration } from './readers/okta-integration';
import { oktaTabPanel } from './readers/okta-panels';
import { pushGroupsControls } from './readers/okta-push-groups';
import { readOktaSignOn, signOnControls } from './readers/okta-sign-on';
import { readOktaToApp, toAppControls } from './readers/okta-to-app';

export interface Target {
  element: Element;
  /** A short instruction for the tooltip. */
  hint: string;
}

const norm = (s: string | null | undefined) => collapseSpace(s ?? '');

/**
 * Rendered and not `display:none`. A layout read: called only on the few elements that already match, and
 * the overlay looks for targets right after a frame is drawn, when layout is up to date and this is free.
 */
function isShown(el: Element): boolean {
  return el.getClientRects().length > 0;
}

/**
 * A table body this long is a list (groups, people): no control a step points at by its text is in one,
 * and its rows are most of a long page's elements.
 */
const LIST_ROWS = 50;

/**
 * First shown element matching `selector` whose text (or aria-label) matches `label`, in document order,
 * list bodies left out. Walked and stopped at the first match: `querySelectorAll` would first collect every
 * link and button of the page (10,000 on a Push Groups tab of 2,000 groups, 5 ms each time).
 */
export function byText(root: ParentNode, selector: string, label: RegExp): Element | null {
  const isList = (el: Element) => el.tagName === 'TBODY' && el.childElementCount > LIST_ROWS;
  return firstElement(root as Node, isList, (el) => {
    if (!el.matches(selector)) return false;
    const name = norm(el.getAttribute('aria-label')) || textOf(el) || norm((el as HTMLInputElement).value);
    return label.test(name) && isShown(el);
  });
}

/** First shown element with this id: Okta reuses ids (`userMgmtSettings.edit_link`), so getElementById is not enough. */
export function byId(root: ParentNode, id: string): Element | null {
  return allById(root, id).find(isShown) ?? null;
}

const CLICKABLE =
  'a, button, [role="button"], [role="tab"], [role="menuitem"], input[type="button"], input[type="submit"]';

/** Tab labels on an app instance (okta-admin.md: jQuery UI tabs, order varies, find by label). */
const OKTA_TABS: Partial<Record<PageId, { hash: string; label: RegExp; name: string }>> = {
  'okta-app-general': { hash: 'tab-general', label: /^general$/i, name: 'General' },
  'okta-app-sign-on': { hash: 'tab-signon', label: /^sign on$/i, name: 'Sign On' },
  'okta-app-provisioning': { hash: 'tab-user-management', label: /^provisioning$/i, name: 'Provisioning' },
  'okta-app-provisioning-integration': { hash: 'tab-user-management', label: /^provisioning$/i, name: 'Provisioning' },
  'okta-app-provisioning-to-app': { hash: 'tab-user-management', label: /^provisioning$/i, name: 'Provisioning' },
  'okta-app-push-groups': { hash: 'tab-group-push', label: /^push groups$/i, name: 'Push Groups' },
  'okta-app-assignments': { hash: 'tab-assignments', label: /^assignments$/i, name: 'Assignments' },
};

/** Provisioning's left-hand settings list. */
const OKTA_PANES: Partial<Record<PageId, { label: RegExp; name: string }>> = {
  'okta-app-provisioning-integration': { label: /^integration$/i, name: 'Integration' },
  'okta-app-provisioning-to-app': { label: /^to app$/i, name: 'To App' },
};

function oktaTab(doc: Document, page: PageId): Target | null {
  const tab = OKTA_TABS[page];
  if (!tab) return null;
  const element =
    byId(doc, tab.hash) ??
    doc.querySelector(`a[href$="#${tab.hash}"]`) ??
    byText(doc, 'li.ui-state-default > a, [role="tab"]', tab.label);
  return element ? { element, hint: `Open the ${tab.name} tab` } : null;
}

function oktaPane(doc: Document, page: PageId): Target | null {
  const pane = OKTA_PANES[page];
  if (!pane) return null;
  const element = byText(doc, CLICKABLE, pane.label);
  return element ? { element, hint: `Open ${pane.name}` } : null;
}

/**
 * The Integration pane walkthrough: Configure API Integration → Enable API integration → Base URL →
 * API Token → Test API Credentials → Save, pointing at whichever the form is waiting for.
 */
function integrationTarget(doc: Document): Target | null {
  const r = readOktaIntegration(doc);
  if (!r) return null;
  const c = integrationControls(doc);
  // Styled checkboxes hide the native input: point at its label then.
  const at = (element: Element | null, hint: string): Target | null => {
    const label = element instanceof HTMLInputElement ? element.labels?.[0] : undefined;
    const shown = element && isShown(element) ? element : label && isShown(label) ? label : null;
    return shown ? { element: shown, hint } : null;
  };
  if (r.mode === 'not-configured') return at(c.configure, 'Choose Configure API Integration');
  if (r.mode !== 'edit') return null;
  if (r.apiEnabled !== true) return at(c.enabled, 'Tick Enable API integration');
  if (r.baseUrl !== 'valid') return at(c.baseUrl, 'The SCIM base URL goes here (or use Fill)');
  if (r.apiToken !== 'filled') return at(c.apiToken, 'The API key goes here (or use Fill)');
  if (r.test !== 'passed') return at(c.test, 'Test API Credentials');
  return at(c.save, 'Save the integration');
}

/** A shown element, or the shown label of a (styled, hidden) checkbox. */
function shownOrLabel(element: Element | null | undefined, hint: string): Target | null {
  const label = element instanceof HTMLInputElement ? element.labels?.[0] : undefined;
  const shown = element && isShown(element) ? element : label && isShown(label) ? label : null;
  return shown ? { element: shown, hint } : null;
}

/** To App: Edit in read mode; in the form, the first action still off (or Sync Password still on). */
function toAppTarget(doc: Document): Target | null {
  const r = readOktaToApp(doc);
  const c = toAppControls(doc);
  if (r?.mode !== 'edit') return shownOrLabel(c.edit, 'Choose Edit to change the provisioning actions');
  if (r.createUsers === false) return shownOrLabel(c.boxes.createUsers, 'Enable Create Users');
  if (r.updateAttributes === false) return shownOrLabel(c.boxes.updateAttributes, 'Enable Update User Attributes');
  if (r.deactivateUsers === false) return shownOrLabel(c.boxes.deactivateUsers, 'Enable Deactivate Users');
  if (r.syncPassword === true) return shownOrLabel(c.boxes.syncPassword, 'Leave Sync Password off');
  return shownOrLabel(byText(doc, 'input[type="submit"], button', /^save$/i), 'Save the provisioning actions');
}

/** Sign On: Edit in read mode; in the form, the select (its Chosen box) the step is about. */
function signOnTarget(field: 'usernameFormat' | 'updateOn', hint: string) {
  return (doc: Document): Target | null => {
    const c = signOnControls(doc);
    if (readOktaSignOn(doc)?.mode !== 'edit')
      return shownOrLabel(c.edit ?? byText(doc, CLICKABLE, /^edit$/i), 'Choose Edit to change the sign-on settings');
    return shownOrLabel(c[field], hint);
  };
}

/** The control that performs a step on the page where it is done. */
const IN_PAGE: Partial<Record<StepId, (doc: Document) => Target | null>> = {
  'atlassian-open-provisioning': (doc) => {
    const el = byText(doc, CLICKABLE, /^set up (user provisioning|scim)/i);
    return el && { element: el, hint: 'Start the user provisioning setup here' };
  },
  'atlassian-save-scim': (doc) => {
    const el = byText(doc, 'button, [role="button"]', /^save( configuration)?$/i);
    return el && { element: el, hint: 'Save the SCIM configuration' };
  },
  'okta-enable-api': integrationTarget,
  'okta-enter-credentials': integrationTarget,
  'okta-test-credentials': integrationTarget,
  'okta-to-app-actions': toAppTarget,
  'email-primary-attribute': (doc) =>
    shownOrLabel(toAppControls(doc).primaryEmailRow, 'Primary email is mapped from the attribute in this row'),
  'email-username-format': signOnTarget('usernameFormat', 'Use the attribute Primary email is mapped from'),
  'email-update-on': signOnTarget('updateOn', 'Choose "Create and update"'),
  'email-update-now': (doc) => {
    const el = byText(doc, CLICKABLE, /^update now$/i);
    return el && { element: el, hint: 'Push usernames now' };
  },
  'groups-push': (doc) => {
    // In the tab's panel: the tab itself is called Push Groups too.
    const panel = oktaTabPanel(doc, 'tab-group-push');
    const el = panel && byText(panel, 'a, button, [role="button"]', /^push groups$/i);
    return el && { element: el, hint: 'Push a group by name' };
  },
  'groups-review-push': (doc) => {
    const c = pushGroupsControls(doc);
    return (
      shownOrLabel(c.attention, 'This group needs attention: open its status') ??
      shownOrLabel(c.table, 'Each pushed group should read Active, with a recent last push')
    );
  },
  'assign-groups': (doc) => {
    const el = byText(doc, CLICKABLE, /^assign$/i);
    return el && { element: el, hint: 'Assign › Assign to Groups' };
  },
  'access-product-access': (doc) => {
    const el = byText(doc, CLICKABLE, /^add group$/i);
    return el && { element: el, hint: 'Add the synced group' };
  },
};

/**
 * Where to click for `step` from the page the admin is on: the control itself when the step is done
 * here, or the tab / pane that leads to it on the same Okta app.
 */
export function locateTarget(
  doc: Document,
  step: { id: StepId; where: { pages: readonly PageId[] } },
  here: PageInfo,
): Target | null {
  if (here.site === 'none') return null;
  if (step.where.pages.includes(here.page)) return IN_PAGE[step.id]?.(doc) ?? null;
  if (here.site === 'okta' && isOktaAppPage(here.page)) {
    const goal = step.where.pages.find((p) => isOktaAppPage(p));
    if (!goal) return null;
    const sameTab = OKTA_TABS[goal]?.hash === OKTA_TABS[here.page]?.hash;
    return sameTab ? oktaPane(doc, goal) : oktaTab(doc, goal);
  }
  return null;
}
