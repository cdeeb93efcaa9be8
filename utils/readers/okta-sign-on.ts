/**
 * Sign On → Credentials Details: Application username format, its custom expression, and "Update
 * application username on". Facts: okta-admin.md "Sign On tab". The selects are Chosen-styled: the shown
 * box follows the hidden select only on `liszt:updated`, so the hidden select (value, then its selected
 * option's text) is what counts; in read mode the value is text.
 */
import type { Maybe } from '../observations';
import { type Control, capText, findControl, isSelect, readModeText, textOf } from './dom';
import { oktaTabPanel } from './okta-panels';

export const SIGN_ON_HOOKS = {
  /** Form id and Edit link id (okta-admin.md, M). */
  formId: 'ssoSettings-form',
  editLink: 'ssoSettings.edit_link',
  /** Hidden select `name=userNameTemplateType` (id generated per render) → label "Application username format". */
  usernameFormat: {
    names: ['userNameTemplateType', 'ssoSettings.userNameTemplateType'],
    labels: [/^application username format$/i],
  },
  /** Shown only for Custom: `ssoSettings.customRule` → label "Custom expression". */
  customRule: { names: ['ssoSettings.customRule'], labels: [/^custom expression$/i] },
  /** `select#ssoSettings-customRulePushStatus` (M) → its name → its label, which comes AFTER the select. */
  updateOn: {
    ids: ['ssoSettings-customRulePushStatus'],
    names: ['ssoSettings.customRulePushStatus'],
    labels: [/^update application username on$/i],
  },
} as const;

export type UsernameFormat = 'login' | 'login-prefix' | 'email' | 'email-prefix' | 'custom' | 'none' | 'other';

export interface OktaSignOnReading {
  kind: 'okta-sign-on';
  mode: 'read' | 'edit' | 'unknown';
  /** `other`: a choice we do not model (AD/LDAP variants); `unknown`: not read. */
  usernameFormat: UsernameFormat | 'unknown';
  /** Only with a Custom format: the expression as entered, capped. */
  customExpression?: Maybe<string>;
  updateOn: 'create-and-update' | 'create-only' | 'unknown';
}

/** API values of the format select (okta-admin.md, H): language-independent. */
const FORMAT_BY_VALUE: Record<string, UsernameFormat> = {
  'BUILT_IN:login': 'login',
  'BUILT_IN:loginPrefix': 'login-prefix',
  'BUILT_IN:email': 'email',
  'BUILT_IN:emailPrefix': 'email-prefix',
  CUSTOM: 'custom',
  NONE: 'none',
};
/** Shown names (English): read mode, and a select whose values we do not know. */
const FORMAT_BY_TEXT: [RegExp, UsernameFormat][] = [
  [/^okta username$/i, 'login'],
  [/^okta username prefix$/i, 'login-prefix'],
  [/^email$/i, 'email'],
  [/^email prefix$/i, 'email-prefix'],
  [/^custom$/i, 'custom'],
  [/^\(?none\)?$/i, 'none'],
];
const UPDATE_BY_VALUE: Record<string, OktaSignOnReading['updateOn']> = {
  PUSH: 'create-and-update',
  DONT_PUSH: 'create-only',
};
const UPDATE_BY_TEXT: [RegExp, OktaSignOnReading['updateOn']][] = [
  [/^create and update\b/i, 'create-and-update'],
  [/^create only\b/i, 'create-only'],
];

const byText = <T>(table: [RegExp, T][], text: string | null): T | undefined =>
  text === null ? undefined : table.find(([re]) => re.test(text))?.[1];

/** The selected option of a select: by value, then by its text; an unmodelled value is `other`. */
function fromSelect<T extends string>(
  select: HTMLSelectElement,
  byValue: Record<string, T>,
  texts: [RegExp, T][],
  other: T | 'unknown',
): T | 'unknown' {
  const option = select.selectedOptions[0];
  if (!option) return 'unknown';
  const value = Object.hasOwn(byValue, option.value) ? byValue[option.value] : undefined;
  return value ?? byText(texts, textOf(option)) ?? (option.value ? other : 'unknown');
}

/** Read-mode text of a field: inside its courage wrapper (stable), then beside its label (English). */
function readText(root: ParentNode, hooks: { names: readonly string[]; labels: readonly RegExp[] }): string | null {
  for (const n of hooks.names) {
    const value = root.querySelector(`[data-se="o-form-input-${n}"] .o-form-value`);
    if (value) return textOf(value);
  }
  for (const label of hooks.labels) {
    const text = readModeText(root, label);
    if (text !== null) return text;
  }
  return null;
}

/** null when the Sign On settings are not on show (another tab in front, the pane still loading). */
export function readOktaSignOn(doc: Document): OktaSignOnReading | null {
  const panel = oktaTabPanel(doc, 'tab-signon');
  if (!panel) return null;
  const form = panel.querySelector(`[id="${SIGN_ON_HOOKS.formId}"]`);
  const root = form ?? panel;
  const formatSelect = findControl(root, SIGN_ON_HOOKS.usernameFormat, isSelect) as HTMLSelectElement | null;
  const updateSelect = findControl(root, SIGN_ON_HOOKS.updateOn, isSelect) as HTMLSelectElement | null;

  const usernameFormat = formatSelect
    ? fromSelect(formatSelect, FORMAT_BY_VALUE, FORMAT_BY_TEXT, 'other')
    : (byText(FORMAT_BY_TEXT, readText(root, SIGN_ON_HOOKS.usernameFormat)) ?? 'unknown');
  const updateOn = updateSelect
    ? fromSelect(updateSelect, UPDATE_BY_VALUE, UPDATE_BY_TEXT, 'unknown')
    : (byText(UPDATE_BY_TEXT, readText(root, SIGN_ON_HOOKS.updateOn)) ?? 'unknown');
  if (!form && !formatSelect && !updateSelect && usernameFormat === 'unknown' && updateOn === 'unknown') return null;

  const reading: OktaSignOnReading = {
    kind: 'okta-sign-on',
    mode: form?.classList.contains('o-form-edit-mode')
      ? 'edit'
      : form?.classList.contains('o-form-read-mode')
        ? 'read'
        : formatSelect || updateSelect
          ? 'edit'
          : usernameFormat !== 'unknown' || updateOn !== 'unknown'
            ? 'read'
            : 'unknown',
    usernameFormat,
    updateOn,
  };
  if (usernameFormat === 'custom') {
    const rule: Control | null = findControl(root, SIGN_ON_HOOKS.customRule, (c) => !isSelect(c));
    const text = rule ? rule.value.trim() : readText(root, SIGN_ON_HOOKS.customRule);
    reading.customExpression = text === null ? 'unknown' : capText(text);
  }
  return reading;
}

/** What a person sees of a select: its Chosen box (beside it, or `<id>_chzn`), else the select itself. */
function shownBox(select: HTMLSelectElement | null): Element | null {
  if (!select) return null;
  const next = select.nextElementSibling;
  if (next?.classList.contains('chzn-container')) return next;
  const byId = select.id ? select.ownerDocument.getElementById(`${select.id.replace(/[^\w]/g, '_')}_chzn`) : null;
  return byId ?? select;
}

/** The controls a walkthrough points at: Edit (read mode), the two selects as shown (edit mode). */
export function signOnControls(doc: Document) {
  const panel = oktaTabPanel(doc, 'tab-signon') ?? doc;
  const root = panel.querySelector(`[id="${SIGN_ON_HOOKS.formId}"]`) ?? panel;
  const format = findControl(root, SIGN_ON_HOOKS.usernameFormat, isSelect) as HTMLSelectElement | null;
  const updateOn = findControl(root, SIGN_ON_HOOKS.updateOn, isSelect) as HTMLSelectElement | null;
  return {
    edit: panel.querySelector(`[id="${SIGN_ON_HOOKS.editLink}"]`),
    usernameFormat: shownBox(format),
    updateOn: shownBox(updateOn),
  };
}
