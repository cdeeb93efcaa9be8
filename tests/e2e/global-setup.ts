/**
 * Once per run: build the extension (when stale) and serve the fixture replicas. Tests get both through
 * `inject('extensionDir')` and `inject('fixturePort')`.
 */
import type { TestProject } from 'vitest/node';
import { startFixtureServer } from '../fixtures/server';
import { buildExtension } from './support/build-extension';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The unpacked Chrome build the browser loads. */
    extensionDir: string;
    /** Where the fixture server listens on 127.0.0.1; Chromium maps the real host names onto it. */
    fixturePort: number;
  }
}

export default async function setup(project: TestProject) {
  const [extensionDir, server] = await Promise.all([buildExtension(), startFixtureServer({ port: 0 })]);
  project.provide('extensionDir', extensionDir);
  project.provide('fixturePort', server.port);
  return async () => {
    await server.close();
  };
}
