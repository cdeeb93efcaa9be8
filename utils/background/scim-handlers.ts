/**
 * Handlers of the SCIM API messages. Which groups to look up comes from what Okta's Push Groups page
 * showed (stored, never from the message); the requests themselves are made by the SCIM service.
 */
import type { Answer, MessageType, Payload } from '../messages';
import { latest } from '../observations';
import { setupsItem } from '../storage';
import type { HandlerContext } from './router';
import type { ScimService } from './scim-service';

type Handler<K extends MessageType> = (payload: Payload<K>, ctx: HandlerContext) => Promise<Answer<K>>;
type ScimMessage = 'verify-credentials' | 'check-pushed-groups' | 'cancel-group-lookup';

export interface ScimHandlerDeps {
  scim: ScimService;
  /**
   * Ask the browser for the optional api.atlassian.com permission. Extension pages ask from the click
   * itself before sending; a page's click reaches here by message, where Chrome still counts it as the
   * admin's gesture and Firefox does not (then the answer says to use the checklist).
   */
  requestApiPermission: () => Promise<boolean>;
}

export const NO_PUSHED_GROUPS =
  'No pushed groups are known yet. Open the Atlassian Cloud app’s Push Groups tab in Okta first, then check again.';

export function createScimHandlers(deps: ScimHandlerDeps): { [K in ScimMessage]: Handler<K> } {
  const refuse = (r: { error: string; code: string }) => ({ ok: false as const, error: r.error, code: r.code });
  return {
    async 'verify-credentials'(_payload, { kind }) {
      let result = await deps.scim.verify();
      if (!result.ok && result.code === 'api-permission-needed' && kind !== 'extension-page') {
        const granted = await deps.requestApiPermission().catch(() => false);
        if (granted) result = await deps.scim.verify();
      }
      return result.ok ? { ok: true, value: result.outcome } : refuse(result);
    },
    async 'check-pushed-groups'() {
      const state = await setupsItem.getValue();
      const active = state.activeId ? state.setups[state.activeId] : undefined;
      const pushed = active ? latest(active.observations, 'okta-push-groups') : undefined;
      // Only groups Okta calls Active claim to be in Atlassian; errors and pending pushes have their own findings.
      const names = pushed?.groups.filter((g) => g.status === 'active').map((g) => g.name) ?? [];
      if (names.length === 0) return { ok: false, error: NO_PUSHED_GROUPS, code: 'no-pushed-groups' };
      const started = await deps.scim.startLookup(names);
      if (!started.ok) return refuse(started);
      return { ok: true, value: { total: started.total } };
    },
    async 'cancel-group-lookup'() {
      return { ok: true, value: { cancelled: await deps.scim.cancelLookup() } };
    },
  };
}
