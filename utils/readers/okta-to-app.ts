/**
 * Provisioning → To App: the four provisioning actions, and the attribute Primary email is mapped from.
 * Facts: okta-admin.md "Provisioning tab → To App pane". Read mode shows "Enabled"/"Disabled" as text; Edit
 * turns each into a checkbox. The mapping table's real markup is unknown (L), so the Primary email row is
 * found by its label, never by position or by the fixture's `data-attribute`.
 */
import type { Maybe } from '../observations';
import { capText, findControl, isCheckbox, readModeText, textOf } from './dom';
import { bodyRows, columnIndex, lookupsFor } from './okta-lists';
import { oktaTabPanel } from './okta-panels';

export const TO_APP_HOOKS = {
  /** The courage form: id seen in the fixture replica (L); else the form around any action field. */
  formId: 'provisioning-to-app-form',
  /** Courage names (okta-admin.md, M) → row labels (H; English only). */
  actions: {
    createUsers: { names: ['userMgmtSettings.pushNewAccount'], labels: [/^create users$/i] },
    updateAttributes: { names: ['userMgmtSettings.pushProfile'], labels: [/^update user attributes$/i] },
    deactivateUsers: { names: ['userMgmtSettings.pushDeactivation'], labels: [/^deactivate users$/i] },
    syncPassword: { names: ['pushPassword', 'userMgmtSettings.pushPassword'], labels: [/^sync password$/i] },
  },
  /** The mappings block: fixture `data-se` (L) → its heading "<App> Attribute Mappings" (H) → the pane. */
  mappings: '[data-se="attribute-mappings"]',
  mappingsHeading: /attribute mappings$/i,
  /** The row label: exactly "Primary email" (a "Primary email type" row also mentions user.email). */
  primaryEmail: /^primary email$/i,
  /** The first cell may show the variable name after the label ("Primary email email"). */
  primaryEmailCell: /^primary email( email)?$/i,
  /** The value column's header, where the mapping has no `.mapping-expression`. */
  valueHeader: /^(value|mapping|expression|attribute value|mapped from)$/i,
} as const;

type ActionName = keyof typeof TO_APP_HOOKS.actions;

export interface OktaToAppReading {
  kind: 'okta-to-app';
  /** `read`: saved settings as text; `edit`: the checkboxes (not saved yet). */
  mode: 'read' | 'edit' | 'unknown';
  createUsers: Maybe<boolean>;
  updateAttributes: Maybe<boolean>;
  deactivateUsers: Maybe<boolean>;
  syncPassword: Maybe<boolean>;
  /** The Okta expression behind Primary email as shown (`user.email`), capped; checks interpret it. */
  primaryEmail: Maybe<string>;
}

const ON = /^(enabled?|on|yes)$/i;
const OFF = /^(disabled?|off|no)$/i;

function onOff(text: string | null): Maybe<boolean> {
  if (text === null) return 'unknown';
  if (ON.test(text)) return true;
  if (OFF.test(text)) return false;
  return 'unknown';
}

function readAction(root: ParentNode, name: ActionName): { value: Maybe<boolean>; editable: boolean } {
  const hooks = TO_APP_HOOKS.actions[name];
  // Edit mode, or a disabled checkbox standing for the saved value.
  const box = findControl(root, hooks, isCheckbox) as HTMLInputElement | null;
  if (box) return { value: box.checked, editable: !box.disabled };
  // Read mode: the value inside the field's own wrapper (language-independent) → beside its label.
  for (const n of hooks.names) {
    const value = root.querySelector(`[data-se="o-form-input-${n}"] .o-form-value`);
    if (value) return { value: onOff(textOf(value)), editable: false };
  }
  for (const label of hooks.labels) {
    const text = readModeText(root, label);
    if (text !== null) return { value: onOff(text), editable: false };
  }
  return { value: 'unknown', editable: false };
}

const ATTR_LABEL = 'attr-label';

/**
 * The row labelled exactly "Primary email": `.attr-label` → the first cell's first element → the first cell.
 * `labelOf`: the row's `.attr-label`, when a lookup over the whole table has it (okta-lists.ts `lookupsFor`).
 */
function isPrimaryEmailRow(row: Element, labelOf?: (row: Element) => Element | null): boolean {
  const hooked = labelOf ? labelOf(row) : row.querySelector(`.${ATTR_LABEL}`);
  if (hooked) return TO_APP_HOOKS.primaryEmail.test(textOf(hooked));
  const cell = row.firstElementChild;
  return (
    TO_APP_HOOKS.primaryEmail.test(textOf(cell?.firstElementChild)) || TO_APP_HOOKS.primaryEmailCell.test(textOf(cell))
  );
}

/** The mappings block: its hook, else the block around its heading (looked for only then: a page-wide search). */
function mappingsSection(root: ParentNode): Element | null {
  const hooked = root.querySelector(TO_APP_HOOKS.mappings);
  if (hooked) return hooked;
  const heading = [...root.querySelectorAll('h1, h2, h3, h4, [role="heading"]')].find((h) =>
    TO_APP_HOOKS.mappingsHeading.test(textOf(h)),
  );
  return heading?.closest('section, .attribute-mappings, [data-se]') ?? heading?.parentElement?.parentElement ?? null;
}

/** The Primary email row's expression, or unknown when the table or the row is not there. */
function primaryEmailMapping(root: ParentNode): Maybe<string> {
  const section = mappingsSection(root);
  if (!section) return 'unknown';
  // A live list taken item by item (a loop asking its length would find every table first): the
  // tables after the one holding the row are never looked for.
  const tables = section.getElementsByTagName('table');
  for (let i = 0, table = tables[0]; table; table = tables[++i]) {
    const valueColumn = columnIndex(table, TO_APP_HOOKS.valueHeader);
    const rows = bodyRows(table);
    // Each row's label from one walk of the table's labels, not a search per row (the row sought may be last).
    const labelOf = lookupsFor(table, rows, false)({ className: ATTR_LABEL });
    for (const row of rows) {
      if (!isPrimaryEmailRow(row, labelOf)) continue;
      const expression =
        row.querySelector('.mapping-expression') ?? (valueColumn > 0 ? (row.children[valueColumn] ?? null) : null);
      // "Apply on create and update" sits beside the expression in the same cell.
      const text = textOf(expression)
        .replace(/\s*apply on (create and update|create only)\s*$/i, '')
        .trim();
      return text ? capText(text) : 'unknown';
    }
  }
  return 'unknown';
}

/** null when the To App pane is not what the Provisioning tab shows (Integration before setup, a spinner). */
export function readOktaToApp(doc: Document): OktaToAppReading | null {
  const panel = oktaTabPanel(doc, 'tab-user-management');
  if (!panel) return null;
  const form =
    panel.querySelector(`[id="${TO_APP_HOOKS.formId}"]`) ??
    panel.querySelector('[data-se^="o-form-input-userMgmtSettings.push"]')?.closest('form') ??
    null;
  const root = form ?? panel;
  const actions = {
    createUsers: readAction(root, 'createUsers'),
    updateAttributes: readAction(root, 'updateAttributes'),
    deactivateUsers: readAction(root, 'deactivateUsers'),
    syncPassword: readAction(root, 'syncPassword'),
  };
  const primaryEmail = primaryEmailMapping(panel);
  const values = Object.values(actions);
  if (!form && primaryEmail === 'unknown' && values.every((a) => a.value === 'unknown')) return null;
  const mode = form?.classList.contains('o-form-edit-mode')
    ? 'edit'
    : form?.classList.contains('o-form-read-mode')
      ? 'read'
      : values.some((a) => a.editable)
        ? 'edit'
        : values.some((a) => a.value !== 'unknown')
          ? 'read'
          : 'unknown';
  return {
    kind: 'okta-to-app',
    mode,
    createUsers: actions.createUsers.value,
    updateAttributes: actions.updateAttributes.value,
    deactivateUsers: actions.deactivateUsers.value,
    syncPassword: actions.syncPassword.value,
    primaryEmail,
  };
}

/** The controls a walkthrough points at: Edit (read mode), each action's checkbox (edit mode), the Primary email row. */
export function toAppControls(doc: Document) {
  const panel = oktaTabPanel(doc, 'tab-user-management') ?? doc;
  const form = panel.querySelector(`[id="${TO_APP_HOOKS.formId}"]`) ?? panel;
  const box = (name: ActionName) =>
    findControl(form, TO_APP_HOOKS.actions[name], isCheckbox) as HTMLInputElement | null;
  const primaryRow = [...panel.querySelectorAll('tr')].find((row) => isPrimaryEmailRow(row)) ?? null;
  return {
    edit: form.querySelector('[data-action="edit"], .o-form-edit-mode-link'),
    boxes: {
      createUsers: box('createUsers'),
      updateAttributes: box('updateAttributes'),
      deactivateUsers: box('deactivateUsers'),
      syncPassword: box('syncPassword'),
    },
    primaryEmailRow: primaryRow,
  };
}
