/** Matching the groups seen on Assignments with those on Push Groups, for the group checks. */
import type { AssignedEntry } from '../readers/okta-assignments';
import type { PushedGroup } from '../readers/okta-push-groups';

/** Okta's built-in group of every user: it can be assigned but never pushed (okta-admin.md; fixture). */
const EVERYONE = /^everyone$/i;

const key = (name: string) => name.trim().toLowerCase();

/**
 * Assigned groups with no row on Push Groups. Ids decide where both sides have one (two groups may share
 * a name); names decide otherwise. Linear in the list sizes: both lists can hold thousands of groups.
 */
export function assignedNotPushed(assigned: readonly AssignedEntry[], pushed: readonly PushedGroup[]): AssignedEntry[] {
  const ids = new Set<string>();
  const namesWithoutId = new Set<string>();
  const names = new Set<string>();
  for (const p of pushed) {
    if (p.id) ids.add(p.id);
    else namesWithoutId.add(key(p.name));
    names.add(key(p.name));
  }
  return assigned.filter((a) => {
    if (EVERYONE.test(a.name.trim())) return false;
    if (a.id) return !ids.has(a.id) && !namesWithoutId.has(key(a.name));
    return !names.has(key(a.name));
  });
}

/** "a, b and c", or "a, b, c and 7 more": names for a sentence, never an unbounded list. */
export function nameList(names: readonly string[], max = 3): string {
  const quoted = names.map((n) => `"${n}"`);
  if (quoted.length <= max)
    return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
  return `${quoted.slice(0, max).join(', ')} and ${quoted.length - max} more`;
}

/** "1 group" / "3 groups". */
export const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
