import { isOktaAdminOrigin, OKTA_MATCHES } from '../../utils/hosts';
import { startLoader } from '../../utils/overlay/loader';
import { forwardTestBridgeRequests } from '../../utils/test-bridge';

export default defineContentScript({
  matches: OKTA_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    // The patterns also match end-user dashboards (acme.okta.com); only admin consoles are ours.
    if (window.top !== window || !isOktaAdminOrigin(location.origin)) return;
    startLoader(ctx);
    if (import.meta.env.WXT_E2E_BRIDGE === 'on') forwardTestBridgeRequests(ctx);
  },
});
