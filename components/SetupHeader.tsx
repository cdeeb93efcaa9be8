import { type SetupsState, setupLabel } from '../utils/setup';

interface SetupHeaderProps {
  setups: SetupsState;
  onSelect: (setupId: string) => void;
}

/** Which setup the checklist shows, with a switch when the admin works on more than one. */
export function SetupHeader({ setups, onSelect }: SetupHeaderProps) {
  const all = Object.values(setups.setups).sort((a, b) => a.createdAt - b.createdAt);
  const active = setups.activeId ? setups.setups[setups.activeId] : undefined;
  return (
    <div className="setup-header">
      <h1>SCIM setup checklist</h1>
      {all.length > 1 ? (
        <label className="setup-select">
          Setup
          <select data-action="select-setup" value={active?.id ?? ''} onChange={(e) => onSelect(e.currentTarget.value)}>
            {!active && (
              <option value="" disabled>
                Choose a setup
              </option>
            )}
            {all.map((s) => (
              <option key={s.id} value={s.id}>
                {setupLabel(s)}
              </option>
            ))}
          </select>
        </label>
      ) : active ? (
        <p className="setup-label">{setupLabel(active)}</p>
      ) : (
        <p className="muted">
          No setup yet. Open the Okta Admin Console or admin.atlassian.com and the assistant will recognize your orgs.
          You can tick steps already.
        </p>
      )}
    </div>
  );
}
