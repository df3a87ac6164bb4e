import { useEffect, useRef, useState } from 'react';
import type { Action, Contact, EventKind, OpportunityWithRounds, TimelineEvent } from '../../../../shared/domain';
import type { LetterKind } from '../../../../shared/letters';
import { Panel } from '../../components/Panel';
import { notify } from '../../components/notices';
import { actionLabel, useFormat } from '../../format';
import { CalendarButton } from '../data/CalendarButton';
import { LettersPanel } from '../letters/LettersPanel';
import { PersonEditor } from '../people/PersonEditor';
import { ReflectionEditor } from '../reflection/ReflectionEditor';
import { ActionList } from './ActionList';
import { CardLifecycle } from './CardLifecycle';
import { NextSteps } from './NextSteps';
import { StageMove } from './StageMove';
import { EVENT_LABELS } from './event-labels';
import { COMPANY_SIZE_LABELS, draftOf, emptyRound, FORMAT_LABELS, OpportunityForm, roundInput, RoundFields } from './OpportunityForm';
import type { RoundDraft } from './OpportunityForm';
import { useCall } from '../../data/hooks';
import { call, run } from '../../data/calls';
import './opportunity-detail.css';

export { EVENT_LABELS };

/** Everyone a card names, once each: the recruiter, then each round's interviewers and who arranged it. */
function peopleOf(o: OpportunityWithRounds): number[] {
  const ids = [...(o.recruiterContactId ? [o.recruiterContactId] : []), ...o.rounds.flatMap((r) => [...r.interviewerIds, ...(r.arrangedByContactId ? [r.arrangedByContactId] : [])])];
  return [...new Set(ids)];
}

/**
 * The card's detail, a panel beside the view (not a dialog): what to do first (the planner's actions
 * and, where they stop, the core's guidance), the column it is in, its rounds with their
 * letters and reflections, the timeline, the people, and its outcome. The reflection opens over
 * the whole content area; this panel waits under it with everything as it was.
 */
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
  const [editingPerson, setEditingPerson] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reflecting, setReflecting] = useState<number | null>(initialReflection);
  const [letters, setLetters] = useState<{ roundId: number; kind?: LetterKind } | null>(initialLetters === null ? null : { roundId: initialLetters });
  const guidance = useCall('actions.guidance', { opportunityId: id });
  const lettersHeading = useRef<HTMLHeadingElement>(null);
  const lettersFor = letters?.roundId ?? null;
  // Letters opened from a line of the card: the focus follows to them (they open above that line).
  const [lettersAsked, setLettersAsked] = useState(0);
  useEffect(() => {
    if (lettersAsked > 0) lettersHeading.current?.focus();
  }, [lettersAsked]);
  const openLetters = (roundId: number, kind?: LetterKind) => {
    setLetters({ roundId, ...(kind ? { kind } : {}) });
    setLettersAsked((n) => n + 1);
  };
  const byId = new Map<number, Contact>((contacts.data ?? []).map((c) => [c.id, c]));
  const nameOf = (cid: number) => byId.get(cid)?.name ?? `Contact ${cid}`;
  /** A person as a round names them: their details open from their name (a removed person is a name only). */
  const personName = (cid: number, role: string) =>
    byId.get(cid)?.removedAt ? (
      <span>{nameOf(cid)}</span>
    ) : (
      <button type="button" className="link" onClick={() => setEditingPerson(cid)} aria-label={`${nameOf(cid)}, ${role}: edit their details`}>
        {nameOf(cid)}
      </button>
    );
  const o = opportunity.data;
  // The timeline: what was recorded, and what was missed (a thank-you or reflection whose window closed), by time.
  const timeline: ({ type: 'event'; event: TimelineEvent; at: string } | { type: 'missed'; action: Action; at: string })[] = [
    ...(events.data ?? []).map((event) => ({ type: 'event' as const, event, at: event.occurredAt })),
    ...(actions.data ?? []).filter((a) => a.status === 'missed' && a.settledAt).map((action) => ({ type: 'missed' as const, action, at: action.settledAt! })),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

  // A round's form closes (saved or cancelled) with the button that had the focus: the focus goes
  // to the round's Edit button, or to "Add the next round" (it fell to the page).
  const [refocus, setRefocus] = useState<string | null>(null);
  useEffect(() => {
    if (!refocus) return;
    const target = document.querySelector<HTMLElement>(refocus);
    target?.focus();
    setRefocus(null);
  }, [refocus]);
  const closeRoundForm = (round: { number: number } | null) => {
    if (round) setEditingRound(null);
    else setAddingRound(null);
    setRefocus(round ? `button[aria-label="Edit round ${round.number}"]` : 'button[data-add-round]');
  };

  async function addRound() {
    if (!addingRound) return;
    const input = roundInput(addingRound, format);
    if (!input) { setError('The round needs a valid date and time.'); return; }
    const result = await call('rounds.create', { opportunityId: id, ...input });
    if (!result.ok) { setError(result.error.message); return; }
    setError(null);
    closeRoundForm(null);
  }

  async function saveRound() {
    if (!editingRound) return;
    const input = roundInput(editingRound.draft, format);
    if (!input) { setError('The round needs a valid date and time.'); return; }
    const result = await call('rounds.update', { id: editingRound.id, patch: input });
    if (!result.ok) { setError(result.error.message); return; }
    setError(null);
    closeRoundForm(o?.rounds.find((r) => r.id === editingRound.id) ?? null);
  }

  async function record(kind: EventKind) {
    const result = await call('events.record', { opportunityId: id, kind, roundId: o?.rounds.at(-1)?.id ?? null });
    if (!result.ok) setError(result.error.message);
  }

  const round = (rid: number) => o?.rounds.find((r) => r.id === rid) ?? null;
  const reflectionRound = reflecting === null ? null : round(reflecting);
  const title = o ? `${o.company}: ${o.role}` : 'Opportunity';
  return (
    <>
      <Panel
        title={title}
        onClose={onClose}
        hidden={reflecting !== null}
        className="detail-panel"
        returnTo={() => document.querySelector<HTMLElement>(`[data-card-id="${id}"] .card-open`)}
      >
        {opportunity.error && (
          <p role="alert" className="error">
            {opportunity.error.message}
          </p>
        )}
        {o && (
          <div className="detail">
            {o.archivedAt && (
              <p className="archived-note" role="note">
                Archived {format.dateTime(o.archivedAt)}: off the board, no reminders.{' '}
                <button
                  type="button"
                  className="secondary small"
                  onClick={() =>
                    void run('opportunities.unarchive', { id: o.id }).then(
                      () => notify(`Restored ${o.company} (${o.role}) to the board.`),
                      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
                    )
                  }
                >
                  Restore to the board
                </button>
              </p>
            )}
            <StageMove opportunityId={o.id} />
            {lettersFor !== null && (
              <section className="detail-section" aria-labelledby="letters-title">
                <div className="section-head">
                  <h3 id="letters-title" ref={lettersHeading} tabIndex={-1}>
                    Letters for round {round(lettersFor)?.number}
                  </h3>
                  <button type="button" className="quiet small" onClick={() => setLetters(null)}>
                    Hide letters
                  </button>
                </div>
                <LettersPanel key={`${lettersFor}:${letters?.kind ?? ''}`} roundId={lettersFor} opportunityId={o.id} initialKind={letters?.kind} />
              </section>
            )}
            <section className="detail-section" aria-labelledby="todo-title">
              <h3 id="todo-title">What to do</h3>
              {guidance.data?.guidance && (
                <NextSteps guidance={guidance.data.guidance} onAddRound={() => setAddingRound(emptyRound())} onReflection={setReflecting} />
              )}
              <ActionList
                actions={actions.data ?? []}
                onWriteReflection={setReflecting}
                onWriteLetter={openLetters}
                onAddRound={() => setAddingRound(emptyRound())}
                quietWhenEmpty={Boolean(guidance.data?.guidance)}
              />
            </section>
            <section className="detail-section" aria-labelledby="rounds-title">
              <h3 id="rounds-title">Rounds</h3>
              {o.rounds.length === 0 && <p className="muted">No round yet: add it with its date and time, and Afterword plans the follow-up.</p>}
              <ol className="rounds">
                {o.rounds.map((r) => (
                  <li key={r.id}>
                    <div className="round-line">
                      <span>
                        <strong>Round {r.number}</strong>: {format.dateTime(r.startsAt)}, {FORMAT_LABELS[r.format]}, {r.durationMinutes} min
                      </span>
                      <span className="round-buttons">
                        <button type="button" className="secondary small" onClick={() => setReflecting(r.id)} aria-label={`Reflection on round ${r.number}`}>
                          Reflection
                        </button>
                        <button type="button" className="quiet small" onClick={() => openLetters(r.id)} aria-label={`Letters for round ${r.number}`}>
                          Letters
                        </button>
                        <button type="button" className="quiet small" onClick={() => setEditingRound({ id: r.id, draft: draftOf(r, format) })} aria-label={`Edit round ${r.number}`}>
                          Edit
                        </button>
                      </span>
                    </div>
                    {r.interviewerIds.length > 0 && (
                      <div>
                        With{' '}
                        {r.interviewerIds.map((cid, i) => (
                          <span key={cid}>
                            {i > 0 && ', '}
                            {personName(cid, `interviewer in round ${r.number}`)}
                          </span>
                        ))}
                      </div>
                    )}
                    {r.arrangedByContactId && (
                      <div>
                        Arranged by {personName(r.arrangedByContactId, `who arranged round ${r.number}`)}, by {r.arrangedChannel}
                      </div>
                    )}
                    {r.nextStep && <div>Next step: {r.nextStep}</div>}
                    {r.decisionDate && <div>Decision by {format.date(r.decisionDate)}</div>}
                    {editingRound?.id === r.id && (
                      <div className="stack">
                        <RoundFields round={editingRound.draft} onChange={(draft) => setEditingRound({ id: r.id, draft })} />
                        <div className="buttons">
                          <button type="button" onClick={() => void saveRound()}>
                            Save round
                          </button>
                          <button type="button" className="secondary" onClick={() => closeRoundForm(r)}>
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
                    <button type="button" className="secondary" onClick={() => closeRoundForm(null)}>
                      Cancel
                    </button>
                  </div>
                </div>
              ) : (
                <div className="buttons">
                  <button type="button" className="secondary small" data-add-round onClick={() => setAddingRound(emptyRound())}>
                    {o.rounds.length === 0 ? 'Add the round' : 'Add the next round'}
                  </button>
                </div>
              )}
            </section>
            <section className="detail-section" aria-labelledby="timeline-title">
              <h3 id="timeline-title">Timeline</h3>
              {timeline.length === 0 ? (
                <p className="muted">Nothing recorded yet.</p>
              ) : (
                <ol className="timeline" aria-label="Timeline">
                  {timeline.map((t) =>
                    t.type === 'event' ? (
                      <li key={`e${t.event.id}`} className={t.event.undoneAt ? 'undone' : undefined}>
                        <time dateTime={t.event.occurredAt}>{format.dateTime(t.event.occurredAt)}</time> {EVENT_LABELS[t.event.kind]}
                        {t.event.contactId ? ` to ${nameOf(t.event.contactId)}` : ''}
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
                <button type="button" className="secondary small" onClick={() => void record('reply_received')}>
                  Record a reply
                </button>
                <button type="button" className="quiet small" onClick={() => void record('offer_received')}>
                  Record an offer
                </button>
              </div>
            </section>
            <section className="detail-section" aria-labelledby="people-title">
              <h3 id="people-title">People</h3>
              {peopleOf(o).length === 0 ? (
                <p className="muted">No one yet: add interviewers to a round.</p>
              ) : (
                <ul className="people">
                  {peopleOf(o).map((cid) => {
                    const c = byId.get(cid);
                    if (!c) return null;
                    return (
                      <li key={cid}>
                        <strong>{c.name}</strong>
                        {c.title ? `, ${c.title}` : ''}
                        {cid === o.recruiterContactId && <span className="muted"> (recruiter)</span>}
                        {c.removedAt ? (
                          <div className="muted">Removed from your contacts: only the name is kept.</div>
                        ) : (
                          <>
                            {c.email ? <div>{c.email}</div> : <div className="muted">No email yet</div>}
                            {c.phone && <div>{c.phone}</div>}
                            {c.lastContactedAt && <div className="muted">Last contacted {format.dateTime(c.lastContactedAt)}</div>}
                            <button type="button" className="quiet small edit-person" onClick={() => setEditingPerson(cid)}>
                              Edit {c.name}
                            </button>
                          </>
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
            </section>
            <section className="detail-section" aria-labelledby="about-title">
              <h3 id="about-title">About</h3>
              <dl className="about">
                {o.jobUrl && (
                  <div>
                    <dt>Job link</dt>
                    <dd>
                      <a href={o.jobUrl} target="_blank" rel="noreferrer">
                        {o.jobUrl}
                      </a>
                    </dd>
                  </div>
                )}
                {(
                  [
                    ['Location', o.location],
                    ['Source', o.source],
                    ['Company size', o.companySize && COMPANY_SIZE_LABELS[o.companySize]],
                    ['Salary notes', o.salaryNotes],
                    ['Tags', o.tags.length > 0 ? o.tags.join(', ') : null],
                    ['Notes', o.notes],
                  ] as const
                ).map(([label, v]) =>
                  v ? (
                    <div key={label}>
                      <dt>{label}</dt>
                      <dd className="pre">{v}</dd>
                    </div>
                  ) : null,
                )}
              </dl>
              <div className="buttons">
                <button type="button" className="secondary small" onClick={() => setEditing(true)}>
                  Edit opportunity
                </button>
                <CalendarButton opportunityId={o.id} label="Add to calendar (.ics)" />
              </div>
              {error && (
                <p role="alert" className="error">
                  {error}
                </p>
              )}
            </section>
            <CardLifecycle opportunity={o} onDeleted={onClose} />
          </div>
        )}
        {editing && o && <OpportunityForm existing={o} onClose={() => setEditing(false)} />}
        {editingPerson !== null && <PersonEditor contactId={editingPerson} onClose={() => setEditingPerson(null)} />}
      </Panel>
      {reflecting !== null && (
        <ReflectionEditor
          roundId={reflecting}
          people={(reflectionRound?.interviewerIds ?? []).map(nameOf)}
          format={reflectionRound ? FORMAT_LABELS[reflectionRound.format] : null}
          onClose={() => setReflecting(null)}
        />
      )}
    </>
  );
}
