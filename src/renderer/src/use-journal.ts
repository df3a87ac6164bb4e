import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../shared/result';
import { bridge } from './api/bridge';

/**
 * Loads something from the core and loads it again whenever the journal changes (an event from
 * the core, whichever window or transport made the change). Reloads are coalesced.
 */
export function useJournalQuery<T>(load: () => Promise<Result<T>>, deps: readonly unknown[]) {
  const [state, setState] = useState<{ value?: T; error?: string; loading: boolean }>({ loading: true });
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const reload = useCallback(load, deps);
  const pending = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  const refresh = useCallback(async () => {
    if (pending.current) {
      again.current = true;
      return pending.current;
    }
    const run = async () => {
      do {
        again.current = false;
        const result = await reload();
        // A failed reload keeps the last good value: the screen stays, with the error beside it.
        setState((prev) => (result.ok ? { value: result.value, loading: false } : { value: prev.value, error: result.error.message, loading: false }));
      } while (again.current);
    };
    pending.current = run().finally(() => (pending.current = null));
    return pending.current;
  }, [reload]);
  useEffect(() => {
    void refresh();
    return bridge.onEvent((event) => {
      // A reminder means time has moved an action along (a snooze ended, something came due).
      if (event.type === 'journal.changed' || event.type === 'settings.changed' || event.type === 'reminder') void refresh();
    });
  }, [refresh]);
  return { ...state, refresh, setValue: (value: T) => setState({ value, loading: false }) };
}
