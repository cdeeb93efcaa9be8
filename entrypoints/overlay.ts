/**
 * The overlay, injected by the background into the top frame of a flow page (never listed in the manifest,
 * never web-accessible). It runs in the same isolated world as the loader.
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isAtlassianAdminOrigin, isOktaAdminOrigin } from '../utils/hosts';
import { createOverlayController } from '../utils/overlay/controller';
import { OVERLAY_LOADED } from '../utils/overlay/loader';

export default defineUnlistedScript(() => {
  const flags = globalThis as Record<string, unknown>;
  if (flags[OVERLAY_LOADED] || window.top !== window) return;
  const site = isOktaAdminOrigin(location.origin)
    ? 'okta'
    : isAtlassianAdminOrigin(location.origin)
      ? 'atlassian'
      : null;
  if (!site) return;
  flags[OVERLAY_LOADED] = true;
  const ctx = new ContentScriptContext('scim-setup-assistant-overlay');
  ctx.onInvalidated(() => {
    flags[OVERLAY_LOADED] = false;
  });
  void createOverlayController(ctx, site).start();
});
