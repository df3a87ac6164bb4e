import { useSyncExternalStore } from 'react';

/**
 * The modal dialogs open now, in the order they were opened (the last is on top). A modal dialog
 * makes the rest of the page inert, so what must stay reachable, like the Undo of the line that
 * says what just happened, is shown in the top dialog, or in the page when none is open.
 */
let stack: readonly symbol[] = [];
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function openedDialog(token: symbol): () => void {
  stack = [...stack, token];
  emit();
  return () => {
    stack = stack.filter((t) => t !== token);
    emit();
  };
}

/** The top dialog's token, or null when no modal dialog is open. */
export const useTopDialog = (): symbol | null => useSyncExternalStore(subscribe, () => stack.at(-1) ?? null);
