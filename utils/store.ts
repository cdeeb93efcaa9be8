/**
 * The view every surface renders: a Zustand store hydrated from storage and kept current with `watch`.
 * It never writes back; changes go to the background as messages and come back through storage.
 */
import { createStore } from 'zustand/vanilla';
import type { Setup, SetupsState } from './setup';
import { type DerivedState, deriveState } from './status';
import { DEFAULT_SETTINGS, type Settings, settingsItem, setupsItem } from './storage';

export interface ChecklistView {
  hydrated: boolean;
  setups: SetupsState;
  settings: Settings;
  active: Setup | undefined;
  derived: DerivedState;
}

function view(setups: SetupsState, settings: Settings, hydrated: boolean): ChecklistView {
  const active = setups.activeId ? setups.setups[setups.activeId] : undefined;
  return { hydrated, setups, settings, active, derived: deriveState(active) };
}

export function createChecklistStore() {
  const store = createStore<ChecklistView>(() => view({ activeId: null, setups: {} }, DEFAULT_SETTINGS, false));
  let stopped = false;
  const unwatch = [
    setupsItem.watch((setups) => store.setState(view(setups, store.getState().settings, true))),
    settingsItem.watch((settings) => store.setState(view(store.getState().setups, settings, true))),
  ];
  const ready = Promise.all([setupsItem.getValue(), settingsItem.getValue()]).then(([setups, settings]) => {
    if (!stopped) store.setState(view(setups, settings, true));
  });
  return {
    store,
    ready,
    stop() {
      stopped = true;
      for (const u of unwatch) u();
    },
  };
}

export type ChecklistStore = ReturnType<typeof createChecklistStore>;
