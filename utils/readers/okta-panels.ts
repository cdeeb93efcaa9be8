/**
 * The part of an Okta app-instance page a reader may look at. jQuery UI keeps every tab's panel in the
 * DOM and hides the others, so a reader scoped to the document could read a hidden tab: each reader
 * reads inside its own tab panel (`#<tab anchor id>-`, okta-admin.md), and only while it is shown.
 */
import { allById, isShown } from './dom';

export type OktaTabId = 'tab-general' | 'tab-signon' | 'tab-user-management' | 'tab-group-push' | 'tab-assignments';

/**
 * The shown panel of a tab; the document itself when the page has no such panels (markup we have not
 * seen), and null when the panel exists but is hidden (another tab is in front).
 */
export function oktaTabPanel(doc: Document, tab: OktaTabId): ParentNode | null {
  const panels = allById(doc, `${tab}-`);
  if (panels.length === 0) return doc;
  // The inline style and `hidden` answer without layout too (test DOMs have none); isShown catches stylesheets.
  return (
    panels.find(
      (p) =>
        isShown(p) &&
        p.getAttribute('aria-hidden') !== 'true' &&
        !p.hasAttribute('hidden') &&
        (p as HTMLElement).style?.display !== 'none',
    ) ?? null
  );
}
