/**
 * `npx tsx scripts/snapshot-fixtures.ts`: saves the Okta fixture panes, as Chromium rendered them, to
 * tests/fixtures/snapshots/<pane>-<state>[-variant].html for the reader tests (which run in happy-dom and
 * cannot run the fixture's scripts). Scripts and stylesheets are dropped; inline styles (the hidden
 * panels' `display: none`) stay. `many-groups` is not saved: the tests build long lists by cloning rows.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { type FixtureState, HOSTS } from '../tests/fixtures/data';
import { fixturePages, withFixtureState } from '../tests/fixtures/guide';
import { startFixtureServer } from '../tests/fixtures/server';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/snapshots');
const PAGES = fixturePages();

interface Snapshot {
  file: string;
  state: FixtureState;
  /** Hashes visited in order; the last one is the pane saved. */
  hashes: readonly string[];
  /** What must be in the shown panel before the snapshot is taken. */
  ready: string;
  /** Runs after the pane is ready (clicks Edit, changes a select…); must leave the page settled. */
  act?: (page: Page) => Promise<void>;
}

const TO_APP = '#tab-user-management/create-n-update';
const SIGN_ON = '#tab-signon';
const PUSH = '#tab-group-push';
const ASSIGN = '#tab-assignments';

const clickEdit = (selector: string) => async (page: Page) => {
  await page.click(selector);
  await page.waitForSelector('form.o-form-edit-mode');
};

/** Chooses an option of a Chosen select the way a person does: open the Chosen box, click the option. */
const choose = (selectName: string, optionText: string) => async (page: Page) => {
  const container = page.locator(`select[name="${selectName}"] + .chzn-container`);
  await container.locator('.chzn-single').click();
  await container.locator('.chzn-results li', { hasText: new RegExp(`^${optionText}$`) }).click();
};

const toAppEdit = clickEdit('#tab-user-management- [data-action="edit"]');
const signOnEdit = clickEdit('[id="ssoSettings.edit_link"]');

const SNAPSHOTS: Snapshot[] = [
  // Provisioning before setup shows Integration, not To App.
  { file: 'provisioning-fresh', state: 'fresh', hashes: [TO_APP], ready: '[data-se="provisioning-empty"]' },
  ...(['configured', 'actions-off'] as const).flatMap((state) => [
    { file: `to-app-${state}`, state, hashes: [TO_APP], ready: '#provisioning-to-app-form' },
    { file: `to-app-${state}-edit`, state, hashes: [TO_APP], ready: '#provisioning-to-app-form', act: toAppEdit },
  ]),
  ...(['fresh', 'configured', 'email-mismatch'] as const).flatMap((state) => [
    { file: `sign-on-${state}`, state, hashes: [SIGN_ON], ready: '#ssoSettings-form' },
    { file: `sign-on-${state}-edit`, state, hashes: [SIGN_ON], ready: '#ssoSettings-form', act: signOnEdit },
  ]),
  {
    file: 'sign-on-custom-edit',
    state: 'configured',
    hashes: [SIGN_ON],
    ready: '#ssoSettings-form',
    act: async (page) => {
      await signOnEdit(page);
      await choose('userNameTemplateType', 'Custom')(page);
      await page.fill('input[name="ssoSettings.customRule"]', `\${source.email}`);
      await choose('ssoSettings.customRulePushStatus', 'Create only')(page);
    },
  },
  ...(['fresh', 'configured', 'push-error'] as const).map((state) => ({
    file: `push-groups-${state}`,
    state,
    hashes: [PUSH],
    ready: '[data-se="group-push"]',
  })),
  ...(['fresh', 'configured', 'group-not-pushed', 'individual-assignment'] as const).flatMap((state) => [
    { file: `assignments-${state}-people`, state, hashes: [ASSIGN], ready: '[data-se="people-assignments-table"]' },
    {
      file: `assignments-${state}-groups`,
      state,
      hashes: [ASSIGN],
      ready: '[data-se="people-assignments-table"]',
      act: async (page: Page) => {
        await page.click('[data-filter="groups"]');
        await page.waitForSelector('[data-se="group-assignments-table"]');
      },
    },
  ]),
  // Every tab visited, Assignments in front: the other panels keep stale content, hidden.
  {
    file: 'all-tabs-visited',
    state: 'configured',
    hashes: [TO_APP, SIGN_ON, PUSH, ASSIGN],
    ready: '[data-se="people-assignments-table"]',
  },
];

async function settle(page: Page, ready: string) {
  await page.waitForFunction(
    (sel) => {
      const w = window as unknown as { __fixture?: { busy: boolean } };
      const panel = [...document.querySelectorAll('.ui-tabs-panel')].find(
        (p) => p.getAttribute('aria-hidden') === 'false',
      );
      return w.__fixture?.busy === false && Boolean(panel?.querySelector(sel));
    },
    ready,
    { timeout: 10_000 },
  );
}

/**
 * The rendered DOM without scripts, stylesheets or the fixture's config. Live form state (a chosen option,
 * typed text, a ticked box) is written into attributes first, since outerHTML shows only attributes.
 */
function serialize(page: Page): Promise<string> {
  return page.evaluate(() => {
    const html = document.documentElement.cloneNode(true) as HTMLElement;
    const live = [...document.querySelectorAll('input, option')];
    const copies = [...html.querySelectorAll('input, option')];
    live.forEach((el, i) => {
      const copy = copies[i];
      if (!copy) return;
      if (el instanceof HTMLOptionElement) copy.toggleAttribute('selected', el.selected);
      else if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio'))
        copy.toggleAttribute('checked', el.checked);
      else if (el instanceof HTMLInputElement && el.type !== 'password') copy.setAttribute('value', el.value);
    });
    for (const el of html.querySelectorAll('script, link[rel="stylesheet"], .qtip')) el.remove();
    return `<!doctype html>\n${html.outerHTML}\n`;
  });
}

async function main() {
  const server = await startFixtureServer();
  const to = `127.0.0.1:${server.port}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--ignore-certificate-errors',
      `--host-resolver-rules=MAP *.okta.com ${to}, MAP ${HOSTS.atlassianAdmin} ${to}`,
    ],
  });
  try {
    await mkdir(OUT, { recursive: true });
    for (const snap of SNAPSHOTS) {
      const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const [first, ...rest] = snap.hashes;
      await page.goto(withFixtureState(`${PAGES.oktaApp}${first}`, snap.state));
      for (const hash of rest) {
        await settle(page, '.view-root');
        await page.evaluate((h) => {
          location.hash = h;
        }, hash);
      }
      await settle(page, snap.ready);
      if (snap.act) {
        await snap.act(page);
        await settle(page, '.view-root');
      }
      const file = path.join(OUT, `${snap.file}.html`);
      await writeFile(file, await serialize(page));
      console.log(`saved ${path.relative(process.cwd(), file)}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
