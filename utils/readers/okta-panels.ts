/**
 * The part of an Okta app-instance page a reader may look at. jQuery UI keeps every tab's panel in the
 * DOM and hides the others, so a reader scoped to the document could read a hidden tab: each reader
 * reads inside its own tab panel (`#<tab anchor id>-`, okta-admin.md), and only while it is shown.
 */
import { allById, hiddenItself } from './dom';

export type OktaTabId = 'tab-general' | 'tab-signon' | 'tab-user-management' | 'tab-group-push' | 'tab-assignments';

/**
 * Hidden the way jQuery UI hides a tab: `aria-hidden="true"` with an inline `display: none` (1.9+, seen in
 * the snapshots), or the `ui-tabs-hide` class (≤ 1.8). Markup only, no layout read: the overlay reads
 * the page right after it changed, when a layout read would force a layout of the whole page.
 */
function panelHidden(panel: Element): boolean {
  return (
    panel.getAttribute('aria-hidden') === 'true' || hiddenItself(panel) || panel.classList.contains('ui-tabs-hide')
  );
}

/**
 * The shown panel of a tab; the document itself when the page has no such panels (markup we have not
 * seen), and null when the panel exists but is hidden (another tab is in front).
 */
export function oktaTabPanel(doc: Document, tab: OktaTabId): ParentNode | null {
  const panels = allById(doc, `${tab}-`);
  if (panels.length === 0) return doc;
  return panels.find((p) => !panelHidden(p)) ?? null;
}
