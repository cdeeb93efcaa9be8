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
    /** The same, with api.atlassian.com granted at install (see build-extension.ts for why). */
    extensionDirScimApi: string;
    /** Where the fixture server listens on 127.0.0.1; Chromium maps the real host names onto it. */
    fixturePort: number;
  }
}

export default async function setup(project: TestProject) {
  // One build after the other: two WXT builds at once on two cores are slower than in turn.
  const server = await startFixtureServer({ port: 0 });
  const extensionDir = await buildExtension();
  const extensionDirScimApi = await buildExtension('scim-api-granted');
  project.provide('extensionDir', extensionDir);
  project.provide('extensionDirScimApi', extensionDirScimApi);
  project.provide('fixturePort', server.port);
  return async () => {
    await server.close();
  };
}
