/**
 * One browser per test file: launched before the first test, quit (and its profile deleted) after the
 * last one, also when a test or hook fails. Each test starts with empty extension storage and one blank
 * tab; a failed test leaves a screenshot of every open tab under test-results/e2e/.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, inject, type TestContext } from 'vitest';
import { ROOT } from './build-extension';
import { ExtensionBrowser } from './extension-browser';

const RESULTS_DIR = path.join(ROOT, 'test-results', 'e2e');

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);

async function screenshotOpenTabs(browser: ExtensionBrowser, context: TestContext): Promise<void> {
  const file = slug(path.basename(context.task.file.name));
  const dir = path.join(RESULTS_DIR, file);
  await mkdir(dir, { recursive: true });
  const pages = browser.context.pages().filter((p) => p.url() !== 'about:blank');
  for (const [i, page] of pages.entries()) {
    const shot = path.join(dir, `${slug(`${context.task.suite?.name ?? ''} ${context.task.name}`)}-${i + 1}.png`);
    // A crashed or closing tab must not hide the test's own failure.
    await page.screenshot({ path: shot, timeout: 5_000 }).then(
      () => console.error(`Screenshot of ${page.url()} saved to ${path.relative(ROOT, shot)}`),
      () => undefined,
    );
  }
}

/**
 * Registers the hooks and returns a getter for the file's browser. `scim-api-granted` loads the build
 * with api.atlassian.com granted at install (support/build-extension.ts says why).
 */
export function extensionBrowserPerFile(
  variant: 'production' | 'scim-api-granted' = 'production',
): () => ExtensionBrowser {
  let browser: ExtensionBrowser | undefined;

  beforeAll(async () => {
    browser = await ExtensionBrowser.launch({
      extensionDir: inject(variant === 'production' ? 'extensionDir' : 'extensionDirScimApi'),
      fixturePort: inject('fixturePort'),
    });
  });

  beforeEach(async () => {
    await browser?.clearStorage();
  });

  afterEach(async (context) => {
    if (!browser) return;
    try {
      if (context.task.result?.state === 'fail') await screenshotOpenTabs(browser, context);
    } finally {
      await browser.closePages();
    }
  });

  afterAll(async () => {
    await browser?.close();
    browser = undefined;
  });

  return () => {
    if (!browser) throw new Error('The browser is not running: the beforeAll hook failed to launch it.');
    return browser;
  };
}
