/**
 * What the content script tells page detection beyond the URL: visible headings and the selected
 * app-instance tab. Bounded work: at most a few dozen elements, whatever the page's size.
 */
import type { PageHints } from './pages';

const MAX_HEADINGS = 20;
const MAX_TEXT = 200;

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);

const HEADINGS = 'h1, h2, h3, [role="heading"]';
// jQuery UI marks the selected tab's <li> (okta-admin.md "How the pages are built"); ARIA as a fallback.
const ACTIVE_TAB = 'li.ui-tabs-active > a, li.ui-state-active > a, [role="tab"][aria-selected="true"]';
/**
 * What a change must be inside of, or add or remove, to change the hints: a heading, a selected ARIA tab, or
 * a selected jQuery UI tab item (anywhere inside it, a superset of `li.… > a`). Simple selectors only: this
 * is matched against every row a burst of list mutations adds or removes.
 */
const HINT_NODES =
  'h1, h2, h3, [role="heading"], [role="tab"][aria-selected="true"], li.ui-tabs-active, li.ui-state-active';

export function collectHints(doc: Document): PageHints {
  const headings: string[] = [];
  for (const el of doc.querySelectorAll(HEADINGS)) {
    const t = text(el);
    if (t) headings.push(t);
    if (headings.length >= MAX_HEADINGS) break;
  }
  const tab = doc.querySelector(ACTIVE_TAB);
  const activeTab = text(tab);
  return { headings, ...(activeTab ? { activeTab } : {}) };
}

/**
 * Whether a mutation may change what `collectHints` answers: text or children changed inside a heading or
 * the selected tab, such a node added or removed, or an attribute that makes a node one (`role`,
 * `aria-selected`, a tab item's `class`). The answer for a watched document stays valid until one does
 * (or the URL changes). An observer feeding this must watch childList, characterData and the attributes
 * `class`, `role` and `aria-selected`, subtree-wide. `cleanTargets`: targets already found outside any
 * such node in this batch of records (filled in as it goes).
 */
export function hintsAffectedBy(record: MutationRecord, cleanTargets?: Set<Node>): boolean {
  const node = record.target;
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!el) return node.nodeType !== 3;
  if (record.type === 'attributes') {
    const name = record.attributeName;
    return name === 'role' || name === 'aria-selected' || (name === 'class' && el.tagName === 'LI');
  }
  // Records of one batch often share a target (rows removed one by one): it is looked at once.
  if (!cleanTargets?.has(el)) {
    if (el.closest(HINT_NODES)) return true;
    cleanTargets?.add(el);
  }
  if (record.type !== 'childList') return false;
  for (const list of [record.addedNodes, record.removedNodes])
    for (let i = 0; i < list.length; i++) {
      const n = list[i] as Node;
      if (n.nodeType === 1 && ((n as Element).matches(HINT_NODES) || (n as Element).querySelector(HINT_NODES)))
        return true;
    }
  return false;
}

/**
 * Whether an Okta app instance is Atlassian Cloud, by its title. Labels can be renamed, so a title that
 * does not say Atlassian proves nothing: the answer is then `unknown`, never `false`.
 */
export function atlassianAppHint(doc: Document): true | 'unknown' {
  const h1 = text(doc.querySelector('h1'));
  return /\batlassian\b/i.test(h1) || /\batlassian cloud\b/i.test(doc.title) ? true : 'unknown';
}
