import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveState = { readonly kind: 'saved'; readonly at: string | null } | { readonly kind: 'unsaved' } | { readonly kind: 'saving' } | { readonly kind: 'error'; readonly message: string };

/** Quiet time after the last keystroke before a save: well inside the one second we promise. */
export const AUTOSAVE_DELAY_MS = 500;

/**
 * Autosave: a change is saved half a second after typing stops, at once on blur, and on page
 * hide / unload / unmount (the app closing or quitting). Saves never overlap; the latest text wins.
 */
export function useAutosave(save: (text: string, urgent: boolean) => Promise<{ ok: boolean; at?: string | null; message?: string }>, initialAt: string | null) {
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: initialAt });
  const latest = useRef<string | null>(null);
  const saved = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;

  const flush = useCallback(async (urgent = false): Promise<void> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (inFlight.current && !urgent) await inFlight.current;
    const text = latest.current;
    if (text === null || text === saved.current) return;
    setState({ kind: 'saving' });
    const run = (async () => {
      const result = await saveRef.current(text, urgent);
      if (result.ok) {
        saved.current = text;
        setState(latest.current === text ? { kind: 'saved', at: result.at ?? new Date().toISOString() } : { kind: 'unsaved' });
      } else setState({ kind: 'error', message: result.message ?? 'Could not save.' });
    })();
    inFlight.current = run;
    await run;
    inFlight.current = null;
    if (latest.current !== saved.current && !timer.current) timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
  }, []);

  const changed = useCallback(
    (text: string) => {
      if (saved.current === null) saved.current = text; // the first value is what was loaded
      latest.current = text;
      if (text === saved.current) return;
      setState({ kind: 'unsaved' });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  useEffect(() => {
    const urgent = () => void flush(true);
    window.addEventListener('pagehide', urgent);
    window.addEventListener('beforeunload', urgent);
    return () => {
      window.removeEventListener('pagehide', urgent);
      window.removeEventListener('beforeunload', urgent);
      void flush(true);
    };
  }, [flush]);

  return { state, changed, flush };
}
