/**
 * The shape of every reading a content script may report, checked by the background before it is
 * stored ("a message of the wrong shape changes nothing"). One schema per reading kind.
 */
import type { Reading } from './observations';

/** A list of records, each of the given shape, at most `max` long (a 2,000-group Push Groups table fits). */
type ListRule = { list: Schema; max: number };
type FieldRule = readonly (string | boolean)[] | 'count' | 'text' | ListRule;
type Schema = { required: Record<string, FieldRule>; optional?: Record<string, FieldRule> };

const MAYBE_BOOL = [true, false, 'unknown'] as const;
export const LIST_MAX = 20_000;
const ASSIGNED_ENTRY: Schema = { required: { name: 'text' }, optional: { id: 'text' } };

export const READING_SCHEMAS: Record<Reading['kind'], Schema> = {
  'okta-integration': {
    required: {
      mode: ['not-configured', 'read', 'edit', 'unknown'],
      apiEnabled: MAYBE_BOOL,
      baseUrl: ['empty', 'valid', 'invalid', 'unknown'],
      apiToken: ['empty', 'filled', 'unknown'],
      test: ['passed', 'forbidden', 'failed', 'none', 'unknown'],
    },
    optional: { testMessage: 'text' },
  },
  'okta-to-app': {
    required: {
      mode: ['read', 'edit', 'unknown'],
      createUsers: MAYBE_BOOL,
      updateAttributes: MAYBE_BOOL,
      deactivateUsers: MAYBE_BOOL,
      syncPassword: MAYBE_BOOL,
      primaryEmail: 'text',
    },
  },
  'okta-sign-on': {
    required: {
      mode: ['read', 'edit', 'unknown'],
      usernameFormat: ['login', 'login-prefix', 'email', 'email-prefix', 'custom', 'none', 'other', 'unknown'],
      updateOn: ['create-and-update', 'create-only', 'unknown'],
    },
    optional: { customExpression: 'text' },
  },
  'okta-push-groups': {
    required: {
      enabled: MAYBE_BOOL,
      groups: {
        list: {
          required: { name: 'text', status: ['active', 'inactive', 'error', 'pushing', 'unknown'] },
          optional: { id: 'text', target: 'text', error: 'text', lastPush: 'text' },
        },
        max: LIST_MAX,
      },
      complete: MAYBE_BOOL,
    },
  },
  'okta-assigned-groups': {
    required: { groups: { list: ASSIGNED_ENTRY, max: LIST_MAX }, complete: MAYBE_BOOL },
  },
  'okta-assigned-people': {
    required: { individuals: { list: ASSIGNED_ENTRY, max: LIST_MAX }, complete: MAYBE_BOOL },
  },
  'atlassian-directory': {
    required: { provisioning: ['set-up', 'not-set-up', 'unknown'], unsyncedGroups: 'count' },
    optional: { reviewGroups: { list: { required: { name: 'text' } }, max: 1000 } },
  },
  'atlassian-product-access': {
    required: {
      products: {
        list: {
          required: {
            name: 'text',
            groups: {
              list: { required: { name: 'text' }, optional: { role: 'text', default: [true] } },
              max: LIST_MAX,
            },
          },
        },
        max: 100,
      },
      complete: MAYBE_BOOL,
    },
  },
};

/** Which site may report which reading. */
export const READING_SITE: Record<Reading['kind'], 'okta' | 'atlassian'> = {
  'okta-integration': 'okta',
  'okta-to-app': 'okta',
  'okta-sign-on': 'okta',
  'okta-push-groups': 'okta',
  'okta-assigned-groups': 'okta',
  'okta-assigned-people': 'okta',
  'atlassian-directory': 'atlassian',
  'atlassian-product-access': 'atlassian',
};

function fits(rule: FieldRule, value: unknown): boolean {
  if (rule === 'count')
    return value === 'unknown' || (Number.isInteger(value) && (value as number) >= 0 && (value as number) < 1e6);
  if (rule === 'text') return typeof value === 'string' && value.length <= 300;
  if ('list' in rule)
    return Array.isArray(value) && value.length <= rule.max && value.every((item) => fitsSchema(rule.list, item, []));
  return rule.includes(value as string | boolean);
}

/** Exactly the schema's keys (plus `extra`), each value within its rule. */
function fitsSchema(schema: Schema, value: unknown, extra: readonly string[]): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  const allowed = new Set([...extra, ...Object.keys(schema.required), ...Object.keys(schema.optional ?? {})]);
  if (Object.keys(v).some((k) => !allowed.has(k))) return false;
  if (Object.entries(schema.required).some(([k, rule]) => !fits(rule, v[k]))) return false;
  return Object.entries(schema.optional ?? {}).every(([k, rule]) => v[k] === undefined || fits(rule, v[k]));
}

export function isReading(value: unknown): value is Reading {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const kind = (value as Record<string, unknown>).kind;
  if (typeof kind !== 'string' || !Object.hasOwn(READING_SCHEMAS, kind)) return false;
  return fitsSchema(READING_SCHEMAS[kind as Reading['kind']], value, ['kind']);
}
