import { describe, expect, it } from 'vitest';
import { pushGroupMissing } from '../../../utils/checks/push-group-missing';
import {
  ADMINS,
  assignedGroups,
  CONFLUENCE,
  EVERYONE,
  findingsOf,
  inputOf,
  JIRA,
  MAYBE_BOOLS,
  pushed,
  pushGroups,
} from './okta-readings';

const noId = ({ name }: { name: string }) => ({ name });

/** Push Groups lists, by what they hold. */
const PUSHED = {
  none: [],
  both: [pushed(JIRA), pushed(CONFLUENCE)],
  jiraOnly: [pushed(JIRA, { status: 'error', error: 'x' })],
  byNameOnly: [pushed(noId(JIRA)), pushed(noId(CONFLUENCE), { status: 'pushing' })],
  sameNameOtherId: [pushed({ ...JIRA, id: '00gSomeOtherGroup001' }), pushed(CONFLUENCE, { status: 'inactive' })],
};
/** Assignments lists. */
const ASSIGNED = {
  none: [],
  both: [JIRA, CONFLUENCE],
  withAdmins: [JIRA, CONFLUENCE, ADMINS],
  everyone: [EVERYONE],
  jiraWithoutId: [noId(JIRA)],
};
/** Which assigned groups are missing from Push Groups, written out per pair. */
const MISSING: Record<keyof typeof ASSIGNED, Record<keyof typeof PUSHED, string[]>> = {
  none: { none: [], both: [], jiraOnly: [], byNameOnly: [], sameNameOtherId: [] },
  both: {
    none: [JIRA.name, CONFLUENCE.name],
    both: [],
    jiraOnly: [CONFLUENCE.name],
    byNameOnly: [],
    sameNameOtherId: [JIRA.name],
  },
  withAdmins: {
    none: [JIRA.name, CONFLUENCE.name, ADMINS.name],
    both: [ADMINS.name],
    jiraOnly: [CONFLUENCE.name, ADMINS.name],
    byNameOnly: [ADMINS.name],
    sameNameOtherId: [JIRA.name, ADMINS.name],
  },
  // Okta's Everyone group cannot be pushed: never reported.
  everyone: { none: [], both: [], jiraOnly: [], byNameOnly: [], sameNameOtherId: [] },
  jiraWithoutId: { none: [JIRA.name], both: [], jiraOnly: [], byNameOnly: [], sameNameOtherId: [] },
};

describe('push-group-missing', () => {
  it('flags a group assigned but not pushed, naming it', () => {
    const [f] = findingsOf(
      pushGroupMissing,
      inputOf(pushGroups({ groups: PUSHED.both }), assignedGroups({ groups: ASSIGNED.withAdmins })),
    );
    expect(f).toMatchObject({ code: 'push-group-missing', severity: 'problem', step: 'groups-push' });
    expect(f?.explanation).toContain('"atlassian-admins"');
  });

  it('keeps long lists short in the explanation', () => {
    const many = Array.from({ length: 2_000 }, (_, i) => ({ name: `team-${i}`, id: `00g${i}` }));
    const [f] = findingsOf(pushGroupMissing, inputOf(pushGroups(), assignedGroups({ groups: many })));
    expect(f?.title).toBe('2000 assigned groups not pushed');
    expect(f?.explanation).toMatch(/"team-2" and 1997 more/);
  });

  it('follows the truth table: both lists seen, both whole, something missing — and nothing otherwise', () => {
    for (const [a, assigned] of Object.entries(ASSIGNED))
      for (const [p, list] of Object.entries(PUSHED))
        for (const pushComplete of MAYBE_BOOLS)
          for (const assignComplete of MAYBE_BOOLS)
            for (const enabled of MAYBE_BOOLS) {
              const obsPushed = pushGroups({ groups: list, complete: pushComplete, enabled });
              const obsAssigned = assignedGroups({ groups: assigned, complete: assignComplete });
              const missing = MISSING[a as keyof typeof ASSIGNED][p as keyof typeof PUSHED];
              const want = pushComplete === true && assignComplete === true && missing.length > 0;
              const findings = findingsOf(pushGroupMissing, inputOf(obsPushed, obsAssigned));
              const label = JSON.stringify({ a, p, pushComplete, assignComplete, enabled });
              expect(findings.length, label).toBe(want ? 1 : 0);
              for (const name of want ? missing : []) expect(findings[0]?.explanation, label).toContain(`"${name}"`);
              // Either list alone proves nothing.
              expect(findingsOf(pushGroupMissing, inputOf(obsPushed))).toEqual([]);
              expect(findingsOf(pushGroupMissing, inputOf(obsAssigned))).toEqual([]);
            }
  });
});
