import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { ROUND_FORMATS } from '../../../../shared/domain';
import type { RoundFormat } from '../../../../shared/domain';
import { api } from '../../api/bridge';

const FORMAT_LABELS: Record<RoundFormat, string> = { video: 'Video', phone: 'Phone', 'in-person': 'In person' };

export function NewOpportunityForm({ onCreated }: { onCreated?: (id: number) => void }) {
  const formId = useId();
  const [company, setCompany] = useState('');
  const [role, setRole] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [format, setFormat] = useState<RoundFormat>('video');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const when = startsAt ? new Date(startsAt) : null;
    if (when && Number.isNaN(when.getTime())) return setError('The round’s date and time is not valid.');
    setBusy(true);
    const result = await api['opportunities.create']({
      company,
      role,
      ...(when ? { firstRound: { startsAt: when.toISOString(), format } } : {}),
    });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setCompany('');
    setRole('');
    setStartsAt('');
    onCreated?.(result.value.id);
  }

  return (
    <form className="new-opportunity" aria-labelledby={`${formId}-title`} onSubmit={submit}>
      <h2 id={`${formId}-title`}>New opportunity</h2>
      <div className="fields">
        <label>
          Company
          <input value={company} onChange={(e) => setCompany(e.target.value)} required maxLength={200} />
        </label>
        <label>
          Role
          <input value={role} onChange={(e) => setRole(e.target.value)} required maxLength={200} />
        </label>
        <label>
          First round
          <input type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />
        </label>
        <label>
          Format
          <select value={format} onChange={(e) => setFormat(e.target.value as RoundFormat)}>
            {ROUND_FORMATS.map((f) => (
              <option key={f} value={f}>
                {FORMAT_LABELS[f]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy}>
          Add opportunity
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
