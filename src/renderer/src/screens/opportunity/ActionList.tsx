import { useState } from 'react';
import type { Action } from '../../../../shared/domain';
import { api } from '../../api/bridge';
import { actionLabel, countdown, dateTime, effectiveDue, isOverdue } from '../../format';
import { SNOOZE_LABELS, snoozeUntil } from '../../snooze';
import type { SnoozeChoice } from '../../snooze';

const CHANNEL_LABELS: Record<Action['channel'], string> = {
  email: 'by email',
  phone: 'by phone',
  linkedin: 'on LinkedIn',
  mail: 'by post',
  video: 'by video',
  app: 'in Afterword',
};

/** Every action of a card with its "why this date", and Done / Snooze / Skip (or Reopen). */
export function ActionList({
  actions,
  onChanged,
  workingWeek,
  onWriteReflection,
}: {
  actions: readonly Action[];
  onChanged: (a: readonly Action[]) => void;
  workingWeek?: readonly number[];
  onWriteReflection?: (roundId: number) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const now = Date.now();
  const open = actions.filter((a) => a.status === 'pending' || a.status === 'snoozed');
  const settled = actions.filter((a) => a.status === 'done' || a.status === 'skipped');

  async function run(promise: Promise<{ ok: true; value: readonly Action[] } | { ok: false; error: { message: string } }>) {
    setError(null);
    const result = await promise;
    if (result.ok) onChanged(result.value);
    else setError(result.error.message);
  }

  const item = (a: Action) => {
    const overdue = isOverdue(a, now);
    const label = actionLabel(a);
    return (
      <li key={a.key} className={`action ${a.status}${overdue ? ' overdue' : ''}`} aria-label={label}>
        <div className="action-head">
          <strong>{label}</strong> <span className="muted">{CHANNEL_LABELS[a.channel]}</span>
          {overdue && (
            <span className="badge overdue-badge">
              <span aria-hidden="true">⚠</span> Overdue
            </span>
          )}
          {a.status === 'snoozed' && <span className="badge">Snoozed until {dateTime.format(new Date(a.snoozedUntil!))}</span>}
          {a.status === 'done' && <span className="badge done-badge">✓ Done {a.settledAt ? dateTime.format(new Date(a.settledAt)) : ''}</span>}
          {a.status === 'skipped' && <span className="badge">Skipped</span>}
        </div>
        {(a.status === 'pending' || a.status === 'snoozed') && (
          <p className="when">
            Due {dateTime.format(new Date(a.due))} ({countdown(effectiveDue(a), now)}), open until {dateTime.format(new Date(a.latest))}
          </p>
        )}
        <p className="why">
          <span className="visually-hidden">Why this date: </span>
          {a.why}
        </p>
        <div className="buttons">
          {a.status === 'pending' || a.status === 'snoozed' ? (
            <>
              {a.kind === 'write-reflection' && a.roundId !== null && onWriteReflection && (
                <button type="button" onClick={() => onWriteReflection(a.roundId!)}>
                  Write it
                </button>
              )}
              <button type="button" onClick={() => void run(api['actions.complete']({ opportunityId: a.opportunityId, key: a.key }))} aria-label={`Done: ${label}`}>
                Done
              </button>
              <label className="inline snooze">
                <span className="visually-hidden">Snooze {label}</span>
                <select
                  aria-label={`Snooze: ${label}`}
                  value=""
                  onChange={(e) => {
                    const choice = e.target.value as SnoozeChoice;
                    if (!choice) return;
                    void run(api['actions.snooze']({ opportunityId: a.opportunityId, key: a.key, until: snoozeUntil(choice, new Date(), workingWeek).toISOString() }));
                  }}
                >
                  <option value="">Snooze…</option>
                  {(Object.keys(SNOOZE_LABELS) as SnoozeChoice[]).map((c) => (
                    <option key={c} value={c}>
                      {SNOOZE_LABELS[c]}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" className="secondary" onClick={() => void run(api['actions.skip']({ opportunityId: a.opportunityId, key: a.key }))} aria-label={`Skip: ${label}`}>
                Skip
              </button>
            </>
          ) : (
            <button type="button" className="secondary" onClick={() => void run(api['actions.reopen']({ opportunityId: a.opportunityId, key: a.key }))} aria-label={`Reopen: ${label}`}>
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
      {open.length === 0 ? <p className="muted">Nothing to do on this card right now.</p> : <ul className="actions">{open.map(item)}</ul>}
      {settled.length > 0 && (
        <details>
          <summary>Done and skipped ({settled.length})</summary>
          <ul className="actions">{settled.map(item)}</ul>
        </details>
      )}
    </section>
  );
}
