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

export const textOf = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

function isControl(el: Element | null): el is Control {
  return el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement;
}

/** Every element with this id (ids repeat on these pages). */
export function allById(root: ParentNode, id: string): Element[] {
  return [...root.querySelectorAll(`[id="${cssString(id)}"]`)];
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

/** The control a label names: `for`, nesting, then the first control in the same form row (labels before or after). */
export function controlOfLabel(root: ParentNode, label: HTMLLabelElement): Control | null {
  if (label.htmlFor) {
    const byFor = allById(root, label.htmlFor).find(isControl);
    if (byFor) return byFor;
  }
  const nested = label.querySelector(CONTROL);
  if (isControl(nested)) return nested;
  const row = fieldContainer(label);
  const inRow = row?.querySelector(CONTROL) ?? null;
  return isControl(inRow) ? inRow : null;
}

function byAria(root: ParentNode, label: RegExp): Control | null {
  for (const el of root.querySelectorAll('[aria-label]'))
    if (isControl(el) && label.test(el.getAttribute('aria-label') ?? '')) return el;
  for (const el of root.querySelectorAll('[aria-labelledby]')) {
    if (!isControl(el)) continue;
    const ids = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/);
    const name = ids.map((id) => textOf(allById(root, id)[0])).join(' ');
    if (label.test(name)) return el;
  }
  return null;
}

/** Find a control by its hooks, in order. Hidden controls count (Chosen hides the real select). */
export function findControl(root: ParentNode, hooks: ControlHooks): Control | null {
  for (const id of hooks.ids ?? []) {
    const el = allById(root, id).find(isControl);
    if (el) return el;
  }
  for (const name of hooks.names ?? []) {
    const n = cssString(name);
    const wrapped = root
      .querySelector(`[data-se="o-form-input-${n}"], .o-form-input-name-${CSS.escape(name)}`)
      ?.querySelector(CONTROL);
    if (isControl(wrapped ?? null)) return wrapped as Control;
    const named = root.querySelector(
      `select[name="${n}"], textarea[name="${n}"], input[name="${n}"]:not([type="hidden"])`,
    );
    if (isControl(named)) return named;
  }
  for (const label of hooks.labels ?? []) {
    for (const l of labelsMatching(root, label)) {
      const control = controlOfLabel(root, l);
      if (control) return control;
    }
    const aria = byAria(root, label);
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
