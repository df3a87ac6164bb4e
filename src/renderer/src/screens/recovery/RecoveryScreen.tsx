import { useState } from 'react';
import type { JournalFileSummary, RecoveryStatus } from '../../../../shared/calls/transfer-calls';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { notifyAfterReload } from '../../components/notices';
import { useFormat } from '../../format';
import { holds } from '../settings/BackupsSection';
import { call } from '../../data/calls';

/**
 * Shown instead of the board when the journal cannot be opened. It explains, offers the newest
 * good backup and the journals earlier restores kept aside, lists any file it refuses with why,
 * and says that the damaged file is kept, whatever the user chooses.
 */
export function RecoveryScreen({ status, onRestored }: { status: RecoveryStatus; onRestored: () => void }) {
  const format = useFormat();
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<JournalFileSummary | null>(null);
  const good = status.backups.filter((b) => b.ok);
  const refused = [...status.backups, ...status.keptAside].filter((b) => !b.ok);
  const kept = status.keptAside.filter((k) => k.ok);

  async function restore(file: JournalFileSummary) {
    setBusy(true);
    const result = await call('backups.restore', { name: file.name });
    setBusy(false);
    if (!result.ok) throw new Error(result.error.message);
    setRestoring(null);
    notifyAfterReload(`Restored ${describe(file)}. The damaged journal is kept aside as a file beside it.`);
    onRestored();
  }

  const describe = (b: JournalFileSummary) => `${format.dateTime(b.at)}: ${holds(b)}, ${(b.bytes / 1024).toFixed(0)} KB`;

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
          {good.length === 0 && kept.length === 0 ? (
            <p>There is no usable backup. Keep the file and do not delete it: it may still be rescued.</p>
          ) : (
            <ul className="backups" aria-label="Backups">
              {good.map((b, i) => (
                <li key={b.name}>
                  {describe(b)}
                  {i === 0 ? ': the newest good backup ' : ' '}
                  <button type="button" disabled={busy} onClick={() => setRestoring(b)} className={i === 0 ? undefined : 'secondary'}>
                    Restore this backup
                  </button>
                </li>
              ))}
            </ul>
          )}
          {kept.length > 0 && (
            <section aria-labelledby="kept-title">
              <h2 id="kept-title">Journals kept aside by earlier restores</h2>
              <ul className="backups" aria-label="Journals kept aside">
                {kept.map((k) => (
                  <li key={k.name}>
                    {describe(k)} ({k.name}){' '}
                    <button type="button" className="secondary" disabled={busy} onClick={() => setRestoring(k)}>
                      Restore this journal
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {refused.length > 0 && (
            <section aria-labelledby="refused-title">
              <h2 id="refused-title">Files that cannot be restored</h2>
              <ul className="backups" aria-label="Files that cannot be restored">
                {refused.map((b) => (
                  <li key={b.name}>
                    <span aria-hidden="true">⚠ </span>
                    {b.name}: {b.problem}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      {restoring && (
        <ConfirmDialog title="Restore this journal?" confirm="Restore it" onCancel={() => setRestoring(null)} onConfirm={() => restore(restoring)}>
          <p>Afterword opens the journal of {describe(restoring)} in place of the one it cannot read.</p>
          <p>The damaged journal is not deleted: it is kept aside under a new name, so it can still be rescued.</p>
        </ConfirmDialog>
      )}
    </main>
  );
}
