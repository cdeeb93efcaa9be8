import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    globals: true,
    include: ['tests/unit/**/*.test.ts', 'tests/components/**/*.test.tsx', 'tests/fixtures/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    restoreMocks: true,
    // Every file passes with a 256 MB heap; before tests/unit/task-per-run.ts, two needed over 320 MB, and a CI
    // worker ran out. The cap makes a test that holds memory fail on any machine, not only on one with less.
    // `gc` is exposed for the test that proves each property run's document can be collected.
    execArgv: ['--max-old-space-size=320', '--expose-gc'],
  },
});
