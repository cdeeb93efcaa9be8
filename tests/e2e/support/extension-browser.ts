/**
 * One Chromium with the built extension, on a throw-away profile, with the fixture server answering for
 * the real host names. Flags and quirks: ../shared/e2e.md "Chromium (playwright-core)".
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page, type Worker } from 'playwright-core';
import type { Setup, SetupsState } from '../../../utils/setup';
import { HOSTS } from '../../fixtures/data';

export type StorageArea = 'local' | 'session' | 'sync';

/** The part of the extension API used inside the service worker (these callbacks run there, not in Node). */
declare const chrome: {
  storage: Record<StorageArea, { get(keys: null): Promise<Record<string, unknown>>; clear(): Promise<void> }>;
};

export interface LaunchOptions {
  extensionDir: string;
  fixturePort: number;
}

function chromiumArgs({ extensionDir, fixturePort }: LaunchOptions): string[] {
  const to = `127.0.0.1:${fixturePort}`;
  return [
    '--headless=new',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--ignore-certificate-errors',
    // The real names resolve to the fixture server, port included, so the manifest's matches fire as on the real sites.
    `--host-resolver-rules=MAP *.okta.com ${to}, MAP ${HOSTS.atlassianAdmin} ${to}, MAP ${HOSTS.atlassianApi} ${to}`,
  ];
}

/** A URL on a fixture host: `?fixture=<state>` goes before any `#tab-…` hash. */
function fixtureUrl(host: string, pathAndHash: string, state?: string): string {
  const url = new URL(pathAndHash, `https://${host}`);
  if (state) url.searchParams.set('fixture', state);
  return url.href;
}

export class ExtensionBrowser {
  private constructor(
    private readonly options: LaunchOptions,
    readonly profileDir: string,
    private current: BrowserContext,
    readonly extensionId: string,
  ) {}

  /** Starts Chromium on a new temporary profile; the profile is removed again if the start fails. */
  static async launch(options: LaunchOptions): Promise<ExtensionBrowser> {
    const profileDir = await mkdtemp(path.join(tmpdir(), 'ssa-e2e-profile-'));
    let context: BrowserContext | undefined;
    try {
      context = await ExtensionBrowser.startContext(options, profileDir);
      const worker = await ExtensionBrowser.findWorker(context);
      return new ExtensionBrowser(options, profileDir, context, new URL(worker.url()).host);
    } catch (error) {
      await context?.close().catch(() => undefined);
      await rm(profileDir, { recursive: true, force: true, maxRetries: 3 });
      throw error;
    }
  }

  private static startContext(options: LaunchOptions, profileDir: string): Promise<BrowserContext> {
    return chromium.launchPersistentContext(profileDir, {
      executablePath: '/usr/bin/chromium',
      ignoreHTTPSErrors: true,
      args: chromiumArgs(options),
    });
  }

  /** The MV3 service worker is up at launch (e2e.md); its URL's host is the extension id. */
  private static async findWorker(context: BrowserContext, extensionId?: string): Promise<Worker> {
    const ours = (w: Worker) =>
      w.url().startsWith('chrome-extension://') && (!extensionId || new URL(w.url()).host === extensionId);
    return (
      context.serviceWorkers().find(ours) ??
      (await context.waitForEvent('serviceworker', { predicate: ours, timeout: 10_000 }))
    );
  }

  get context(): BrowserContext {
    return this.current;
  }

  serviceWorker(): Promise<Worker> {
    return ExtensionBrowser.findWorker(this.current, this.extensionId);
  }

  extensionUrl(file: string): string {
    return `chrome-extension://${this.extensionId}/${file}`;
  }

  async newPage(url: string): Promise<Page> {
    const page = await this.current.newPage();
    await page.goto(url);
    return page;
  }

  /** The popup's page, opened as an ordinary tab (automation cannot click the toolbar button). */
  openPopupPage(): Promise<Page> {
    return this.newPage(this.extensionUrl('popup.html'));
  }

  /** The side panel's page as a tab, where Playwright can drive it (a real side panel is not among its pages). */
  openSidePanelPage(): Promise<Page> {
    return this.newPage(this.extensionUrl('sidepanel.html'));
  }

  oktaAdminPage(pathAndHash: string, state = 'fresh'): Promise<Page> {
    return this.newPage(fixtureUrl(HOSTS.oktaAdmin, pathAndHash, state));
  }

  oktaEndUserPage(pathAndHash: string, state = 'fresh'): Promise<Page> {
    return this.newPage(fixtureUrl(HOSTS.oktaEndUser, pathAndHash, state));
  }

  atlassianPage(pathAndHash: string, state = 'fresh'): Promise<Page> {
    return this.newPage(fixtureUrl(HOSTS.atlassianAdmin, pathAndHash, state));
  }

  async readStorage(area: StorageArea): Promise<Record<string, unknown>> {
    const worker = await this.serviceWorker();
    return worker.evaluate((a) => chrome.storage[a].get(null), area);
  }

  /**
   * The extension's side panels open in the browser. Playwright lists no side panel among the context's
   * pages, but Chrome reports each as a target of its own.
   */
  async sidePanelTargets(): Promise<string[]> {
    return this.withCdp(async (cdp) => {
      const { targetInfos } = await cdp.send('Target.getTargets');
      return targetInfos.filter((t) => t.url === this.extensionUrl('sidepanel.html')).map((t) => t.targetId);
    });
  }

  private async withCdp<T>(use: (cdp: CDPSession) => Promise<T>): Promise<T> {
    const page = this.current.pages()[0] ?? (await this.current.newPage());
    const cdp = await this.current.newCDPSession(page);
    try {
      return await use(cdp);
    } finally {
      await cdp.detach();
    }
  }

  /** The setup the extension is working on (`storage.local` key `setups`), as the background stored it. */
  async activeSetup(): Promise<Setup | undefined> {
    const { setups } = (await this.readStorage('local')) as { setups?: SetupsState };
    return setups?.activeId ? setups.setups[setups.activeId] : undefined;
  }

  /** Forget progress and settings, as on a fresh install. */
  async clearStorage(): Promise<void> {
    const worker = await this.serviceWorker();
    await worker.evaluate(() => Promise.all([chrome.storage.local.clear(), chrome.storage.session.clear()]));
  }

  /** Closes every page and side panel but one blank tab, so the next test starts from a clean window. */
  async closePages(): Promise<void> {
    const pages = this.current.pages();
    const keep = pages.find((p) => p.url() === 'about:blank') ?? (await this.current.newPage());
    await Promise.all(pages.filter((p) => p !== keep).map((p) => p.close()));
    const panels = await this.sidePanelTargets();
    await this.withCdp((cdp) => Promise.all(panels.map((targetId) => cdp.send('Target.closeTarget', { targetId }))));
  }

  /** Quits the browser and starts it again on the same profile, like a person reopening Chrome. */
  async restart(): Promise<void> {
    await this.current.close();
    this.current = await ExtensionBrowser.startContext(this.options, this.profileDir);
    await ExtensionBrowser.findWorker(this.current, this.extensionId);
  }

  /**
   * Whether the extension's content script runs in `page`: Chrome gives each extension an isolated world
   * per frame, reported by CDP with the extension's origin.
   */
  async hasContentScript(page: Page): Promise<boolean> {
    return (await this.inContentScriptWorld(page, 'true')) === true;
  }

  /** Evaluates `expression` in the extension's isolated world of the page's top frame (undefined if none). */
  async inContentScriptWorld(page: Page, expression: string): Promise<unknown> {
    const cdp = await this.current.newCDPSession(page);
    try {
      const worlds: { id: number; origin: string; auxData?: { isDefault?: boolean; frameId?: string } }[] = [];
      cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
      await cdp.send('Runtime.enable');
      const { frameTree } = await cdp.send('Page.getFrameTree');
      const world = worlds.find(
        (w) => w.origin === `chrome-extension://${this.extensionId}` && w.auxData?.frameId === frameTree.frame.id,
      );
      if (!world) return undefined;
      const { result } = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, returnByValue: true });
      return result.value;
    } finally {
      await cdp.detach();
    }
  }

  /** Quits the browser but keeps its profile, to look at what it left on disk; `restart()` opens it again. */
  async quit(): Promise<void> {
    await this.current.close();
  }

  /**
   * Stops the extension's service worker, as Chrome does after ~30 s idle; the next event starts a new one.
   * Closing its DevTools target terminates the worker.
   */
  async stopServiceWorker(): Promise<void> {
    const url = this.extensionUrl('background.js');
    await this.withCdp(async (cdp) => {
      const { targetInfos } = await cdp.send('Target.getTargets');
      const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url === url);
      if (!worker) throw new Error('The extension service worker is not running.');
      await cdp.send('Target.closeTarget', { targetId: worker.targetId });
    });
  }

  /** Quits the browser and deletes its profile, whatever state it is in. */
  async close(): Promise<void> {
    try {
      await this.current.close();
    } finally {
      await rm(this.profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    }
  }
}
