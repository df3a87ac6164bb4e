import { useState } from 'react';
import type { Backup } from '../../../../shared/calls/transfer-calls';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { notifyAfterReload } from '../../components/notices';
import { useFormat } from '../../format';
import { useCall } from '../../data/hooks';
import { call, run } from '../../data/calls';

const KIND_NAMES: Record<Backup['kind'], string> = { daily: 'daily', manual: 'made by hand', 'pre-migration': 'before an update', 'pre-import': 'before an import' };

/** What a backup holds, in words: "12 opportunities, 30 letters". */
export function holds(b: { opportunities: number | null; letters: number | null }): string {
  return `${b.opportunities ?? 0} opportunit${b.opportunities === 1 ? 'y' : 'ies'}, ${b.letters ?? 0} letter${b.letters === 1 ? '' : 's'}`;
}

/**
 * Backups: one a day while Afterword runs, one before every update and every import; make one now
 * or restore one. A file that is not a whole, readable journal is listed as refused, with why.
 */
export function BackupsSection() {
  const format = useFormat();
  const backups = useCall('backups.list', undefined);
  const [message, setMessage] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<Backup | null>(null);

  async function backUp() {
    const result = await call('backups.create', undefined);
    setMessage(result.ok ? `Backed up: ${result.value.name} (${holds(result.value)})` : result.error.message);
    backups.refetch();
  }

  async function restore(b: Backup) {
    await run('backups.restore', { name: b.name });
    notifyAfterReload(`Restored the backup of ${format.dateTime(b.at)} (${holds(b)}). The journal you had is kept aside as a file beside it.`);
    window.location.reload();
  }

  const list = backups.data ?? [];
  return (
    <fieldset>
      <legend>Backups</legend>
      <p className="hint">
        A backup is made every day while Afterword runs, before every update of the journal and before every import. Older ones are thinned out: a week of days, a
        month of weeks, a year of months.
      </p>
      <div className="buttons">
        <button type="button" className="secondary" onClick={() => void backUp()}>
          Back up now
        </button>
        {message && <span role="status">{message}</span>}
      </div>
      {list.length > 0 && (
        <ul className="backups" aria-label="Backups">
          {list.slice(0, 12).map((b) => (
            <li key={b.name}>
              {format.dateTime(b.at)} ({KIND_NAMES[b.kind]}):{' '}
              {b.ok ? (
                <>
                  {holds(b)}
                  <button type="button" className="secondary small" onClick={() => setRestoring(b)} aria-label={`Restore the backup of ${format.dateTime(b.at)}`}>
                    Restore
                  </button>
                </>
              ) : (
                <span className="refused">
                  <span aria-hidden="true">⚠ </span>refused: {b.problem}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {restoring && (
        <ConfirmDialog
          title="Restore this backup?"
          confirm="Restore this backup"
          onCancel={() => setRestoring(null)}
          onConfirm={() => restore(restoring)}
        >
          <p>
            Your journal is replaced by the backup of {format.dateTime(restoring.at)}, which holds {holds(restoring)}. Whatever you recorded since then is not in it.
          </p>
          <p>The journal you have now is not deleted: it is kept aside as a file beside the backup, and can be restored the same way.</p>
        </ConfirmDialog>
      )}
    </fieldset>
  );
}
