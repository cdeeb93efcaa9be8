import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STEPS } from '../../utils/checklist';
import { CHECKS } from '../../utils/checks';
import { pageVisits } from '../../utils/checks/page-visits';
import type { PageVisitObservation } from '../../utils/observations';

const docs = readFileSync(resolve('docs/checks.md'), 'utf8');
const visit = (
  page: PageVisitObservation['page'],
  extra: Partial<PageVisitObservation> = {},
): PageVisitObservation => ({
  kind: 'page-visit',
  page,
  at: 10,
  ...extra,
});

describe('the check registry', () => {
  it('registers every check once, each in its own file named after it', () => {
    const ids = CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(() => readFileSync(resolve(`utils/checks/${id}.ts`))).not.toThrow();
  });

  it('documents every check and every finding code in docs/checks.md', () => {
    for (const check of CHECKS) {
      expect(docs, check.id).toContain(`\`${check.id}\``);
      for (const code of check.findings) expect(docs, code).toContain(`\`${code}\``);
    }
  });

  it('lets checks decide only page-decided steps', () => {
    const pageSteps = new Set(STEPS.filter((s) => s.decidedBy === 'page').map((s) => s.id));
    for (const check of CHECKS)
      for (const step of check.steps) expect(pageSteps, `${check.id} → ${step}`).toContain(step);
    const decided = new Set(CHECKS.flatMap((c) => c.steps));
    for (const step of pageSteps) expect(decided, `${step} is page-decided but no check decides it`).toContain(step);
  });

  it('has a test file for every check', () => {
    const self = readFileSync(resolve('tests/unit/checks.test.ts'), 'utf8');
    for (const check of CHECKS)
      expect(self.includes(`describe('${check.id}'`) || self.includes(`${check.id}.test`)).toBe(true);
  });
});

describe('page-visits', () => {
  it('says nothing before any page was seen', () => {
    expect(pageVisits.run({})).toEqual({ steps: {} });
  });

  it('ticks opening the provisioning setup once its page was open', () => {
    const result = pageVisits.run({ 'visit:atlassian-scim-setup': visit('atlassian-scim-setup') });
    expect(result.steps?.['atlassian-open-provisioning']).toMatchObject({ status: 'done', at: 10 });
  });

  it('does not tick it for the identity providers list alone', () => {
    expect(
      pageVisits.run({ 'visit:atlassian-identity-providers': visit('atlassian-identity-providers') }).steps,
    ).toEqual({});
  });

  it('ticks adding the app only for a recognised Atlassian Cloud app', () => {
    expect(
      pageVisits.run({ 'visit:okta-app-general': visit('okta-app-general', { atlassianApp: 'unknown' }) }).steps,
    ).toEqual({});
    expect(pageVisits.run({ 'visit:okta-apps': visit('okta-apps') }).steps).toEqual({});
    const seen = pageVisits.run({
      'visit:okta-app-assignments': visit('okta-app-assignments', { atlassianApp: true }),
    });
    expect(seen.steps?.['okta-add-app']?.status).toBe('done');
  });
});
