import { useState } from 'react';
import { api } from '../../api/bridge';
import { downloadBase64 } from '../../download';

/** Downloads an .ics of one opportunity's interviews and open follow-ups (or of everything upcoming). */
export function CalendarButton({ opportunityId, label }: { opportunityId?: number; label: string }) {
  const [error, setError] = useState<string | null>(null);
  async function download() {
    const result = await api['transfer.calendar'](opportunityId === undefined ? {} : { opportunityId });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    downloadBase64(result.value);
  }
  return (
    <>
      <button type="button" className="secondary" onClick={() => void download()}>
        {label}
      </button>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </>
  );
}
