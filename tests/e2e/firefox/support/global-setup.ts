/**
 * Once per Firefox run: build the test extension (when stale) and serve the fixture replicas on port 443.
 * Firefox maps the real host names to 127.0.0.1 with `network.dns.localDomains`, which cannot change the
 * port (../shared/e2e.md), so the server must listen on 443: root, or CAP_NET_BIND_SERVICE.
 */
import type { TestProject } from 'vitest/node';
import { startFixtureServer } from '../../../fixtures/server';
import { buildFirefoxTestExtension } from './build';

async function serveOn443() {
  try {
    return await startFixtureServer({ port: 443, host: '127.0.0.1' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES') {
      throw new Error(
        'The Firefox tests serve the fixture pages on port 443, which needs root (or CAP_NET_BIND_SERVICE).',
      );
    }
    if (code === 'EADDRINUSE') {
      throw new Error(
        'Port 443 is in use (a `npm run demo -- --firefox`, or another Firefox test run?). Stop it and run again.',
      );
    }
    throw error;
  }
}

export default async function setup(project: TestProject) {
  const [built, served] = await Promise.allSettled([buildFirefoxTestExtension(), serveOn443()]);
  if (built.status === 'rejected' || served.status === 'rejected') {
    if (served.status === 'fulfilled') await served.value.close();
    throw built.status === 'rejected' ? built.reason : (served as PromiseRejectedResult).reason;
  }
  const [extensionDir, server] = [built.value, served.value];
  project.provide('firefoxExtensionDir', extensionDir);
  return async () => {
    await server.close();
  };
}
