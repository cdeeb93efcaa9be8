/** What the Firefox global setup hands the test files (vitest `provide` / `inject`). */
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The unpacked Firefox test build (production + test bridge) the browser installs. */
    firefoxExtensionDir: string;
  }
}

/** The Firefox test build; a clear error when these tests run under another config than Firefox's. */
export function firefoxBuildDir(): string {
  const dir = inject('firefoxExtensionDir');
  if (!dir) throw new Error('No Firefox build was provided: run these tests with vitest.e2e.firefox.config.ts.');
  return dir;
}
