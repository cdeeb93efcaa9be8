import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { send } from '../utils/messages';
import { type GroupLookupEntry, type GroupLookupProgress, latest } from '../utils/observations';
import { describeVerify, SCIM_API_MATCH } from '../utils/scim-api';
import type { Setup } from '../utils/setup';
import { groupLookupItem } from '../utils/storage';
import type { VaultStatus } from '../utils/vault';

type Feedback = { tone: 'ok' | 'warning' | 'problem'; text: string };

const PERMISSION_REFUSED =
  'The browser did not allow access to api.atlassian.com, so nothing was sent. Choose Verify key again and allow it to check the key.';

const time = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/**
 * Ask for the optional api.atlassian.com permission. Called first in a click handler: both browsers accept
 * a permission request only inside the admin's gesture (a request for a held permission resolves at once).
 */
function requestApiAccess(): Promise<boolean> {
  try {
    return browser.permissions.request({ origins: [SCIM_API_MATCH] }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

function useGroupLookup(): GroupLookupProgress | null {
  const [progress, setProgress] = useState<GroupLookupProgress | null>(null);
  useEffect(() => {
    void groupLookupItem.getValue().then(setProgress);
    return groupLookupItem.watch(setProgress);
  }, []);
  return progress;
}

/**
 * The far end of the setup, asked directly: does Atlassian's SCIM API accept the held key, and are the
 * groups Okta shows as pushed in the directory? The key stays in the background; this page only asks.
 */
export function ScimCheckPanel({ vault, active }: { vault: VaultStatus | undefined; active: Setup | undefined }) {
  const headingId = useId();
  const [feedback, setFeedback] = useState<Feedback>();
  const [busy, setBusy] = useState(false);
  const progress = useGroupLookup();
  const held = vault?.state === 'held';
  const verification = active ? latest(active.observations, 'scim-verification') : undefined;
  const lookup = active ? latest(active.observations, 'scim-groups') : undefined;
  const pushed = active ? latest(active.observations, 'okta-push-groups') : undefined;
  const pushedActive = pushed?.groups.filter((g) => g.status === 'active').length ?? 0;
  const running = progress?.state === 'running';

  async function verify() {
    const allowed = requestApiAccess();
    setBusy(true);
    setFeedback({ tone: 'ok', text: 'Asking Atlassian…' });
    try {
      if (!(await allowed)) return setFeedback({ tone: 'problem', text: PERMISSION_REFUSED });
      const answer = await send('verify-credentials', {});
      setFeedback(answer.ok ? describeVerify(answer.value) : { tone: 'problem', text: answer.error });
    } finally {
      setBusy(false);
    }
  }

  async function checkGroups() {
    const allowed = requestApiAccess();
    if (!(await allowed)) return setFeedback({ tone: 'problem', text: PERMISSION_REFUSED });
    const answer = await send('check-pushed-groups', {});
    setFeedback(
      answer.ok
        ? { tone: 'ok', text: `Looking up ${answer.value.total} ${answer.value.total === 1 ? 'group' : 'groups'}…` }
        : { tone: 'problem', text: answer.error },
    );
  }

  async function cancel() {
    const answer = await send('cancel-group-lookup', {});
    if (!answer.ok) setFeedback({ tone: 'problem', text: answer.error });
  }

  const last = verification ? describeVerify(verification.outcome) : undefined;
  const missing = lookup?.groups.filter((g) => !g.found) ?? [];

  return (
    <section className="credentials scim-check" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        Check with Atlassian
      </h2>
      <p className="muted">
        Sends one read-only request with the held key to api.atlassian.com (the first time, the browser asks you to
        allow that site). The key goes nowhere else.
      </p>
      <div className="credentials-actions">
        <button
          type="button"
          className="button-quiet"
          data-action="verify-credentials"
          disabled={!held || busy}
          onClick={() => void verify()}
        >
          Verify key
        </button>
        <button
          type="button"
          className="button-quiet"
          data-action="check-pushed-groups"
          disabled={!held || running || pushedActive === 0}
          onClick={() => void checkGroups()}
        >
          {pushedActive > 0
            ? `Check ${pushedActive} pushed ${pushedActive === 1 ? 'group' : 'groups'}`
            : 'Check pushed groups'}
        </button>
        {running && (
          <button
            type="button"
            className="button-danger-quiet"
            data-action="cancel-group-lookup"
            onClick={() => void cancel()}
          >
            Stop
          </button>
        )}
      </div>
      {!held && <p className="muted">Capture or enter the SCIM values first.</p>}
      {held && pushedActive === 0 && (
        <p className="muted">Open Push Groups in Okta so the assistant knows which groups were pushed.</p>
      )}
      {last && verification && (
        <p className={`feedback feedback-${last.tone}`} data-verification={verification.outcome.result}>
          {time(verification.at)}: {last.text}
        </p>
      )}
      {progress && (running || progress.finishedAt !== undefined) && <GroupProgress progress={progress} />}
      {lookup && !running && (
        <p
          className={`feedback feedback-${missing.length ? 'problem' : 'ok'}`}
          data-group-lookup={lookup.complete ? 'complete' : 'partial'}
        >
          {missing.length
            ? `${missing.length} of ${lookup.groups.length} checked ${lookup.groups.length === 1 ? 'group is' : 'groups are'} missing in Atlassian.`
            : `All ${lookup.groups.length} checked ${lookup.groups.length === 1 ? 'group is' : 'groups are'} in Atlassian.`}
          {lookup.complete ? '' : ' The check did not finish, so other groups were not looked at.'}
        </p>
      )}
      {lookup && lookup.groups.length > 0 && !running && <GroupList groups={lookup.groups} />}
      {held && verification === undefined && lookup === undefined && <p className="muted">Not checked yet.</p>}
      {feedback && (
        <p className={`feedback feedback-${feedback.tone}`} role={feedback.tone === 'ok' ? 'status' : 'alert'}>
          {feedback.text}
        </p>
      )}
    </section>
  );
}

/** How many rows the list shows; the rest is counted (a large org pushes thousands of groups). */
const LIST_MAX = 100;

/** Each group looked up, missing ones first, with its member count in Atlassian. */
function GroupList({ groups }: { groups: readonly GroupLookupEntry[] }) {
  const ordered = [...groups.filter((g) => !g.found), ...groups.filter((g) => g.found)];
  const shown = ordered.slice(0, LIST_MAX);
  return (
    <details className="disclosure-block">
      <summary>Groups looked up ({groups.length})</summary>
      <ul className="group-lookup-list">
        {shown.map((g) => (
          <li key={g.name} data-group={g.found ? 'found' : 'missing'}>
            {g.name}:{' '}
            {g.found
              ? g.members === 'unknown'
                ? 'in Atlassian (members not counted)'
                : `in Atlassian, ${g.members} ${g.members === 1 ? 'member' : 'members'}`
              : 'missing in Atlassian'}
          </li>
        ))}
      </ul>
      {ordered.length > shown.length && <p className="muted">And {ordered.length - shown.length} more.</p>}
    </details>
  );
}

function GroupProgress({ progress }: { progress: GroupLookupProgress }) {
  const pct = progress.total ? Math.round((progress.done / progress.total) * 100) : 0;
  const label =
    progress.state === 'running'
      ? progress.waitingUntil
        ? `Atlassian asked to wait; going on at ${time(progress.waitingUntil)} (${progress.done} of ${progress.total}).`
        : `Checked ${progress.done} of ${progress.total} groups…`
      : progress.state === 'done'
        ? `Checked ${progress.total} ${progress.total === 1 ? 'group' : 'groups'}.`
        : progress.state === 'cancelled'
          ? `Stopped after ${progress.done} of ${progress.total} groups.`
          : (progress.message ?? `Stopped after ${progress.done} of ${progress.total} groups.`);
  return (
    <div className="progress" data-group-progress={progress.state}>
      <span className={progress.state === 'stopped' ? 'feedback feedback-warning' : 'muted'} role="status">
        {label}
      </span>
      {progress.state === 'running' && (
        <progress className="lookup-progress" max={progress.total} value={progress.done} aria-label="Groups checked">
          {pct}%
        </progress>
      )}
    </div>
  );
}
