/**
 * What the content script tells page detection beyond the URL: visible headings and the selected
 * app-instance tab. Bounded work: at most a few dozen elements, whatever the page's size.
 * Nothing inside a table body counts: rows hold data (group and user names an admin typed, which may say
 * "Provisioning" or "Atlassian Cloud"), not the page's structure, and a burst of rows added to a long list
 * then needs no search for headings.
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
 * a selected jQuery UI tab item (anywhere inside it, a superset of `li.… > a`). One by one to search a
 * subtree that was added (a pane, a table added whole): the browser answers a lone type or class selector
 * from a quick walk, where the whole list would be matched selector by selector against each element.
 */
const HINT_NODE_PARTS = [
  'h1',
  'h2',
  'h3',
  'li.ui-tabs-active',
  'li.ui-state-active',
  '[role="heading"]',
  '[role="tab"][aria-selected="true"]',
];
const HINT_NODES = HINT_NODE_PARTS.join(', ');

/** Whether `el` is a table body or inside one, where nothing is a hint. */
function inTableBody(el: Element): boolean {
  return el.localName === 'tbody' || el.closest('tbody') !== null;
}

/** Whether `el` is one of HINT_NODES or holds one. */
function holdsHintNode(el: Element): boolean {
  // Only a heading, a list item or an element with a role can be one itself.
  const tag = el.localName;
  const could = tag === 'h1' || tag === 'h2' || tag === 'h3' || tag === 'li' || el.hasAttribute('role');
  if (could && el.matches(HINT_NODES)) return true;
  if (!el.firstElementChild) return false;
  for (const part of HINT_NODE_PARTS) if (el.querySelector(part)) return true;
  return false;
}

/**
 * The hints of the page. `read`, when given, receives the elements the answer came from (the headings
 * kept, the selected tab): see `hintsLeft`.
 */
export function collectHints(doc: Document, read?: Element[]): PageHints {
  const headings: string[] = [];
  for (const el of doc.querySelectorAll(HEADINGS)) {
    if (inTableBody(el)) continue;
    const t = text(el);
    if (t) {
      headings.push(t);
      read?.push(el);
    }
    if (headings.length >= MAX_HEADINGS) break;
  }
  let tab: Element | null = null;
  for (const el of doc.querySelectorAll(ACTIVE_TAB))
    if (!inTableBody(el)) {
      tab = el;
      break;
    }
  const activeTab = text(tab);
  if (tab && activeTab) read?.push(tab);
  return { headings, ...(activeTab ? { activeTab } : {}) };
}

/**
 * Whether a mutation may change what `collectHints` answers: text or children changed inside a heading or
 * the selected tab, such a node added or removed, or an attribute that makes a node one (`role`,
 * `aria-selected`, a tab item's `class`). The answer for a watched document stays valid until one does
 * (or the URL changes). An observer feeding this must watch childList, characterData and the attributes
 * `class`, `role` and `aria-selected`, subtree-wide. `cleanTargets`: targets already found outside any
 * such node in this batch of records (filled in as it goes). `removalsByHintsLeft`: the caller asks
 * `hintsLeft` once per batch instead of searching every removed subtree here.
 */
export function hintsAffectedBy(
  record: MutationRecord,
  cleanTargets?: Set<Node>,
  removalsByHintsLeft = false,
): boolean {
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
  // Rows added to (or removed from) a table body: their content is not searched by `collectHints`.
  const added = record.addedNodes;
  const removed = removalsByHintsLeft ? null : record.removedNodes;
  if (added.length === 0 && !removed?.length) return false;
  if (inTableBody(el)) return false;
  return holdsHintNodes(added) || (removed !== null && holdsHintNodes(removed));
}

/**
 * Whether nodes removed since `collectHints` filled `read` may have changed its answer: only by taking
 * away an element it read (a heading or tab not read, the 21st heading say, changes nothing by leaving),
 * and then that element is out of the document, or back in it through an addition `hintsAffectedBy`
 * sees, or inside a table body (moved into one, where additions are not searched and it no longer counts).
 * A few checks per batch of records, where searching each removed row costs one query per selector.
 */
export function hintsLeft(read: readonly Element[]): boolean {
  for (const el of read) if (!el.isConnected || inTableBody(el)) return true;
  return false;
}

function holdsHintNodes(nodes: NodeList): boolean {
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i] as Node;
    if (n.nodeType === 1 && holdsHintNode(n as Element)) return true;
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
