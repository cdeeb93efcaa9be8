import { useStore } from 'zustand';
import type { ChecklistStore, ChecklistView } from '../utils/store';

/** Subscribe a component to one slice of the checklist view. */
export function useChecklist<T>(handle: ChecklistStore, select: (v: ChecklistView) => T): T {
  return useStore(handle.store, select);
}
