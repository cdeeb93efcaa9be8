/**
 * Groups Okta pushed (Active on Push Groups) that the site's Product access page gives no product: their
 * members have Atlassian accounts but cannot use Jira, Confluence or anything else there.
 * - A row on a product's list proves access even when the list is partial; only a whole list proves a
 *   group is missing from it, so the finding needs `complete: true` on the Product access reading.
 * - "Done" is a claim about every pushed group: it needs Push Groups seen whole, every row's state known.
 * - The group of all SCIM-synced users ("All members for directory - {id}", atlassian-admin.md) gives access
 *   to everyone synced from that directory. The page does not say which directory it is, so it settles
 *   nothing either way: no problem is raised, and the step stays "not sure" with that said.
 * - Names are compared trimmed and case-insensitively: a case change on the way must not become a false
 *   alarm, and hiding a missing group would take two groups on one site differing only in case.
 */
import type { Finding } from '../findings';
import { latest } from '../observations';
import type { ProductAccess } from '../readers/atlassian-product-access';
import { count, nameList } from './group-lists';
import type { Check, CheckResult } from './types';

const ALL_MEMBERS = /^all members for directory\b/i;
/** Role cells that mean a listed group gets nothing (L: wording not seen). */
const NO_ROLE = /^(no access|none)$/i;

const key = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** Group name → the products it can use. */
function accessByGroup(products: readonly ProductAccess[]): Map<string, string[]> {
  const access = new Map<string, string[]>();
  for (const p of products)
    for (const g of p.groups) {
      if (g.role && NO_ROLE.test(g.role.trim())) continue;
      const k = key(g.name);
      const list = access.get(k) ?? [];
      if (!list.includes(p.name)) list.push(p.name);
      access.set(k, list);
    }
  return access;
}

export const productAccessMissing: Check = {
  id: 'product-access-missing',
  findings: ['product-access-missing', 'product-access-default-group'],
  steps: ['access-product-access'],
  run({ observations }) {
    const pushed = latest(observations, 'okta-push-groups');
    const page = latest(observations, 'atlassian-product-access');
    if (!pushed || !page) return {};
    const at = Math.max(pushed.at, page.at);
    const findings: Finding[] = [];

    // Info: a pushed group named like one of the site's default access groups, which SCIM cannot manage.
    const defaults = new Set(page.products.flatMap((p) => p.groups.filter((g) => g.default).map((g) => key(g.name))));
    const clashing = pushed.groups.filter((g) => defaults.has(key(g.target ?? g.name)));
    if (clashing.length > 0)
      findings.push({
        code: 'product-access-default-group',
        severity: 'info',
        step: 'access-product-access',
        title: `${count(clashing.length, 'pushed group')} named like a default access group`,
        explanation: `${nameList(clashing.map((g) => g.target ?? g.name))} ${clashing.length === 1 ? 'has' : 'have'} the name of a default access group on this site. Default access groups belong to Atlassian and cannot be managed by user provisioning, so Okta cannot take ${clashing.length === 1 ? 'it' : 'them'} over.`,
        fix: 'Give the group in Okta a name of its own, push it again, and give that group product access.',
      });

    const active = pushed.groups.filter((g) => g.status === 'active' && !g.error);
    if (active.length === 0) return { findings };
    const access = accessByGroup(page.products);
    const without = active.filter((g) => !access.has(key(g.target ?? g.name)));
    const allMembers = [...access.entries()].find(([name]) => ALL_MEMBERS.test(name));
    const allMembersName = allMembers
      ? (page.products.flatMap((p) => p.groups).find((g) => key(g.name) === allMembers[0])?.name ?? '')
      : '';
    const steps: NonNullable<CheckResult['steps']> = {};

    if (without.length === 0) {
      // Every row's state must be known, and the list whole, before "every pushed group" holds.
      const settled =
        pushed.complete === true && pushed.groups.every((g) => g.status !== 'unknown' && g.status !== 'pushing');
      if (settled) {
        const products = [...new Set(active.flatMap((g) => access.get(key(g.target ?? g.name)) ?? []))];
        steps['access-product-access'] = {
          status: 'done',
          evidence: `Product access lists ${active.length === 1 ? 'the Active pushed group' : `all ${active.length} Active pushed groups`} under a product (${products.join(', ')}).`,
          at,
        };
      }
      return { steps, findings };
    }

    const names = nameList(without.map((g) => g.target ?? g.name));
    if (allMembers) {
      steps['access-product-access'] = {
        status: 'unknown',
        evidence: `${names} ${without.length === 1 ? 'has' : 'have'} no product of ${without.length === 1 ? 'its' : 'their'} own, but "${allMembersName}" has ${allMembers[1].join(', ')}: if that is the Okta directory's group, every synced person has access.`,
        at,
      };
      return { steps, findings };
    }
    if (page.complete !== true) {
      steps['access-product-access'] = {
        status: 'unknown',
        evidence: `Product access showed only part of its lists; ${names} ${without.length === 1 ? 'was' : 'were'} not on the part seen.`,
        at,
      };
      return { steps, findings };
    }
    findings.push({
      code: 'product-access-missing',
      severity: 'problem',
      step: 'access-product-access',
      title: `${count(without.length, 'pushed group')} without product access`,
      explanation: `${names} ${without.length === 1 ? 'is' : 'are'} pushed from Okta but ${without.length === 1 ? 'is' : 'are'} on no product's list on this site's Product access page. ${without.length === 1 ? 'Its' : 'Their'} members get Atlassian accounts but cannot use ${page.products.map((p) => p.name).join(' or ') || 'any product'} here.`,
      fix: `On Product access choose Add group under each product ${without.length === 1 ? 'the group' : 'these groups'} should use, and pick ${without.length === 1 ? 'it' : 'them'}. If ${without.length === 1 ? 'it is' : 'they are'} meant for another site, open that site's Product access page instead.`,
    });
    return { findings };
  },
};
