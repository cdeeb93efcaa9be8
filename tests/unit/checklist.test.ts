import { describe, expect, it } from 'vitest';
import { getStep, isStepId, SECTIONS, STEP_IDS, STEPS, stepsOfPage, stepsOfSection } from '../../utils/checklist';

const REQUIRED = [
  'prereq-guard-plan',
  'prereq-okta-lcm',
  'prereq-org-admin',
  'prereq-domain-verified',
  'prereq-idp-directory',
  'prereq-domains-linked',
  'prereq-site-admin',
  'test-accounts',
  'atlassian-open-provisioning',
  'atlassian-copy-credentials',
  'atlassian-save-scim',
  'okta-add-app',
  'okta-enable-api',
  'okta-enter-credentials',
  'okta-test-credentials',
  'okta-to-app-actions',
  'email-primary-attribute',
  'email-username-format',
  'email-update-on',
  'email-update-now',
  'groups-push',
  'groups-review-push',
  'assign-groups',
  'assign-verify-sync',
  'access-product-access',
];

describe('the checklist model', () => {
  it('has every step the guide requires, each once', () => {
    expect(STEP_IDS).toEqual(expect.arrayContaining(REQUIRED));
    expect(new Set(STEP_IDS).size).toBe(STEP_IDS.length);
  });

  it('keeps the guide order: sections in order, steps grouped by section', () => {
    const order = SECTIONS.map((s) => s.id);
    const sectionIndex = STEPS.map((s) => order.indexOf(s.section));
    expect(sectionIndex).toEqual([...sectionIndex].sort((a, b) => a - b));
    for (const section of SECTIONS) expect(stepsOfSection(section.id).length).toBeGreaterThan(0);
  });

  it('gives every step a title, help in a sentence or two, a place and a way to decide it', () => {
    for (const step of STEPS) {
      expect(step.title.length, step.id).toBeGreaterThan(5);
      expect(step.help.length, step.id).toBeGreaterThan(30);
      expect(step.help.length, step.id).toBeLessThan(320);
      expect(step.where.place, step.id).toMatch(/\S/);
      expect(['page', 'user']).toContain(step.decidedBy);
    }
  });

  it('builds links only from what is known', () => {
    const step = getStep('okta-enable-api');
    expect(step.link?.({})).toBeUndefined();
    expect(
      step.link?.({
        oktaAdminOrigin: 'https://acme-admin.okta.com',
        oktaAppPath: '/admin/app/atlassian/instance/0oa1/',
      }),
    ).toBe('https://acme-admin.okta.com/admin/app/atlassian/instance/0oa1/#tab-user-management/api-credentials');
    expect(getStep('prereq-idp-directory').link?.({ atlassianOrgId: 'org-1' })).toBe(
      'https://admin.atlassian.com/o/org-1/security/identity-providers',
    );
    expect(getStep('access-product-access').link?.({ atlassianSiteId: 'site-1' })).toBe(
      'https://admin.atlassian.com/s/site-1/apps',
    );
  });

  it('every link points at a site the extension works on, over https', () => {
    const ctx = {
      oktaAdminOrigin: 'https://acme-admin.okta.com',
      oktaAppPath: '/admin/app/a/instance/b/',
      atlassianOrgId: 'o',
      atlassianSiteId: 's',
    };
    for (const step of STEPS) {
      const url = step.link?.(ctx);
      if (url) expect(url, step.id).toMatch(/^https:\/\/(acme-admin\.okta\.com|admin\.atlassian\.com)\//);
    }
  });

  it('finds the steps of a page', () => {
    expect(stepsOfPage('okta-app-sign-on').map((s) => s.id)).toEqual([
      'email-username-format',
      'email-update-on',
      'email-update-now',
    ]);
    expect(stepsOfPage('atlassian-scim-setup').map((s) => s.id)).toContain('atlassian-copy-credentials');
  });

  it('recognises step ids and nothing else', () => {
    expect(isStepId('groups-push')).toBe(true);
    expect(isStepId('groups-pushed')).toBe(false);
    expect(isStepId(42)).toBe(false);
  });
});
