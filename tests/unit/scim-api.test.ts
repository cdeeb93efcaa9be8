import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETRY_SECONDS,
  describeVerify,
  groupLookupUrl,
  type HttpAnswer,
  interpretGroupLookup,
  interpretUsersProbe,
  MAX_RETRY_SECONDS,
  retryAfterSeconds,
  usersProbeUrl,
  type VerifyOutcome,
} from '../../utils/scim-api';

const BASE = 'https://api.atlassian.com/scim/directory/5f3c2b1a-9d8e-4f7a-b6c5-1234567890ab';
const NOW = Date.parse('2026-11-28T12:00:00Z');
const answer = (status: number, body: unknown, retryAfter: string | null = null): HttpAnswer => ({
  kind: 'response',
  status,
  retryAfter,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const list = (resources: unknown[], total = resources.length) => ({
  schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
  totalResults: total,
  startIndex: 1,
  itemsPerPage: resources.length,
  Resources: resources,
});
const ORG_KEY_BODY = {
  error: 'Not authorized to access : scim/directory/5f3c2b1a-9d8e-4f7a-b6c5-1234567890ab/Users',
  status: 401,
};

describe('the users probe', () => {
  it('builds GET {base}/Users?startIndex=1&count=1, with or without a trailing slash', () => {
    expect(usersProbeUrl(BASE)).toBe(`${BASE}/Users?startIndex=1&count=1`);
    expect(usersProbeUrl(`${BASE}/`)).toBe(`${BASE}/Users?startIndex=1&count=1`);
  });

  const cases: Array<[string, HttpAnswer, VerifyOutcome]> = [
    [
      '200 with a ListResponse: valid, with the user count',
      answer(200, list([{ id: 'u1' }], 42)),
      { result: 'valid', userCount: 42 },
    ],
    ['200 with an empty directory', answer(200, list([], 0)), { result: 'valid', userCount: 0 }],
    [
      '401 with a plain body: a bad or regenerated key',
      answer(401, { code: 401, message: 'Unauthorized' }),
      { result: 'rejected', reason: 'invalid-key', status: 401 },
    ],
    [
      '401 "Not authorized to access": an organization key',
      answer(401, ORG_KEY_BODY),
      { result: 'rejected', reason: 'wrong-key-type', status: 401 },
    ],
    [
      '403 "Not authorized to access"',
      answer(403, ORG_KEY_BODY),
      { result: 'rejected', reason: 'wrong-key-type', status: 403 },
    ],
    ['403 with an empty body', answer(403, ''), { result: 'rejected', reason: 'invalid-key', status: 403 }],
    ['404: no such directory', answer(404, { code: 404, message: 'Not found' }), { result: 'directory-not-found' }],
    ['429 with Retry-After seconds', answer(429, '', '12'), { result: 'rate-limited', retryAfterSeconds: 12 }],
    ['429 without Retry-After', answer(429, ''), { result: 'rate-limited', retryAfterSeconds: DEFAULT_RETRY_SECONDS }],
    ['503', answer(503, '<html>down</html>'), { result: 'unavailable', status: 503 }],
    ['a network error', { kind: 'network-error' }, { result: 'unreachable', timedOut: false }],
    ['a timeout', { kind: 'timeout' }, { result: 'unreachable', timedOut: true }],
    [
      '200 with HTML (a captive portal)',
      answer(200, '<html>Sign in to Wi-Fi</html>'),
      { result: 'unexpected', status: 200, detail: 'The answer was not a SCIM list.' },
    ],
    [
      '200 with JSON that is no list',
      answer(200, { hello: 'world' }),
      { result: 'unexpected', status: 200, detail: 'The answer was not a SCIM list.' },
    ],
    [
      '200 with a negative total',
      answer(200, { ...list([]), totalResults: -1 }),
      { result: 'unexpected', status: 200, detail: 'The answer was not a SCIM list.' },
    ],
    [
      '200 with another SCIM message',
      answer(200, { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], totalResults: 1 }),
      { result: 'unexpected', status: 200, detail: 'The answer was not a SCIM list.' },
    ],
    ['a redirect status', answer(302, ''), { result: 'unexpected', status: 302, detail: 'HTTP 302' }],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(interpretUsersProbe(input, NOW)).toEqual(expected);
  });

  it('reads Retry-After as an HTTP date, and bounds what it reads', () => {
    expect(retryAfterSeconds(new Date(NOW + 90_000).toUTCString(), NOW)).toBe(90);
    expect(retryAfterSeconds(new Date(NOW - 90_000).toUTCString(), NOW)).toBe(1);
    expect(retryAfterSeconds('99999', NOW)).toBe(MAX_RETRY_SECONDS);
    expect(retryAfterSeconds('soon', NOW)).toBe(DEFAULT_RETRY_SECONDS);
    expect(retryAfterSeconds(' 5 ', NOW)).toBe(5);
  });

  it('says something for every outcome, without the URL', () => {
    for (const [, input] of cases) {
      const { text } = describeVerify(interpretUsersProbe(input, NOW));
      expect(text.length).toBeGreaterThan(20);
      expect(text).not.toContain('5f3c2b1a');
    }
    expect(describeVerify({ result: 'rejected', reason: 'wrong-key-type', status: 401 }).text).toMatch(
      /organization API key/,
    );
    expect(describeVerify({ result: 'rejected', reason: 'invalid-key', status: 401 }).text).toMatch(/regenerated/);
    expect(describeVerify({ result: 'valid', userCount: 1 }).text).toMatch(/1 user\b/);
  });
});

describe('the group lookup', () => {
  it('escapes quotes and backslashes inside the filter string, then URL-encodes it', () => {
    const url = new URL(groupLookupUrl(BASE, 'R&D "core" \\ team'));
    expect(url.pathname).toBe('/scim/directory/5f3c2b1a-9d8e-4f7a-b6c5-1234567890ab/Groups');
    expect(url.searchParams.get('filter')).toBe('displayName eq "R&D \\"core\\" \\\\ team"');
    expect(url.searchParams.get('count')).toBe('1');
  });

  it('finds the group only when the name matches exactly, and counts its members', () => {
    const group = { id: 'g1', displayName: 'atlassian-jira', members: [{ value: 'u1' }, { value: 'u2' }] };
    expect(interpretGroupLookup(answer(200, list([group])), 'atlassian-jira', NOW)).toEqual({
      result: 'found',
      id: 'g1',
      members: 2,
    });
    expect(interpretGroupLookup(answer(200, list([])), 'atlassian-jira', NOW)).toEqual({ result: 'missing' });
    // A server that ignored the filter and listed other groups has not found this one.
    expect(interpretGroupLookup(answer(200, list([group])), 'atlassian-confluence', NOW)).toEqual({
      result: 'missing',
    });
    expect(interpretGroupLookup(answer(200, list([{ displayName: 'atlassian-jira' }])), 'atlassian-jira', NOW)).toEqual(
      { result: 'found', members: 'unknown' },
    );
  });

  it('shares the refusal, throttling and failure outcomes', () => {
    expect(interpretGroupLookup(answer(401, ORG_KEY_BODY), 'x', NOW)).toMatchObject({ result: 'rejected' });
    expect(interpretGroupLookup(answer(429, '', '3'), 'x', NOW)).toEqual({
      result: 'rate-limited',
      retryAfterSeconds: 3,
    });
    expect(interpretGroupLookup({ kind: 'network-error' }, 'x', NOW)).toMatchObject({ result: 'unreachable' });
    expect(interpretGroupLookup(answer(200, 'nope'), 'x', NOW)).toMatchObject({ result: 'unexpected' });
  });
});
