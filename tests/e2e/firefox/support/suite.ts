/**
 * One Firefox per test file: launched before the first test, quit (and its profile deleted) after the
 * last one, also when a test or hook fails. Each test starts with empty extension storage and no tab but
 * the inspector; a failed test leaves a screenshot of every open tab under test-results/e2e-firefox/.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, type TestContext } from 'vitest';
import { ROOT } from '../../support/build-extension';
import { FirefoxExtensionBrowser } from './firefox';
import { firefoxBuildDir } from './provided';

const RESULTS_DIR = path.join(ROOT, 'test-results', 'e2e-firefox');

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);

async function screenshotOpenTabs(browser: FirefoxExtensionBrowser, context: TestContext): Promise<void> {
  const dir = path.join(RESULTS_DIR, slug(path.basename(context.task.file.name)));
  await mkdir(dir, { recursive: true });
  for (const [i, page] of (await browser.pages()).entries()) {
    const shot = path.join(dir, `${slug(`${context.task.suite?.name ?? ''} ${context.task.name}`)}-${i + 1}.png`);
    // A crashed or closing tab must not hide the test's own failure.
    await page.screenshot({ path: shot as `${string}.png` }).then(
      () => console.error(`Screenshot of ${page.url()} saved to ${path.relative(ROOT, shot)}`),
      () => undefined,
    );
  }
}

/** Registers the hooks and returns a getter for the file's browser. */
export function firefoxPerFile(): () => FirefoxExtensionBrowser {
  let browser: FirefoxExtensionBrowser | undefined;

  beforeAll(async () => {
    browser = await FirefoxExtensionBrowser.launch(firefoxBuildDir());
  });

  beforeEach(async () => {
    // A test that quit Firefox (to look at its profile) leaves nothing to clear.
    if (browser?.isRunning) await browser.clearStorage();
  });

  afterEach(async (context) => {
    if (!browser?.isRunning) return;
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
    if (!browser) throw new Error('Firefox is not running: the beforeAll hook failed to launch it.');
    return browser;
  };
}
