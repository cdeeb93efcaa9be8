import { ATLASSIAN_ADMIN_MATCHES } from '../../utils/hosts';
import { startLoader } from '../../utils/overlay/loader';
import { forwardTestBridgeRequests } from '../../utils/test-bridge';

export default defineContentScript({
  matches: ATLASSIAN_ADMIN_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    if (window.top !== window) return;
    startLoader(ctx);
    if (import.meta.env.WXT_E2E_BRIDGE === 'on') forwardTestBridgeRequests(ctx);
  },
});
