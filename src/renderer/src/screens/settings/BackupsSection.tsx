import { useState } from 'react';
import { useFormat } from '../../format';
import { useCall } from '../../data/hooks';
import { call } from '../../data/calls';

/** Backups: one a day while Afterword runs and one before every update; make one now or restore one. */
export function BackupsSection() {
  const format = useFormat();
  const backups = useCall('backups.list', undefined);
  const [message, setMessage] = useState<string | null>(null);

  async function backUp() {
    const result = await call('backups.create', undefined);
    setMessage(result.ok ? `Backed up: ${result.value.name}` : result.error.message);
    void backups.refetch();
  }

  async function restore(name: string) {
    if (!window.confirm(`Replace your journal with the backup ${name}? What you have now is kept aside, not deleted.`)) return;
    const result = await call('backups.restore', { name });
    if (!result.ok) return setMessage(result.error.message);
    window.location.reload();
  }

  return (
    <fieldset>
      <legend>Backups</legend>
      <p className="hint">A backup is made every day while Afterword runs, and before every update of the journal. Older ones are thinned out: a week of days, a month of weeks, a year of months.</p>
      <div className="buttons">
        <button type="button" className="secondary" onClick={() => void backUp()}>
          Back up now
        </button>
        {message && <span role="status">{message}</span>}
      </div>
      {(backups.data ?? []).length > 0 && (
        <ul className="backups">
          {(backups.data ?? []).slice(0, 10).map((b) => (
            <li key={b.name}>
              {format.dateTime(b.at)} ({b.kind === 'pre-migration' ? 'before an update' : b.kind}){' '}
              <button type="button" className="secondary small" onClick={() => void restore(b.name)}>
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
