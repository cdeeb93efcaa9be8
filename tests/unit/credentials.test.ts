import { describe, expect, it } from 'vitest';
import { maskKey, validateApiKey, validateCredentials, validateScimUrl } from '../../utils/credentials';

const ID = '5f3c2b1a-9d8e-4f7a-b6c5-1234567890ab';
const URL_OK = `https://api.atlassian.com/scim/directory/${ID}`;
const KEY = `ATCTT3xFfGN0${'a1B2c3D4e5'.repeat(17)}=0A1B2C3D`;

describe('SCIM base URL validation', () => {
  it.each([
    ['the URL Atlassian shows', URL_OK, URL_OK],
    ['a trailing slash, removed', `${URL_OK}/`, URL_OK],
    ['a newline pasted at the end', `${URL_OK}\n`, URL_OK],
    ['spaces around it', `  ${URL_OK}  `, URL_OK],
    ['zero-width characters from a rich-text copy', `\u200B${URL_OK}\uFEFF`, URL_OK],
    ['an upper-case host', URL_OK.replace('api.atlassian.com', 'API.Atlassian.com'), URL_OK],
  ])('accepts %s', (_name, input, expected) => {
    expect(validateScimUrl(input)).toMatchObject({ ok: true, value: expected });
  });

  it('says that a trailing slash was removed', () => {
    expect(validateScimUrl(`${URL_OK}/`)).toMatchObject({ notes: [{ code: 'scim-url-trimmed' }] });
  });

  it.each([
    ['/scim/v2 added', `${URL_OK}/scim/v2`, /Remove "\/scim\/v2"/],
    ['/v2 added', `${URL_OK}/v2`, /Okta adds the SCIM paths itself/],
    ['another path added', `${URL_OK}/Users`, /Remove "\/Users"/],
    ['http', URL_OK.replace('https', 'http'), /must start with https/],
    [
      'another host',
      URL_OK.replace('api.atlassian.com', 'api.atlassian.com.evil.io'),
      /must be on api\.atlassian\.com/,
    ],
    ['the admin host', URL_OK.replace('api.', 'admin.'), /not admin\.atlassian\.com/],
    [
      'an upper-case directory id',
      URL_OK.toUpperCase().replace(
        'HTTPS://API.ATLASSIAN.COM/SCIM/DIRECTORY',
        'https://api.atlassian.com/scim/directory',
      ),
      /lower case/,
    ],
    ['a cut-off directory id', URL_OK.slice(0, -4), /not complete/],
    ['whitespace inside', URL_OK.replace('directory/', 'directory/ '), /spaces or line breaks/],
    ['a query string', `${URL_OK}?x=1`, /no \? or #/],
    ['a port', URL_OK.replace('.com/', '.com:8443/'), /api\.atlassian\.com:8443/],
    ['credentials in the URL', URL_OK.replace('https://', 'https://u:p@'), /must be on api\.atlassian\.com/],
    ['not a URL', 'api.atlassian.com/scim', /not a URL/],
    ['empty', '', /Enter the SCIM base URL/],
    ['only whitespace', ' \n\t', /Enter the SCIM base URL/],
    ['not a string', 42, /Enter the SCIM base URL/],
    ['a 1 MB string', `${URL_OK}${'a'.repeat(1_000_000)}`, /far too long/],
  ])('refuses %s with a clear message', (_name, input, message) => {
    const result = validateScimUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe('scim-url-invalid');
      expect(result.error).toMatch(message);
    }
  });
});

describe('API key validation', () => {
  it.each([
    ['a key as Atlassian shows it', KEY],
    ['a newline pasted at the end', `${KEY}\r\n`],
    ['zero-width characters', `${KEY.slice(0, 10)}\u200B${KEY.slice(10)}`],
  ])('accepts %s', (_name, input) => {
    expect(validateApiKey(input)).toMatchObject({ ok: true, value: KEY, notes: [] });
  });

  it('warns, without refusing, about what looks like a personal API token', () => {
    const result = validateApiKey(`ATATT3xFfGF0${'x'.repeat(150)}`);
    expect(result).toMatchObject({ ok: true, notes: [{ code: 'scim-key-personal-token' }] });
  });

  it.each([
    ['empty', '', /Enter the API key/],
    ['whitespace inside', `${KEY.slice(0, 20)} ${KEY.slice(20)}`, /spaces or line breaks/],
    ['a line break inside', `${KEY.slice(0, 20)}\n${KEY.slice(20)}`, /spaces or line breaks/],
    ['too short', 'ATCTT3xFfGN0abc', /too short .*15 characters/],
    ['too long', 'A'.repeat(2000), /too long/],
    ['a 1 MB string', 'A'.repeat(1_000_000), /far too long/],
    ['non-ASCII characters', `${KEY}é`, /characters Atlassian keys do not use/],
    ['not a string', { key: KEY }, /Enter the API key/],
  ])('refuses %s with a clear message', (_name, input, message) => {
    const result = validateApiKey(input);
    expect(result).toMatchObject({ ok: false, code: 'scim-key-invalid' });
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('never quotes the key in a message', () => {
    const bad = `${KEY.slice(0, 40)} ${KEY.slice(40)}`;
    const result = validateApiKey(bad);
    expect(result.ok || result.error).not.toContain(KEY.slice(0, 40));
  });
});

describe('both values', () => {
  it('checks the URL first and returns both cleaned', () => {
    expect(validateCredentials({ baseUrl: `${URL_OK}/`, apiKey: `${KEY}\n` })).toMatchObject({
      ok: true,
      value: { baseUrl: URL_OK, apiKey: KEY },
    });
    expect(validateCredentials({ baseUrl: 'x', apiKey: '' })).toMatchObject({ ok: false, code: 'scim-url-invalid' });
  });

  it('shows a key as its last four characters', () => {
    expect(maskKey(KEY)).toBe('…2C3D');
  });
});
