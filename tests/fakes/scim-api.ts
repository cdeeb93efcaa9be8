/**
 * A stand-in for the background's way out to api.atlassian.com, for unit and component tests. By default
 * the optional permission is not granted and nothing is sent; `respond` answers requests when it is.
 */
import type { BackgroundDeps } from '../../utils/background/handlers';
import type { GroupLookupProgress } from '../../utils/observations';

export interface FakeScimApi {
  deps: BackgroundDeps['scimApi'];
  requests: { url: string; init: RequestInit }[];
  progress: GroupLookupProgress[];
  /** Every wait the background asked for, in ms (nothing really waits). */
  sleeps: number[];
  grant(): void;
}

export function fakeScimApi(
  respond: (url: string, init: RequestInit) => Response | Promise<Response> = () => {
    throw new TypeError('Failed to fetch');
  },
  options: { granted?: boolean; grantOnRequest?: boolean } = {},
): FakeScimApi {
  let granted = options.granted ?? false;
  const requests: FakeScimApi['requests'] = [];
  const progress: GroupLookupProgress[] = [];
  const sleeps: number[] = [];
  return {
    requests,
    progress,
    sleeps,
    grant: () => {
      granted = true;
    },
    deps: {
      fetch: async (url, init) => {
        requests.push({ url, init });
        if (init.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
        return respond(url, init);
      },
      hasApiPermission: async () => granted,
      requestApiPermission: async () => {
        if (options.grantOnRequest) granted = true;
        return granted;
      },
      // No real waiting in tests; a cancelled wait rejects like the real one.
      sleep: async (ms, signal) => {
        sleeps.push(ms);
        await Promise.resolve();
        if (signal.aborted) throw new DOMException('Cancelled', 'AbortError');
      },
      setProgress: async (p) => {
        progress.push(p);
      },
    },
  };
}
