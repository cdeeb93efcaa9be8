import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the built extension in real Chromium, on the fixture replicas served at their real
 * host names. One browser at a time (fileParallelism off); the global setup builds once and serves the pages.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/chromium/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Pages render panes late (300–800 ms) and storage round-trips through the service worker.
    expect: { poll: { timeout: 5_000, interval: 50 } },
  },
});
