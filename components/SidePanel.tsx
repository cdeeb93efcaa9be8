import type { StepId } from '../utils/checklist';
import type { ManualMark } from '../utils/setup';
import type { ChecklistStore } from '../utils/store';
import { ChecklistSections } from './ChecklistSections';
import { CredentialsPanel } from './CredentialsPanel';
import { FindingList } from './FindingList';
import { ProgressSummary } from './ProgressSummary';
import { ReportExport } from './ReportExport';
import { ScimCheckPanel } from './ScimCheckPanel';
import { SendError } from './SendError';
import { SettingsPanel } from './SettingsPanel';
import { SetupHeader } from './SetupHeader';
import { useChecklist } from './useChecklist';
import { useNow } from './useNow';
import { useSend } from './useSend';

/** The full checklist beside the admin's tabs. */
export function SidePanel({ store }: { store: ChecklistStore }) {
  const view = useChecklist(store, (v) => v);
  const now = useNow();
  const { run, error, dismiss } = useSend();

  if (!view.hydrated) {
    return (
      <main className="panel">
        <p className="muted">Loading the checklist…</p>
      </main>
    );
  }
  const { setups, settings, active, derived } = view;
  const onMark = (step: StepId, mark: ManualMark | null) => void run('mark-step', { step, mark });
  return (
    <main className="panel">
      <SetupHeader setups={setups} onSelect={(setupId) => void run('select-setup', { setupId })} />
      <ProgressSummary derived={derived} />
      <FindingList findings={derived.findings} />
      <CredentialsPanel vault={view.vault} now={now} />
      <ScimCheckPanel vault={view.vault} active={active} />
      <ChecklistSections
        derived={derived}
        manual={active?.manual ?? {}}
        linkContext={linkContextOf(active)}
        now={now}
        onMark={onMark}
      />
      <ReportExport active={active} derived={derived} vault={view.vault} />
      <SettingsPanel settings={settings} active={active} run={run} />
      <SendError error={error} onDismiss={dismiss} />
    </main>
  );
}
