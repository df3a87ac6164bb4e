import { useCallback, useSyncExternalStore } from 'react';

/**
 * What the user has answered in a dialog that asks for facts, kept outside the dialog's component
 * tree: a reload, an error or an event that remounts the dialog finds the answers where they were.
 * A draft lives until the dialog is confirmed or cancelled (`clear`).
 */
const drafts = new Map<string, unknown>();
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function useDraft<T>(key: string, initial: () => T): [T, (update: (current: T) => T) => void, () => void] {
  if (!drafts.has(key)) drafts.set(key, initial());
  const value = useSyncExternalStore(subscribe, () => drafts.get(key) as T);
  const set = useCallback(
    (update: (current: T) => T) => {
      drafts.set(key, update((drafts.has(key) ? drafts.get(key) : initial()) as T));
      notify();
    },
    // `initial` only seeds a missing draft; the key names the draft.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );
  const clear = useCallback(() => {
    drafts.delete(key);
    notify();
  }, [key]);
  return [value, set, clear];
}
