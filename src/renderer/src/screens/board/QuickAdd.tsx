import { useState } from 'react';
import type { SubmitEvent } from 'react';
import type { RoundFormat } from '../../../../shared/domain';
import { useFormat } from '../../format';
import { call } from '../../data/calls';
import { FORMAT_OPTIONS } from '../opportunity/OpportunityForm';
import './quick-add.css';

const blank = { company: '', role: '', startsAt: '', format: 'video' as RoundFormat };

/**
 * The quick-add line for the common case: company, role, and (if known) when and how. Each card
 * starts from the same blank line: nothing of the last card carries over. Without a date the
 * card has no round yet, and its next action asks for the date.
 */
export function QuickAdd() {
  const zone = useFormat();
  const [fields, setFields] = useState(blank);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const set = <K extends keyof typeof blank>(key: K, value: (typeof blank)[K]) => setFields((f) => ({ ...f, [key]: value }));

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setAdded(null);
    const when = zone.fromInput(fields.startsAt);
    if (fields.startsAt && !when) { setError('That date and time is not valid.'); return; }
    const result = await call('opportunities.create', {
      company: fields.company,
      role: fields.role,
      ...(when ? { firstRound: { startsAt: when, format: fields.format } } : {}),
    });
    if (!result.ok) { setError(result.error.message); return; }
    setFields(blank);
    setAdded(when ? `Added ${result.value.company}.` : `Added ${result.value.company} with no round yet: its card asks for the date.`);
  }

  return (
    <form className="quick-add" aria-label="Quick add" onSubmit={submit}>
      <label className="inline">
        Company
        <input value={fields.company} onChange={(e) => set('company', e.target.value)} required maxLength={200} />
      </label>
      <label className="inline">
        Role
        <input value={fields.role} onChange={(e) => set('role', e.target.value)} required maxLength={200} />
      </label>
      <label className="inline">
        Round date and time (optional)
        <input type="datetime-local" value={fields.startsAt} onChange={(e) => set('startsAt', e.target.value)} />
      </label>
      <label className="inline">
        Format
        <select value={fields.format} onChange={(e) => set('format', e.target.value as RoundFormat)} disabled={!fields.startsAt}>
          {FORMAT_OPTIONS}
        </select>
      </label>
      <button type="submit">Add</button>
      <span role="status" className="quick-add-status">
        {added}
      </span>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </form>
  );
}
