import { describe, expect, it } from 'vitest';
import { readOktaToApp, toAppControls } from '../../../utils/readers/okta-to-app';
import { $, loadSnapshot, whileLoading } from './snapshots';

const CONFIGURED = {
  kind: 'okta-to-app',
  createUsers: true,
  updateAttributes: true,
  deactivateUsers: true,
  syncPassword: false,
  primaryEmail: 'user.email',
};
const ACTIONS_OFF = { ...CONFIGURED, createUsers: false, deactivateUsers: false, syncPassword: true };

/** Strips the stable hooks (names, courage wrappers, ids) so only labels remain, as on an unknown build. */
function labelsOnly(doc: Document) {
  for (const el of doc.querySelectorAll('[data-se^="o-form-input-"], [data-se^="o-form-fieldset-"]')) {
    el.removeAttribute('data-se');
    el.className = el.className.replace(/o-form-input-name-\S+/g, '');
  }
  for (const box of doc.querySelectorAll('input[type="checkbox"]')) box.removeAttribute('name');
  doc.querySelector('#provisioning-to-app-form')?.removeAttribute('id');
}

describe('readOktaToApp', { timeout: 30_000 }, () => {
  it('reads the saved actions and Primary email in read mode', () => {
    expect(readOktaToApp(loadSnapshot('to-app-configured'))).toEqual({ ...CONFIGURED, mode: 'read' });
    expect(readOktaToApp(loadSnapshot('to-app-actions-off'))).toEqual({ ...ACTIONS_OFF, mode: 'read' });
  });

  it('reads the checkboxes in edit mode', () => {
    expect(readOktaToApp(loadSnapshot('to-app-configured-edit'))).toEqual({ ...CONFIGURED, mode: 'edit' });
    expect(readOktaToApp(loadSnapshot('to-app-actions-off-edit'))).toEqual({ ...ACTIONS_OFF, mode: 'edit' });
  });

  it('follows the admin ticking and unticking boxes before saving', () => {
    const doc = loadSnapshot('to-app-actions-off-edit');
    ($(doc, 'input[name="userMgmtSettings.pushNewAccount"]') as HTMLInputElement).checked = true;
    ($(doc, 'input[name="pushPassword"]') as HTMLInputElement).checked = false;
    expect(readOktaToApp(doc)).toMatchObject({ createUsers: true, deactivateUsers: false, syncPassword: false });
  });

  it('is not fooled by Integration, another tab in front, or a pane still loading', () => {
    expect(readOktaToApp(loadSnapshot('provisioning-fresh'))).toBeNull();
    // Assignments in front; the hidden Provisioning panel still holds To App.
    const visited = loadSnapshot('all-tabs-visited');
    expect($(visited, '#tab-user-management-').textContent).toContain('Create Users');
    expect(readOktaToApp(visited)).toBeNull();
    const doc = loadSnapshot('to-app-configured');
    const restore = whileLoading(doc, 'tab-user-management-');
    expect(readOktaToApp(doc)).toBeNull();
    restore();
    expect(readOktaToApp(doc)).toEqual({ ...CONFIGURED, mode: 'read' });
  });

  it('falls back to the row labels when names and courage wrappers are missing (labels before the box)', () => {
    for (const name of ['to-app-actions-off-edit', 'to-app-actions-off']) {
      const doc = loadSnapshot(name);
      labelsOnly(doc);
      expect(readOktaToApp(doc), name).toMatchObject(ACTIONS_OFF);
    }
  });

  it('finds a checkbox whose row label comes after it, without `for`', () => {
    const doc = loadSnapshot('to-app-actions-off-edit');
    labelsOnly(doc);
    for (const fieldset of doc.querySelectorAll('#tab-user-management- .o-form-fieldset')) {
      const label = fieldset.querySelector('.o-form-label');
      const box = fieldset.querySelector('input[type="checkbox"]');
      if (!label || !box) continue;
      for (const l of fieldset.querySelectorAll('label')) l.removeAttribute('for');
      fieldset.querySelector('.o-form-input')?.after(label);
    }
    expect(readOktaToApp(doc)).toMatchObject(ACTIONS_OFF);
  });

  it('falls back to ARIA names when there are no labels', () => {
    const doc = loadSnapshot('to-app-actions-off-edit');
    labelsOnly(doc);
    const names = ['Create Users', 'Update User Attributes', 'Deactivate Users', 'Sync Password'];
    const boxes = [...doc.querySelectorAll('#tab-user-management- input[type="checkbox"]')];
    boxes.forEach((box, i) => {
      box.setAttribute('aria-label', names[i] ?? '');
      box.removeAttribute('id');
    });
    for (const label of doc.querySelectorAll('#tab-user-management- .o-form-fieldset label')) label.remove();
    expect(readOktaToApp(doc)).toMatchObject(ACTIONS_OFF);
  });

  it('reads by name in another language, and says unknown for read-mode words it does not know', () => {
    const edit = loadSnapshot('to-app-actions-off-edit');
    for (const label of edit.querySelectorAll('#tab-user-management- label')) label.textContent = 'Aktivieren';
    expect(readOktaToApp(edit)).toMatchObject(ACTIONS_OFF);
    const read = loadSnapshot('to-app-configured');
    for (const value of read.querySelectorAll('#provisioning-to-app-form .o-form-value'))
      value.textContent = 'Aktiviert';
    expect(readOktaToApp(read)).toMatchObject({
      createUsers: 'unknown',
      updateAttributes: 'unknown',
      deactivateUsers: 'unknown',
      syncPassword: 'unknown',
      primaryEmail: 'user.email',
    });
  });

  describe('Primary email mapping', () => {
    const rowOf = (doc: Document, label: string) =>
      [...doc.querySelectorAll('tr')].find((r) => r.querySelector('.attr-label')?.textContent === label) as Element;

    it('takes the row labelled exactly "Primary email", not "Primary email type", wherever they are', () => {
      const doc = loadSnapshot('to-app-configured');
      const primary = rowOf(doc, 'Primary email');
      const decoy = rowOf(doc, 'Primary email type');
      primary.before(decoy);
      for (const row of doc.querySelectorAll('tr[data-attribute]')) row.removeAttribute('data-attribute');
      expect(readOktaToApp(doc)?.primaryEmail).toBe('user.email');
    });

    it('reads a changed mapping, and the Value column when there is no expression element', () => {
      const doc = loadSnapshot('to-app-configured');
      $(rowOf(doc, 'Primary email'), '.mapping-expression').textContent = 'user.login';
      expect(readOktaToApp(doc)?.primaryEmail).toBe('user.login');
      $(rowOf(doc, 'Primary email'), '.mapping-expression').classList.remove('mapping-expression');
      expect(readOktaToApp(doc)?.primaryEmail).toBe('user.login');
    });

    it('finds the block by its heading and the row by its first cell when the fixture hooks are gone', () => {
      const doc = loadSnapshot('to-app-configured');
      $(doc, '[data-se="attribute-mappings"]').removeAttribute('data-se');
      for (const label of doc.querySelectorAll('.attr-label')) label.classList.remove('attr-label');
      expect(readOktaToApp(doc)?.primaryEmail).toBe('user.email');
    });

    it('says unknown without the table or the row, and caps a long expression', () => {
      const doc = loadSnapshot('to-app-configured');
      rowOf(doc, 'Primary email').remove();
      expect(readOktaToApp(doc)?.primaryEmail).toBe('unknown');
      $(doc, '[data-se="attribute-mappings"]').remove();
      expect(readOktaToApp(doc)).toMatchObject({ createUsers: true, primaryEmail: 'unknown' });
      const long = loadSnapshot('to-app-configured');
      $(rowOf(long, 'Primary email'), '.mapping-expression').textContent = `user.email${' + "x"'.repeat(100)}`;
      expect(readOktaToApp(long)?.primaryEmail.length).toBeLessThanOrEqual(300);
    });
  });

  it('gives "Show me" the Edit link, the boxes and the Primary email row', () => {
    const read = toAppControls(loadSnapshot('to-app-configured'));
    expect(read.edit?.textContent).toBe('Edit');
    expect(read.primaryEmailRow?.textContent).toContain('user.email');
    const edit = toAppControls(loadSnapshot('to-app-configured-edit'));
    expect(edit.boxes.createUsers?.getAttribute('name')).toBe('userMgmtSettings.pushNewAccount');
    expect(edit.boxes.syncPassword?.getAttribute('name')).toBe('pushPassword');
  });
});
