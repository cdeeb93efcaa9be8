/**
 * One Firefox ESR with the test build installed, on a throw-away profile, driven by puppeteer-core over
 * WebDriver BiDi, with the fixture pages answering at the real host names. Recipe: ../shared/e2e.md
 * "Firefox ESR".
 *
 * Firefox refuses to navigate to moz-extension:// over BiDi, so extension pages are opened through the
 * test build's bridge (utils/test-bridge.ts): a fixture page posts a message, the extension opens the
 * page in a new tab. One such tab, the "inspector", stays open for the whole file to read and clear storage.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { Setup, SetupsState } from '../../../../utils/setup';
import { type FixtureState, HOSTS } from '../../../fixtures/data';
import { fixturePages, withFixtureState } from '../../../fixtures/guide';
import { OVERLAY_TAG } from '../../support/pages';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The extension's internal UUID, fixed by pref so its pages' URLs are known (any valid UUID will do). */
export const EXTENSION_UUID = '5c1d0e2a-7b3f-4c8e-9a61-2f4e8d3b7a10';

export type StorageArea = 'local' | 'session' | 'sync';
/** The extension pages the bridge opens (utils/test-bridge.ts OPENABLE). */
export type ExtensionPagePath = '/popup.html' | '/sidepanel.html';

/** The extension API inside an extension page (these callbacks run there, not in Node). */
interface ExtensionGlobals {
  browser: {
    storage: Record<StorageArea, { get(keys: null): Promise<Record<string, unknown>>; clear(): Promise<void> }>;
    sidebarAction: { isOpen(details: object): Promise<boolean>; close(): Promise<void> };
  };
}

function geckoIdOf(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id.`);
  return id;
}

function firefoxPrefs(geckoId: string): Record<string, unknown> {
  return {
    // The real names resolve to 127.0.0.1 (the port stays 443), so the manifest's matches fire as on the real sites.
    'network.dns.localDomains': Object.values(HOSTS).join(','),
    'network.dns.disableIPv6': true,
    // No DNS over HTTPS, which would bypass the local names.
    'network.trr.mode': 5,
    'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
    // Firefox's own switch for its test suites: an optional permission asked for from a click is granted
    // without the doorhanger automation cannot answer. The request itself (and its gesture check) still runs.
    'extensions.webextOptionalPermissionPrompts': false,
    // Fewer of Firefox's own background requests (puppeteer's defaults already stop updates, safe browsing and
    // health reports); without internet they only fail, slowly.
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'messaging-system.rsexperimentloader.enabled': false,
    'app.shield.optoutstudies.enabled': false,
    'toolkit.telemetry.server': '',
    'browser.region.network.url': '',
    'browser.region.update.enabled': false,
    'extensions.blocklist.enabled': false,
  };
}

/** `location.href` as the page itself reports it (over BiDi, `page.url()` of an extension tab stays about:blank). */
const hrefOf = (page: Page) => page.evaluate(() => location.href).catch(() => '');

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const extensionUrl = (file: ExtensionPagePath) => `moz-extension://${EXTENSION_UUID}${file}`;

/**
 * Opens an extension page in a new tab through the test bridge, asked by `via`: an Okta admin or
 * admin.atlassian.com page. Its overlay shows that the content script, and so its bridge listener, runs.
 */
async function openThroughBridge(firefox: Browser, file: ExtensionPagePath, via: Page): Promise<Page> {
  await via.waitForSelector(OVERLAY_TAG, { timeout: 10_000 }).catch(() => {
    throw new Error(`The bridge needs a page that shows the overlay; ${via.url()} shows none.`);
  });
  const before = new Set(await firefox.pages());
  await via.evaluate((p) => window.postMessage({ __scimE2E: 'open', path: p }, '*'), file);
  const url = extensionUrl(file);
  return waitFor(`${url} to open`, async () => {
    for (const page of await firefox.pages()) {
      if (!before.has(page) && (await hrefOf(page)) === url) return page;
    }
    return undefined;
  });
}

async function openPage(firefox: Browser, url: string): Promise<Page> {
  const page = await firefox.newPage();
  await page.goto(url);
  return page;
}

/** An extension page kept open to read storage, opened from a page that always shows the overlay. */
async function openInspector(firefox: Browser): Promise<Page> {
  const via = await openPage(firefox, fixturePages().atlassianIdentityProviders);
  const inspector = await openThroughBridge(firefox, '/popup.html', via);
  await via.close();
  return inspector;
}

export class FirefoxExtensionBrowser {
  private running = true;

  private constructor(
    readonly firefox: Browser,
    readonly profileDir: string,
    private readonly inspector: Page,
  ) {}

  /** Starts Firefox on a new temporary profile with the extension installed; cleans up if the start fails. */
  static async launch(extensionDir: string): Promise<FirefoxExtensionBrowser> {
    const profileDir = await mkdtemp(path.join(tmpdir(), 'ssa-e2e-firefox-'));
    let firefox: Browser | undefined;
    try {
      firefox = await puppeteer.launch({
        browser: 'firefox',
        executablePath: FIREFOX_PATH,
        headless: true,
        protocol: 'webDriverBiDi',
        acceptInsecureCerts: true,
        // Playwright's default, as in the Chromium suite: puppeteer's 800×600 puts the overlay over Okta's form.
        defaultViewport: { width: 1280, height: 720 },
        userDataDir: profileDir,
        extraPrefsFirefox: firefoxPrefs(geckoIdOf(extensionDir)),
      });
      // A temporary add-on, as about:debugging would load it.
      await firefox.installExtension(extensionDir);
      return new FirefoxExtensionBrowser(firefox, profileDir, await openInspector(firefox));
    } catch (error) {
      await firefox?.close().catch(() => undefined);
      await rm(profileDir, { recursive: true, force: true, maxRetries: 3 });
      throw error;
    }
  }

  newPage(url: string): Promise<Page> {
    return openPage(this.firefox, url);
  }

  /** A fixture page (a URL of tests/fixtures/guide.ts `fixturePages()`) in a given `?fixture=` state. */
  fixturePage(url: string, state: FixtureState = 'fresh'): Promise<Page> {
    return this.newPage(withFixtureState(url, state));
  }

  /** The side panel's page as a tab (automation cannot open Firefox's sidebar), asked for by `via`. */
  openSidePanelPage(via: Page): Promise<Page> {
    return openThroughBridge(this.firefox, '/sidepanel.html', via);
  }

  /** The popup's page as a tab (automation cannot click the toolbar button), asked for by `via`. */
  openPopupPage(via: Page): Promise<Page> {
    return openThroughBridge(this.firefox, '/popup.html', via);
  }

  readStorage(area: StorageArea): Promise<Record<string, unknown>> {
    return this.inspector.evaluate(
      (a) => (globalThis as unknown as ExtensionGlobals).browser.storage[a].get(null),
      area,
    );
  }

  /** The setup the extension is working on (`storage.local` key `setups`), as the background stored it. */
  async activeSetup(): Promise<Setup | undefined> {
    const { setups } = (await this.readStorage('local')) as { setups?: SetupsState };
    return setups?.activeId ? setups.setups[setups.activeId] : undefined;
  }

  /** Forget progress, settings and held values, as on a fresh install. */
  async clearStorage(): Promise<void> {
    await this.inspector.evaluate(async () => {
      const { storage } = (globalThis as unknown as ExtensionGlobals).browser;
      await Promise.all([storage.local.clear(), storage.session.clear()]);
    });
  }

  /** Whether Firefox's sidebar shows this extension's panel, in the inspector's window. */
  isSidebarOpen(): Promise<boolean> {
    return this.inspector.evaluate(() => (globalThis as unknown as ExtensionGlobals).browser.sidebarAction.isOpen({}));
  }

  /**
   * Closes the sidebar (Firefox opens it when the add-on is installed). Firefox allows that only inside a
   * user-input handler: a button put into the inspector, clicked for real, does it and goes.
   */
  async closeSidebar(): Promise<void> {
    await this.inspector.evaluate(() => {
      const button = document.createElement('button');
      button.id = 'e2e-close-sidebar';
      button.textContent = 'Close the sidebar';
      button.addEventListener('click', () => {
        void (globalThis as unknown as ExtensionGlobals).browser.sidebarAction.close();
        button.remove();
      });
      document.body.prepend(button);
    });
    await this.inspector.bringToFront();
    await this.inspector.locator('#e2e-close-sidebar').click();
    await waitFor('the sidebar to close', async () => ((await this.isSidebarOpen()) ? undefined : true));
  }

  /** Every open tab but the inspector. */
  async pages(): Promise<Page[]> {
    return (await this.firefox.pages()).filter((p) => p !== this.inspector);
  }

  /** Closes every tab but the inspector, so the next test starts from a clean window. */
  async closePages(): Promise<void> {
    await Promise.all((await this.pages()).map((p) => p.close().catch(() => undefined)));
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Quits Firefox the way a person does, keeping the profile folder for inspection. */
  async quit(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.firefox.close();
  }

  /** Quits Firefox and deletes its profile, whatever state it is in. */
  async close(): Promise<void> {
    try {
      await this.quit();
    } finally {
      await rm(this.profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    }
  }
}
