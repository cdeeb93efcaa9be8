import { describe, expect, it } from 'vitest';
import { classifySender } from '../../utils/sender';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXT = `chrome-extension://${ID}`;
const classify = (s: Parameters<typeof classifySender>[0]) => classifySender(s, ID, EXT);
const tab = { id: 7 };

describe('classifySender', () => {
  it('recognises the popup and side panel', () => {
    expect(classify({ id: ID, url: `${EXT}/popup.html`, origin: EXT })).toBe('extension-page');
    expect(classify({ id: ID, url: `${EXT}/sidepanel.html` })).toBe('extension-page');
  });

  it('recognises content scripts in the top frame of the two consoles', () => {
    expect(
      classify({
        id: ID,
        url: 'https://acme-admin.okta.com/admin/apps',
        origin: 'https://acme-admin.okta.com',
        frameId: 0,
        tab,
      }),
    ).toBe('okta-page');
    expect(classify({ id: ID, url: 'https://acme-admin.okta-emea.com/x', frameId: 0, tab })).toBe('okta-page');
    expect(classify({ id: ID, url: 'https://admin.atlassian.com/o/1/overview', frameId: 0, tab })).toBe(
      'atlassian-page',
    );
  });

  it.each([
    ['another extension', { id: 'other', url: `${EXT}/popup.html` }],
    ['no id', { url: `${EXT}/popup.html` }],
    ['a sub-frame', { id: ID, url: 'https://acme-admin.okta.com/admin', frameId: 3, tab }],
    ['no tab', { id: ID, url: 'https://acme-admin.okta.com/admin', frameId: 0 }],
    ['a lookalike host', { id: ID, url: 'https://acme-admin.okta.com.evil.io/admin', frameId: 0, tab }],
    ['the end-user dashboard', { id: ID, url: 'https://acme.okta.com/app/UserHome', frameId: 0, tab }],
    ['plain http', { id: ID, url: 'http://acme-admin.okta.com/admin', frameId: 0, tab }],
    ['an odd port', { id: ID, url: 'https://admin.atlassian.com:444/', frameId: 0, tab }],
    [
      'an origin that contradicts the URL',
      { id: ID, url: 'https://admin.atlassian.com/', origin: 'https://evil.io', frameId: 0, tab },
    ],
    ['no URL', { id: ID, frameId: 0, tab }],
    ['a garbage URL', { id: ID, url: '::', frameId: 0, tab }],
    ['an extension page whose origin disagrees', { id: ID, url: `${EXT}/popup.html`, origin: 'https://evil.io' }],
    ['a longer extension id', { id: ID, url: `${EXT}x/popup.html` }],
    ['another site', { id: ID, url: 'https://evil.io/?x=okta.com', frameId: 0, tab }],
  ])('refuses %s', (_name, sender) => {
    expect(classify(sender)).toBeNull();
  });
});
