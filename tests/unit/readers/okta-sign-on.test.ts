import { describe, expect, it } from 'vitest';
import { readOktaSignOn, signOnControls } from '../../../utils/readers/okta-sign-on';
import { SOURCE_EMAIL } from '../checks/okta-readings';
import { $, loadSnapshot, whileLoading } from './snapshots';

const FORMAT = 'select[name="userNameTemplateType"]';
const UPDATE = 'select[name="ssoSettings.customRulePushStatus"]';

/** Choose an option in the hidden select only, as a script would: Chosen's box keeps the old text. */
function chooseQuietly(doc: Document, selector: string, value: string) {
  const select = $(doc, selector) as HTMLSelectElement;
  select.selectedIndex = [...select.options].findIndex((o) => o.value === value);
}

/** Chosen removed: the plain select a page without the plugin shows. */
function plainSelects(doc: Document) {
  for (const box of doc.querySelectorAll('.chzn-container')) box.remove();
  for (const select of doc.querySelectorAll('select')) {
    select.removeAttribute('style');
    select.classList.remove('chzn-done');
  }
}

/** Only the visible labels left: no names, no courage wrappers, no ids. */
function labelsOnly(doc: Document) {
  for (const el of doc.querySelectorAll('[data-se^="o-form-input-"]')) {
    el.removeAttribute('data-se');
    el.className = 'o-form-input';
  }
  for (const el of doc.querySelectorAll('#ssoSettings-form select, #ssoSettings-form input'))
    el.removeAttribute('name');
  doc.querySelector('#ssoSettings-customRulePushStatus')?.setAttribute('id', 'input999');
  doc.querySelector('label[for="ssoSettings-customRulePushStatus"]')?.setAttribute('for', 'input999');
}

describe('readOktaSignOn', { timeout: 30_000 }, () => {
  it('reads each fixture state in read mode', () => {
    expect(readOktaSignOn(loadSnapshot('sign-on-fresh'))).toEqual({
      kind: 'okta-sign-on',
      mode: 'read',
      usernameFormat: 'login',
      updateOn: 'create-and-update',
    });
    expect(readOktaSignOn(loadSnapshot('sign-on-configured'))).toMatchObject({ mode: 'read', usernameFormat: 'email' });
    expect(readOktaSignOn(loadSnapshot('sign-on-email-mismatch'))).toMatchObject({ usernameFormat: 'login' });
  });

  it('reads the hidden selects in edit mode', () => {
    expect(readOktaSignOn(loadSnapshot('sign-on-configured-edit'))).toEqual({
      kind: 'okta-sign-on',
      mode: 'edit',
      usernameFormat: 'email',
      updateOn: 'create-and-update',
    });
    expect(readOktaSignOn(loadSnapshot('sign-on-email-mismatch-edit'))).toMatchObject({ usernameFormat: 'login' });
    expect(readOktaSignOn(loadSnapshot('sign-on-fresh-edit'))).toMatchObject({ usernameFormat: 'login' });
  });

  it('reads a Custom format with its expression, and "Create only"', () => {
    expect(readOktaSignOn(loadSnapshot('sign-on-custom-edit'))).toEqual({
      kind: 'okta-sign-on',
      mode: 'edit',
      usernameFormat: 'custom',
      customExpression: SOURCE_EMAIL,
      updateOn: 'create-only',
    });
  });

  it('reads Custom in read mode', () => {
    const doc = loadSnapshot('sign-on-configured');
    $(doc, '[data-se="o-form-input-userNameTemplateType"] .o-form-value').textContent = 'Custom';
    $(doc, '[data-se="o-form-fieldset-userNameTemplateType"]').insertAdjacentHTML(
      'afterend',
      '<div class="o-form-fieldset"><div class="o-form-label"><label>Custom expression</label></div><div class="o-form-input"><span class="o-form-value">user.email</span></div></div>',
    );
    expect(readOktaSignOn(doc)).toMatchObject({ usernameFormat: 'custom', customExpression: 'user.email' });
  });

  it('believes the hidden select, not a Chosen box that was not told of a change', () => {
    const doc = loadSnapshot('sign-on-configured-edit');
    chooseQuietly(doc, FORMAT, 'BUILT_IN:login');
    chooseQuietly(doc, UPDATE, 'DONT_PUSH');
    expect($(doc, '#ssoSettings_customRulePushStatus_chzn .chzn-single span').textContent).toBe('Create and update');
    expect(readOktaSignOn(doc)).toMatchObject({ usernameFormat: 'login', updateOn: 'create-only' });
  });

  it('reads plain selects as well as Chosen ones', () => {
    for (const name of ['sign-on-configured-edit', 'sign-on-custom-edit']) {
      const chosen = readOktaSignOn(loadSnapshot(name));
      const doc = loadSnapshot(name);
      plainSelects(doc);
      expect(readOktaSignOn(doc), name).toEqual(chosen);
    }
  });

  it('falls back to the labels, before the select or after it', () => {
    const doc = loadSnapshot('sign-on-custom-edit');
    labelsOnly(doc);
    expect(readOktaSignOn(doc)).toMatchObject({
      usernameFormat: 'custom',
      customExpression: SOURCE_EMAIL,
      updateOn: 'create-only',
    });
    // Without `for`, the label is matched to the select in its own form row, before or after it.
    for (const label of doc.querySelectorAll('#ssoSettings-form label')) label.removeAttribute('for');
    expect(readOktaSignOn(doc)).toMatchObject({ usernameFormat: 'custom', updateOn: 'create-only' });
  });

  it('reads values, not words, so a console in another language still answers in edit mode', () => {
    const doc = loadSnapshot('sign-on-email-mismatch-edit');
    for (const label of doc.querySelectorAll('#ssoSettings-form label')) label.textContent = 'Benutzername';
    for (const option of doc.querySelectorAll('#ssoSettings-form option')) option.textContent = 'Option';
    expect(readOktaSignOn(doc)).toMatchObject({ usernameFormat: 'login', updateOn: 'create-and-update' });
    const read = loadSnapshot('sign-on-configured');
    $(read, '[data-se="o-form-input-userNameTemplateType"] .o-form-value').textContent = 'E-Mail';
    expect(readOktaSignOn(read)).toMatchObject({ usernameFormat: 'unknown', updateOn: 'create-and-update' });
  });

  it('calls a format it does not model "other", and an empty select "unknown"', () => {
    const doc = loadSnapshot('sign-on-configured-edit');
    const select = $(doc, FORMAT) as HTMLSelectElement;
    select.insertAdjacentHTML('beforeend', '<option value="BUILT_IN:adSamAccountName">AD SAM account name</option>');
    select.selectedIndex = select.options.length - 1;
    expect(readOktaSignOn(doc)?.usernameFormat).toBe('other');
    select.replaceChildren();
    expect(readOktaSignOn(doc)?.usernameFormat).toBe('unknown');
  });

  it('answers null while the pane loads and for a hidden tab, then reads it once shown', () => {
    const doc = loadSnapshot('sign-on-configured');
    const restore = whileLoading(doc, 'tab-signon-');
    expect(readOktaSignOn(doc)).toBeNull();
    restore();
    expect(readOktaSignOn(doc)?.usernameFormat).toBe('email');
    const visited = loadSnapshot('all-tabs-visited');
    expect($(visited, '#tab-signon-').textContent).toContain('Application username format');
    expect(readOktaSignOn(visited)).toBeNull();
  });

  it('points "Show me" at Edit, then at the Chosen boxes', () => {
    expect(signOnControls(loadSnapshot('sign-on-configured')).edit?.id).toBe('ssoSettings.edit_link');
    const edit = signOnControls(loadSnapshot('sign-on-configured-edit'));
    expect(edit.usernameFormat?.classList.contains('chzn-container')).toBe(true);
    expect(edit.updateOn?.id).toBe('ssoSettings_customRulePushStatus_chzn');
    const plain = loadSnapshot('sign-on-configured-edit');
    plainSelects(plain);
    expect(signOnControls(plain).updateOn?.tagName).toBe('SELECT');
  });
});
