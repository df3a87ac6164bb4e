import { useState } from 'react';
import type { FormEvent } from 'react';
import type { OpportunityWithRounds, Round, RoundFormat } from '../../../../shared/domain';
import { ROUND_FORMATS } from '../../../../shared/domain';
import { ContactPicker } from '../../components/ContactPicker';
import { Dialog } from '../../components/Dialog';
import { useFormat } from '../../format';
import type { Format } from '../../format';
import { useCall } from '../../data/hooks';
import { call } from '../../data/calls';

export const FORMAT_LABELS: Record<RoundFormat, string> = { video: 'Video', phone: 'Phone', 'in-person': 'In person' };

export interface RoundDraft {
  startsAt: string;
  durationMinutes: number;
  format: RoundFormat;
  arrangedChannel: 'email' | 'phone';
  interviewerIds: number[];
  arrangedByContactId: number | null;
  nextStep: string;
  decisionDate: string;
}

export const emptyRound = (): RoundDraft => ({
  startsAt: '',
  durationMinutes: 60,
  format: 'video',
  arrangedChannel: 'email',
  interviewerIds: [],
  arrangedByContactId: null,
  nextStep: '',
  decisionDate: '',
});

/** The fields of a round: when, how, with whom, and what the employer said comes next. */
export function RoundFields({ round, onChange }: { round: RoundDraft; onChange: (r: RoundDraft) => void }) {
  const contacts = useCall('contacts.list', undefined);
  const set = <K extends keyof RoundDraft>(key: K, value: RoundDraft[K]) => onChange({ ...round, [key]: value });
  return (
    <>
      <div className="fields">
        <label>
          Date and time
          <input type="datetime-local" required value={round.startsAt} onChange={(e) => set('startsAt', e.target.value)} />
        </label>
        <label>
          Minutes
          <input type="number" min={5} max={1440} value={round.durationMinutes} onChange={(e) => set('durationMinutes', Number(e.target.value))} />
        </label>
        <label>
          Format
          <select value={round.format} onChange={(e) => set('format', e.target.value as RoundFormat)}>
            {ROUND_FORMATS.map((f) => (
              <option key={f} value={f}>
                {FORMAT_LABELS[f]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Arranged by
          <select value={round.arrangedChannel} onChange={(e) => set('arrangedChannel', e.target.value as 'email' | 'phone')}>
            <option value="email">Email</option>
            <option value="phone">Phone</option>
          </select>
        </label>
      </div>
      <ContactPicker
        label="Interviewers"
        contacts={contacts.data ?? []}
        selected={round.interviewerIds}
        onChange={(ids) => set('interviewerIds', ids)}
        onCreated={() => void contacts.refetch()}
      />
      <ContactPicker
        label="Arranged by (recruiter or coordinator)"
        single
        contacts={contacts.data ?? []}
        selected={round.arrangedByContactId ? [round.arrangedByContactId] : []}
        onChange={(ids) => set('arrangedByContactId', ids[0] ?? null)}
        onCreated={() => void contacts.refetch()}
      />
      <div className="fields">
        <label className="grow">
          Next step they stated
          <input value={round.nextStep} onChange={(e) => set('nextStep', e.target.value)} placeholder="e.g. a panel with the team, decision by Friday" />
        </label>
        <label>
          Decision date
          <input type="date" value={round.decisionDate} onChange={(e) => set('decisionDate', e.target.value)} />
        </label>
      </div>
    </>
  );
}

/** The form's draft of an existing round (times in the journal's zone). */
export const draftOf = (r: Round, format: Format): RoundDraft => ({
  startsAt: format.toInput(r.startsAt),
  durationMinutes: r.durationMinutes,
  format: r.format,
  arrangedChannel: r.arrangedChannel,
  interviewerIds: [...r.interviewerIds],
  arrangedByContactId: r.arrangedByContactId,
  nextStep: r.nextStep ?? '',
  decisionDate: r.decisionDate ?? '',
});

export const roundInput = (r: RoundDraft, format: Format) => {
  const startsAt = format.fromInput(r.startsAt);
  if (!startsAt) return null;
  return {
    startsAt,
    durationMinutes: r.durationMinutes,
    format: r.format,
    arrangedChannel: r.arrangedChannel,
    interviewerIds: r.interviewerIds,
    arrangedByContactId: r.arrangedByContactId,
    nextStep: r.nextStep || null,
    decisionDate: r.decisionDate || null,
  };
};

/** Create an opportunity with its first round, or edit one. */
export function OpportunityForm({ existing, onClose, onSaved }: { existing?: OpportunityWithRounds; onClose: () => void; onSaved?: (id: number) => void }) {
  const [company, setCompany] = useState(existing?.company ?? '');
  const [role, setRole] = useState(existing?.role ?? '');
  const [jobUrl, setJobUrl] = useState(existing?.jobUrl ?? '');
  const [location, setLocation] = useState(existing?.location ?? '');
  const [recruiter, setRecruiter] = useState<number | null>(existing?.recruiterContactId ?? null);
  const contacts = useCall('contacts.list', undefined);
  const [withRound, setWithRound] = useState(!existing);
  const format = useFormat();
  const [round, setRound] = useState<RoundDraft>(() => ({ ...emptyRound(), startsAt: format.toInput(new Date(Date.now() + 86_400_000).toISOString()).slice(0, 11) + '10:00' }));
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (existing) {
      const result = await call('opportunities.update', {
        id: existing.id,
        patch: { company, role, jobUrl: jobUrl || null, location: location || null, recruiterContactId: recruiter },
      });
      if (!result.ok) return setError(result.error.message);
      onSaved?.(existing.id);
      return onClose();
    }
    const first = withRound ? roundInput(round, format) : null;
    if (withRound && !first) return setError('The round needs a valid date and time.');
    const result = await call('opportunities.create', {
      company,
      role,
      jobUrl: jobUrl || null,
      location: location || null,
      recruiterContactId: recruiter,
      ...(first ? { firstRound: first } : {}),
    });
    if (!result.ok) return setError(result.error.message);
    onSaved?.(result.value.id);
    onClose();
  }

  return (
    <Dialog title={existing ? `Edit ${existing.company}` : 'New opportunity'} onClose={onClose} wide>
      <form onSubmit={submit} className="stack">
        <div className="fields">
          <label>
            Company
            <input value={company} onChange={(e) => setCompany(e.target.value)} required maxLength={200} autoFocus />
          </label>
          <label>
            Role
            <input value={role} onChange={(e) => setRole(e.target.value)} required maxLength={200} />
          </label>
          <label>
            Job link
            <input type="url" value={jobUrl} onChange={(e) => setJobUrl(e.target.value)} placeholder="https://" />
          </label>
          <label>
            Location
            <input value={location} onChange={(e) => setLocation(e.target.value)} />
          </label>
        </div>
        <ContactPicker
          label="Recruiter or HR contact"
          single
          contacts={contacts.data ?? []}
          selected={recruiter ? [recruiter] : []}
          onChange={(ids) => setRecruiter(ids[0] ?? null)}
          onCreated={() => void contacts.refetch()}
        />
        {!existing && (
          <label className="inline">
            <input type="checkbox" checked={withRound} onChange={(e) => setWithRound(e.target.checked)} /> With its first round
          </label>
        )}
        {withRound && !existing && <RoundFields round={round} onChange={setRound} />}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="buttons">
          <button type="submit">{existing ? 'Save' : 'Create opportunity'}</button>
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
