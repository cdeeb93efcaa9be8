/**
 * The Atlassian Administration fixture page (tests/fixtures/atlassian/admin.js) rendered for the reader
 * tests: its script runs in a happy-dom window at the page's real URL, then the result is parsed into a
 * document of the test's own realm, like the Okta snapshots. No Chromium needed: the fixture's markup
 * does not depend on layout.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { type FixtureState, PAGE_CONFIG } from '../../fixtures/data';
import { fixturePages } from '../../fixtures/guide';
import { parse } from './snapshots';

export const ATLASSIAN_PAGES = fixturePages();

const shell = () =>
  readFileSync(resolve('tests/fixtures/atlassian/admin.html'), 'utf8')
    .replace(
      '<!--FIXTURE_CONFIG-->',
      `<script id="fixture-config" type="application/json">${JSON.stringify(PAGE_CONFIG)}</script>`,
    )
    // The script runs below, once the shell is in place; the stylesheet is not needed.
    .replace(/<script src=[^>]*><\/script>|<link [^>]*>/g, '');
const script = () => readFileSync(resolve('tests/fixtures/atlassian/admin.js'), 'utf8');

/**
 * The page at `url` in fixture `state`, once its route has rendered; `act` may click in it (its own
 * window's document) before the page is taken.
 */
export async function renderAtlassianPage(
  url: string,
  state: FixtureState,
  act?: (doc: globalThis.Document) => void,
): Promise<Document> {
  const window = new Window({
    url: `${url}?fixture=${state}`,
    // Our own fixture script, nothing from the network.
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
  });
  try {
    const doc = window.document as unknown as globalThis.Document;
    doc.write(shell());
    window.eval(script());
    await window.happyDOM.waitUntilComplete();
    if (act) {
      act(doc);
      await window.happyDOM.waitUntilComplete();
    }
    return parse(doc.documentElement.outerHTML);
  } finally {
    await window.happyDOM.close();
  }
}
