/**
 * The Atlassian SCIM API as this extension uses it: two read-only requests, and what their answers mean.
 * Pure (no fetch here): the background sends, these functions build the URLs and read the answers.
 * Facts: ../shared/pages/atlassian-admin.md "The SCIM 2.0 API" — a single `eq` filter on `displayName`,
 * 1-based `startIndex`, SCIM-shaped errors, 429 with `Retry-After`, and the "Not authorized to access"
 * body for an organization API key or another directory's key.
 */

/** The host the extension may reach, and only when the admin allowed it (optional host permission). */
export const SCIM_API_ORIGIN = 'https://api.atlassian.com';
export const SCIM_API_MATCH = `${SCIM_API_ORIGIN}/*`;

/** What came back, reduced to what matters: no headers beyond Retry-After, the body as text (capped). */
export type HttpAnswer =
  | { kind: 'response'; status: number; retryAfter: string | null; body: string }
  | { kind: 'network-error' }
  | { kind: 'timeout' };

/** Why a key was refused; the wording differs because the fix differs. */
export type RejectReason =
  /** "Not authorized to access": an organization API key, or the key of another directory. */
  | 'wrong-key-type'
  /** Any other 401/403: regenerated since it was copied, or mistyped. */
  | 'invalid-key';

export type VerifyOutcome =
  | { result: 'valid'; userCount: number | 'unknown' }
  | { result: 'rejected'; reason: RejectReason; status: number }
  | { result: 'directory-not-found' }
  | { result: 'rate-limited'; retryAfterSeconds: number }
  | { result: 'unavailable'; status: number }
  | { result: 'unreachable'; timedOut: boolean }
  | { result: 'unexpected'; status: number; detail: string };

/** Bodies are read only this far: a SCIM list of one user, or an error, is far smaller. */
export const BODY_LIMIT = 64 * 1024;
/** A Retry-After we cannot read, or none, means this long; longer waits are capped (the admin is watching). */
export const DEFAULT_RETRY_SECONDS = 30;
export const MAX_RETRY_SECONDS = 300;

/** Atlassian's answer to an organization API key, or to another directory's key (also inside Okta's message). */
export const ORG_KEY_REFUSAL = /not authori[sz]ed to access/i;

/** `{base}/Users?startIndex=1&count=1`: the cheapest call that proves the URL and key belong together. */
export function usersProbeUrl(baseUrl: string): string {
  return `${trimBase(baseUrl)}/Users?startIndex=1&count=1`;
}

/**
 * `{base}/Groups?filter=displayName eq "<name>"`. Inside the quoted SCIM string a backslash and a double
 * quote are escaped (RFC 7644 §3.4.2.2 uses JSON string rules); the whole filter is then URL-encoded.
 */
export function groupLookupUrl(baseUrl: string, displayName: string): string {
  const literal = displayName.replace(/[\\"]/g, (c) => `\\${c}`);
  const filter = `displayName eq "${literal}"`;
  return `${trimBase(baseUrl)}/Groups?filter=${encodeURIComponent(filter)}&startIndex=1&count=1`;
}

function trimBase(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

/**
 * Seconds to wait, from a Retry-After header: delta-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Missing or unreadable → the default; never negative; capped.
 */
export function retryAfterSeconds(header: string | null, now: number): number {
  const value = header?.trim() ?? '';
  let seconds: number;
  if (/^\d+$/.test(value)) seconds = Number(value);
  else {
    const date = value ? Date.parse(value) : Number.NaN;
    seconds = Number.isNaN(date) ? DEFAULT_RETRY_SECONDS : Math.ceil((date - now) / 1000);
  }
  return Math.min(MAX_RETRY_SECONDS, Math.max(1, seconds));
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A SCIM ListResponse: `totalResults` a whole number and `Resources` (when present) an array. */
function listResponse(body: string): { totalResults: number; resources: unknown[] } | undefined {
  const json = parseJson(body);
  if (!isRecord(json)) return undefined;
  const total = json.totalResults;
  if (!Number.isInteger(total) || (total as number) < 0) return undefined;
  const resources = json.Resources ?? [];
  if (!Array.isArray(resources)) return undefined;
  const schemas = json.schemas;
  if (Array.isArray(schemas) && !schemas.some((s) => typeof s === 'string' && /ListResponse$/.test(s)))
    return undefined;
  return { totalResults: total as number, resources };
}

/** The answers every request shares: refusals, missing directory, throttling, outages, no answer. */
function commonOutcome(answer: HttpAnswer, now: number): Exclude<VerifyOutcome, { result: 'valid' }> | undefined {
  if (answer.kind === 'network-error') return { result: 'unreachable', timedOut: false };
  if (answer.kind === 'timeout') return { result: 'unreachable', timedOut: true };
  const { status, body } = answer;
  if (status === 401 || status === 403) {
    return { result: 'rejected', reason: ORG_KEY_REFUSAL.test(body) ? 'wrong-key-type' : 'invalid-key', status };
  }
  if (status === 404) return { result: 'directory-not-found' };
  if (status === 429) return { result: 'rate-limited', retryAfterSeconds: retryAfterSeconds(answer.retryAfter, now) };
  if (status >= 500) return { result: 'unavailable', status };
  if (status !== 200) return { result: 'unexpected', status, detail: `HTTP ${status}` };
  return undefined;
}

/** What `GET {base}/Users?startIndex=1&count=1` says about the URL and key. */
export function interpretUsersProbe(answer: HttpAnswer, now: number): VerifyOutcome {
  const common = commonOutcome(answer, now);
  if (common) return common;
  const list = listResponse((answer as Extract<HttpAnswer, { kind: 'response' }>).body);
  if (!list) return { result: 'unexpected', status: 200, detail: 'The answer was not a SCIM list.' };
  return { result: 'valid', userCount: list.totalResults };
}

export type GroupLookup =
  | { result: 'found'; id?: string; members: number | 'unknown' }
  | { result: 'missing' }
  | Exclude<VerifyOutcome, { result: 'valid' }>;

/**
 * What `GET {base}/Groups?filter=displayName eq "…"` says about one group. A match must carry the exact
 * name asked for (a server that ignores the filter would otherwise "find" every group).
 */
export function interpretGroupLookup(answer: HttpAnswer, displayName: string, now: number): GroupLookup {
  const common = commonOutcome(answer, now);
  if (common) return common;
  const list = listResponse((answer as Extract<HttpAnswer, { kind: 'response' }>).body);
  if (!list) return { result: 'unexpected', status: 200, detail: 'The answer was not a SCIM list.' };
  const match = list.resources.find((r) => isRecord(r) && r.displayName === displayName);
  if (!isRecord(match)) return { result: 'missing' };
  const members = Array.isArray(match.members) ? match.members.length : 'unknown';
  return { result: 'found', ...(typeof match.id === 'string' ? { id: match.id } : {}), members };
}

/** One sentence per outcome, for the surfaces; never the key, never the full URL. */
export function describeVerify(outcome: VerifyOutcome): { tone: 'ok' | 'warning' | 'problem'; text: string } {
  switch (outcome.result) {
    case 'valid':
      return {
        tone: 'ok',
        text:
          outcome.userCount === 'unknown'
            ? 'Atlassian accepted the key for this directory.'
            : `Atlassian accepted the key. The directory holds ${outcome.userCount} ${outcome.userCount === 1 ? 'user' : 'users'} so far.`,
      };
    case 'rejected':
      return outcome.reason === 'wrong-key-type'
        ? {
            tone: 'problem',
            text: 'Atlassian says this key may not use this directory: it is an organization API key (Settings › API keys) or belongs to another directory. Use the API key shown when user provisioning was set up for this directory.',
          }
        : {
            tone: 'problem',
            text: 'Atlassian refused the key. It was probably regenerated after it was copied (the old key stops working at once) or it was copied incompletely. Take the current key from the directory page.',
          };
    case 'directory-not-found':
      return {
        tone: 'problem',
        text: 'Atlassian has no directory at this SCIM base URL. Check the directory id in the URL, or copy the URL again from the directory page.',
      };
    case 'rate-limited':
      return {
        tone: 'warning',
        text: `Atlassian asked to slow down. Try again in ${outcome.retryAfterSeconds} s.`,
      };
    case 'unavailable':
      return {
        tone: 'warning',
        text: `Atlassian's API had a problem (HTTP ${outcome.status}). Try again in a minute.`,
      };
    case 'unreachable':
      return {
        tone: 'warning',
        text: outcome.timedOut
          ? 'api.atlassian.com did not answer in time. Check the connection (or a proxy) and try again.'
          : 'api.atlassian.com could not be reached. Check the connection, a proxy or a firewall, and try again.',
      };
    case 'unexpected':
      return {
        tone: 'warning',
        text: `Atlassian answered in a way this extension does not understand (${outcome.detail}). Nothing was concluded.`,
      };
  }
}
