/** Observation builders and truth-table enumerations for the checks on the Okta app tabs. */
import type { Check, CheckInput } from '../../../utils/checks/types';
import type { Finding } from '../../../utils/findings';
import type { ReadingObservation } from '../../../utils/observations';
import type {
  AssignedEntry,
  OktaAssignedGroupsReading,
  OktaAssignedPeopleReading,
} from '../../../utils/readers/okta-assignments';
import type { OktaPushGroupsReading, PushedGroup } from '../../../utils/readers/okta-push-groups';
import type { OktaSignOnReading } from '../../../utils/readers/okta-sign-on';
import type { OktaToAppReading } from '../../../utils/readers/okta-to-app';
import { GROUP_IDS } from '../../fixtures/data';

// Okta writes expressions as `${…}`: escaped template literals, so they read as what they are.
export const SOURCE_EMAIL = `\${source.email}`;
export const SOURCE_LOGIN = `\${source.login}`;
export const EMAIL_BEFORE_AT = `\${fn:substringBefore(source.email, "@")}`;

export const MAYBE_BOOLS = [true, false, 'unknown'] as const;
export const MODES = ['read', 'edit', 'unknown'] as const;

export const toApp = (patch: Partial<OktaToAppReading> = {}): OktaToAppReading & { at: number } => ({
  kind: 'okta-to-app',
  mode: 'read',
  createUsers: true,
  updateAttributes: true,
  deactivateUsers: true,
  syncPassword: false,
  primaryEmail: 'user.email',
  at: 10,
  ...patch,
});

export const signOn = (patch: Partial<OktaSignOnReading> = {}): OktaSignOnReading & { at: number } => ({
  kind: 'okta-sign-on',
  mode: 'read',
  usernameFormat: 'email',
  updateOn: 'create-and-update',
  at: 20,
  ...patch,
});

export const pushGroups = (patch: Partial<OktaPushGroupsReading> = {}): OktaPushGroupsReading & { at: number } => ({
  kind: 'okta-push-groups',
  enabled: true,
  groups: [],
  complete: true,
  at: 30,
  ...patch,
});

export const assignedGroups = (
  patch: Partial<OktaAssignedGroupsReading> = {},
): OktaAssignedGroupsReading & { at: number } => ({
  kind: 'okta-assigned-groups',
  groups: [],
  complete: true,
  at: 40,
  ...patch,
});

export const assignedPeople = (
  patch: Partial<OktaAssignedPeopleReading> = {},
): OktaAssignedPeopleReading & { at: number } => ({
  kind: 'okta-assigned-people',
  individuals: [],
  complete: true,
  at: 50,
  ...patch,
});

/** A check's input holding these observations (each under its kind, as the background stores them). */
export function inputOf(...observations: (ReadingObservation | undefined)[]): CheckInput {
  const map: CheckInput['observations'] = {};
  for (const o of observations) if (o) map[o.kind] = o;
  return { observations: map, vault: 'unknown' };
}

export const findingsOf = (check: Check, input: CheckInput): Finding[] => check.run(input).findings ?? [];
export const problemsOf = (check: Check, input: CheckInput) =>
  findingsOf(check, input).filter((f) => f.severity === 'problem');

/** Every To App reading: mode × the four actions × Primary email known or not. */
export function allToAppReadings() {
  const out: ReturnType<typeof toApp>[] = [];
  for (const mode of MODES)
    for (const createUsers of MAYBE_BOOLS)
      for (const updateAttributes of MAYBE_BOOLS)
        for (const deactivateUsers of MAYBE_BOOLS)
          for (const syncPassword of MAYBE_BOOLS)
            for (const primaryEmail of ['user.email', 'user.login', 'unknown'])
              out.push(toApp({ mode, createUsers, updateAttributes, deactivateUsers, syncPassword, primaryEmail }));
  return out;
}

export const USERNAME_FORMATS = [
  'login',
  'login-prefix',
  'email',
  'email-prefix',
  'custom',
  'none',
  'other',
  'unknown',
] as const;
export const CUSTOM_EXPRESSIONS = [
  undefined,
  'unknown',
  '',
  'user.email',
  SOURCE_EMAIL,
  SOURCE_LOGIN,
  'user.secondEmail',
  EMAIL_BEFORE_AT,
  'String.toLowerCase(user.email)',
] as const;

/** Every Sign On reading: mode × format × (for Custom) expression × update setting. */
export function allSignOnReadings() {
  const out: ReturnType<typeof signOn>[] = [];
  for (const mode of MODES)
    for (const usernameFormat of USERNAME_FORMATS)
      for (const customExpression of usernameFormat === 'custom' ? CUSTOM_EXPRESSIONS : [undefined])
        for (const updateOn of ['create-and-update', 'create-only', 'unknown'] as const)
          out.push(
            signOn({ mode, usernameFormat, updateOn, ...(customExpression === undefined ? {} : { customExpression }) }),
          );
  return out;
}

// Groups, as the fixture names them.
export const JIRA: AssignedEntry = { name: 'atlassian-test-jira-users', id: GROUP_IDS.jiraUsers };
export const CONFLUENCE: AssignedEntry = { name: 'atlassian-test-confluence-users', id: GROUP_IDS.confluenceUsers };
export const ADMINS: AssignedEntry = { name: 'atlassian-admins', id: GROUP_IDS.admins };
export const EVERYONE: AssignedEntry = { name: 'Everyone', id: GROUP_IDS.everyone };

export const pushed = (g: AssignedEntry, patch: Partial<PushedGroup> = {}): PushedGroup => ({
  ...g,
  status: 'active',
  ...patch,
});
export const PUSH_STATUSES = ['active', 'inactive', 'error', 'pushing', 'unknown'] as const;

/** What each To App Primary email value stands for, in the words of the page notes' equivalences. */
export const PRIMARY: Record<string, string> = {
  'user.email': 'email',
  [SOURCE_EMAIL]: 'email',
  'user.login': 'login',
  'String.toLowerCase(user.email)': 'expr:lower-email',
  unknown: 'unknown',
};

/** What a Sign On reading's username stands for, in the same words (written out, not computed). */
export function usernameClass(r: ReturnType<typeof signOn>): string {
  if (r.usernameFormat !== 'custom') {
    const byFormat: Record<string, string> = {
      login: 'login',
      email: 'email',
      'login-prefix': 'prefix',
      'email-prefix': 'prefix',
      none: 'none',
      other: 'none',
    };
    return byFormat[r.usernameFormat] ?? 'unknown';
  }
  const byExpression: Record<string, string> = {
    'user.email': 'email',
    [SOURCE_EMAIL]: 'email',
    [SOURCE_LOGIN]: 'login',
    'user.secondEmail': 'secondEmail',
    [EMAIL_BEFORE_AT]: 'prefix',
    'String.toLowerCase(user.email)': 'expr:lower-email',
  };
  return byExpression[r.customExpression ?? ''] ?? 'unknown';
}
