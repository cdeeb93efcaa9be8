/**
 * Hooks shared by the admin.atlassian.com readers. Nobody has published the DOM of these pages
 * (atlassian-admin.md): things are found by ARIA names, headings and visible text, never by layout or by
 * class names, and nothing here reads layout.
 */
import { hiddenByMarkup, textOf } from './dom';

export const HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"]';
export const CLICKABLE = 'button, a, [role="button"], [role="menuitem"]';
const MODAL = '[role="dialog"], [role="alertdialog"], dialog, [aria-modal="true"]';
const SHOW_TEXT = 4;

/** The page's own content: `main` → `[role=main]` → the body (the console's side navigation stays out when it can). */
export function pageContent(doc: Document): Element | null {
  return doc.querySelector('main, [role="main"]') ?? doc.body;
}

/** The element's ARIA name: the text `aria-labelledby` points at, else `aria-label`; '' when it has none. */
export function ariaName(el: Element): string {
  const ids = el.getAttribute('aria-labelledby');
  if (ids) {
    const doc = el.ownerDocument;
    const name = ids
      .split(/\s+/)
      .map((id) => (id ? textOf(doc.getElementById(id)) : ''))
      .join(' ')
      .trim();
    if (name) return name;
  }
  return (el.getAttribute('aria-label') ?? '').trim();
}

/**
 * The element's text with a space between text nodes: `textContent` runs a heading into the paragraph
 * after it ("User provisioningUser provisioning is set up"), which defeats word boundaries.
 */
export function spacedText(el: Element): string {
  const walker = el.ownerDocument.createTreeWalker(el, SHOW_TEXT);
  const parts: string[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.nodeValue?.trim()) parts.push(n.nodeValue);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** What a control is called: its `aria-label` ("Remove x from Jira"), else its text. */
export function controlName(el: Element): string {
  return el.getAttribute('aria-label')?.trim() || textOf(el);
}

/** Inside a dialog: not part of the page behind it. */
export const inModal = (el: Element): boolean => el.closest(MODAL) !== null;

/** Open dialogs whose ARIA name (else first heading) matches. */
export function dialogsNamed(doc: Document, name: RegExp): Element[] {
  return [...doc.querySelectorAll(MODAL)].filter((d) => name.test(ariaName(d) || textOf(d.querySelector(HEADING))));
}

/**
 * The first piece of text shown in a cell or row: a group's name, before the lozenges ("Default", "Synced")
 * and descriptions after it. Text hidden by markup (avatar initials) is skipped. A text node alone in its
 * element (a link, a span) gives that element's whole text, so a name split by markup stays whole.
 */
export function firstText(el: Element): string {
  const walker = el.ownerDocument.createTreeWalker(el, SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!(n.nodeValue ?? '').trim()) continue;
    const parent = n.parentElement;
    if (parent && parent !== el && hiddenByMarkup(parent, el)) continue;
    if (parent && parent !== el && (parent.childElementCount === 0 || parent.tagName === 'A')) return textOf(parent);
    return (n.nodeValue ?? '').replace(/\s+/g, ' ').trim();
  }
  return '';
}
