import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { ATLASSIAN_ADMIN_MATCHES, OKTA_MATCHES } from './utils/hosts';
import { SCIM_API_MATCH } from './utils/scim-api';

const GECKO_ID = 'scim-setup-assistant@scim-setup-assistant.dev';
/**
 * Test builds only (WXT_E2E_SCIM_API=required): api.atlassian.com granted at install, because Chromium's
 * permission prompt cannot be answered by automation (tests/e2e/support/build-extension.ts).
 */
const SCIM_API_REQUIRED = process.env.WXT_E2E_SCIM_API === 'required';

// See README "Permissions" for why each line is here (../shared/security.md rule 6).
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  outDir: '.output',
  manifest: ({ browser }) => ({
    name: 'SCIM Setup Assistant',
    description: 'Step-by-step help for connecting Okta to Atlassian Cloud with SCIM user provisioning.',
    permissions: ['storage', 'alarms', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: [...OKTA_MATCHES, ...ATLASSIAN_ADMIN_MATCHES, ...(SCIM_API_REQUIRED ? [SCIM_API_MATCH] : [])],
    // Asked for when the admin chooses "Verify key" (../shared/security.md rule 6). Firefox MV2 has one list for both.
    ...(SCIM_API_REQUIRED
      ? {}
      : browser === 'firefox'
        ? { optional_permissions: [SCIM_API_MATCH] }
        : { optional_host_permissions: [SCIM_API_MATCH] }),
    action: { default_title: 'SCIM Setup Assistant' },
    ...(browser === 'firefox'
      ? {
          // Firefox opens the sidebar only from its own controls (not from a page's click relayed by message).
          commands: {
            _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+Y' }, description: 'Open the checklist' },
          },
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  zip: {
    excludeSources: ['.output/**', 'node_modules/**', 'test-results/**', '.wxt/**'],
  },
  webExt: { disabled: true },
  hooks: {
    // The manifest's content scripts run on every admin page: there `wxt/browser` is the browser's own API
    // (utils/overlay/native-browser.ts), not the polyfill the module above puts everywhere else.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entry) => entry.type === 'content-script')) return;
      const current = config.resolve?.alias ?? [];
      const aliases = Array.isArray(current)
        ? current
        : Object.entries(current).map(([find, replacement]) => ({ find, replacement }));
      config.resolve = {
        ...config.resolve,
        alias: [
          { find: /^wxt\/browser$/, replacement: resolve(__dirname, 'utils/overlay/native-browser.ts') },
          ...aliases,
        ],
      };
    },
  },
});
