import { useState } from 'react';
import type { Action, Contact, EventKind, TimelineEvent } from '../../../../shared/domain';
import { Dialog } from '../../components/Dialog';
import { actionLabel, useFormat } from '../../format';
import { CalendarButton } from '../data/CalendarButton';
import { LettersPanel } from '../letters/LettersPanel';
import { ReflectionEditor } from '../reflection/ReflectionEditor';
import { ActionList } from './ActionList';
import { draftOf, emptyRound, FORMAT_LABELS, OpportunityForm, roundInput, RoundFields } from './OpportunityForm';
import type { RoundDraft } from './OpportunityForm';
import { useCall } from '../../data/hooks';
import { call } from '../../data/calls';

export const EVENT_LABELS: Record<EventKind, string> = {
  next_steps_asked: 'Asked about next steps',
  reflection_written: 'Reflection written',
  thank_you_sent: 'Thank-you sent',
  card_mailed: 'Thank-you card mailed',
  linkedin_request_sent: 'LinkedIn request sent',
  status_check_sent: 'Status check sent',
  call_made: 'Follow-up call made',
  reply_received: 'Reply received',
  offer_received: 'Offer received',
  rejected: 'Closed: rejected',
  moved_on: 'Closed: moved on',
  withdrawn: 'Closed: withdrawn',
  accepted_elsewhere: 'Closed: accepted elsewhere',
  stay_in_touch_started: 'Staying in touch',
  check_in_sent: 'Check-in sent',
  reopened: 'Reopened',
  note: 'Note',
};

/** The card's detail: rounds and people, the actions with their why, and the timeline. */
export function OpportunityDetail({
  id,
  onClose,
  initialLetters = null,
  initialReflection = null,
}: {
  id: number;
  onClose: () => void;
  /** Open on the letters of this round (from Today's "Open the letter"). */
  initialLetters?: number | null;
  /** Open on the reflection of this round. */
  initialReflection?: number | null;
}) {
  const format = useFormat();
  const opportunity = useCall('opportunities.get', { id });
  const actions = useCall('actions.forOpportunity', { opportunityId: id });
  const events = useCall('events.list', { opportunityId: id });
  const contacts = useCall('contacts.list', undefined);
  const [editing, setEditing] = useState(false);
  const [addingRound, setAddingRound] = useState<RoundDraft | null>(null);
  const [editingRound, setEditingRound] = useState<{ id: number; draft: RoundDraft } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reflecting, setReflecting] = useState<number | null>(initialReflection);
  const [lettersFor, setLettersFor] = useState<number | null>(initialLetters);
  const byId = new Map<number, Contact>((contacts.data ?? []).map((c) => [c.id, c]));
  const o = opportunity.data;
  // The timeline: what was recorded, and what was missed (a thank-you or reflection whose window closed), by time.
  const timeline: ({ type: 'event'; event: TimelineEvent; at: string } | { type: 'missed'; action: Action; at: string })[] = [
    ...(events.data ?? []).map((event) => ({ type: 'event' as const, event, at: event.occurredAt })),
    ...(actions.data ?? []).filter((a) => a.status === 'missed' && a.settledAt).map((action) => ({ type: 'missed' as const, action, at: action.settledAt! })),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

  async function addRound() {
    if (!addingRound) return;
    const input = roundInput(addingRound, format);
    if (!input) return setError('The round needs a valid date and time.');
    const result = await call('rounds.create', { opportunityId: id, ...input });
    if (!result.ok) return setError(result.error.message);
    setAddingRound(null);
  }

  async function saveRound() {
    if (!editingRound) return;
    const input = roundInput(editingRound.draft, format);
    if (!input) return setError('The round needs a valid date and time.');
    const result = await call('rounds.update', { id: editingRound.id, patch: input });
    if (!result.ok) return setError(result.error.message);
    setEditingRound(null);
  }

  async function record(kind: EventKind) {
    const result = await call('events.record', { opportunityId: id, kind, roundId: o?.rounds.at(-1)?.id ?? null });
    if (!result.ok) setError(result.error.message);
  }

  return (
    <Dialog title={o ? `${o.company}: ${o.role}` : 'Opportunity'} onClose={onClose} wide>
      {opportunity.error && (
        <p role="alert" className="error">
          {opportunity.error?.message}
        </p>
      )}
      {o && (
        <div className="detail">
          <div className="detail-main">
            {lettersFor !== null && (
              <>
                <div className="section-head">
                  <h3>Letters for round {o.rounds.find((r) => r.id === lettersFor)?.number}</h3>
                  <button type="button" className="secondary small" onClick={() => setLettersFor(null)}>
                    Hide letters
                  </button>
                </div>
                <LettersPanel roundId={lettersFor} opportunityId={o.id} />
              </>
            )}
            <h3>What to do</h3>
            <ActionList actions={actions.data ?? []} onWriteReflection={setReflecting} />
            <h3>Timeline</h3>
            {timeline.length === 0 ? (
              <p className="muted">Nothing recorded yet.</p>
            ) : (
              <ol className="timeline" aria-label="Timeline">
                {timeline.map((t) =>
                  t.type === 'event' ? (
                    <li key={`e${t.event.id}`} className={t.event.undoneAt ? 'undone' : undefined}>
                      <time dateTime={t.event.occurredAt}>{format.dateTime(t.event.occurredAt)}</time> {EVENT_LABELS[t.event.kind]}
                      {t.event.contactId && byId.get(t.event.contactId) ? ` to ${byId.get(t.event.contactId)!.name}` : ''}
                      {t.event.channel ? ` (${t.event.channel})` : ''}
                      {t.event.undoneAt ? ' (undone)' : ''}
                    </li>
                  ) : (
                    <li key={`m${t.action.key}`} className="missed">
                      <time dateTime={t.at}>{format.dateTime(t.at)}</time> <span aria-hidden="true">✗ </span>
                      Missed: {actionLabel(t.action)} (its window closed with nothing recorded)
                    </li>
                  ),
                )}
              </ol>
            )}
            <div className="buttons">
              <button type="button" className="secondary" onClick={() => void record('reply_received')}>
                Record a reply
              </button>
              <button type="button" className="secondary" onClick={() => void record('offer_received')}>
                Record an offer
              </button>
            </div>
          </div>
          <aside className="detail-side">
            <h3>Rounds</h3>
            <ol className="rounds">
              {o.rounds.map((r) => (
                <li key={r.id}>
                  <strong>Round {r.number}</strong>: {format.dateTime(r.startsAt)}, {FORMAT_LABELS[r.format]}, {r.durationMinutes} min
                  {r.interviewerIds.length > 0 && (
                    <div>
                      With {r.interviewerIds.map((cid) => byId.get(cid)?.name ?? `#${cid}`).join(', ')}
                    </div>
                  )}
                  {r.nextStep && <div>Next step: {r.nextStep}</div>}
                  {r.decisionDate && <div>Decision by {format.date(r.decisionDate)}</div>}
                  <div className="buttons">
                    <button type="button" className="secondary small" onClick={() => setReflecting(r.id)} aria-label={`Reflection on round ${r.number}`}>
                      Reflection
                    </button>
                    <button type="button" className="secondary small" onClick={() => setLettersFor(r.id)} aria-label={`Letters for round ${r.number}`}>
                      Letters
                    </button>
                    <button type="button" className="secondary small" onClick={() => setEditingRound({ id: r.id, draft: draftOf(r, format) })} aria-label={`Edit round ${r.number}`}>
                      Edit
                    </button>
                  </div>
                  {editingRound?.id === r.id && (
                    <div className="stack">
                      <RoundFields round={editingRound.draft} onChange={(draft) => setEditingRound({ id: r.id, draft })} />
                      <div className="buttons">
                        <button type="button" onClick={() => void saveRound()}>
                          Save round
                        </button>
                        <button type="button" className="secondary" onClick={() => setEditingRound(null)}>
                          Cancel
                        </button>
                      </div>
                    </div>
                  )}
                </li>
              ))}
            </ol>
            {addingRound ? (
              <div className="stack">
                <RoundFields round={addingRound} onChange={setAddingRound} />
                <div className="buttons">
                  <button type="button" onClick={() => void addRound()}>
                    Save round
                  </button>
                  <button type="button" className="secondary" onClick={() => setAddingRound(null)}>
                    Cancel
                  </button>
                </div>
              </div>
            ) : (
              <button type="button" className="secondary" onClick={() => setAddingRound(emptyRound())}>
                Add the next round
              </button>
            )}
            <h3>People</h3>
            <ul className="people">
              {[...new Set(o.rounds.flatMap((r) => [...r.interviewerIds, ...(r.arrangedByContactId ? [r.arrangedByContactId] : [])]))].map((cid) => {
                const c = byId.get(cid);
                if (!c) return null;
                return (
                  <li key={cid}>
                    <strong>{c.name}</strong>
                    {c.title ? `, ${c.title}` : ''}
                    {c.email && <div>{c.email}</div>}
                    {c.lastContactedAt && <div className="muted">Last contacted {format.dateTime(c.lastContactedAt)}</div>}
                  </li>
                );
              })}
            </ul>
            <button type="button" className="secondary" onClick={() => setEditing(true)}>
              Edit opportunity
            </button>{' '}
            <CalendarButton opportunityId={o.id} label="Add to calendar (.ics)" />
            {error && (
              <p role="alert" className="error">
                {error}
              </p>
            )}
          </aside>
        </div>
      )}
      {editing && o && <OpportunityForm existing={o} onClose={() => setEditing(false)} />}
      {reflecting !== null && <ReflectionEditor roundId={reflecting} onClose={() => setReflecting(null)} />}
    </Dialog>
  );
}
