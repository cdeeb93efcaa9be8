import { describe, expect, it } from 'vitest';
import { productAccessMissing } from '../../../utils/checks/product-access-missing';
import type { Maybe } from '../../../utils/observations';
import type {
  AtlassianProductAccessReading,
  ProductAccess,
  ProductAccessGroup,
} from '../../../utils/readers/atlassian-product-access';
import { readAtlassianProductAccess } from '../../../utils/readers/atlassian-product-access';
import { readOktaPushGroups } from '../../../utils/readers/okta-push-groups';
import { DIRECTORY_ID } from '../../fixtures/data';
import { ATLASSIAN_PAGES, renderAtlassianPage } from '../readers/atlassian-fixture';
import { loadSnapshot } from '../readers/snapshots';
import { CONFLUENCE, inputOf, JIRA, MAYBE_BOOLS, pushed, pushGroups } from './okta-readings';

const ALL_MEMBERS = `All members for directory - ${DIRECTORY_ID}`;
const g = (name: string, patch: Partial<ProductAccessGroup> = {}): ProductAccessGroup => ({
  name,
  role: 'User',
  ...patch,
});
const product = (name: string, ...groups: ProductAccessGroup[]): ProductAccess => ({ name, groups });
const access = (
  products: ProductAccess[],
  complete: Maybe<boolean> = true,
): AtlassianProductAccessReading & { at: number } => ({ kind: 'atlassian-product-access', products, complete, at: 70 });

/** The fixture's configured site: each test group on its product, besides the default access groups. */
const BOTH = [
  product('Jira', g('jira-software-users', { default: true }), g(JIRA.name)),
  product('Confluence', g('confluence-users', { default: true }), g(CONFLUENCE.name)),
];
/** access-missing: the Confluence test group was never added. */
const CONFLUENCE_MISSING = [BOTH[0] as ProductAccess, product('Confluence', g('confluence-users', { default: true }))];
const PUSHED_BOTH = pushGroups({ groups: [pushed(JIRA), pushed(CONFLUENCE)] });

const run = (...obs: Parameters<typeof inputOf>) => productAccessMissing.run(inputOf(...obs));

describe('product-access-missing', () => {
  it('flags a pushed group that no product lists, naming it, when the lists are whole', () => {
    const { findings, steps } = run(PUSHED_BOTH, access(CONFLUENCE_MISSING));
    expect(steps?.['access-product-access']).toBeUndefined();
    expect(findings).toHaveLength(1);
    expect(findings?.[0]).toMatchObject({
      code: 'product-access-missing',
      severity: 'problem',
      step: 'access-product-access',
      title: '1 pushed group without product access',
    });
    expect(findings?.[0]?.explanation).toContain(`"${CONFLUENCE.name}"`);
    expect(findings?.[0]?.explanation).not.toContain(JIRA.name);
    expect(findings?.[0]?.fix).toMatch(/Add group/);
  });

  it('ticks the step when every pushed group has a product, saying what was seen', () => {
    expect(run(PUSHED_BOTH, access(BOTH)).steps?.['access-product-access']).toEqual({
      status: 'done',
      evidence: 'Product access lists all 2 Active pushed groups under a product (Jira, Confluence).',
      at: 70,
    });
  });

  it('raises nothing on a partial or unsure Product access list: a group may be on the part not shown', () => {
    for (const complete of [false, 'unknown'] as const) {
      const { findings, steps } = run(PUSHED_BOTH, access(CONFLUENCE_MISSING, complete));
      expect(findings, String(complete)).toEqual([]);
      expect(steps?.['access-product-access']?.status, String(complete)).toBe('unknown');
    }
  });

  it('still ticks the step from a partial Product access list, since a listed group surely has access', () => {
    expect(run(PUSHED_BOTH, access(BOTH, false)).steps?.['access-product-access']?.status).toBe('done');
  });

  it('does not tick the step while Push Groups is partial, or a row is still pushing or unreadable', () => {
    for (const complete of [false, 'unknown'] as const)
      expect(run(pushGroups({ ...PUSHED_BOTH, complete }), access(BOTH)).steps).toEqual({});
    for (const status of ['pushing', 'unknown'] as const)
      expect(
        run(pushGroups({ groups: [pushed(JIRA), pushed(CONFLUENCE, { status })] }), access(BOTH)).steps,
        status,
      ).toEqual({});
  });

  it('leaves groups that failed or were deactivated to the push checks', () => {
    const groups = [pushed(JIRA), pushed(CONFLUENCE, { status: 'error', error: 'displayName already exists' })];
    const { findings, steps } = run(pushGroups({ groups }), access(CONFLUENCE_MISSING));
    expect(findings).toEqual([]);
    expect(steps?.['access-product-access']?.evidence).toContain('the Active pushed group');
    const inactive = [pushed(JIRA, { status: 'inactive' })];
    expect(run(pushGroups({ groups: inactive }), access([product('Confluence')]))).toEqual({ findings: [] });
  });

  it('says nothing before both pages were read', () => {
    expect(run(PUSHED_BOTH)).toEqual({});
    expect(run(access(CONFLUENCE_MISSING))).toEqual({});
    expect(run(pushGroups({ groups: [] }), access(CONFLUENCE_MISSING))).toEqual({ findings: [] });
  });

  it('matches names trimmed and regardless of case', () => {
    const shouted = [product('Jira', g(' ATLASSIAN-TEST-JIRA-USERS ')), product('Confluence', g(CONFLUENCE.name))];
    expect(run(PUSHED_BOTH, access(shouted)).steps?.['access-product-access']?.status).toBe('done');
  });

  it('does not count a group listed with no role', () => {
    const noRole = [BOTH[0] as ProductAccess, product('Confluence', g(CONFLUENCE.name, { role: 'No access' }))];
    expect(run(PUSHED_BOTH, access(noRole)).findings?.map((f) => f.code)).toEqual(['product-access-missing']);
  });

  it('raises no problem when the group of all synced users has access, but cannot call it done either', () => {
    const everyone = [...CONFLUENCE_MISSING, product('Loom', g(ALL_MEMBERS))];
    const { findings, steps } = run(PUSHED_BOTH, access(everyone));
    expect(findings).toEqual([]);
    expect(steps?.['access-product-access']?.status).toBe('unknown');
    expect(steps?.['access-product-access']?.evidence).toContain(`"${ALL_MEMBERS}" has Loom`);
  });

  it('notes a pushed group named like a default access group, which SCIM cannot manage', () => {
    const clash = pushGroups({
      groups: [pushed(JIRA), pushed({ name: 'jira-software-users' }, { status: 'error', error: 'x' })],
    });
    const info = run(clash, access(BOTH)).findings?.find((f) => f.code === 'product-access-default-group');
    expect(info).toMatchObject({ severity: 'info', step: 'access-product-access' });
    expect(info?.explanation).toContain('"jira-software-users"');
    expect(run(PUSHED_BOTH, access(BOTH)).findings).toEqual([]);
  });

  it('never raises a problem or ticks the step without whole lists (every combination)', () => {
    const pages = { both: BOTH, missing: CONFLUENCE_MISSING };
    for (const pushedComplete of MAYBE_BOOLS)
      for (const accessComplete of MAYBE_BOOLS)
        for (const [name, products] of Object.entries(pages)) {
          const label = `${pushedComplete} ${accessComplete} ${name}`;
          const { findings = [], steps = {} } = run(
            pushGroups({ ...PUSHED_BOTH, complete: pushedComplete }),
            access(products, accessComplete),
          );
          const problem = findings.some((f) => f.severity === 'problem');
          expect(problem, label).toBe(name === 'missing' && accessComplete === true);
          expect(steps['access-product-access']?.status === 'done', label).toBe(
            name === 'both' && pushedComplete === true,
          );
        }
  });

  it('follows the fixture pages: access-missing flags the Confluence group; configured ticks the step', {
    timeout: 30_000,
  }, async () => {
    const okta = readOktaPushGroups(loadSnapshot('push-groups-configured'));
    const pushedReading = okta ? { ...okta, at: 1 } : undefined;
    const site = async (state: 'access-missing' | 'configured') => {
      const reading = readAtlassianProductAccess(
        await renderAtlassianPage(ATLASSIAN_PAGES.atlassianProductAccess, state),
      );
      return run(pushedReading, reading ? { ...reading, at: 2 } : undefined);
    };
    const missing = await site('access-missing');
    expect(missing.findings?.map((f) => f.code)).toEqual(['product-access-missing']);
    expect(missing.findings?.[0]?.explanation).toContain(`"${CONFLUENCE.name}"`);
    expect((await site('configured')).steps?.['access-product-access']?.status).toBe('done');
  });
});
