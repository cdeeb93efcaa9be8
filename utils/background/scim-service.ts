/**
 * The background's two calls to the Atlassian SCIM API: verify the held URL and key, and look the groups
 * Okta shows as pushed up in the directory. The key leaves the background only in the Authorization
 * header of these requests, to https://api.atlassian.com and nowhere else (no redirects followed).
 */
import { validateScimUrl } from '../credentials';
import type { GroupLookupEntry, GroupLookupProgress } from '../observations';
import {
  BODY_LIMIT,
  type GroupLookup,
  groupLookupUrl,
  type HttpAnswer,
  interpretGroupLookup,
  interpretUsersProbe,
  SCIM_API_ORIGIN,
  usersProbeUrl,
  type VerifyOutcome,
} from '../scim-api';
import type { VaultService } from './vault-service';

export const REQUEST_TIMEOUT_MS = 15_000;
/** One lookup at a time, this far apart: ~3 requests a second, gentle enough for an unpublished limit. */
export const LOOKUP_PACE_MS = 300;
/** Consecutive 429s on one group before the lookup gives up. */
export const MAX_THROTTLES = 3;
/** A wait is cut into slices this long, each followed by a progress write: it keeps an MV3 worker awake. */
const WAIT_SLICE_MS = 20_000;

export interface ScimDeps {
  vault: VaultService;
  now: () => number;
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** Whether the optional host permission for api.atlassian.com is granted. */
  hasApiPermission: () => Promise<boolean>;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Remember a verification in the active setup (replacing the previous one). */
  recordVerification: (outcome: VerifyOutcome) => Promise<void>;
  /** Remember a (possibly partial) group lookup in the active setup. */
  recordGroups: (groups: GroupLookupEntry[], complete: boolean) => Promise<void>;
  /** Publish the lookup's progress where every surface sees it (no secret in it). */
  setProgress: (progress: GroupLookupProgress) => Promise<void>;
}

export type VerifyResult =
  | { ok: true; outcome: VerifyOutcome }
  | { ok: false; code: 'nothing-held' | 'api-permission-needed' | 'scim-url-invalid'; error: string };

export const NOTHING_HELD =
  'No SCIM base URL and API key are held. Take them on the Atlassian setup page, or enter them in the side panel.';
export const PERMISSION_NEEDED =
  'The extension may not reach api.atlassian.com yet. Choose Verify key in the checklist (side panel) and allow it when the browser asks.';

/** Reads at most BODY_LIMIT characters of a body: an error page is not worth more. */
async function boundedText(response: Response): Promise<string> {
  const text = await response.text();
  return text.length > BODY_LIMIT ? text.slice(0, BODY_LIMIT) : text;
}

export function createScimService(deps: ScimDeps) {
  let running: { controller: AbortController; done: Promise<void> } | undefined;

  /** One GET with the bearer key; every failure is turned into an HttpAnswer, never thrown. */
  async function get(url: string, apiKey: string, outer?: AbortSignal): Promise<HttpAnswer> {
    // Defence in depth: the URL was built from a validated base, but nothing else may receive the key.
    if (!url.startsWith(`${SCIM_API_ORIGIN}/scim/directory/`)) return { kind: 'network-error' };
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
    const abort = () => controller.abort();
    outer?.addEventListener('abort', abort);
    try {
      const response = await deps.fetch(url, {
        method: 'GET',
        headers: { Authorization: `Bearer ${apiKey}`, Accept: 'application/scim+json, application/json' },
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'error',
        referrerPolicy: 'no-referrer',
        signal: controller.signal,
      });
      return {
        kind: 'response',
        status: response.status,
        retryAfter: response.headers.get('Retry-After'),
        body: await boundedText(response),
      };
    } catch {
      if (outer?.aborted) throw new DOMException('Cancelled', 'AbortError');
      return controller.signal.aborted ? { kind: 'timeout' } : { kind: 'network-error' };
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', abort);
    }
  }

  /** The held values, re-validated (the vault validated them on the way in; this is the last gate). */
  async function held(): Promise<
    | { ok: true; baseUrl: string; apiKey: string }
    | { ok: false; code: 'nothing-held' | 'scim-url-invalid'; error: string }
  > {
    const values = await deps.vault.credentials();
    if (!values) return { ok: false, code: 'nothing-held', error: NOTHING_HELD };
    const url = validateScimUrl(values.baseUrl);
    if (!url.ok) return { ok: false, code: 'scim-url-invalid', error: url.error };
    return { ok: true, baseUrl: url.value, apiKey: values.apiKey };
  }

  async function verify(): Promise<VerifyResult> {
    const values = await held();
    if (!values.ok) return values;
    if (!(await deps.hasApiPermission())) return { ok: false, code: 'api-permission-needed', error: PERMISSION_NEEDED };
    const answer = await get(usersProbeUrl(values.baseUrl), values.apiKey);
    const outcome = interpretUsersProbe(answer, deps.now());
    await deps.recordVerification(outcome);
    return { ok: true, outcome };
  }

  /**
   * Look each name up, one at a time, paced; honours 429 Retry-After; stops on a refusal (and records it
   * as the verification, since the key is what failed). Partial results are kept when cancelled.
   */
  async function lookup(names: readonly string[], signal: AbortSignal): Promise<void> {
    const values = await held();
    const startedAt = deps.now();
    const total = names.length;
    const found: GroupLookupEntry[] = [];
    const progress = (p: Partial<GroupLookupProgress>) =>
      deps.setProgress({ state: 'running', done: found.length, total, startedAt, ...p });
    if (!values.ok) {
      await progress({ state: 'stopped', message: values.error, finishedAt: deps.now() });
      return;
    }
    await progress({});
    let throttles = 0;
    let index = 0;
    try {
      while (index < names.length) {
        const name = names[index] as string;
        const answer = await get(groupLookupUrl(values.baseUrl, name), values.apiKey, signal);
        const result: GroupLookup = interpretGroupLookup(answer, name, deps.now());
        if (result.result === 'rate-limited') {
          throttles += 1;
          if (throttles > MAX_THROTTLES) {
            await deps.recordGroups(found, false);
            await progress({
              state: 'stopped',
              message: `Atlassian kept asking to slow down. ${found.length} of ${total} groups were checked; try again later.`,
              finishedAt: deps.now(),
            });
            return;
          }
          const wait = result.retryAfterSeconds * 1000;
          const until = deps.now() + wait;
          for (let left = wait; left > 0; left -= WAIT_SLICE_MS) {
            await progress({ waitingUntil: until });
            await deps.sleep(Math.min(WAIT_SLICE_MS, left), signal);
          }
          continue;
        }
        throttles = 0;
        if (result.result === 'found' || result.result === 'missing') {
          found.push(
            result.result === 'found' ? { name, found: true, members: result.members } : { name, found: false },
          );
          index += 1;
          await progress({});
          if (index < names.length) await deps.sleep(LOOKUP_PACE_MS, signal);
          continue;
        }
        // The key, the directory or the network failed: the remaining groups would fail the same way.
        if (result.result === 'rejected' || result.result === 'directory-not-found')
          await deps.recordVerification(result);
        await deps.recordGroups(found, false);
        await progress({ state: 'stopped', message: stopMessage(result), finishedAt: deps.now() });
        return;
      }
      await deps.recordGroups(found, true);
      await progress({ state: 'done', finishedAt: deps.now() });
    } catch (error) {
      await deps.recordGroups(found, false);
      const cancelled = signal.aborted;
      await progress({
        state: cancelled ? 'cancelled' : 'stopped',
        ...(cancelled ? {} : { message: 'The check stopped on an error. Run it again.' }),
        finishedAt: deps.now(),
      });
      if (!cancelled) throw error;
    }
  }

  return {
    verify,
    /** Starts a lookup unless one is running; answers at once, the progress tells the rest. */
    async startLookup(
      names: readonly string[],
    ): Promise<{ ok: true; total: number } | Extract<VerifyResult, { ok: false }>> {
      const unique = [...new Set(names)];
      if (running) return { ok: true, total: unique.length };
      const values = await held();
      if (!values.ok) return values;
      if (!(await deps.hasApiPermission()))
        return { ok: false, code: 'api-permission-needed', error: PERMISSION_NEEDED };
      const controller = new AbortController();
      const done = lookup(unique, controller.signal)
        .catch(() => undefined)
        .finally(() => {
          running = undefined;
        });
      running = { controller, done };
      return { ok: true, total: unique.length };
    },
    /** Stops a running lookup; what was checked so far is kept. */
    async cancelLookup(): Promise<boolean> {
      if (!running) return false;
      const { controller, done } = running;
      controller.abort();
      await done;
      return true;
    },
  };
}

function stopMessage(result: Exclude<GroupLookup, { result: 'found' | 'missing' | 'rate-limited' }>): string {
  switch (result.result) {
    case 'rejected':
      return 'Atlassian refused the key, so the groups could not be checked. Verify the key first.';
    case 'directory-not-found':
      return 'Atlassian has no directory at this SCIM base URL, so the groups could not be checked.';
    case 'unreachable':
      return 'api.atlassian.com could not be reached; the check stopped. Try again.';
    case 'unavailable':
      return `Atlassian's API had a problem (HTTP ${result.status}); the check stopped. Try again later.`;
    case 'unexpected':
      return `Atlassian answered in a way this extension does not understand (${result.detail}); the check stopped.`;
  }
}

export type ScimService = ReturnType<typeof createScimService>;
