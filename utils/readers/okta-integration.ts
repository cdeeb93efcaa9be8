/**
 * Provisioning → Integration: whether API integration is on, whether the Base URL and API Token are
 * filled, and the outcome of Test API Credentials. Facts: okta-admin.md "Provisioning tab → Integration pane".
 * The observation records the shape of the values only, never the values (../shared/security.md rule 1).
 */
import { validateScimUrl } from '../credentials';
import type { Maybe } from '../observations';
import { allById, type Control, findControl, isShown, readModeText, textOf } from './dom';
import { oktaTabPanel } from './okta-panels';

export const INTEGRATION_HOOKS = {
  /** Courage checkbox `enabled` (hidden twin `_enabled`). */
  enabled: { names: ['enabled'], labels: [/^enable api integration$/i] },
  /** Atlassian Cloud's labels (H); other SCIM apps use these names (okta-admin.md). */
  baseUrl: {
    names: ['scim_base_url', 'baseUrl', 'base_url'],
    labels: [/^base url$/i, /^scim (connector )?base url$/i],
  },
  apiToken: {
    names: ['scim_auth_header_value', 'apiToken', 'api_token'],
    labels: [/^api token$/i, /^api key$/i, /^(bearer )?token$/i],
  },
  /** The first-setup button and, after saving, the Edit link share this id. */
  editLink: 'userMgmtSettings.edit_link',
  testButton: 'm-verify-button',
} as const;

export interface OktaIntegrationReading {
  kind: 'okta-integration';
  /** `not-configured`: "Provisioning is not enabled"; `read`: saved settings shown as text; `edit`: the form. */
  mode: 'not-configured' | 'read' | 'edit' | 'unknown';
  apiEnabled: Maybe<boolean>;
  baseUrl: 'empty' | 'valid' | 'invalid' | 'unknown';
  apiToken: 'empty' | 'filled' | 'unknown';
  test: 'passed' | 'forbidden' | 'failed' | 'none' | 'unknown';
  /** The error Okta shows, when a test failed (Okta's words; never contains the token). */
  testMessage?: string;
}

const NOT_ENABLED = /provisioning is not enabled/i;
const VERIFIED = /was verified successfully/i;
const FORBIDDEN = /error authenticating:\s*forbidden/i;
const FAILED = /error authenticating/i;

function urlShape(control: Control | null, readText: string | null): OktaIntegrationReading['baseUrl'] {
  const value = control ? control.value : readText;
  if (value === null) return 'unknown';
  if (value.trim() === '') return 'empty';
  return validateScimUrl(value).ok ? 'valid' : 'invalid';
}

function testOutcome(root: ParentNode): Pick<OktaIntegrationReading, 'test' | 'testMessage'> {
  const messages = [
    ...root.querySelectorAll(
      '[role="alert"], [role="status"], .infobox, .o-form-error-container, .o-form-info-container',
    ),
  ]
    .map(textOf)
    .filter(Boolean);
  const text = messages.join(' \n');
  if (VERIFIED.test(text)) return { test: 'passed' };
  const error = messages.find((m) => FAILED.test(m));
  if (error) return { test: FORBIDDEN.test(error) ? 'forbidden' : 'failed', testMessage: error.slice(0, 300) };
  return { test: 'none' };
}

/** null when the Integration pane is not what the page shows. */
export function readOktaIntegration(doc: Document): OktaIntegrationReading | null {
  const root = oktaTabPanel(doc, 'tab-user-management');
  if (!root) return null;
  const enabled = findControl(root, INTEGRATION_HOOKS.enabled);
  const editable = enabled instanceof HTMLInputElement && enabled.type === 'checkbox' && !enabled.disabled;
  if (editable) {
    const credentialsShown = enabled.checked;
    const url = findControl(root, INTEGRATION_HOOKS.baseUrl);
    const token = findControl(root, INTEGRATION_HOOKS.apiToken);
    return {
      kind: 'okta-integration',
      mode: 'edit',
      apiEnabled: enabled.checked,
      baseUrl: credentialsShown ? urlShape(url, null) : 'unknown',
      apiToken: credentialsShown && token ? (token.value === '' ? 'empty' : 'filled') : 'unknown',
      ...testOutcome(root),
    };
  }
  const paneText = textOf(root.nodeType === Node.DOCUMENT_NODE ? (root as Document).body : (root as Element));
  if (NOT_ENABLED.test(paneText)) {
    return {
      kind: 'okta-integration',
      mode: 'not-configured',
      apiEnabled: false,
      baseUrl: 'unknown',
      apiToken: 'unknown',
      test: 'none',
    };
  }
  // Read mode: the saved settings as text, or a disabled checkbox standing for the saved value.
  const readEnabled =
    enabled instanceof HTMLInputElement && enabled.type === 'checkbox'
      ? enabled.checked
      : /enabled?/i.test(readModeText(root, /^enable api integration$/i) ?? '')
        ? true
        : 'unknown';
  const urlText = readModeText(root, /^base url$/i);
  if (readEnabled === 'unknown' && urlText === null) return null;
  const tokenText = readModeText(root, /^api token$/i);
  return {
    kind: 'okta-integration',
    mode: 'read',
    apiEnabled: readEnabled,
    baseUrl: urlShape(null, urlText),
    apiToken: tokenText === null ? 'unknown' : tokenText.trim() ? 'filled' : 'empty',
    test: 'none',
  };
}

/** The controls a walkthrough points at, in the order the admin meets them. */
export function integrationControls(doc: Document) {
  const root = oktaTabPanel(doc, 'tab-user-management') ?? doc;
  const shownById = (id: string) => allById(root, id).find(isShown) ?? null;
  return {
    configure: shownById(INTEGRATION_HOOKS.editLink),
    enabled: findControl(root, INTEGRATION_HOOKS.enabled),
    baseUrl: findControl(root, INTEGRATION_HOOKS.baseUrl),
    apiToken: findControl(root, INTEGRATION_HOOKS.apiToken),
    test: shownById(INTEGRATION_HOOKS.testButton),
    save: shownById('userMgmtSettings.button.submit'),
  };
}
