import { describe, expect, it } from 'vitest';
import { READERS, readPageReadings } from '../../../utils/readers';
import { isReading, READING_SCHEMAS, READING_SITE } from '../../../utils/readings';
import { loadSnapshot, SNAPSHOT_NAMES } from './snapshots';

const group = (i: number) => ({ name: `team-${i}`, id: `00g${i}`, status: 'active' });

describe('the Okta tab readings', () => {
  it('are registered with a schema, a site and the pages they run on', () => {
    for (const kind of [
      'okta-to-app',
      'okta-sign-on',
      'okta-push-groups',
      'okta-assigned-groups',
      'okta-assigned-people',
    ] as const) {
      expect(READING_SCHEMAS[kind], kind).toBeDefined();
      expect(READING_SITE[kind]).toBe('okta');
      expect(READERS.find((r) => r.id === kind)?.pages.length, kind).toBeGreaterThan(0);
    }
  });

  it("pass the background's shape check for everything read from every snapshot", () => {
    let read = 0;
    for (const name of SNAPSHOT_NAMES) {
      const doc = loadSnapshot(name);
      for (const r of READERS) {
        const reading = r.read(doc);
        if (!reading) continue;
        read++;
        expect(isReading(reading), `${name} ${r.id}: ${JSON.stringify(reading)}`).toBe(true);
        // What the content script sends is JSON: the shape must survive the trip.
        expect(isReading(JSON.parse(JSON.stringify(reading)))).toBe(true);
      }
    }
    expect(read).toBeGreaterThanOrEqual(SNAPSHOT_NAMES.length);
  }, 60_000);

  it('run per page: both Assignments readers on Assignments, To App on the bare Provisioning hash', () => {
    const people = loadSnapshot('assignments-individual-assignment-people');
    expect(readPageReadings('okta-app-assignments', people).map((r) => r.kind)).toEqual(['okta-assigned-people']);
    expect(readPageReadings('okta-app-provisioning', loadSnapshot('to-app-configured')).map((r) => r.kind)).toEqual([
      'okta-to-app',
    ]);
    expect(readPageReadings('okta-app-provisioning', loadSnapshot('provisioning-fresh')).map((r) => r.kind)).toEqual([
      'okta-integration',
    ]);
  });

  it('accept lists up to 20,000 records of the right shape, and nothing else', () => {
    const push = (groups: unknown[], extra: object = {}) => ({
      kind: 'okta-push-groups',
      enabled: true,
      groups,
      complete: true,
      ...extra,
    });
    expect(isReading(push(Array.from({ length: 20_000 }, (_, i) => group(i))))).toBe(true);
    expect(isReading(push(Array.from({ length: 20_001 }, (_, i) => group(i))))).toBe(false);
    expect(isReading(push([{ ...group(1), html: '<tr>' }]))).toBe(false);
    expect(isReading(push([{ ...group(1), status: 'fine' }]))).toBe(false);
    expect(isReading(push([{ ...group(1), name: 'x'.repeat(301) }]))).toBe(false);
    expect(isReading(push([{ status: 'active' }]))).toBe(false);
    expect(isReading(push(['team-1']))).toBe(false);
    expect(isReading(push('unknown' as never))).toBe(false);
    expect(isReading(push([], { complete: 'maybe' }))).toBe(false);
    expect(
      isReading({ kind: 'okta-assigned-people', individuals: [{ name: 'Dana', id: '00u1' }], complete: 'unknown' }),
    ).toBe(true);
    expect(
      isReading({ kind: 'okta-assigned-people', individuals: [{ name: 'Dana', email: 'd@x' }], complete: true }),
    ).toBe(false);
    expect(
      isReading({ kind: 'okta-sign-on', mode: 'read', usernameFormat: 'email', updateOn: 'create-only', secret: 1 }),
    ).toBe(false);
  });
});
