import { useState } from 'react';
import { downloadBase64 } from '../../download';
import { call } from '../../data/calls';

/** Downloads an .ics of one opportunity's interviews and open follow-ups (or of everything upcoming). */
export function CalendarButton({ opportunityId, label }: { opportunityId?: number; label: string }) {
  const [error, setError] = useState<string | null>(null);
  async function download() {
    const result = await call('transfer.calendar', opportunityId === undefined ? {} : { opportunityId });
    if (!result.ok) { setError(result.error.message); return; }
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
