import { useEffect, useId, useRef, useState } from 'react';
import type { Site } from '../utils/pages';
import type { Setup } from '../utils/setup';
import type { Settings } from '../utils/storage';
import type { RunAction } from './useSend';

const OVERLAY_LABELS: Record<Site, string> = {
  okta: 'On Okta Admin Console pages',
  atlassian: 'On admin.atlassian.com pages',
};

interface SettingsPanelProps {
  settings: Settings;
  active: Setup | undefined;
  run: RunAction;
}

/** Collapsed by default: the overlay switches and resetting a setup are rarely needed. */
export function SettingsPanel({ settings, active, run }: SettingsPanelProps) {
  const [open, setOpen] = useState(false);
  const contentId = useId();
  return (
    <section className="settings">
      <h2>
        <button
          type="button"
          className="disclosure"
          data-action="toggle-settings"
          aria-expanded={open}
          aria-controls={contentId}
          onClick={() => setOpen(!open)}
        >
          <span className="disclosure-icon" aria-hidden="true">
            ▸
          </span>
          Settings
        </button>
      </h2>
      <div id={contentId} className="settings-body" hidden={!open}>
        <fieldset>
          <legend>Show the assistant inside the admin pages</legend>
          {(['okta', 'atlassian'] as const).map((site) => (
            <label key={site} className="check">
              <input
                type="checkbox"
                data-action="toggle-overlay"
                value={site}
                checked={settings.overlay[site]}
                onChange={(e) => void run('set-overlay', { site, enabled: e.currentTarget.checked })}
              />
              {OVERLAY_LABELS[site]}
            </label>
          ))}
        </fieldset>
        {active && <ResetSetup setup={active} run={run} />}
      </div>
    </section>
  );
}

/** Reset asks first, in the panel, and moves focus so a keyboard user lands on the safe choice. */
function ResetSetup({ setup, run }: { setup: Setup; run: RunAction }) {
  const [confirming, setConfirming] = useState(false);
  const [resetDone, setResetDone] = useState(false);
  const resetButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  const detailId = useId();

  useEffect(() => {
    if (confirming) cancelButton.current?.focus();
    else if (asked.current) resetButton.current?.focus();
    asked.current = confirming;
  }, [confirming]);

  const confirm = async () => {
    if (await run('reset-setup', { setupId: setup.id })) {
      setConfirming(false);
      setResetDone(true);
    }
  };

  return (
    <div className="reset">
      {confirming ? (
        <fieldset
          className="confirm"
          aria-describedby={detailId}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setConfirming(false);
          }}
        >
          <legend className="confirm-title">Reset this setup?</legend>
          <p id={detailId}>
            The assistant forgets every tick and everything it saw on pages for this setup. It stays linked to the same
            Okta org and Atlassian organization. Nothing changes in Okta or Atlassian.
          </p>
          <div className="confirm-actions">
            <button type="button" className="button-danger" data-action="confirm-reset" onClick={confirm}>
              Reset progress
            </button>
            <button type="button" ref={cancelButton} data-action="cancel-reset" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </fieldset>
      ) : (
        <button
          type="button"
          ref={resetButton}
          className="button-quiet button-danger-quiet"
          data-action="reset-setup"
          onClick={() => {
            setResetDone(false);
            setConfirming(true);
          }}
        >
          Reset this setup…
        </button>
      )}
      <p role="status" className="muted">
        {resetDone ? 'Progress for this setup was reset.' : ''}
      </p>
    </div>
  );
}
