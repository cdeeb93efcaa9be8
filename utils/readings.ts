/**
 * The shape of every reading a content script may report, checked by the background before it is
 * stored ("a message of the wrong shape changes nothing"). One schema per reading kind.
 */
import type { Reading } from './observations';

type FieldRule = readonly (string | boolean)[] | 'count' | 'text';
type Schema = { required: Record<string, FieldRule>; optional?: Record<string, FieldRule> };

const MAYBE_BOOL = [true, false, 'unknown'] as const;

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
  'atlassian-directory': {
    required: { provisioning: ['set-up', 'not-set-up', 'unknown'], unsyncedGroups: 'count' },
  },
};

/** Which site may report which reading. */
export const READING_SITE: Record<Reading['kind'], 'okta' | 'atlassian'> = {
  'okta-integration': 'okta',
  'atlassian-directory': 'atlassian',
};

function fits(rule: FieldRule, value: unknown): boolean {
  if (rule === 'count')
    return value === 'unknown' || (Number.isInteger(value) && (value as number) >= 0 && (value as number) < 1e6);
  if (rule === 'text') return typeof value === 'string' && value.length <= 300;
  return rule.includes(value as string | boolean);
}

export function isReading(value: unknown): value is Reading {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  const schema = READING_SCHEMAS[v.kind as Reading['kind']];
  if (!schema || !Object.hasOwn(READING_SCHEMAS, v.kind as string)) return false;
  const allowed = new Set(['kind', ...Object.keys(schema.required), ...Object.keys(schema.optional ?? {})]);
  if (Object.keys(v).some((k) => !allowed.has(k))) return false;
  if (Object.entries(schema.required).some(([k, rule]) => !fits(rule, v[k]))) return false;
  return Object.entries(schema.optional ?? {}).every(([k, rule]) => v[k] === undefined || fits(rule, v[k]));
}
