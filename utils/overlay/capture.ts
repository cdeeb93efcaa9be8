/**
 * Capture on admin.atlassian.com: hand the SCIM base URL and API key to the background when the page
 * shows them, and again when the admin uses the page's own Copy controls. The values are not kept here:
 * only a fingerprint, to avoid sending the same pair twice.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type Answer, send } from '../messages';
import { isCopyControlFor, readScimValues } from '../readers/atlassian-scim-values';

/** FNV-1a, enough to tell two pairs apart without holding either. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

export type CaptureOutcome = Answer<'capture-credentials'>;

export function createCapture(ctx: ContentScriptContext, onOutcome: (outcome: CaptureOutcome) => void) {
  let sent = '';

  async function hand(via: 'page' | 'copy-button', force: boolean) {
    const { baseUrl, apiKey } = readScimValues(document);
    if (!baseUrl || !apiKey) return;
    const print = fingerprint(`${baseUrl}\n${apiKey}`);
    if (print === sent && !force) return;
    sent = print;
    onOutcome(await send('capture-credentials', { baseUrl, apiKey, via }));
  }

  // Capture phase, passive: the page's own copy handler runs as usual.
  ctx.addEventListener(
    document,
    'click',
    (event) => {
      if (event.isTrusted === true && isCopyControlFor(event.target instanceof Element ? event.target : null))
        void hand('copy-button', true);
    },
    { capture: true, passive: true },
  );

  return {
    /** Called whenever the page was re-read. */
    check: () => hand('page', false),
  };
}
