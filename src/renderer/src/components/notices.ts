import { useSyncExternalStore } from 'react';

/**
 * What the app says happened after a write that is not on the screen any more (a card deleted, a
 * person merged): one line at a time, with an optional way back (Undo). Kept outside the
 * components, so the dialog that made the change can close and the line stays.
 */
export interface Notice {
  readonly id: number;
  readonly text: string;
  readonly action?: { readonly label: string; readonly run: () => Promise<void> };
}

/** A line to show after the page reloads (a restored journal reloads the page). */
const AFTER_RELOAD = 'afterword:notice-after-reload';

let current: Notice | null = null;
let next = 1;
try {
  const saved = sessionStorage.getItem(AFTER_RELOAD);
  if (saved) current = { id: next++, text: saved };
  sessionStorage.removeItem(AFTER_RELOAD);
} catch {
  // No session storage (a sandbox without it): nothing was kept.
}

/** Says something once the page has reloaded. */
export function notifyAfterReload(text: string): void {
  try {
    sessionStorage.setItem(AFTER_RELOAD, text);
  } catch {
    // Without session storage the reloaded page shows the journal as it is, unannounced.
  }
}
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function notify(text: string, action?: Notice['action']): void {
  current = { id: next++, text, ...(action ? { action } : {}) };
  emit();
}

/** The id the next notice will have: a dialog shows only the notices raised since it opened. */
export function nextNoticeId(): number {
  return next;
}

export function dismissNotice(id: number): void {
  if (current?.id !== id) return;
  current = null;
  emit();
}

export function useNotice(): Notice | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
