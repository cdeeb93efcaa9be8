/** Pure helpers every checklist surface shares: counts and times as a person reads them. */
import { STEPS } from '../utils/checklist';
import type { Site } from '../utils/pages';
import type { DerivedState } from '../utils/status';

/**
 * Findings worth a look plus problem steps that no finding explains. A problem finding already turns its
 * step into a problem, so that pair counts once.
 */
export function attentionCount(derived: DerivedState): number {
  const flagged = derived.findings.filter((f) => f.severity !== 'info');
  const explained = new Set(flagged.map((f) => f.step));
  const unexplained = STEPS.filter((s) => derived.steps[s.id].status === 'problem' && !explained.has(s.id));
  return flagged.length + unexplained.length;
}

/** "just now", "3 min ago", "2 h ago", "yesterday", "4 days ago". */
export function timeAgo(at: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - at) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return days === 1 ? 'yesterday' : `${days} days ago`;
}

export const SITE_NAMES: Record<Site, string> = {
  okta: 'the Okta Admin Console',
  atlassian: 'Atlassian Administration (admin.atlassian.com)',
};
