import { ATLASSIAN_ADMIN_MATCHES } from '../../utils/hosts';
import { createOverlayController } from '../../utils/overlay/controller';

export default defineContentScript({
  matches: ATLASSIAN_ADMIN_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    if (window.top !== window) return;
    void createOverlayController(ctx, 'atlassian').start();
  },
});
