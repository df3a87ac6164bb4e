import { useState } from 'react';
import type { FormEvent } from 'react';
import type { RoundFormat } from '../../../../shared/domain';
import { useFormat } from '../../format';
import { call } from '../../data/calls';

/** The quick-add line for the common case: company, role, when, and how. */
export function QuickAdd() {
  const zone = useFormat();
  const [company, setCompany] = useState('');
  const [role, setRole] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [format, setFormat] = useState<RoundFormat>('video');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const when = zone.fromInput(startsAt);
    if (startsAt && !when) return setError('That date and time is not valid.');
    const result = await call('opportunities.create', { company, role, ...(when ? { firstRound: { startsAt: when, format } } : {}) });
    if (!result.ok) return setError(result.error.message);
    setCompany('');
    setRole('');
    setStartsAt('');
  }

  return (
    <form className="quick-add" aria-label="Quick add" onSubmit={submit}>
      <input aria-label="Company" placeholder="Company" value={company} onChange={(e) => setCompany(e.target.value)} required maxLength={200} />
      <input aria-label="Role" placeholder="Role" value={role} onChange={(e) => setRole(e.target.value)} required maxLength={200} />
      <input aria-label="Round date and time" type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />
      <select aria-label="Format" value={format} onChange={(e) => setFormat(e.target.value as RoundFormat)}>
        <option value="video">Video</option>
        <option value="phone">Phone</option>
        <option value="in-person">In person</option>
      </select>
      <button type="submit">Add</button>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </form>
  );
}
