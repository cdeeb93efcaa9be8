import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests in Firefox ESR (puppeteer-core over WebDriver BiDi): the test build of the extension
 * on the fixture replicas, served on port 443 at their real host names. One browser at a time; the global
 * setup builds once and serves the pages.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/firefox/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/firefox/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Pages render panes late (300–800 ms); a loaded machine makes Firefox slower still.
    expect: { poll: { timeout: 8_000, interval: 50 } },
  },
});
