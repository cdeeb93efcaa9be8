/**
 * Writing the SCIM base URL and API key into Okta's Integration form, on the admin's click only.
 * Okta's forms are Backbone views listening to key events and React inputs tracking the native value
 * setter, and the API Token is mirrored into a hidden `*_new` field by key handlers (okta-admin.md,
 * "How the pages are built"): so each value is set natively, announced with the events a person's typing
 * makes, then read back — and any field that did not take it is reported, never assumed.
 */
import type { ScimCredentials } from './credentials';
import { isOktaAdminOrigin } from './hosts';
import type { FillReport } from './messages';
import type { Control } from './readers/dom';
import { integrationControls } from './readers/okta-integration';

function nativeSet(control: Control, value: string) {
  const proto = Object.getPrototypeOf(control) as object;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(control, value);
  else control.value = value;
}

function announce(control: Control, value: string) {
  const key = value.slice(-1);
  control.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  control.dispatchEvent(new KeyboardEvent('keypress', { key, bubbles: true, cancelable: true }));
  control.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  control.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, cancelable: true }));
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The hidden field a key handler copies the secret into, if the form has one next to it. */
function mirrorOf(control: Control): HTMLInputElement | null {
  const scope = control.closest('.o-form-input, .o-form-fieldset, .field') ?? control.parentElement;
  return scope?.querySelector<HTMLInputElement>('input[type="hidden"][name$="_new"]') ?? null;
}

function fillOne(
  control: Control | null,
  value: string,
  name: string,
  report: FillReport,
  field: 'baseUrl' | 'apiKey',
) {
  if (!control) {
    report.problems.push(`The ${name} field was not found on this page.`);
    return;
  }
  if (control.disabled || (control instanceof HTMLInputElement && control.readOnly)) {
    report.problems.push(`The ${name} field is read-only. Choose Edit first.`);
    return;
  }
  control.focus();
  nativeSet(control, value);
  announce(control, value);
  if (control.value !== value) {
    report.problems.push(`Okta's form did not keep the ${name}. Paste it yourself with the copy button.`);
    return;
  }
  const mirror = mirrorOf(control);
  if (mirror && mirror.value !== value) {
    report.problems.push(
      `Okta's form shows the ${name} but did not take it in. Paste it yourself with the copy button.`,
    );
    return;
  }
  report.filled.push(field);
}

export function fillOktaIntegration(
  doc: Document,
  values: ScimCredentials,
  origin: string,
  isTopFrame: boolean,
): FillReport {
  const report: FillReport = { filled: [], problems: [] };
  // Re-checked here, in the page, whatever the background already checked (../shared/security.md rule 4).
  if (!isTopFrame || !isOktaAdminOrigin(origin)) {
    report.problems.push('This is not an Okta Admin Console page. Nothing was filled.');
    return report;
  }
  const c = integrationControls(doc);
  if (!(c.enabled instanceof HTMLInputElement) || c.enabled.disabled) {
    report.problems.push('Open Provisioning › Integration and choose Configure API Integration (or Edit) first.');
    return report;
  }
  if (!c.enabled.checked) {
    report.problems.push('Tick Enable API integration first: the Base URL and API Token fields appear then.');
    return report;
  }
  fillOne(c.baseUrl, values.baseUrl, 'Base URL', report, 'baseUrl');
  fillOne(c.apiToken, values.apiKey, 'API Token', report, 'apiKey');
  c.apiToken?.blur();
  return report;
}
