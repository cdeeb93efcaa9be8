/**
 * Chromium for the benchmark: the same flags and host mapping as the end-to-end suite
 * (tests/e2e/support/extension-browser.ts, ../shared/e2e.md), with or without the extension, each on a
 * throw-away profile that is removed on close, on error and on Ctrl-C.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page, type Worker } from 'playwright-core';
import { HOSTS } from '../../tests/fixtures/data';
import { tempDirs } from './common';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BenchBrowser {
  label: 'with extension' | 'without extension';
  context: BrowserContext;
  /** Set when the extension is loaded: the host of its `chrome-extension://` URLs. */
  extensionId?: string;
  version: string;
  close(): Promise<void>;
}

const open = new Set<BenchBrowser>();

function chromiumArgs(fixturePort: number, extensionDir?: string): string[] {
  const to = `127.0.0.1:${fixturePort}`;
  return [
    '--headless=new',
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--ignore-certificate-errors',
    `--host-resolver-rules=MAP *.okta.com ${to}, MAP ${HOSTS.atlassianAdmin} ${to}, MAP ${HOSTS.atlassianApi} ${to}`,
  ];
}

export async function launchChromium(fixturePort: number, extensionDir?: string): Promise<BenchBrowser> {
  const profileDir = await mkdtemp(path.join(tmpdir(), 'ssa-bench-profile-'));
  tempDirs.add(profileDir);
  let context: BrowserContext | undefined;
  const close = async () => {
    open.delete(browser);
    try {
      await context?.close();
    } finally {
      await rm(profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
      tempDirs.delete(profileDir);
    }
  };
  const browser: BenchBrowser = {
    label: extensionDir ? 'with extension' : 'without extension',
    context: undefined as unknown as BrowserContext,
    version: '',
    close,
  };
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      ignoreHTTPSErrors: true,
      viewport: { width: 1280, height: 800 },
      args: chromiumArgs(fixturePort, extensionDir),
    });
    browser.context = context;
    browser.version = context.browser()?.version() ?? '';
    if (extensionDir) {
      // The MV3 service worker is up at launch; its URL's host is the extension id (e2e.md).
      const ours = (w: Worker) => w.url().startsWith('chrome-extension://');
      const worker =
        context.serviceWorkers().find(ours) ??
        (await context.waitForEvent('serviceworker', { predicate: ours, timeout: 10_000 }));
      browser.extensionId = new URL(worker.url()).host;
    }
    open.add(browser);
    return browser;
  } catch (error) {
    await close();
    throw error;
  }
}

/** Closes every browser still open (used in the top-level `finally`). */
export async function closeAll(): Promise<void> {
  await Promise.allSettled([...open].map((b) => b.close()));
}

/** A new tab with a DevTools session on it. */
export async function newTab(browser: BenchBrowser): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  return { page, cdp };
}

/** The fixture pages render after a spinner; `window.__fixture.busy` is false once a pane is drawn. */
export async function fixtureSettled(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    () => (window as unknown as { __fixture?: { busy: boolean } }).__fixture?.busy === false,
    undefined,
    { polling: 100, timeout },
  );
}
