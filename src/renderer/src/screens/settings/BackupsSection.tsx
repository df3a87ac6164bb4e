import { useState } from 'react';
import type { Backup } from '../../../../shared/calls/transfer-calls';
import { useFormat } from '../../format';
import { useCall } from '../../data/hooks';
import { call } from '../../data/calls';

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

  async function backUp() {
    const result = await call('backups.create', undefined);
    setMessage(result.ok ? `Backed up: ${result.value.name} (${holds(result.value)})` : result.error.message);
    void backups.refetch();
  }

  async function restore(name: string) {
    if (!window.confirm(`Replace your journal with the backup ${name}? What you have now is kept aside, not deleted.`)) return;
    const result = await call('backups.restore', { name });
    if (!result.ok) return setMessage(result.error.message);
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
                  <button type="button" className="secondary small" onClick={() => void restore(b.name)} aria-label={`Restore the backup of ${format.dateTime(b.at)}`}>
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
    </fieldset>
  );
}
