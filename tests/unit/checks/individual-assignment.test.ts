import { describe, expect, it } from 'vitest';
import { individualAssignment } from '../../../utils/checks/individual-assignment';
import { assignedGroups, assignedPeople, findingsOf, inputOf, JIRA, MAYBE_BOOLS } from './okta-readings';

const DANA = { name: 'Dana Smith', id: '00u1danasmith0acme05' };

describe('individual-assignment', () => {
  it('warns that someone assigned alone gets no product access, and how to fix it safely', () => {
    const [f] = findingsOf(individualAssignment, inputOf(assignedPeople({ individuals: [DANA] })));
    expect(f).toMatchObject({ code: 'individual-assignment', severity: 'warning', step: 'assign-groups' });
    expect(f?.explanation).toContain('"Dana Smith"');
    expect(f?.fix).toMatch(/deactivates/);
  });

  it('follows the truth table: one or more people seen assigned alone, whole list or not; nothing otherwise', () => {
    expect(findingsOf(individualAssignment, inputOf(assignedGroups({ groups: [JIRA] })))).toEqual([]);
    for (const individuals of [[], [DANA], [DANA, { name: 'Sam Lee' }]])
      for (const complete of MAYBE_BOOLS)
        expect(findingsOf(individualAssignment, inputOf(assignedPeople({ individuals, complete }))).length).toBe(
          individuals.length > 0 ? 1 : 0,
        );
  });
});
