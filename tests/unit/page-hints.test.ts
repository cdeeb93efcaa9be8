import { describe, expect, it } from 'vitest';
import { atlassianAppHint, collectHints } from '../../utils/page-hints';

function doc(html: string, title = '') {
  const d = document.implementation.createHTMLDocument();
  d.title = title;
  d.body.innerHTML = html;
  return d;
}

describe('page hints', () => {
  it('collects trimmed headings in order and the selected jQuery UI tab', () => {
    const d = doc(`<h1> Atlassian
      Cloud </h1><ul><li class="ui-state-default"><a>General</a></li><li class="ui-state-default ui-tabs-active"><a>Push Groups</a></li></ul>
      <div role="heading">Settings</div><h3></h3>`);
    expect(collectHints(d)).toEqual({ headings: ['Atlassian Cloud', 'Settings'], activeTab: 'Push Groups' });
  });

  it('falls back to an ARIA tab', () => {
    expect(collectHints(doc('<div role="tab" aria-selected="true">Sign On</div>')).activeTab).toBe('Sign On');
  });

  it('reads a bounded number of headings on a huge page', () => {
    const d = doc(Array.from({ length: 3000 }, (_, i) => `<h3>Group ${i}</h3>`).join(''));
    expect(collectHints(d).headings).toHaveLength(20);
  });

  it('recognises the Atlassian Cloud app by its title, and never says no', () => {
    expect(atlassianAppHint(doc('<h1>Atlassian Cloud</h1>'))).toBe(true);
    expect(atlassianAppHint(doc('<h1>Jira and Confluence</h1>', 'Atlassian Cloud - Acme - Admin Console'))).toBe(true);
    expect(atlassianAppHint(doc('<h1>Slack</h1>'))).toBe('unknown');
    expect(atlassianAppHint(doc(''))).toBe('unknown');
  });
});
