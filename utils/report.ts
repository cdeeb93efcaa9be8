/**
 * The setup report an admin exports from the side panel: every step, every finding and when each page was
 * read, as plain data, then as Markdown (for a ticket) or JSON (for tooling). Pure functions only.
 *
 * What never goes in: the API key (storage never holds it; anything key-shaped is scrubbed anyway) and, unless
 * the admin opts in, the SCIM directory id (masked to its last four wherever it appears).
 */
import { SECTIONS, STATUS_LABELS, STEPS, type StepStatus } from './checklist';
import type { Severity } from './findings';
import type { Observation } from './observations';
import type { Setup } from './setup';
import type { DerivedState } from './status';
import type { VaultStatus } from './vault';

export const REPORT_SCHEMA = 'scim-setup-report';
export const REPORT_SCHEMA_VERSION = 1;

export interface ReportOptions {
  /** Show the SCIM directory id in full; masked to its last four otherwise. */
  includeDirectoryId: boolean;
  /** Epoch ms: when the report is generated. */
  now: number;
  /** The extension's version (`browser.runtime.getManifest().version`). */
  version: string;
}

export interface ReportInput {
  setup: Setup;
  derived: DerivedState;
  /** Only read to learn the SCIM directory id (from the base URL); nothing else of it is reported. */
  vault: VaultStatus | undefined;
  options: ReportOptions;
}

export interface ReportStep {
  id: string;
  section: string;
  sectionTitle: string;
  title: string;
  status: StepStatus;
  statusLabel: string;
  /** Who decided the status: a page read, the admin's tick, or nobody yet. */
  decidedBy: 'page' | 'user' | 'none';
  evidence: string | null;
  /** ISO 8601 UTC: when the page that decided it was read. */
  observedAt: string | null;
}

export interface ReportFinding {
  severity: Severity;
  code: string;
  title: string;
  explanation: string;
  fix: string;
  step: string | null;
}

export interface ReportObservation {
  /** The key in the setup's observations (`visit:<page>` or the reading's kind). */
  key: string;
  kind: string;
  page: string | null;
  /** ISO 8601 UTC. */
  at: string;
  /** A bounded summary of what was read; never the full lists. */
  summary: string;
}

export interface SetupReport {
  schema: typeof REPORT_SCHEMA;
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  generatedAt: string;
  extensionVersion: string;
  setup: {
    oktaOrg: string | null;
    atlassianOrgId: string | null;
    atlassianSiteId: string | null;
    /** Masked (`…1a2b`) unless the admin opted in; null when the assistant does not hold the SCIM base URL. */
    scimDirectoryId: string | null;
    scimDirectoryIdMasked: boolean;
    createdAt: string;
    updatedAt: string;
  };
  progress: { done: number; total: number; problems: number };
  steps: ReportStep[];
  findings: ReportFinding[];
  observations: ReportObservation[];
}

// ---------------------------------------------------------------------------------------------------------
// Redaction

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const DIRECTORY_URL = new RegExp(`/scim/directory/(${UUID})`, 'i');
/** A UUID shortly after the word "directory": `scim/directory/…`, `directory - …`, `directoryId: …`. */
const AFTER_DIRECTORY = new RegExp(`(directory[^\\n]{0,16}?)(${UUID})`, 'gi');
const ATLASSIAN_KEY = /(?:ATCTT|ATATT)[A-Za-z0-9+/=_-]*/g;
const LONG_RUN = /[A-Za-z0-9+/=_-]{40,}/g;
export const REDACTED = '[redacted]';

/** The directory id from a SCIM base URL (`https://api.atlassian.com/scim/directory/{uuid}`). */
export function directoryIdOf(baseUrl: string | undefined): string | undefined {
  return baseUrl?.match(DIRECTORY_URL)?.[1];
}

/** `…1a2b`: enough to tell two directories apart, not enough to address one. */
export function maskDirectoryId(id: string): string {
  return `…${id.slice(-4)}`;
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every occurrence of the known directory id, and any UUID right after "directory", masked. */
export function maskDirectoryIds(text: string, knownId?: string): string {
  let out = text;
  if (knownId) out = out.replace(new RegExp(escapeRegExp(knownId), 'gi'), maskDirectoryId(knownId));
  return out.replace(AFTER_DIRECTORY, (_, before: string, id: string) => `${before}${maskDirectoryId(id)}`);
}

/**
 * A long run of base64-ish characters that holds a letter, a digit and an unbroken stretch of 20+ characters
 * (so hyphenated group names, UUIDs and URL paths are left alone).
 */
function looksLikeSecret(run: string): boolean {
  if (!/[A-Za-z]/.test(run) || !/\d/.test(run)) return false;
  return run.split(/[/_-]/).some((piece) => piece.length >= 20);
}

/** Anything that looks like an Atlassian API key (`ATATT…`, `ATCTT…`, long base64 runs) becomes `[redacted]`. */
export function scrubSecrets(text: string): string {
  return text.replace(ATLASSIAN_KEY, REDACTED).replace(LONG_RUN, (run) => (looksLikeSecret(run) ? REDACTED : run));
}

/** Every string of a plain value, rewritten (object keys kept). */
function mapStrings<T>(value: T, fn: (s: string) => string): T {
  if (typeof value === 'string') return fn(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, fn)])) as T;
  }
  return value;
}

// ---------------------------------------------------------------------------------------------------------
// Building

const iso = (ms: number) => new Date(ms).toISOString();
const SUMMARY_TEXT_MAX = 120;
const LISTED_MAX = 5;
const SKIPPED_FIELDS = new Set(['kind', 'at', 'appId', 'page']);

function clip(text: string, max = SUMMARY_TEXT_MAX) {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** `unsyncedGroups` → `unsynced groups`. */
function words(key: string) {
  return key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function scalar(value: unknown): string | undefined {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return clip(value);
  return undefined;
}

type Rec = Record<string, unknown>;
const isRecord = (x: unknown): x is Rec => !!x && typeof x === 'object' && !Array.isArray(x);
const labelOf = (r: Rec) => (typeof r.name === 'string' ? r.name : undefined);

/** `"A", "B" and 3 more`: at most LISTED_MAX names, each clipped. */
function someNames(records: Rec[]): string {
  const names = records.slice(0, LISTED_MAX).map((r) => `"${clip(labelOf(r) ?? '?', 60)}"`);
  const more = records.length > LISTED_MAX ? ` and ${records.length - LISTED_MAX} more` : '';
  return `${names.join(', ')}${more}`;
}

/** An item of a short list: its name and the size of its own lists (`"Jira" (3 groups)`). */
function shortItem(r: Rec): string {
  const lists = Object.entries(r)
    .filter(([, v]) => Array.isArray(v))
    .map(([k, v]) => `${(v as unknown[]).length} ${words(k)}`);
  return `"${clip(labelOf(r) ?? '?', 60)}"${lists.length ? ` (${lists.join(', ')})` : ''}`;
}

/**
 * `2002 (2000 active, 2 error; with errors: "Sales", …)`: a list as its length, its statuses and a few of
 * the entries that need a look (errors, not found). A short list names its entries.
 */
function summariseList(list: unknown[]): string {
  const records = list.filter(isRecord);
  const statuses = new Map<string, number>();
  for (const r of records) {
    if (typeof r.status === 'string') statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
  }
  const parts: string[] = [];
  if (statuses.size > 0) parts.push([...statuses].map(([status, n]) => `${n} ${status}`).join(', '));
  const failing = records.filter((r) => r.status === 'error' && labelOf(r));
  if (failing.length > 0) parts.push(`with errors: ${someNames(failing)}`);
  const missing = records.filter((r) => r.found === false && labelOf(r));
  if (missing.length > 0) parts.push(`${missing.length} not found: ${someNames(missing)}`);
  if (parts.length === 0 && records.length > 0 && records.length <= LISTED_MAX && records.every(labelOf)) {
    parts.push(records.map(shortItem).join(', '));
  }
  return `${list.length}${parts.length ? ` (${parts.join('; ')})` : ''}`;
}

/** One field as `name: value`; a nested object one level deep (`outcome: result valid, user count 12`). */
function summariseField(key: string, value: unknown, depth = 0): string | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return `${words(key)}: ${summariseList(value)}`;
  if (isRecord(value)) {
    if (depth > 0) return `${words(key)}: …`;
    const inner = Object.entries(value)
      .map(([k, v]) => summariseField(k, v, depth + 1)?.replace(': ', ' '))
      .filter(Boolean);
    return `${words(key)}: ${inner.join(', ')}`;
  }
  return `${words(key)}: ${scalar(value) ?? String(value)}`;
}

/** What one observation showed, in one bounded line (a 2,000-group table is a count, not a list). */
export function summariseObservation(obs: Observation): string {
  if (obs.kind === 'page-visit') {
    const app = obs.atlassianApp === undefined ? '' : `; Atlassian Cloud app: ${scalar(obs.atlassianApp)}`;
    return `Page opened${app}`;
  }
  if (obs.kind === 'credentials-captured') return `SCIM values taken (${obs.via})`;
  const parts = Object.entries(obs)
    .filter(([key]) => !SKIPPED_FIELDS.has(key))
    .map(([key, value]) => summariseField(key, value))
    .filter(Boolean);
  return parts.join('; ') || 'Read';
}

function reportObservation(key: string, obs: Observation): ReportObservation {
  const page = 'page' in obs && typeof obs.page === 'string' ? obs.page : null;
  return { key, kind: obs.kind, page, at: iso(obs.at), summary: summariseObservation(obs) };
}

const SECTION_TITLES = new Map<string, string>(SECTIONS.map((s) => [s.id, s.title]));

export function buildReport({ setup, derived, vault, options }: ReportInput): SetupReport {
  const directoryId = directoryIdOf(vault?.state === 'held' ? vault.baseUrl : undefined);
  const redact = redactor(!options.includeDirectoryId, directoryId);
  const report: SetupReport = {
    schema: REPORT_SCHEMA,
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: iso(options.now),
    extensionVersion: options.version,
    setup: {
      oktaOrg: setup.oktaOrg ?? null,
      atlassianOrgId: setup.atlassianOrgId ?? null,
      atlassianSiteId: setup.atlassianSiteId ?? null,
      scimDirectoryId: directoryId ?? null,
      scimDirectoryIdMasked: !options.includeDirectoryId,
      createdAt: iso(setup.createdAt),
      updatedAt: iso(setup.updatedAt),
    },
    progress: { ...derived.progress },
    steps: STEPS.map((step) => {
      const state = derived.steps[step.id];
      return {
        id: step.id,
        section: step.section,
        sectionTitle: SECTION_TITLES.get(step.section) ?? step.section,
        title: step.title,
        status: state.status,
        statusLabel: STATUS_LABELS[state.status],
        decidedBy: state.source,
        evidence: state.evidence ?? null,
        observedAt: state.at === undefined ? null : iso(state.at),
      };
    }),
    findings: derived.findings.map((f) => ({
      severity: f.severity,
      code: f.code,
      title: f.title,
      explanation: f.explanation,
      fix: f.fix,
      step: f.step ?? null,
    })),
    observations: Object.entries(setup.observations)
      // Redacted before summarising, so clipping a long text cannot leave part of a key or id behind.
      .map(([key, obs]) => reportObservation(key, mapStrings(obs, redact)))
      .sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key)),
  };
  return mapStrings(report, redact);
}

/** Key-like strings scrubbed and, when masking, every directory id shortened to its last four. */
export function redactor(maskDirectory: boolean, knownDirectoryId?: string): (text: string) => string {
  return (text) => scrubSecrets(maskDirectory ? maskDirectoryIds(text, knownDirectoryId) : text);
}

// ---------------------------------------------------------------------------------------------------------
// Output

const KEY_ORDER = [
  'schema',
  'schemaVersion',
  'generatedAt',
  'extensionVersion',
  'setup',
  'progress',
  'steps',
  'findings',
  'observations',
  // setup
  'oktaOrg',
  'atlassianOrgId',
  'atlassianSiteId',
  'scimDirectoryId',
  'scimDirectoryIdMasked',
  'createdAt',
  'updatedAt',
  // progress
  'done',
  'total',
  'problems',
  // steps, findings, observations
  'id',
  'key',
  'kind',
  'page',
  'at',
  'section',
  'sectionTitle',
  'severity',
  'code',
  'title',
  'status',
  'statusLabel',
  'decidedBy',
  'evidence',
  'observedAt',
  'explanation',
  'fix',
  'step',
  'summary',
];
const RANK = new Map(KEY_ORDER.map((k, i) => [k, i]));

/** Keys in the schema's order (unknown keys after, alphabetically), so two exports diff cleanly. */
function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (!value || typeof value !== 'object') return value;
  const rank = (k: string) => RANK.get(k) ?? KEY_ORDER.length;
  const keys = Object.keys(value).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return Object.fromEntries(keys.map((k) => [k, ordered((value as Record<string, unknown>)[k])]));
}

/** Output passes: scrub keys again, and mask directory ids again unless the report says they are included. */
function finalPass(report: SetupReport, text: string) {
  return redactor(report.setup.scimDirectoryIdMasked)(text);
}

export function reportToJson(report: SetupReport): string {
  return finalPass(report, `${JSON.stringify(ordered(report), null, 2)}\n`);
}

/** Page-derived text, safe inline and in a table cell: one line, Markdown's active characters escaped. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .trim();
}

const SEVERITY_LABELS: Record<Severity, string> = { problem: 'Problem', warning: 'Warning', info: 'Note' };
const DECIDED_BY: Record<ReportStep['decidedBy'], string> = {
  page: 'Page',
  user: 'Admin',
  none: '–',
};

const cell = (text: string | null | undefined) => (text ? escapeMarkdown(text) : '–');
const code = (text: string) => `\`${text.replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

function table(head: string[], rows: string[][]): string[] {
  return [row(head), row(head.map(() => '---')), ...rows.map(row)];
}

export function reportToMarkdown(report: SetupReport): string {
  const s = report.setup;
  const directory = s.scimDirectoryId
    ? `${code(s.scimDirectoryId)}${s.scimDirectoryIdMasked ? ' (masked)' : ''}`
    : 'not known (the assistant does not hold the SCIM base URL)';
  const p = report.progress;
  const lines: string[] = [
    `# SCIM setup report: ${cell(s.oktaOrg ?? 'Okta org not seen')}`,
    '',
    `Generated ${report.generatedAt} by SCIM setup assistant ${cell(report.extensionVersion)} (report schema ${report.schemaVersion}). Times are UTC.`,
    '',
    '## Setup',
    '',
    ...table(
      ['', ''],
      [
        ['Okta org', cell(s.oktaOrg)],
        ['Atlassian organization id', s.atlassianOrgId ? code(s.atlassianOrgId) : '–'],
        ['Atlassian site id', s.atlassianSiteId ? code(s.atlassianSiteId) : '–'],
        ['SCIM directory id', directory],
        ['Progress', `${p.done} of ${p.total} steps done, ${p.problems} need attention`],
        ['Setup started', s.createdAt],
        ['Last change', s.updatedAt],
      ],
    ),
    '',
    '## Steps',
  ];
  for (const section of SECTIONS) {
    const steps = report.steps.filter((st) => st.section === section.id);
    if (steps.length === 0) continue;
    lines.push('', `### ${cell(section.title)}`, '');
    lines.push(
      ...table(
        ['Step', 'Status', 'Decided by', 'Evidence', 'Seen'],
        steps.map((st) => [
          `${cell(st.title)} ${code(st.id)}`,
          cell(st.statusLabel),
          DECIDED_BY[st.decidedBy],
          cell(st.evidence),
          st.observedAt ?? '–',
        ]),
      ),
    );
  }
  lines.push('', '## Findings', '');
  if (report.findings.length === 0) lines.push('None.');
  for (const f of report.findings) {
    lines.push(
      `- **${SEVERITY_LABELS[f.severity] ?? cell(f.severity)}: ${cell(f.title)}** ${code(f.code)}`,
      `  - What is wrong: ${cell(f.explanation)}`,
      `  - Fix: ${cell(f.fix)}`,
    );
    if (f.step) lines.push(`  - Step: ${code(f.step)}`);
  }
  lines.push('', '## What the assistant saw', '');
  if (report.observations.length === 0) lines.push('Nothing yet.');
  else
    lines.push(
      ...table(
        ['Seen', 'What', 'Page', 'Summary'],
        report.observations.map((o) => [o.at, code(o.kind), o.page ? code(o.page) : '–', cell(o.summary)]),
      ),
    );
  lines.push('');
  return finalPass(report, lines.join('\n'));
}

/** `scim-setup-report-acme.okta.com-2025-01-31.md` */
export function reportFileName(report: SetupReport, ext: 'md' | 'json'): string {
  const org = (report.setup.oktaOrg ?? 'okta-org-unknown').toLowerCase().replace(/[^a-z0-9.-]+/g, '-');
  return `scim-setup-report-${org}-${report.generatedAt.slice(0, 10)}.${ext}`;
}
