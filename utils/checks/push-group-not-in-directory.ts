/**
 * Groups Okta's Push Groups shows as Active that the Atlassian directory does not have, from the
 * background's lookup of each name in the SCIM API. Only groups Okta still shows as Active count (a group
 * removed from Push Groups since is not a problem), and the lookup must be newer than the key's capture.
 * When every looked-up group is there with members, the users evidently arrived: assign-verify-sync.
 */
import { latest } from '../observations';
import { count, nameList } from './group-lists';
import type { Check } from './types';

const key = (name: string) => name.trim().toLowerCase();

export const pushGroupNotInDirectory: Check = {
  id: 'push-group-not-in-directory',
  findings: ['push-group-not-in-directory'],
  steps: ['assign-verify-sync'],
  run({ observations }) {
    const lookup = latest(observations, 'scim-groups');
    if (!lookup || lookup.groups.length === 0) return {};
    const pushed = latest(observations, 'okta-push-groups');
    const stillActive = pushed
      ? new Set(pushed.groups.filter((g) => g.status === 'active').map((g) => key(g.name)))
      : undefined;
    const relevant = lookup.groups.filter((g) => !stillActive || stillActive.has(key(g.name)));
    const missing = relevant.filter((g) => !g.found);
    if (missing.length > 0) {
      return {
        findings: [
          {
            code: 'push-group-not-in-directory',
            severity: 'problem',
            step: 'groups-review-push',
            title: `${count(missing.length, 'pushed group')} missing in Atlassian`,
            explanation: `Okta shows ${nameList(missing.map((g) => g.name))} as pushed, but the Atlassian directory has no group of ${missing.length === 1 ? 'that name' : 'those names'} (checked ${new Date(lookup.at).toISOString().slice(0, 16).replace('T', ' ')} UTC). Its members will get no product access through ${missing.length === 1 ? 'it' : 'them'}.`,
            fix: 'In Okta open Push Groups, choose Push Now on each of these groups and look for an error; if the directory page in admin.atlassian.com warns about groups it could not sync, use Review groups › Sync group. Then check again.',
          },
        ],
      };
    }
    const found = relevant.filter((g) => g.found);
    if (!lookup.complete || found.length === 0) return {};
    const members = found.reduce((n, g) => n + (g.found && typeof g.members === 'number' ? g.members : 0), 0);
    const empty = found.filter((g) => g.found && g.members === 0);
    const unknownMembers = found.some((g) => g.found && g.members === 'unknown');
    // Groups there but empty prove the push, not that users arrived.
    if (empty.length > 0 || unknownMembers || members === 0) {
      return {
        steps: {
          'assign-verify-sync': {
            status: 'unknown',
            evidence: `All ${count(found.length, 'pushed group')} exist in Atlassian, but ${empty.length > 0 ? `${nameList(empty.map((g) => g.name))} ${empty.length === 1 ? 'has' : 'have'} no members yet` : 'their members could not be counted'}.`,
            at: lookup.at,
          },
        },
      };
    }
    return {
      steps: {
        'assign-verify-sync': {
          status: 'done',
          evidence: `All ${count(found.length, 'pushed group')} exist in the Atlassian directory, with ${count(members, 'membership')} in all.`,
          at: lookup.at,
        },
      },
    };
  },
};
