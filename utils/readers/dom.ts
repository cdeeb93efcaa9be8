/**
 * Hooks shared by the readers: find a form control or a read-mode value the way a person would, trying
 * the stable hooks first (id, `data-se`, `name`), then the visible label, then ARIA. Every function
 * answers null when nothing matches; none of them guesses. Facts: ../shared/pages/okta-admin.md
 * "How the pages are built".
 */

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface ControlHooks {
  /** Element ids, most specific first. Okta reuses ids, so every element with the id is considered. */
  ids?: readonly string[];
  /** Courage field names: wrapper `data-se="o-form-input-<name>"` / class `o-form-input-name-<name>`, or `name=`. */
  names?: readonly string[];
  /** Visible label text (English; the fallback where no stable hook exists). */
  labels?: readonly RegExp[];
}

const CONTROL = 'input:not([type="hidden"]), select, textarea';

/** Runs of whitespace, or any whitespace other than a plain space: what `textOf` has to collapse. */
const LOOSE_SPACE = /\s\s|[^\S ]/;

/** Whitespace collapsed to single spaces and trimmed. */
export const collapseSpace = (text: string): string =>
  // Most cell texts need only the trim; the test is cheaper than a replace on long lists.
  LOOSE_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();

export const textOf = (el: Element | null | undefined): string => collapseSpace(el?.textContent ?? '');

function isControl(el: Element | null): el is Control {
  return el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement;
}

/** Every element with this id (ids repeat on these pages). */
export function allById(root: ParentNode, id: string): Element[] {
  // `#id` rather than `[id="…"]`: the same matches, but browsers answer it from their id index instead of
  // testing every element (the difference shows on a page holding a 10,000-row table).
  return id ? [...root.querySelectorAll(`#${CSS.escape(id)}`)] : [];
}

function cssString(s: string): string {
  return s.replace(/["\\]/g, '\\$&');
}

/** Labels whose own text matches, ignoring the text of a control nested inside. */
export function labelsMatching(root: ParentNode, label: RegExp): HTMLLabelElement[] {
  return [...root.querySelectorAll('label')].filter((l) => label.test(textOf(l)));
}

/** The smallest ancestor that looks like one form row (courage fieldset, Atlaskit field, or a table row). */
export function fieldContainer(el: Element): Element | null {
  return el.closest('.o-form-fieldset, [data-se^="o-form-fieldset"], .field, [role="group"], tr, li');
}

/** Accepts any control; pass a narrower test to find, say, only checkboxes or only selects. */
const ANY_CONTROL = (_: Control) => true;

/** The control a label names: `for`, nesting, then the first control in the same form row (labels before or after). */
export function controlOfLabel(
  root: ParentNode,
  label: HTMLLabelElement,
  accept: (c: Control) => boolean = ANY_CONTROL,
): Control | null {
  const ok = (el: Element | null | undefined): el is Control => isControl(el ?? null) && accept(el as Control);
  if (label.htmlFor) {
    const byFor = allById(root, label.htmlFor).find(ok);
    if (byFor) return byFor;
  }
  const nested = [...label.querySelectorAll(CONTROL)].find(ok);
  if (nested) return nested;
  const row = fieldContainer(label);
  return (row && [...row.querySelectorAll(CONTROL)].find(ok)) || null;
}

function byAria(root: ParentNode, label: RegExp, accept: (c: Control) => boolean): Control | null {
  for (const el of root.querySelectorAll('[aria-label]'))
    if (isControl(el) && accept(el) && label.test(el.getAttribute('aria-label') ?? '')) return el;
  for (const el of root.querySelectorAll('[aria-labelledby]')) {
    if (!isControl(el) || !accept(el)) continue;
    const ids = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/);
    const name = ids.map((id) => textOf(allById(root, id)[0])).join(' ');
    if (label.test(name)) return el;
  }
  return null;
}

/**
 * Find a control by its hooks, in order. Hidden controls count (Chosen hides the real select). `accept`
 * narrows what counts, so a Chosen search box beside a select is not taken for the select.
 */
export function findControl(
  root: ParentNode,
  hooks: ControlHooks,
  accept: (c: Control) => boolean = ANY_CONTROL,
): Control | null {
  const ok = (el: Element | null | undefined): el is Control => isControl(el ?? null) && accept(el as Control);
  for (const id of hooks.ids ?? []) {
    const el = allById(root, id).find(ok);
    if (el) return el;
  }
  for (const name of hooks.names ?? []) {
    const n = cssString(name);
    const wrapper = root.querySelector(`[data-se="o-form-input-${n}"], .o-form-input-name-${CSS.escape(name)}`);
    const wrapped = wrapper && [...wrapper.querySelectorAll(CONTROL)].find(ok);
    if (wrapped) return wrapped;
    const named = [
      ...root.querySelectorAll(`select[name="${n}"], textarea[name="${n}"], input[name="${n}"]:not([type="hidden"])`),
    ].find(ok);
    if (named) return named;
  }
  for (const label of hooks.labels ?? []) {
    for (const l of labelsMatching(root, label)) {
      const control = controlOfLabel(root, l, accept);
      if (control) return control;
    }
    const aria = byAria(root, label, accept);
    if (aria) return aria;
  }
  return null;
}

/**
 * A value shown as text in a form's read mode: the row whose label matches, then its value element
 * (`.o-form-value`, `dd`, a `td` after the label cell), else the row's text minus the label.
 */
export function readModeText(root: ParentNode, label: RegExp): string | null {
  const candidates = [...root.querySelectorAll('label, dt, th, .o-form-label, [class*="label"]')].filter((el) =>
    label.test(textOf(el)),
  );
  for (const l of candidates) {
    const row = l.closest('.o-form-fieldset, [data-se^="o-form-fieldset"], dl > div, tr, li') ?? l.parentElement;
    if (!row) continue;
    const value =
      row.querySelector('.o-form-value, dd, td:not(:first-child)') ??
      (l.tagName === 'DT' ? l.nextElementSibling : null);
    if (value) return textOf(value);
    const rest = textOf(row).replace(textOf(l), '').trim();
    if (rest) return rest;
  }
  return null;
}

/** The selected option of a (possibly Chosen-hidden) select: value and visible text. */
export function selected(select: HTMLSelectElement): { value: string; text: string } | null {
  const option = select.selectedOptions[0] ?? null;
  return option ? { value: option.value, text: textOf(option) } : null;
}

/** Rendered now (Chosen-hidden selects are not; read them anyway, this is for buttons and panes). */
export function isShown(el: Element): boolean {
  return el.getClientRects().length > 0;
}

/** A `display: none` declaration among inline styles (`display:none`, `display: none !important`). */
const DISPLAY_NONE = /(?:^|;)\s*display\s*:\s*none\s*(?:!\s*important\s*)?(?:;|$)/i;

/**
 * Hidden by an inline `display: none`, read from the attribute: the way jQuery's `hide()` and client-side
 * filters hide rows and panels. Not through `el.style`, which builds a style object to answer (a cost per
 * row on long lists) and which happy-dom 21 never returns from on some malformed inline styles.
 */
export function hiddenByStyle(el: Element): boolean {
  const style = el.getAttribute('style');
  return style !== null && DISPLAY_NONE.test(style);
}

/** Hidden by its own markup: `hidden` or an inline `display: none` (a row a client-side filter took out). */
export function hiddenItself(el: Element): boolean {
  return el.hasAttribute('hidden') || hiddenByStyle(el);
}

/**
 * Hidden by its markup: it or an ancestor (up to `within`) has `hidden`, `aria-hidden="true"` or an inline
 * `display: none`. No layout read, so it is cheap per row and gives the same answer in Chromium and in a
 * layout-less test DOM; it misses elements hidden by a stylesheet, which `isShown` catches.
 */
export function hiddenByMarkup(el: Element, within?: Element): boolean {
  for (let e: Element | null = el; e && e !== within; e = e.parentElement) {
    if (hiddenItself(e) || e.getAttribute('aria-hidden') === 'true') return true;
  }
  return false;
}

export const isCheckbox = (c: Control): c is HTMLInputElement => c instanceof HTMLInputElement && c.type === 'checkbox';
export const isSelect = (c: Control): c is HTMLSelectElement => c instanceof HTMLSelectElement;

/** Text capped for storage: observations keep what the checks need, never whole pages. */
export function capText(s: string, max = 300): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/**
 * The first element below `root` (in document order, `root` itself left out) that `found` says yes to,
 * subtrees `skip` says yes to left out. Walked and stopped at the first: `querySelectorAll` would first
 * collect every match of a long page. Walked by hand, not by a TreeWalker with a filter: the engine calling
 * a filter of ours for each element costs about four times these steps (measured in Chromium on functions
 * not yet optimised, which is how a read that runs once per change finds them).
 */
export function firstElement(
  root: Node,
  skip: (el: Element) => boolean,
  found: (el: Element) => boolean,
): Element | null {
  let next = (root as ParentNode).firstElementChild ?? null;
  while (next) {
    const el: Element = next;
    if (!skip(el)) {
      if (found(el)) return el;
      const child = el.firstElementChild;
      if (child) {
        next = child;
        continue;
      }
    }
    next = null;
    for (let up: Element | null = el; up && up !== root; up = up.parentElement) {
      const sibling = up.nextElementSibling;
      if (sibling) {
        next = sibling;
        break;
      }
    }
  }
  return null;
}
