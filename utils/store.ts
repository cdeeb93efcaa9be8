/**
 * The view every surface renders: a Zustand store hydrated from storage and kept current with `watch`.
 * It never writes back; changes go to the background as messages and come back through storage.
 * The vault's status (never the key) is asked of the background whenever its revision counter moves.
 */
import { createStore } from 'zustand/vanilla';
import { send } from './messages';
import type { Setup, SetupsState } from './setup';
import { type DerivedState, deriveState } from './status';
import { DEFAULT_SETTINGS, type Settings, settingsItem, setupsItem, vaultRevisionItem } from './storage';
import type { VaultStatus } from './vault';

export interface ChecklistView {
  hydrated: boolean;
  setups: SetupsState;
  settings: Settings;
  active: Setup | undefined;
  /** undefined until the background has answered. */
  vault: VaultStatus | undefined;
  derived: DerivedState;
}

interface Sources {
  setups: SetupsState;
  settings: Settings;
  vault: VaultStatus | undefined;
  hydrated: boolean;
}

function view(s: Sources): ChecklistView {
  const active = s.setups.activeId ? s.setups.setups[s.setups.activeId] : undefined;
  return { ...s, active, derived: deriveState(active, { vault: s.vault?.state ?? 'unknown' }) };
}

export function createChecklistStore() {
  const store = createStore<ChecklistView>(() =>
    view({ setups: { activeId: null, setups: {} }, settings: DEFAULT_SETTINGS, vault: undefined, hydrated: false }),
  );
  let stopped = false;
  const update = (patch: Partial<Sources>) => {
    if (stopped) return;
    const { setups, settings, vault, hydrated } = store.getState();
    store.setState(view({ setups, settings, vault, hydrated, ...patch }));
  };
  let asked = 0;
  const refreshVault = async () => {
    const ticket = ++asked;
    const answer = await send('vault-status', {});
    // Only the newest answer counts; an older one may arrive last.
    if (ticket === asked) update({ vault: answer.ok ? answer.value : undefined });
  };
  const unwatch = [
    setupsItem.watch((setups) => update({ setups, hydrated: true })),
    settingsItem.watch((settings) => update({ settings, hydrated: true })),
    vaultRevisionItem.watch(() => void refreshVault()),
  ];
  const ready = Promise.all([setupsItem.getValue(), settingsItem.getValue()]).then(([setups, settings]) => {
    update({ setups, settings, hydrated: true });
    void refreshVault();
  });
  return {
    store,
    ready,
    refreshVault,
    stop() {
      stopped = true;
      for (const u of unwatch) u();
    },
  };
}

export type ChecklistStore = ReturnType<typeof createChecklistStore>;
