import { describe, expect, it } from 'vitest';
import { STEPS } from '../../utils/checklist';
import type { Finding } from '../../utils/findings';
import { visitKey } from '../../utils/observations';
import type { PushedGroup } from '../../utils/readers/okta-push-groups';
import {
  buildReport,
  directoryIdOf,
  escapeMarkdown,
  maskDirectoryIds,
  REPORT_SCHEMA,
  REPORT_SCHEMA_VERSION,
  type ReportOptions,
  reportFileName,
  reportToJson,
  reportToMarkdown,
  scrubSecrets,
  summariseObservation,
} from '../../utils/report';
import { newSetup, type Setup } from '../../utils/setup';
import { deriveState } from '../../utils/status';
import type { VaultStatus } from '../../utils/vault';

const DIRECTORY = '7d3e9a41-52b6-4c8f-9e0a-1b2c3d4e1a2b';
const ORG = '4f1c2a9e-0b7d-4e1a-9c3f-2d8e6b5a7c10';
const SITE = 'c0ffee00-1111-4222-8333-444455556666';
const KEY = `ATCTT3xFfGN0${'a1B2c3D4e5'.repeat(17)}=0A1B2C3D`;
const BASE64_KEY = 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3A=';
const NOW = Date.UTC(2025, 0, 31, 12, 0, 0);
const at = (minutesBefore: number) => NOW - minutesBefore * 60_000;
const VAULT: VaultStatus = {
  state: 'held',
  baseUrl: `https://api.atlassian.com/scim/directory/${DIRECTORY}`,
  keyHint: '…2C3D',
  capturedAt: at(10),
  expiresAt: at(-20),
  source: 'page',
};

function aSetup(): Setup {
  const groups: PushedGroup[] = Array.from({ length: 2_000 }, (_, i) => ({ name: `Team ${i}`, status: 'active' }));
  groups.push(
    { name: 'Sales | EMEA *leads* <b>', status: 'error', error: `displayName already exists ${KEY}` },
    { name: `All members for directory - ${DIRECTORY}`, status: 'error' },
  );
  return {
    ...newSetup('setup-1', at(120)),
    oktaOrg: 'acme.okta.com',
    oktaAdminOrigin: 'https://acme-admin.okta.com',
    atlassianOrgId: ORG,
    atlassianSiteId: SITE,
    manual: { 'prereq-guard-plan': 'done', 'prereq-okta-lcm': 'skipped' },
    observations: {
      [visitKey('atlassian-scim-setup')]: { kind: 'page-visit', page: 'atlassian-scim-setup', at: at(30) },
      'credentials-captured': { kind: 'credentials-captured', via: 'copy-button', at: at(29) },
      'okta-integration': {
        kind: 'okta-integration',
        mode: 'read',
        apiEnabled: true,
        baseUrl: 'valid',
        apiToken: 'filled',
        test: 'failed',
        testMessage: `Error authenticating: token ${KEY} refused; also ${BASE64_KEY}`,
        at: at(20),
      },
      'okta-push-groups': { kind: 'okta-push-groups', enabled: true, groups, complete: true, at: at(5) },
    },
  };
}

const PLANTED: Finding = {
  code: 'planted-finding',
  severity: 'warning',
  title: 'Group "Ops|Infra" in directory - 7d3e9a41-52b6-4c8f-9e0a-1b2c3d4e1a2b',
  explanation: `Okta said:\nkey ${KEY} | bad`,
  fix: `See https://api.atlassian.com/scim/directory/${DIRECTORY}/Groups or ${BASE64_KEY}`,
  step: 'groups-review-push',
};

function report(options: Partial<ReportOptions> = {}, setup = aSetup(), vault: VaultStatus | undefined = VAULT) {
  const derived = deriveState(setup, { vault: 'held' });
  derived.findings.push(PLANTED);
  return buildReport({
    setup,
    derived,
    vault,
    options: { includeDirectoryId: false, now: NOW, version: '1.2.3', ...options },
  });
}

describe('setup report', () => {
  it('has every step with its status, who decided and when', () => {
    const r = report();
    expect(r.steps.map((s) => s.id)).toEqual(STEPS.map((s) => s.id));
    const byId = Object.fromEntries(r.steps.map((s) => [s.id, s]));
    expect(byId['prereq-guard-plan']).toMatchObject({ status: 'done', decidedBy: 'user', observedAt: null });
    expect(byId['prereq-okta-lcm']).toMatchObject({ status: 'skipped', decidedBy: 'user' });
    expect(byId['atlassian-open-provisioning']).toMatchObject({
      status: 'done',
      decidedBy: 'page',
      observedAt: new Date(at(30)).toISOString(),
      sectionTitle: 'Turn on SCIM in Atlassian',
    });
    expect(byId['assign-groups']).toMatchObject({ status: 'todo', decidedBy: 'none', evidence: null });

    const md = reportToMarkdown(r);
    for (const step of r.steps) {
      const line = md.split('\n').find((l) => l.includes(`\`${step.id}\``));
      expect(line, step.id).toContain(`| ${step.statusLabel} |`);
    }
    expect(md).toContain(new Date(at(30)).toISOString());
  });

  it('has the identity, version, generation time and every finding', () => {
    const r = report();
    expect(r).toMatchObject({
      schema: REPORT_SCHEMA,
      schemaVersion: REPORT_SCHEMA_VERSION,
      generatedAt: '2025-01-31T12:00:00.000Z',
      extensionVersion: '1.2.3',
      setup: { oktaOrg: 'acme.okta.com', atlassianOrgId: ORG, atlassianSiteId: SITE },
    });
    expect(r.findings.map((f) => f.code)).toContain('planted-finding');
    const md = reportToMarkdown(r);
    for (const text of ['acme.okta.com', ORG, SITE, '1.2.3', '2025-01-31T12:00:00.000Z']) expect(md).toContain(text);
    for (const f of r.findings) {
      expect(md).toContain(`\`${f.code}\``);
      expect(md).toContain(escapeMarkdown(f.fix));
    }
  });

  it('lists each observation with its time, summarised (not the 2,000 group names)', () => {
    const r = report();
    expect(r.observations.map((o) => o.key)).toEqual([
      visitKey('atlassian-scim-setup'),
      'credentials-captured',
      'okta-integration',
      'okta-push-groups',
    ]);
    const push = r.observations.find((o) => o.kind === 'okta-push-groups');
    expect(push?.at).toBe(new Date(at(5)).toISOString());
    expect(push?.summary).toMatch(/groups: 2002 \(2000 active, 2 error; with errors: "Sales/);
    expect(push?.summary).toContain('complete: yes');
    expect(r.observations[0]).toMatchObject({ kind: 'page-visit', page: 'atlassian-scim-setup' });

    const md = reportToMarkdown(r);
    for (const o of r.observations) expect(md).toContain(o.at);
    expect(md).not.toContain('Team 1999');
    expect(md.length).toBeLessThan(30_000);
    expect(reportToJson(r).length).toBeLessThan(30_000);
  });

  it('masks the SCIM directory id everywhere by default', () => {
    const r = report();
    expect(r.setup.scimDirectoryId).toBe('…1a2b');
    const md = reportToMarkdown(r);
    const json = reportToJson(r);
    for (const out of [md, json]) {
      expect(out).not.toContain(DIRECTORY);
      expect(out).not.toContain(DIRECTORY.slice(0, 8));
      expect(out).toContain('…1a2b');
      // Other UUIDs stay whole.
      expect(out).toContain(ORG);
    }
    expect(md).toContain('All members for directory - …1a2b');
  });

  it('masks a UUID after "directory" even when the assistant does not hold the base URL', () => {
    const r = report({}, aSetup(), { state: 'empty' });
    expect(r.setup.scimDirectoryId).toBeNull();
    expect(reportToMarkdown(r)).not.toContain(DIRECTORY);
    expect(reportToJson(r)).not.toContain(DIRECTORY);
    expect(maskDirectoryIds(`scim/directory/${DIRECTORY.toUpperCase()}`)).toBe('scim/directory/…1A2B');
    expect(maskDirectoryIds(`directoryId: ${DIRECTORY}`)).toBe('directoryId: …1a2b');
  });

  it('includes the directory id in full when the admin opts in', () => {
    const r = report({ includeDirectoryId: true });
    expect(r.setup.scimDirectoryId).toBe(DIRECTORY);
    expect(r.setup.scimDirectoryIdMasked).toBe(false);
    const md = reportToMarkdown(r);
    expect(md).toContain(DIRECTORY);
    expect(md).toContain(`All members for directory - ${DIRECTORY}`);
    expect(reportToJson(r)).toContain(`"scimDirectoryId": "${DIRECTORY}"`);
  });

  it('scrubs a planted API key from findings and observations, in both formats and either way', () => {
    for (const includeDirectoryId of [false, true]) {
      const r = report({ includeDirectoryId });
      for (const out of [reportToMarkdown(r), reportToJson(r), JSON.stringify(r)]) {
        expect(out).not.toContain(KEY);
        expect(out).not.toMatch(/ATCTT|ATATT/);
        expect(out).not.toContain(BASE64_KEY);
        expect(out).not.toContain(KEY.slice(20, 60));
        expect(out).toMatch(/\\?\[redacted\\?\]/);
        expect(out).not.toContain('…2C3D'); // not even the vault's key hint
      }
    }
  });

  it('scrubs key-like text but leaves names, ids and URLs alone', () => {
    expect(scrubSecrets(`Bearer ${KEY}.`)).toBe('Bearer [redacted].');
    expect(scrubSecrets('ATATT3xFfGF0abc')).toBe('[redacted]');
    expect(scrubSecrets(`x ${BASE64_KEY} y`)).toBe('x [redacted] y');
    for (const text of [
      'atlassian-confluence-users-engineering-team-2024',
      `https://api.atlassian.com/scim/directory/${DIRECTORY}/Groups`,
      `https://admin.atlassian.com/o/${ORG}/security/identity-providers`,
      'okta-app-provisioning-integration',
    ]) {
      expect(scrubSecrets(text)).toBe(text);
    }
  });

  it('escapes page text in Markdown tables and lists', () => {
    expect(escapeMarkdown('Sales | EMEA *leads* <b>\nnext')).toBe('Sales \\| EMEA \\*leads\\* \\<b\\> next');
    const md = reportToMarkdown(report());
    expect(md).toContain('Sales \\| EMEA \\*leads\\* \\<b\\>');
    expect(md).toContain('Ops\\|Infra');
    expect(md).not.toContain('Okta said:\n');
    // Every table row has as many unescaped pipes as its header.
    const lines = md.split('\n');
    const tables = lines.filter((l) => l.startsWith('|'));
    for (const l of tables) {
      const pipes = (l.match(/(?<!\\)\|/g) ?? []).length;
      expect([3, 5, 6], l).toContain(pipes);
    }
  });

  it('JSON round-trips with the schema first and a stable key order', () => {
    const r = report();
    const json = reportToJson(r);
    expect(JSON.parse(json)).toEqual(r);
    expect(Object.keys(JSON.parse(json))).toEqual([
      'schema',
      'schemaVersion',
      'generatedAt',
      'extensionVersion',
      'setup',
      'progress',
      'steps',
      'findings',
      'observations',
    ]);
    expect(Object.keys(JSON.parse(json).steps[0])).toEqual([
      'id',
      'section',
      'sectionTitle',
      'title',
      'status',
      'statusLabel',
      'decidedBy',
      'evidence',
      'observedAt',
    ]);
    // Same input, same bytes.
    expect(reportToJson(report())).toBe(json);
  });

  it('names files after the Okta org and the UTC date', () => {
    expect(reportFileName(report(), 'md')).toBe('scim-setup-report-acme.okta.com-2025-01-31.md');
    expect(reportFileName(report(), 'json')).toBe('scim-setup-report-acme.okta.com-2025-01-31.json');
    const unnamed = { ...aSetup(), oktaOrg: undefined };
    expect(reportFileName(report({}, unnamed), 'md')).toBe('scim-setup-report-okta-org-unknown-2025-01-31.md');
  });

  it('reads the directory id only from a SCIM base URL', () => {
    expect(directoryIdOf(VAULT.state === 'held' ? VAULT.baseUrl : undefined)).toBe(DIRECTORY);
    expect(directoryIdOf('https://example.com/')).toBeUndefined();
    expect(directoryIdOf(undefined)).toBeUndefined();
  });
});

describe('observation summaries', () => {
  it('stay short for big lists and name what needs a look', () => {
    const groups = Array.from({ length: 2_000 }, (_, i) =>
      i % 100 === 0 ? { name: `Missing ${i}`, found: false } : { name: `Team ${i}`, found: true, members: 3 },
    );
    const summary = summariseObservation({ kind: 'scim-groups', groups, complete: true, at: NOW } as never);
    expect(summary).toBe(
      'groups: 2000 (20 not found: "Missing 0", "Missing 100", "Missing 200", "Missing 300", "Missing 400" and 15 more); complete: yes',
    );
  });

  it('spell out a nested outcome and a short list', () => {
    expect(
      summariseObservation({
        kind: 'scim-verification',
        outcome: { result: 'valid', userCount: 12 },
        at: NOW,
      } as never),
    ).toBe('outcome: result valid, user count 12');
    expect(
      summariseObservation({
        kind: 'atlassian-product-access',
        products: [
          { name: 'Jira', groups: [{ name: 'a' }, { name: 'b' }] },
          { name: 'Confluence', groups: [] },
        ],
        complete: true,
        at: NOW,
      } as never),
    ).toBe('products: 2 ("Jira" (2 groups), "Confluence" (0 groups)); complete: yes');
  });
});
