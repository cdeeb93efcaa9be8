/**
 * The SCIM base URL and API key where admin.atlassian.com shows them: on "Set up user provisioning"
 * (older wording "Directory base URL"), and in the dialog after "Regenerate API key". This reader's
 * result is a secret: it goes straight to the background's vault and is never stored as an observation.
 * Facts: ../shared/pages/atlassian-admin.md "Navigation" and "The two values" (no public DOM: labels only).
 */
import { type Control, fieldContainer, findControl, labelsMatching, textOf } from './dom';

export const BASE_URL_LABELS = [/^(scim|directory) base url$/i];
export const API_KEY_LABELS = [/^api key$/i];

export interface ScimValues {
  baseUrl: string | null;
  apiKey: string | null;
}

/** A value shown as text rather than in a field: a code-like element in the same field row. */
function shownText(root: ParentNode, labels: readonly RegExp[]): string | null {
  for (const re of labels) {
    for (const label of labelsMatching(root, re)) {
      const row = fieldContainer(label) ?? label.parentElement;
      const value = row?.querySelector('code, pre, output, [data-testid$="-value"]');
      if (value) return textOf(value) || null;
    }
  }
  return null;
}

function fieldValue(control: Control | null): string | null {
  const value = control?.value.trim();
  return value ? value : null;
}

export function readScimValues(root: ParentNode): ScimValues {
  return {
    baseUrl: fieldValue(findControl(root, { labels: BASE_URL_LABELS })) ?? shownText(root, BASE_URL_LABELS),
    apiKey: fieldValue(findControl(root, { labels: API_KEY_LABELS })) ?? shownText(root, API_KEY_LABELS),
  };
}

/** Whether a click landed on the page's own copy control for one of the two values. */
export function isCopyControlFor(target: Element | null): boolean {
  const button = target?.closest('button, [role="button"]');
  if (!button) return false;
  const name = `${textOf(button)} ${button.getAttribute('aria-label') ?? ''}`;
  if (!/\bcop(y|ied)\b/i.test(name)) return false;
  const row = fieldContainer(button) ?? button.parentElement?.parentElement;
  const labels = row ? [...row.querySelectorAll('label')].map(textOf) : [];
  const describedBy = (button.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => textOf(id ? button.ownerDocument.getElementById(id) : null));
  return [...labels, ...describedBy].some((t) => [...BASE_URL_LABELS, ...API_KEY_LABELS].some((re) => re.test(t)));
}
