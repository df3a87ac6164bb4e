import { useCallback, useEffect, useState } from 'react';
import type { Result } from '../../shared/result';
import { bridge } from './api/bridge';

/**
 * Loads something from the core and loads it again whenever the journal changes (an event from
 * the core, whichever window or transport made the change).
 */
export function useJournalQuery<T>(load: () => Promise<Result<T>>, deps: readonly unknown[]) {
  const [state, setState] = useState<{ value?: T; error?: string; loading: boolean }>({ loading: true });
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const reload = useCallback(load, deps);
  const refresh = useCallback(async () => {
    const result = await reload();
    setState(result.ok ? { value: result.value, loading: false } : { error: result.error.message, loading: false });
  }, [reload]);
  useEffect(() => {
    void refresh();
    return bridge.onEvent((event) => {
      if (event.type === 'journal.changed') void refresh();
    });
  }, [refresh]);
  return { ...state, refresh };
}
