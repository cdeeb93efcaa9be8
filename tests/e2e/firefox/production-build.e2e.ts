/**
 * The test bridge (utils/test-bridge.ts) is compiled into the Firefox test build only. The production
 * builds of both browsers (`npm run build`) lack it, and the test build differs from production in nothing
 * the manifest declares. No browser is started here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../support/build-extension';
import { FIREFOX_TEST_BUILD, isBuiltAfter } from './support/build';
import { firefoxBuildDir } from './support/provided';

/** Strings only the bridge has: its message's key and its port's name. */
const BRIDGE_MARKERS = ['__scimE2E', 'scim-e2e-bridge'];
const BRIDGED_FILES = ['background.js', 'content-scripts/atlassian.js', 'content-scripts/okta.js'];

/** Every file of a build, as sorted paths relative to it. */
function builtFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** The built files whose text contains `marker`. */
function filesContaining(dir: string, marker: string): string[] {
  return builtFiles(dir).filter((f) => readFileSync(path.join(dir, f), 'latin1').includes(marker));
}

const manifestOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));

/**
 * What decides whether the bridge is built in, and what the manifest says: a production build older than
 * any of these proves nothing about them. (Other sources may move on while others edit the tree.)
 */
const BUILD_SHAPE = [
  'wxt.config.ts',
  'package.json',
  'entrypoints',
  'utils/background/index.ts',
  'utils/test-bridge.ts',
  'utils/hosts.ts',
];

function productionBuild(name: 'chrome-mv3' | 'firefox-mv2'): string {
  const dir = path.join(ROOT, '.output', name);
  if (!isBuiltAfter(dir, BUILD_SHAPE)) {
    throw new Error(`.output/${name} is missing or older than its sources: run \`npm run build\` first.`);
  }
  return dir;
}

describe('the test-only bridge', () => {
  test('is in the Firefox test build: its background and both content scripts', () => {
    const dir = firefoxBuildDir();
    for (const marker of BRIDGE_MARKERS) expect(filesContaining(dir, marker), marker).toEqual(BRIDGED_FILES);
  });

  test.each(['chrome-mv3', 'firefox-mv2'] as const)('is nowhere in the production build .output/%s', (name) => {
    const dir = productionBuild(name);
    for (const marker of BRIDGE_MARKERS) expect(filesContaining(dir, marker), marker).toEqual([]);
  });

  test('changes nothing in the manifest: the test build declares exactly what production does', () => {
    expect(manifestOf(firefoxBuildDir())).toEqual(manifestOf(productionBuild('firefox-mv2')));
  });

  // Byte for byte only when both come from the same sources: as in CI, where `npm run build` runs just before.
  test.skipIf(!isBuiltAfter(path.join(ROOT, '.output', 'firefox-mv2')) || !isBuiltAfter(FIREFOX_TEST_BUILD))(
    'changes nothing else: every other file of the test build is byte for byte the production one',
    () => {
      const test = firefoxBuildDir();
      const production = productionBuild('firefox-mv2');
      expect(builtFiles(test)).toEqual(builtFiles(production));
      const differing = builtFiles(test).filter(
        (f) => !readFileSync(path.join(test, f)).equals(readFileSync(path.join(production, f))),
      );
      expect(differing).toEqual(BRIDGED_FILES);
    },
  );
});

describe('the Firefox manifest', () => {
  test('has a Gecko id, a minimum version that knows data_collection_permissions, and collects nothing', () => {
    const { browser_specific_settings: settings } = manifestOf(productionBuild('firefox-mv2'));
    expect(settings.gecko.id).toMatch(/^[\w.-]+@[\w.-]+$/);
    expect(Number.parseFloat(settings.gecko.strict_min_version)).toBeGreaterThanOrEqual(142);
    expect(settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  test('is the same product as Chrome: sidebar for side panel, the popup, both content scripts, same hosts', () => {
    const firefox = manifestOf(productionBuild('firefox-mv2'));
    const chrome = manifestOf(productionBuild('chrome-mv3'));
    expect(firefox.manifest_version).toBe(2);
    expect(firefox.sidebar_action.default_panel).toBe(chrome.side_panel.default_path);
    expect(firefox.browser_action.default_popup).toBe(chrome.action.default_popup);
    expect(firefox.background.scripts).toEqual(['background.js']);
    expect(firefox.content_scripts).toEqual(chrome.content_scripts);
    // MV2 has no host_permissions: the hosts are listed among the permissions.
    expect(firefox.permissions).toEqual([
      ...chrome.permissions.filter((p: string) => p !== 'sidePanel'),
      ...chrome.host_permissions,
    ]);
    for (const key of ['web_accessible_resources', 'externally_connectable']) {
      expect(firefox[key], key).toEqual(chrome[key]);
    }
    // The SCIM API host is optional in both, asked for on "Verify key" (MV2 keeps hosts among optional_permissions).
    expect(chrome.optional_permissions).toBeUndefined();
    expect(chrome.optional_host_permissions).toEqual(['https://api.atlassian.com/*']);
    expect(firefox.optional_permissions).toEqual(chrome.optional_host_permissions);
  });
});
