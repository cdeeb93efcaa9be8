/**
 * A site's Product access page on admin.atlassian.com: which groups can use which product, and whether
 * the lists on show are whole. Facts: atlassian-admin.md "Product access" (Add group per product; the
 * group of all SCIM-synced users; default access groups). No public DOM: a product is the section its
 * ARIA name or nearest heading names, its groups the "Group" column of the table under it. One pass over
 * the content, no layout read; a product list is short, but the page is read on every mutation burst.
 */
import type { Maybe } from '../observations';
import { ariaName, CLICKABLE, controlName, firstText, HEADING, inModal, pageContent } from './atlassian-dom';
import { capText, hiddenByMarkup, hiddenItself, textOf } from './dom';

export const PRODUCT_ACCESS_HOOKS = {
  /** A product's container, named by `aria-labelledby` / `aria-label` (fixture, L) → else its nearest heading before. */
  section: 'section, article, [role="region"], [role="group"]',
  /** Headings that name the page or a part of a product, never a product itself. */
  notAProduct: /^(product access|products|apps|groups?\b|users?\b|(product )?roles?\b|access\b|who has access)/i,
  /** Group lists: HTML tables and ARIA tables / grids, with a column headed "Group" (fixture, L). */
  table: 'table, [role="table"], [role="grid"]',
  headerCell: 'th, [role="columnheader"]',
  groupHeader: /^groups?( name)?$/i,
  roleHeader: /\brole\b/i,
  /** "Add group" per product (H); an empty product has the button and no rows. */
  addGroup: /^add groups?\b/i,
  /** A group's lozenge naming it a default access group (fixture, L). */
  defaultTag: /\bdefault\b/i,
  /** Signs that a list shows only part of itself. */
  more: /^(show|load|view) (more|all)\b|^next( page)?$|^[›»]$/i,
  pagination: /pagination/i,
  counter: /\b\d[\d,]*\s*(?:-|–|to)\s*(\d[\d,]*)\s+of\s+(\d[\d,]*)\b/i,
  /** Still loading: a busy part, or a progress bar without a value (a spinner; a usage bar has one). */
  loading: '[aria-busy="true"], [role="progressbar"]:not([aria-valuenow])',
} as const;

export interface ProductAccessGroup {
  /** The group's name as shown, without its lozenges. */
  name: string;
  /** The "Product role" cell, when the list has such a column ("User", "Admin"…). */
  role?: string;
  /** Shown with a "Default" lozenge: a default access group, which SCIM cannot manage. */
  default?: true;
}

export interface ProductAccess {
  /** The product as its heading names it: "Jira", "Confluence", "Jira Service Management"… */
  name: string;
  groups: ProductAccessGroup[];
}

export interface AtlassianProductAccessReading {
  kind: 'atlassian-product-access';
  products: ProductAccess[];
  /**
   * false when a list may show part of itself (a "Load more", a next page, an "x–y of z" counter, a filter
   * with text, a hidden row); unknown when a list is still loading, a row could not be read, or a group
   * list belongs to no product the page names.
   */
  complete: Maybe<boolean>;
}

const NAME_MAX = 200;
const GROUPS_MAX = 20_000;
const PRODUCTS_MAX = 100;

const disabled = (el: Element) => el.hasAttribute('disabled') || el.getAttribute('aria-disabled') === 'true';

/** The header texts of a table, and its data rows (ARIA rows for ARIA tables). */
function tableParts(table: Element): { headers: string[]; rows: Element[] } {
  const headers = [...table.querySelectorAll(PRODUCT_ACCESS_HOOKS.headerCell)]
    .filter((h) => h.closest(PRODUCT_ACCESS_HOOKS.table) === table)
    .map((h) => textOf(h));
  const rows =
    table.tagName === 'TABLE'
      ? [...table.querySelectorAll(':scope > tbody > tr, :scope > tr')]
      : [...table.querySelectorAll('[role="row"]')].filter((r) => !r.querySelector('[role="columnheader"]'));
  return { headers, rows };
}

function cellsOf(row: Element): Element[] {
  return row.tagName === 'TR'
    ? [...row.children]
    : [...row.querySelectorAll('[role="cell"], [role="gridcell"], [role="rowheader"]')];
}

/** A role cell's text; for a role picker, the chosen option only. */
function roleText(cell: Element | undefined): string {
  const select = cell?.querySelector('select');
  return select ? textOf(select.selectedOptions[0]) : textOf(cell);
}

export function readAtlassianProductAccess(doc: Document): AtlassianProductAccessReading | null {
  const main = pageContent(doc);
  if (!main) return null;
  const H = PRODUCT_ACCESS_HOOKS;
  const headings = [...main.querySelectorAll(HEADING)].filter((h) => !inModal(h));
  const named = new Map<Element, string>();
  const nameOf = (el: Element) => {
    let name = named.get(el);
    if (name === undefined) {
      name = ariaName(el);
      named.set(el, name);
    }
    return name;
  };

  /** The product an element belongs to: a named section around it, else the nearest heading before it. */
  function productOf(el: Element): { key: Element; name: string } | null {
    for (let p = el.parentElement; p && p !== main; p = p.parentElement) {
      if (!p.matches(H.section)) continue;
      const name = nameOf(p);
      if (name && !H.notAProduct.test(name)) return { key: p, name };
    }
    let before: Element | null = null;
    for (const h of headings) {
      // DOCUMENT_POSITION_FOLLOWING: `el` comes after the heading.
      if (!(h.compareDocumentPosition(el) & 4)) break;
      if (!H.notAProduct.test(textOf(h))) before = h;
    }
    return before ? { key: before, name: textOf(before) } : null;
  }

  const products = new Map<Element, ProductAccess>();
  const product = (el: Element) => {
    const at = productOf(el);
    if (!at) return null;
    let p = products.get(at.key);
    if (!p) {
      p = { name: capText(at.name, NAME_MAX), groups: [] };
      products.set(at.key, p);
    }
    return p;
  };

  let partial = false;
  let unsure = false;
  for (const button of main.querySelectorAll(CLICKABLE)) {
    if (inModal(button) || hiddenByMarkup(button, main)) continue;
    const name = controlName(button);
    if (H.addGroup.test(name)) product(button);
    else if ((H.more.test(name) || button.getAttribute('rel') === 'next') && !disabled(button)) partial = true;
  }

  for (const table of main.querySelectorAll(H.table)) {
    if (inModal(table)) continue;
    const { headers, rows } = tableParts(table);
    const groupColumn = headers.findIndex((h) => H.groupHeader.test(h));
    if (groupColumn < 0) continue;
    const roleColumn = headers.findIndex((h) => H.roleHeader.test(h));
    const p = product(table);
    if (!p) {
      unsure = true;
      continue;
    }
    for (const row of rows) {
      if (hiddenItself(row)) {
        partial = true;
        continue;
      }
      const cells = cellsOf(row);
      // A lone cell spanning the table: "No groups have access yet".
      if (cells.length === 1 && headers.length > 1) continue;
      const cell = cells[groupColumn];
      const name = cell ? firstText(cell) : '';
      if (!name) {
        unsure = true;
        continue;
      }
      if (p.groups.length >= GROUPS_MAX) {
        partial = true;
        break;
      }
      const role = roleColumn >= 0 ? roleText(cells[roleColumn]) : '';
      const isDefault = cell && H.defaultTag.test(textOf(cell).replace(name, ''));
      p.groups.push({
        name: capText(name, NAME_MAX),
        ...(role ? { role: capText(role, 60) } : {}),
        ...(isDefault ? { default: true as const } : {}),
      });
    }
  }
  if (products.size === 0) return null;

  // Whole-page signs, in one walk: pagination, counters, a filter holding text, a list still loading.
  for (const el of main.querySelectorAll('nav, input, [aria-busy], [role="progressbar"], p, span, div')) {
    if (inModal(el)) continue;
    if (el.tagName === 'NAV' && H.pagination.test(ariaName(el))) {
      const pages = [...el.querySelectorAll(CLICKABLE)].filter((b) => /^\d+$/.test(textOf(b)));
      if (pages.length > 1) partial = true;
    } else if (el.tagName === 'INPUT') {
      const input = el as HTMLInputElement;
      if ((input.type === 'search' || input.type === 'text') && input.value.trim() && !hiddenByMarkup(el, main))
        partial = true;
    } else if (el.matches(H.loading)) {
      unsure = true;
    } else if (el.childElementCount === 0) {
      const counter = H.counter.exec(el.textContent ?? '');
      if (counter && Number((counter[2] ?? '').replace(/,/g, '')) > Number((counter[1] ?? '').replace(/,/g, '')))
        partial = true;
    }
  }
  return {
    kind: 'atlassian-product-access',
    products: [...products.values()].slice(0, PRODUCTS_MAX),
    complete: partial || products.size > PRODUCTS_MAX ? false : unsure ? 'unknown' : true,
  };
}
