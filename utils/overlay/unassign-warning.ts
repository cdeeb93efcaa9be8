/**
 * On Assignments: the moment the admin goes to remove a person or group from the app, say what that does
 * in Atlassian (okta-admin.md "Assignments tab": unassigning deactivates the Atlassian account). It only
 * listens — passive, capture phase — and never blocks the page's own action or its confirmation.
 */
import type { Finding } from '../findings';

export const UNASSIGN_FINDING: Finding = {
  code: 'unassign-deactivates',
  severity: 'warning',
  title: 'Removing an assignment deactivates Atlassian accounts',
  explanation:
    'Everyone who loses this app in Okta — on their own or through the group — is deactivated in Atlassian and loses product access.',
  fix: 'Go ahead only if that is what you want. While testing, remove test accounts or test groups only.',
};

/** Remove controls on the Assignments list: class and data-se seen on the replica, then names a person reads. */
const REMOVE = '.remove-assignment, [data-se^="remove-"]';
const REMOVE_NAME = /^(remove|unassign)\b/i;

export function isUnassignControl(target: EventTarget | null): boolean {
  const el = target instanceof Element ? target.closest('button, a, [role="button"]') : null;
  if (!el) return false;
  if (el.matches(REMOVE)) return true;
  const name = el.getAttribute('aria-label') ?? el.getAttribute('title') ?? el.textContent ?? '';
  return REMOVE_NAME.test(name.trim());
}
