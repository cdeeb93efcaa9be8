import { isOktaAdminOrigin, OKTA_MATCHES } from '../../utils/hosts';
import { createOverlayController } from '../../utils/overlay/controller';

export default defineContentScript({
  matches: OKTA_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    // The patterns also match end-user dashboards (acme.okta.com); only admin consoles are ours.
    if (window.top !== window || !isOktaAdminOrigin(location.origin)) return;
    void createOverlayController(ctx, 'okta').start();
  },
});
