/**
 * Validation of the SCIM base URL and API key, for capture and manual entry alike. Bad input gets a
 * message a person can act on and nothing is stored. Messages never quote the key.
 * Facts: ../shared/pages/atlassian-admin.md "The two values".
 */

export interface ScimCredentials {
  baseUrl: string;
  apiKey: string;
}

export type Validation<T> =
  | { ok: true; value: T; notes: CredentialNote[] }
  | { ok: false; code: 'scim-url-invalid' | 'scim-key-invalid'; error: string };

export interface CredentialNote {
  code: 'scim-key-personal-token' | 'scim-url-trimmed';
  message: string;
}

const DIRECTORY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Far beyond any real value; anything longer is refused before it is looked at. */
const MAX_INPUT = 4096;
/** Zero-width and BOM characters that ride along with copy and paste. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
const EDGE_WHITESPACE = /^\s+|\s+$/g;

function clean(raw: string): string {
  return raw.replace(INVISIBLE, '').replace(EDGE_WHITESPACE, '');
}

export function validateScimUrl(raw: unknown): Validation<string> {
  const fail = (error: string) => ({ ok: false as const, code: 'scim-url-invalid' as const, error });
  if (typeof raw !== 'string' || clean(raw) === '') return fail('Enter the SCIM base URL shown by Atlassian.');
  if (raw.length > MAX_INPUT) return fail('That is far too long to be a SCIM base URL. Copy it again from Atlassian.');
  const text = clean(raw);
  if (/\s/.test(text))
    return fail('The SCIM base URL cannot contain spaces or line breaks. Copy it again from Atlassian.');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail('That is not a URL. It should look like https://api.atlassian.com/scim/directory/… .');
  }
  if (url.protocol !== 'https:') return fail('The SCIM base URL must start with https://.');
  if (url.host !== 'api.atlassian.com' || url.username || url.password) {
    return fail(`The SCIM base URL must be on api.atlassian.com, not ${url.host || 'an empty host'}.`);
  }
  if (url.search || url.hash) return fail('The SCIM base URL has no ? or # part. Copy it again from Atlassian.');
  const match = /^\/scim\/directory\/([^/]+)(\/.*)?$/.exec(url.pathname);
  if (!match)
    return fail('The SCIM base URL must be https://api.atlassian.com/scim/directory/ followed by the directory id.');
  const [, id = '', rest = ''] = match;
  if (!DIRECTORY_ID.test(id)) {
    return fail(
      /^[0-9A-Fa-f-]{36}$/.test(id)
        ? 'The directory id must be in lower case, exactly as Atlassian shows it.'
        : 'The directory id at the end of the SCIM base URL is not complete. Copy it again from Atlassian.',
    );
  }
  const notes: CredentialNote[] = [];
  if (rest && rest !== '/') {
    const scimPath = /^\/(scim\/)?v2\/?$/i.test(rest);
    return fail(
      scimPath
        ? `Remove "${rest}" from the end: Okta adds the SCIM paths itself, and Atlassian's base URL stops at the directory id.`
        : `Remove "${rest}" from the end: the base URL stops at the directory id.`,
    );
  }
  if (rest === '/') notes.push({ code: 'scim-url-trimmed', message: 'The trailing slash was removed.' });
  return { ok: true, value: `https://api.atlassian.com/scim/directory/${id}`, notes };
}

/** Plausible bounds: Atlassian keys seen in public are ~190 characters; the format is not documented (L). */
export const API_KEY_MIN = 32;
export const API_KEY_MAX = 1024;

export function validateApiKey(raw: unknown): Validation<string> {
  const fail = (error: string) => ({ ok: false as const, code: 'scim-key-invalid' as const, error });
  if (typeof raw !== 'string' || clean(raw) === '') return fail('Enter the API key shown by Atlassian.');
  if (raw.length > MAX_INPUT) return fail('That is far too long to be an API key. Copy it again from Atlassian.');
  const key = clean(raw);
  if (/\s/.test(key))
    return fail('The API key cannot contain spaces or line breaks inside it. Copy it again from Atlassian.');
  if (key.length < API_KEY_MIN)
    return fail(`That is too short for an Atlassian API key (${key.length} characters). Copy the whole key.`);
  if (key.length > API_KEY_MAX) return fail('That is too long for an Atlassian API key. Copy it again from Atlassian.');
  if (!/^[\x21-\x7E]+$/.test(key))
    return fail('The API key contains characters Atlassian keys do not use. Copy it again from Atlassian.');
  const notes: CredentialNote[] = [];
  if (key.startsWith('ATATT')) {
    notes.push({
      code: 'scim-key-personal-token',
      message:
        'This looks like a personal API token, not the directory\'s SCIM API key. Okta will be refused with it. Use the key from "Set up user provisioning".',
    });
  }
  return { ok: true, value: key, notes };
}

export function validateCredentials(raw: { baseUrl: unknown; apiKey: unknown }): Validation<ScimCredentials> {
  const url = validateScimUrl(raw.baseUrl);
  if (!url.ok) return url;
  const key = validateApiKey(raw.apiKey);
  if (!key.ok) return key;
  return { ok: true, value: { baseUrl: url.value, apiKey: key.value }, notes: [...url.notes, ...key.notes] };
}

/** How a key may be shown anywhere: "…last 4". */
export function maskKey(key: string): string {
  return `…${key.slice(-4)}`;
}
