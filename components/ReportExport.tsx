import { useEffect, useId, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import {
  buildReport,
  directoryIdOf,
  maskDirectoryId,
  reportFileName,
  reportToJson,
  reportToMarkdown,
} from '../utils/report';
import type { Setup } from '../utils/setup';
import type { DerivedState } from '../utils/status';
import type { VaultStatus } from '../utils/vault';

/** Long enough for Firefox to have read the Blob before its URL is revoked. */
export const REVOKE_AFTER_MS = 1_000;

const FORMATS = {
  md: { type: 'text/markdown;charset=utf-8', label: 'Markdown' },
  json: { type: 'application/json;charset=utf-8', label: 'JSON' },
} as const;

type Feedback = { tone: 'ok' | 'problem'; text: string };

function extensionVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return 'unknown';
  }
}

/**
 * Saves text as a file from an extension page: a Blob URL on a temporary `<a download>`, clicked, then
 * revoked. Needs no `downloads` permission.
 */
export function saveTextFile(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  // Firefox only follows a link that is in the document.
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

interface ReportExportProps {
  active: Setup | undefined;
  derived: DerivedState;
  vault: VaultStatus | undefined;
}

/** "Setup report": the active setup as Markdown or JSON, to download or copy. */
export function ReportExport({ active, derived, vault }: ReportExportProps) {
  const [includeDirectoryId, setIncludeDirectoryId] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>();
  const headingId = useId();
  const aboutId = useId();
  const directoryHelpId = useId();
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const directoryId = directoryIdOf(vault?.state === 'held' ? vault.baseUrl : undefined);
  const disabled = !active;

  const makeReport = (setup: Setup) =>
    buildReport({
      setup,
      derived,
      vault,
      options: { includeDirectoryId, now: Date.now(), version: extensionVersion() },
    });

  function download(format: keyof typeof FORMATS) {
    if (!active) return;
    try {
      const report = makeReport(active);
      const fileName = reportFileName(report, format);
      saveTextFile(format === 'md' ? reportToMarkdown(report) : reportToJson(report), fileName, FORMATS[format].type);
      setFeedback({ tone: 'ok', text: `${FORMATS[format].label} report saved as ${fileName}.` });
    } catch (e) {
      setFeedback({ tone: 'problem', text: `The report could not be saved. ${e instanceof Error ? e.message : ''}` });
    }
  }

  function copy() {
    if (!active) return;
    // writeText is called inside the click, before any await: browsers allow the clipboard only then.
    let writing: Promise<void>;
    try {
      writing = navigator.clipboard.writeText(reportToMarkdown(makeReport(active)));
    } catch (e) {
      writing = Promise.reject(e);
    }
    const show = (next: Feedback) => {
      if (mounted.current) setFeedback(next);
    };
    writing.then(
      () => show({ tone: 'ok', text: 'Report copied as Markdown.' }),
      () =>
        show({
          tone: 'problem',
          text: 'The browser did not let the extension use the clipboard. Try again, or download the report.',
        }),
    );
  }

  return (
    <section className="report" aria-labelledby={headingId} data-section="report">
      <h2 id={headingId} className="section-title">
        Setup report
      </h2>
      <p id={aboutId} className="muted">
        {active
          ? 'Every step, finding and page read of this setup, for a ticket or a change record. The API key is never in it.'
          : 'There is no setup to report on yet. Open an Okta or Atlassian admin page first.'}
      </p>
      <label className="check">
        <input
          type="checkbox"
          data-action="toggle-report-directory-id"
          checked={includeDirectoryId}
          disabled={disabled}
          aria-describedby={directoryHelpId}
          onChange={(e) => setIncludeDirectoryId(e.currentTarget.checked)}
        />
        Include the SCIM directory id
      </label>
      <p id={directoryHelpId} className="muted report-hint">
        {directoryId
          ? `Left out, it shows as ${maskDirectoryId(directoryId)} (its last four characters).`
          : 'Left out, any directory id in the report shows as its last four characters.'}
      </p>
      <div className="report-actions">
        <button
          type="button"
          className="button-quiet"
          data-action="export-report"
          disabled={disabled}
          aria-describedby={aboutId}
          onClick={() => download('md')}
        >
          Download Markdown
        </button>
        <button
          type="button"
          className="button-quiet"
          data-action="export-report-json"
          disabled={disabled}
          aria-describedby={aboutId}
          onClick={() => download('json')}
        >
          Download JSON
        </button>
        <button
          type="button"
          className="button-quiet"
          data-action="copy-report"
          disabled={disabled}
          aria-describedby={aboutId}
          onClick={copy}
        >
          Copy as Markdown
        </button>
      </div>
      <p role="status" className={feedback ? `feedback feedback-${feedback.tone}` : 'feedback'}>
        {feedback?.text ?? ''}
      </p>
    </section>
  );
}
