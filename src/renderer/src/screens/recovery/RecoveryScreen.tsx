import { useState } from 'react';
import type { RecoveryStatus } from '../../../../shared/contract';
import { useFormat } from '../../format';
import { call } from '../../data/calls';

/**
 * Shown instead of the board when the journal cannot be opened. It explains, offers the newest
 * good backup, and says that the damaged file is kept, whatever the user chooses.
 */
export function RecoveryScreen({ status, onRestored }: { status: RecoveryStatus; onRestored: () => void }) {
  const format = useFormat();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const good = status.backups.filter((b) => b.ok);

  async function restore(name: string) {
    if (!window.confirm(`Replace the journal with the backup ${name}? The current file is kept aside, not deleted.`)) return;
    setBusy(true);
    const result = await call('backups.restore', { name });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    onRestored();
  }

  return (
    <main className="recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title">Afterword cannot open your journal</h1>
      <p role="alert">{status.problem?.message}</p>
      {status.problem?.code === 'journal_too_new' ? (
        <p>Update Afterword to the latest version to open it. Nothing has been changed.</p>
      ) : (
        <>
          <p>
            Your journal file is kept exactly as it is ({status.journalFile}). You can restore a backup: the damaged file is then kept beside it under a new name, so
            nothing is lost.
          </p>
          {good.length === 0 ? (
            <p>There is no usable backup. Keep the file and do not delete it: it may still be rescued.</p>
          ) : (
            <ul className="backups" aria-label="Backups">
              {good.map((b, i) => (
                <li key={b.name}>
                  {format.dateTime(b.at)} ({b.kind === 'pre-migration' ? 'before an update' : b.kind}, {(b.bytes / 1024).toFixed(0)} KB)
                  {i === 0 ? ': the newest good backup ' : ' '}
                  <button type="button" disabled={busy} onClick={() => void restore(b.name)} className={i === 0 ? undefined : 'secondary'}>
                    Restore this backup
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </main>
  );
}
