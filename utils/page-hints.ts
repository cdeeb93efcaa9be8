/**
 * What the content script tells page detection beyond the URL: visible headings and the selected
 * app-instance tab. Bounded work: at most a few dozen elements, whatever the page's size.
 */
import type { PageHints } from './pages';

const MAX_HEADINGS = 20;
const MAX_TEXT = 200;

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);

export function collectHints(doc: Document): PageHints {
  const headings: string[] = [];
  for (const el of doc.querySelectorAll('h1, h2, h3, [role="heading"]')) {
    const t = text(el);
    if (t) headings.push(t);
    if (headings.length >= MAX_HEADINGS) break;
  }
  // jQuery UI marks the selected tab's <li> (okta-admin.md "How the pages are built"); ARIA as a fallback.
  const tab = doc.querySelector('li.ui-tabs-active > a, li.ui-state-active > a, [role="tab"][aria-selected="true"]');
  const activeTab = text(tab);
  return { headings, ...(activeTab ? { activeTab } : {}) };
}

/**
 * Whether an Okta app instance is Atlassian Cloud, by its title. Labels can be renamed, so a title that
 * does not say Atlassian proves nothing: the answer is then `unknown`, never `false`.
 */
export function atlassianAppHint(doc: Document): true | 'unknown' {
  const h1 = text(doc.querySelector('h1'));
  return /\batlassian\b/i.test(h1) || /\batlassian cloud\b/i.test(doc.title) ? true : 'unknown';
}
