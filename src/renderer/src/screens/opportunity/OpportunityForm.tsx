import { useId, useState } from 'react';
import type { SubmitEvent } from 'react';
import type { CompanySize, OpportunityWithRounds, Round, RoundFormat } from '../../../../shared/domain';
import { COMPANY_SIZES, ROUND_FORMATS } from '../../../../shared/domain';
import { Radio } from '../../components/Choice';
import { ContactPicker } from '../../components/ContactPicker';
import type { PersonRef } from '../../components/ContactPicker';
import { Dialog } from '../../components/Dialog';
import { useDraft } from '../../dialog-drafts';
import { useFormat } from '../../format';
import type { Format } from '../../format';
import { useCall } from '../../data/hooks';
import { call } from '../../data/calls';
import './opportunity-form.css';

export const FORMAT_LABELS: Record<RoundFormat, string> = { video: 'Video', phone: 'Phone', 'in-person': 'In person' };

/** The options of a round's format, for a select. */
export const FORMAT_OPTIONS = ROUND_FORMATS.map((f) => (
  <option key={f} value={f}>
    {FORMAT_LABELS[f]}
  </option>
));

export interface RoundDraft {
  startsAt: string;
  durationMinutes: number;
  format: RoundFormat;
  arrangedChannel: 'email' | 'phone';
  /** Contacts' ids, or new people added when the form is saved. */
  interviewerIds: PersonRef[];
  arrangedByContactId: PersonRef | null;
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

/**
 * Who arranged an interview, in one place: the person (a recruiter or coordinator: the status
 * check goes to them) and how they got in touch (for an in-person round, the follow-up goes by
 * the same channel).
 */
function ArrangedBy({ person, channel, onPerson, onChannel }: { person: PersonRef | null; channel: 'email' | 'phone'; onPerson: (p: PersonRef | null) => void; onChannel: (c: 'email' | 'phone') => void }) {
  const contacts = useCall('contacts.list', undefined);
  const group = useId();
  return (
    <fieldset className="arranged-by">
      <legend>Who arranged this interview</legend>
      <ContactPicker
        label="Recruiter or coordinator"
        single
        addLabel="Set who arranged it"
        contacts={contacts.data ?? []}
        selected={person !== null ? [person] : []}
        onChange={(refs) => onPerson(refs[0] ?? null)}
      />
      <div className="fields" role="radiogroup" aria-label="They arranged it by">
        <span className="muted">They arranged it by</span>
        <Radio name={group} checked={channel === 'email'} onChecked={(on) => on && onChannel('email')}>
          Email
        </Radio>
        <Radio name={group} checked={channel === 'phone'} onChecked={(on) => on && onChannel('phone')}>
          Phone
        </Radio>
      </div>
    </fieldset>
  );
}

/** The fields of a round: when, how, with whom, who arranged it, and what the employer said comes next. */
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
            {FORMAT_OPTIONS}
          </select>
        </label>
      </div>
      <ContactPicker
        label="Interviewers"
        addLabel="Add interviewer"
        contacts={contacts.data ?? []}
        selected={round.interviewerIds}
        onChange={(ids) => set('interviewerIds', ids)}
      />
      <ArrangedBy
        person={round.arrangedByContactId}
        channel={round.arrangedChannel}
        onPerson={(p) => set('arrangedByContactId', p)}
        onChannel={(c) => set('arrangedChannel', c)}
      />
      <div className="fields">
        <label className="grow">
          Next step they stated
          <input value={round.nextStep} onChange={(e) => set('nextStep', e.target.value)} placeholder="e.g. a panel, then a decision" />
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

/** "remote, Rust,  startup" as tags: trimmed, empty ones dropped, each once (ignoring case). */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim();
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  return tags;
}

export const COMPANY_SIZE_LABELS: Record<CompanySize, string> = {
  '1-10': '1 to 10 people',
  '11-50': '11 to 50 people',
  '51-200': '51 to 200 people',
  '201-1000': '201 to 1,000 people',
  '1001+': 'More than 1,000 people',
};

interface OpportunityDraft {
  company: string;
  role: string;
  jobUrl: string;
  location: string;
  source: string;
  companySize: CompanySize | '';
  salaryNotes: string;
  notes: string;
  tags: string;
  /** The recruiter or HR contact (for a new card with its first round: whoever arranged it). */
  recruiter: PersonRef | null;
  withRound: boolean;
  round: RoundDraft;
}

/** Create an opportunity with its first round, or edit every field of one. */
export function OpportunityForm({ existing, onClose, onSaved }: { existing?: OpportunityWithRounds; onClose: () => void; onSaved?: (id: number) => void }) {
  const format = useFormat();
  const contacts = useCall('contacts.list', undefined);
  const [draft, update, clear] = useDraft<OpportunityDraft>(existing ? `opportunity:${existing.id}` : 'opportunity:new', () => ({
    company: existing?.company ?? '',
    role: existing?.role ?? '',
    jobUrl: existing?.jobUrl ?? '',
    location: existing?.location ?? '',
    source: existing?.source ?? '',
    companySize: existing?.companySize ?? '',
    salaryNotes: existing?.salaryNotes ?? '',
    notes: existing?.notes ?? '',
    tags: existing?.tags.join(', ') ?? '',
    recruiter: existing?.recruiterContactId ?? null,
    withRound: !existing,
    round: { ...emptyRound(), startsAt: format.toInput(new Date(Date.now() + 86_400_000).toISOString()).slice(0, 11) + '10:00' },
  }));
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof OpportunityDraft>(key: K, value: OpportunityDraft[K]) => update((d) => ({ ...d, [key]: value }));

  function close() {
    clear();
    onClose();
  }

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const fields = {
      company: draft.company,
      role: draft.role,
      jobUrl: draft.jobUrl || null,
      location: draft.location || null,
      source: draft.source || null,
      companySize: draft.companySize || null,
      salaryNotes: draft.salaryNotes || null,
      notes: draft.notes || null,
      tags: parseTags(draft.tags),
    };
    if (existing) {
      const result = await call('opportunities.update', { id: existing.id, patch: { ...fields, recruiterContactId: draft.recruiter } });
      if (!result.ok) { setError(result.error.message); return; }
      clear();
      onSaved?.(existing.id);
      onClose(); return;
    }
    const first = draft.withRound ? roundInput(draft.round, format) : null;
    if (draft.withRound && !first) { setError('The round needs a valid date and time.'); return; }
    // Whoever arranged the first round is the card's recruiter or HR contact too (one person, asked once).
    const recruiter = first ? first.arrangedByContactId : draft.recruiter;
    const result = await call('opportunities.create', { ...fields, recruiterContactId: recruiter, ...(first ? { firstRound: first } : {}) });
    if (!result.ok) { setError(result.error.message); return; }
    clear();
    onSaved?.(result.value.id);
    onClose();
  }

  return (
    <Dialog title={existing ? `Edit ${existing.company}` : 'New opportunity'} onClose={close} wide>
      <form onSubmit={submit} className="stack opportunity-form">
        <div className="fields">
          <label>
            Company
            <input value={draft.company} onChange={(e) => set('company', e.target.value)} required maxLength={200} data-autofocus />
          </label>
          <label>
            Role
            <input value={draft.role} onChange={(e) => set('role', e.target.value)} required maxLength={200} />
          </label>
          <label>
            Job link
            <input type="url" value={draft.jobUrl} onChange={(e) => set('jobUrl', e.target.value)} placeholder="https://" maxLength={2000} />
          </label>
          <label>
            Location
            <input value={draft.location} onChange={(e) => set('location', e.target.value)} maxLength={200} />
          </label>
        </div>
        <details className="more-fields" open={Boolean(existing)}>
          <summary>Source, number of employees, salary, notes and tags</summary>
          <div className="fields">
            <label>
              Source
              <input value={draft.source} onChange={(e) => set('source', e.target.value)} placeholder="Referral, job board, recruiter…" maxLength={200} />
            </label>
            <label>
              Employees
              <select value={draft.companySize} onChange={(e) => set('companySize', e.target.value as CompanySize | '')}>
                <option value="">Not known</option>
                {COMPANY_SIZES.map((s) => (
                  <option key={s} value={s}>
                    {COMPANY_SIZE_LABELS[s]}
                  </option>
                ))}
              </select>
            </label>
            <label className="grow">
              Tags (separated by commas)
              <input value={draft.tags} onChange={(e) => set('tags', e.target.value)} placeholder="remote, startup" maxLength={900} />
            </label>
          </div>
          <div className="fields">
            <label className="grow">
              Salary notes
              <textarea rows={2} value={draft.salaryNotes} onChange={(e) => set('salaryNotes', e.target.value)} maxLength={2000} />
            </label>
            <label className="grow">
              Notes
              <textarea rows={3} value={draft.notes} onChange={(e) => set('notes', e.target.value)} maxLength={10_000} />
            </label>
          </div>
        </details>
        {!existing && (
          <label className="inline">
            <input type="checkbox" checked={draft.withRound} onChange={(e) => set('withRound', e.target.checked)} /> With its first round
          </label>
        )}
        {draft.withRound && !existing ? (
          <RoundFields round={draft.round} onChange={(round) => set('round', round)} />
        ) : (
          <ContactPicker
            label="Recruiter or HR contact"
            single
            addLabel="Set the recruiter"
            contacts={contacts.data ?? []}
            selected={draft.recruiter !== null ? [draft.recruiter] : []}
            onChange={(refs) => set('recruiter', refs[0] ?? null)}
          />
        )}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="buttons">
          <button type="submit">{existing ? 'Save' : 'Create opportunity'}</button>
          <button type="button" className="secondary" onClick={close}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
