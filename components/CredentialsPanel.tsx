import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { type FillReport, send } from '../utils/messages';
import { vaultMinutesItem } from '../utils/storage';
import { VAULT_MINUTES, type VaultStatus } from '../utils/vault';

const MINUTE_CHOICES = [5, 10, 15, 30, 60, 120].filter((m) => m >= VAULT_MINUTES.min && m <= VAULT_MINUTES.max);
const CLIPBOARD_CLEAR_MS = 60_000;
const VIA = {
  page: 'Read from the setup page',
  'copy-button': "Taken with the page's Copy button",
  manual: 'Entered by hand',
};

type Feedback = { tone: 'ok' | 'warning' | 'problem'; text: string; finding?: string | undefined };

function minutesLeft(status: Extract<VaultStatus, { state: 'held' }>, now: number) {
  return Math.max(0, Math.ceil((status.expiresAt - now) / 60_000));
}

function describeFill(report: FillReport): Feedback {
  if (report.problems.length === 0) {
    return { tone: 'ok', text: 'Filled in Okta. Now choose Test API Credentials there, then Save.' };
  }
  return { tone: 'problem', text: report.problems.join(' ') };
}

/**
 * The SCIM base URL and API key as the admin sees them in the popup and side panel: what is held (the key
 * only as its last four), copy buttons, fill into the Okta tab, clear, and — in the side panel — manual
 * entry and how long values are kept. The key reaches this page only for a copy the admin clicked.
 */
export function CredentialsPanel({
  vault,
  now,
  compact = false,
}: {
  vault: VaultStatus | undefined;
  now: number;
  compact?: boolean;
}) {
  const [feedback, setFeedback] = useState<Feedback>();
  const [clearClipboard, setClearClipboard] = useState(true);
  const clipboardTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const headingId = useId();
  useEffect(() => () => clearTimeout(clipboardTimer.current), []);

  const held = vault?.state === 'held' ? vault : undefined;

  async function copy(which: 'baseUrl' | 'apiKey') {
    const answer = await send('copy-credential', { which });
    if (!answer.ok) return setFeedback({ tone: 'problem', text: answer.error });
    try {
      await navigator.clipboard.writeText(answer.value.value);
    } catch {
      return setFeedback({
        tone: 'problem',
        text: 'The browser did not let the extension use the clipboard. Try the button again.',
      });
    }
    const what = which === 'baseUrl' ? 'SCIM base URL' : 'API key';
    clearTimeout(clipboardTimer.current);
    if (which === 'apiKey' && clearClipboard) {
      clipboardTimer.current = setTimeout(
        () => void navigator.clipboard.writeText('').catch(() => undefined),
        CLIPBOARD_CLEAR_MS,
      );
    }
    setFeedback({
      tone: 'ok',
      text:
        which === 'apiKey'
          ? `API key copied.${clearClipboard ? ' The clipboard is emptied in a minute if this stays open.' : ''} Clipboard managers may keep their own copy.`
          : `${what} copied.`,
    });
  }

  async function fill() {
    const answer = await send('fill-credentials', {});
    setFeedback(answer.ok ? describeFill(answer.value) : { tone: 'problem', text: answer.error });
  }

  async function clear() {
    const answer = await send('clear-credentials', {});
    setFeedback(
      answer.ok
        ? { tone: 'ok', text: 'Cleared. The assistant no longer holds the SCIM values.' }
        : { tone: 'problem', text: answer.error },
    );
  }

  return (
    <section className="credentials" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        SCIM values
      </h2>
      {held ? (
        <div className="credentials-held" data-vault="held">
          <p>
            <span className="muted">SCIM base URL</span>
            <br />
            <code className="credentials-url">{held.baseUrl}</code>
          </p>
          <p>
            <span className="muted">API key</span> <code>{held.keyHint}</code>
          </p>
          <p className="muted">
            {VIA[held.source]}; forgotten in {minutesLeft(held, now)} min.
          </p>
          <div className="credentials-actions">
            <button
              type="button"
              className="button-quiet"
              data-action="copy-scim-url"
              onClick={() => void copy('baseUrl')}
            >
              Copy SCIM base URL
            </button>
            <button
              type="button"
              className="button-quiet"
              data-action="copy-api-key"
              onClick={() => void copy('apiKey')}
            >
              Copy API key
            </button>
            <button type="button" className="button-primary" data-action="fill-credentials" onClick={() => void fill()}>
              Fill into Okta
            </button>
            <button
              type="button"
              className="button-danger-quiet"
              data-action="clear-credentials"
              onClick={() => void clear()}
            >
              Clear now
            </button>
          </div>
          {!compact && (
            <label className="check">
              <input type="checkbox" checked={clearClipboard} onChange={(e) => setClearClipboard(e.target.checked)} />
              Empty the clipboard a minute after copying the key
            </label>
          )}
        </div>
      ) : (
        <p className="muted" data-vault={vault?.state ?? 'unknown'}>
          {vault?.state === 'expired'
            ? 'The values expired and were forgotten.'
            : vault?.state === 'cleared'
              ? 'The values were cleared.'
              : 'Nothing held. Open "Set up user provisioning" in admin.atlassian.com and the values are taken as they appear.'}
        </p>
      )}
      {feedback && (
        <p
          className={`feedback feedback-${feedback.tone}`}
          role={feedback.tone === 'ok' ? 'status' : 'alert'}
          data-finding={feedback.finding}
        >
          {feedback.text}
        </p>
      )}
      {!compact && <ManualEntry onResult={setFeedback} />}
      {!compact && <Lifetime />}
    </section>
  );
}

/** Paste the values when capture is not possible; validated exactly like a capture. */
function ManualEntry({ onResult }: { onResult: (f: Feedback) => void }) {
  const [baseUrl, setBaseUrl] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [error, setError] = useState<{ text: string; code?: string | undefined }>();
  const urlId = useId();
  const keyId = useId();
  const errorId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await send('enter-credentials', { baseUrl, apiKey });
    if (!answer.ok) {
      setError({ text: answer.error, code: answer.code });
      return;
    }
    setError(undefined);
    setBaseUrl('');
    setApiKey('');
    const personal = answer.value.notes.find((n) => n.code === 'scim-key-personal-token');
    const trimmed = answer.value.notes.find((n) => n.code === 'scim-url-trimmed');
    onResult(
      personal
        ? { tone: 'warning', text: personal.message, finding: personal.code }
        : { tone: 'ok', text: `Saved for this browser session.${trimmed ? ` ${trimmed.message}` : ''}` },
    );
  }

  return (
    <details className="disclosure-block">
      <summary>Enter the values yourself</summary>
      <form className="manual-entry" onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor={urlId}>SCIM base URL</label>
        <input
          id={urlId}
          type="url"
          value={baseUrl}
          placeholder="https://api.atlassian.com/scim/directory/…"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setBaseUrl(e.target.value)}
        />
        <label htmlFor={keyId}>API key</label>
        <input
          id={keyId}
          type="password"
          value={apiKey}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setApiKey(e.target.value)}
        />
        {error && (
          <p id={errorId} className="feedback feedback-problem" role="alert" data-finding={error.code}>
            {error.text}
          </p>
        )}
        <button type="submit" className="button-primary" data-action="enter-credentials">
          Keep for this session
        </button>
      </form>
    </details>
  );
}

/** How long values are kept (5–120 minutes); applies to what is held now too. */
function Lifetime() {
  const [minutes, setMinutes] = useState<number>(VAULT_MINUTES.default);
  const [error, setError] = useState<string>();
  const id = useId();
  useEffect(() => {
    void vaultMinutesItem.getValue().then(setMinutes);
    return vaultMinutesItem.watch((m) => setMinutes(m));
  }, []);
  async function change(value: number) {
    const answer = await send('set-vault-minutes', { minutes: value });
    setError(answer.ok ? undefined : answer.error);
  }
  return (
    <p className="lifetime">
      <label htmlFor={id}>Forget the values after</label>{' '}
      <select
        id={id}
        value={minutes}
        data-action="set-vault-minutes"
        onChange={(e) => void change(Number(e.target.value))}
      >
        {MINUTE_CHOICES.map((m) => (
          <option key={m} value={m}>
            {m} minutes
          </option>
        ))}
      </select>
      {error && (
        <span className="feedback feedback-problem" role="alert">
          {' '}
          {error}
        </span>
      )}
    </p>
  );
}
