import { useState } from 'react';
import type { Action } from '../../../../shared/domain';
import type { LetterKind } from '../../../../shared/letters';
import { actionLabel, countdown, effectiveDue, isOverdue, useFormat } from '../../format';
import { SnoozeSelect } from '../../components/SnoozeSelect';
import type { CallInput } from '../../../../shared/contract';
import { useQueryClient } from '@tanstack/react-query';
import { keyOf } from '../../data/calls';
import { call } from '../../data/calls';
import './missed.css';

const CHANNEL_LABELS: Record<Action['channel'], string> = {
  email: 'by email',
  phone: 'by phone',
  linkedin: 'on LinkedIn',
  mail: 'by post',
  video: 'by video',
  app: 'in Afterword',
};

/** The letter an action is written as, when Afterword drafts one for it. */
function letterFor(a: Action): LetterKind | null {
  switch (a.kind) {
    case 'thank-you':
      return a.channel === 'mail' ? 'thank-you-card' : 'thank-you-email';
    case 'thank-you-card':
      return 'thank-you-card';
    case 'linkedin-note':
      return 'linkedin-note';
    case 'status-check':
      return a.channel === 'phone' ? 'phone-script' : 'status-check-email';
    case 'phone-call':
      return 'phone-script';
    case 'stay-in-touch':
      return 'stay-in-touch';
    case 'move-on':
      return 'move-on-close';
    case 'ask-next-steps':
    case 'write-reflection':
    case 'add-round-date':
      return null;
    default: {
      const never: never = a.kind;
      return never;
    }
  }
}

/** Every action of a card with its "why this date", and Done / Snooze / Skip (or Reopen). */
export function ActionList({
  actions,
  onWriteReflection,
  onWriteLetter,
  onAddRound,
  quietWhenEmpty = false,
}: {
  actions: readonly Action[];
  onWriteReflection?: (roundId: number) => void;
  /** Opens the letters of the action's round on the letter it asks for. */
  onWriteLetter?: (roundId: number, kind: LetterKind) => void;
  /** Something else on the card says what to do (the guidance): no "nothing to do" line. */
  quietWhenEmpty?: boolean;
  /** For a card with no date yet: open the round's form (adding the round is what settles it). */
  onAddRound?: () => void;
}) {
  const format = useFormat();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const now = Date.now();
  const open = actions.filter((a) => a.status === 'pending' || a.status === 'snoozed');
  const settled = actions.filter((a) => a.status === 'done' || a.status === 'skipped');
  // A thank-you or reflection whose window closed unsent stays in sight (docs/follow-up-rules.md "Missed").
  const missed = actions.filter((a) => a.status === 'missed');

  /** Runs Done / Snooze / Skip / Reopen: the card's actions come back in the answer, the board is patched. */
  async function act<K extends 'actions.complete' | 'actions.snooze' | 'actions.skip' | 'actions.reopen'>(name: K, input: CallInput<K>) {
    setError(null);
    const key = keyOf('actions.forOpportunity', { opportunityId: input.opportunityId });
    const result = await call(name, input, { keep: [key] });
    if (result.ok) client.setQueryData(key, result.value);
    else setError(result.error.message);
  }

  const item = (a: Action) => {
    const overdue = isOverdue(a, now);
    const label = actionLabel(a);
    const letter = letterFor(a);
    // The line's primary action is writing (the reflection or its letter) when there is one; else Done.
    const primary = (a.kind === 'write-reflection' && a.roundId !== null && onWriteReflection) || (letter !== null && a.roundId !== null && onWriteLetter);
    return (
      <li key={a.key} className={`action ${a.status}${overdue ? ' overdue' : ''}`} aria-label={label}>
        <div className="action-head">
          <strong>{label}</strong> <span className="muted">{CHANNEL_LABELS[a.channel]}</span>
          {overdue && (
            <span className="badge overdue-badge">
              <span aria-hidden="true">⚠</span> Overdue
            </span>
          )}
          {a.status === 'snoozed' && <span className="badge">Snoozed until {format.dateTime(a.snoozedUntil!)}</span>}
          {a.status === 'done' && <span className="badge done-badge">✓ Done {a.settledAt ? format.dateTime(a.settledAt) : ''}</span>}
          {a.status === 'skipped' && <span className="badge">Skipped</span>}
          {a.status === 'missed' && (
            <span className="badge missed-badge">
              <span aria-hidden="true">✗</span> Missed: the window closed {a.settledAt ? format.dateTime(a.settledAt) : ''}
            </span>
          )}
        </div>
        {(a.status === 'pending' || a.status === 'snoozed') && (
          <p className="when">
            Due {format.dateTime(a.due)} ({countdown(a.due, now)}), open until {format.dateTime(a.latest)}
          </p>
        )}
        <p className="why">
          <span className="visually-hidden">Why this date: </span>
          {a.why}
        </p>
        <div className="buttons">
          {a.status === 'missed' ? (
            <button type="button" className="secondary" onClick={() => void act('actions.complete', { opportunityId: a.opportunityId, key: a.key })} aria-label={`Sent after all: ${label}`}>
              {a.kind === 'write-reflection' ? 'Written after all' : 'Sent after all'}
            </button>
          ) : a.status === 'pending' || a.status === 'snoozed' ? (
            <>
              {/* One primary action per line: what the line asks for; Done, Snooze and Skip are quieter. */}
              {a.kind === 'write-reflection' && a.roundId !== null && onWriteReflection ? (
                <button type="button" onClick={() => onWriteReflection(a.roundId!)} aria-label={`Write it: ${label}`}>
                  Write it
                </button>
              ) : letter && a.roundId !== null && onWriteLetter ? (
                <button type="button" onClick={() => onWriteLetter(a.roundId!, letter)} aria-label={`Write it: ${label}`}>
                  Write it
                </button>
              ) : null}
              {a.kind === 'add-round-date' ? (
                onAddRound && (
                  <button type="button" onClick={onAddRound}>
                    Add the date
                  </button>
                )
              ) : (
                <button
                  type="button"
                  className={primary ? 'secondary' : undefined}
                  onClick={() => void act('actions.complete', { opportunityId: a.opportunityId, key: a.key })}
                  aria-label={`Done: ${label}`}
                >
                  Done
                </button>
              )}
              <label className="inline snooze">
                <span className="visually-hidden">Snooze {label}</span>
                <SnoozeSelect className="quiet-select" label={label} notDueYet={Date.parse(effectiveDue(a)) > now} onChoose={(choice) => void act('actions.snooze', { opportunityId: a.opportunityId, key: a.key, choice })} />
              </label>
              <button type="button" className="quiet" onClick={() => void act('actions.skip', { opportunityId: a.opportunityId, key: a.key })} aria-label={`Skip: ${label}`}>
                Skip
              </button>
            </>
          ) : (
            <button type="button" className="secondary" onClick={() => void act('actions.reopen', { opportunityId: a.opportunityId, key: a.key })} aria-label={`Reopen: ${label}`}>
              Reopen
            </button>
          )}
        </div>
      </li>
    );
  };

  return (
    <section aria-label="Actions">
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {open.length === 0 ? quietWhenEmpty ? null : <p className="muted">Nothing to do on this card right now.</p> : <ul className="actions">{open.map(item)}</ul>}
      {missed.length > 0 && (
        <>
          <h4>Missed ({missed.length})</h4>
          <ul className="actions" aria-label="Missed">
            {missed.map(item)}
          </ul>
        </>
      )}
      {settled.length > 0 && (
        <details>
          <summary>Done and skipped ({settled.length})</summary>
          <ul className="actions">{settled.map(item)}</ul>
        </details>
      )}
    </section>
  );
}
