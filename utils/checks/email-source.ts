/**
 * Which Okta attribute a value is drawn from, for the email consistency rule (okta-admin.md "Email
 * consistency rule"): `user.email` ≡ format "Email" ≡ `${source.email}`; `user.login` ≡ "Okta username" ≡
 * `${source.login}`; a Custom expression is whatever it names; a "… prefix" format is never a full email.
 * Shared by the checks that compare To App's Primary email with Sign On's Application username format.
 */
import type { OktaSignOnReading } from '../readers/okta-sign-on';
import type { OktaToAppReading } from '../readers/okta-to-app';

export type EmailSource =
  /** One Okta profile attribute, as named (`email`, `login`, `secondEmail`…). */
  | { kind: 'attribute'; name: string }
  /** The part before "@" of an attribute: never a whole email address. */
  | { kind: 'prefix'; of: string }
  /** Any other expression, normalised (`source.` read as `user.`, `${…}` and spacing dropped). */
  | { kind: 'expression'; text: string }
  /** A username format this rule cannot compare: (None), or one we do not model (AD/LDAP variants). */
  | { kind: 'uncomparable'; label: string }
  | { kind: 'unknown' };

const UNKNOWN: EmailSource = { kind: 'unknown' };
const ATTRIBUTE = /^(?:user|source)\.([A-Za-z_][A-Za-z0-9_]*)$/;
const PREFIX = /^(?:fn:|String\.)substringBefore\(\s*(?:user|source)\.([A-Za-z_][A-Za-z0-9_]*)\s*,\s*["']@["']\s*\)$/;

/** An Okta expression (`user.email`, `${source.email}`, `String.toLowerCase(user.email)`…) → its source. */
export function expressionSource(raw: string): EmailSource {
  const text = raw
    .trim()
    .replace(/^\$\{([\s\S]*)\}$/, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return UNKNOWN;
  const attribute = ATTRIBUTE.exec(text)?.[1];
  if (attribute) return { kind: 'attribute', name: attribute };
  const prefix = PREFIX.exec(text)?.[1];
  if (prefix) return { kind: 'prefix', of: prefix };
  return {
    kind: 'expression',
    text: text
      .replace(/\bsource\./g, 'user.')
      .replace(/\s*([(),])\s*/g, '$1')
      .toLowerCase(),
  };
}

/** What To App maps Primary email from. */
export function primaryEmailSource(r: OktaToAppReading | undefined): EmailSource {
  return !r || r.primaryEmail === 'unknown' ? UNKNOWN : expressionSource(r.primaryEmail);
}

/** What Sign On's Application username format (the SAML email) is drawn from. */
export function usernameSource(r: OktaSignOnReading | undefined): EmailSource {
  switch (r?.usernameFormat) {
    case 'login':
      return { kind: 'attribute', name: 'login' };
    case 'email':
      return { kind: 'attribute', name: 'email' };
    case 'login-prefix':
      return { kind: 'prefix', of: 'login' };
    case 'email-prefix':
      return { kind: 'prefix', of: 'email' };
    case 'custom':
      return r.customExpression === undefined || r.customExpression === 'unknown'
        ? UNKNOWN
        : expressionSource(r.customExpression);
    case 'none':
      return { kind: 'uncomparable', label: '(None)' };
    case 'other':
      return { kind: 'uncomparable', label: 'a format the assistant does not know' };
    default:
      return UNKNOWN;
  }
}

export type Comparison = 'same' | 'different' | 'prefix' | 'undecided' | 'unknown';

/**
 * Primary email against the username. `different` only when both name plain attributes and the names
 * differ; `prefix` when the username is a prefix format; `undecided` when an expression or an unmodelled
 * format is involved and the texts differ (it may still be right); `unknown` when either side is.
 */
export function compareSources(primary: EmailSource, username: EmailSource): Comparison {
  if (primary.kind === 'unknown' || username.kind === 'unknown') return 'unknown';
  if (username.kind === 'prefix') return 'prefix';
  if (primary.kind === 'attribute' && username.kind === 'attribute')
    return primary.name.toLowerCase() === username.name.toLowerCase() ? 'same' : 'different';
  if (primary.kind === 'expression' && username.kind === 'expression')
    return primary.text === username.text ? 'same' : 'undecided';
  return 'undecided';
}

/** How a person would name the source: `user.email`, "the part of user.login before @", "(None)". */
export function describeSource(s: EmailSource): string {
  switch (s.kind) {
    case 'attribute':
      return `user.${s.name}`;
    case 'prefix':
      return `the part of user.${s.of} before "@"`;
    case 'expression':
      return `the expression ${s.text}`;
    case 'uncomparable':
      return s.label;
    default:
      return 'not known';
  }
}

/** The format as Okta's menu names it, for explanations. */
export const FORMAT_LABELS: Record<OktaSignOnReading['usernameFormat'], string> = {
  login: 'Okta username',
  'login-prefix': 'Okta username prefix',
  email: 'Email',
  'email-prefix': 'Email prefix',
  custom: 'Custom',
  none: '(None)',
  other: 'another format',
  unknown: 'not known',
};
