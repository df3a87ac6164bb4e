import { useState } from 'react';
import type { CardGuidance, GuidanceStep } from '../../../../shared/calls/planner-calls';
import { call } from '../../data/calls';
import { useFormat } from '../../format';

/**
 * What to do where the card's dated actions stop (after a reply, after an offer), as the core
 * wrote it (planner/guidance.ts): this only shows it, with one button where a step has one.
 */
export function NextSteps({
  guidance,
  onAddRound,
  onReflection,
}: {
  guidance: CardGuidance;
  onAddRound: () => void;
  onReflection: (roundId: number) => void;
}) {
  const format = useFormat();
  const [deadline, setDeadline] = useState(guidance.deadline ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function saveDeadline() {
    if (guidance.roundId === null) return;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(deadline)) { setError('Enter the date they need your answer by.'); return; }
    setError(null);
    // The deadline is the round's decision date (docs/follow-up-rules.md "After a reply, after an offer").
    const result = await call('rounds.update', { id: guidance.roundId, patch: { decisionDate: deadline } });
    if (!result.ok) { setError(result.error.message); return; }
    setSaved(`Saved: answer by ${format.date(deadline)}.`);
  }

  const button = (step: GuidanceStep) => {
    switch (step.id) {
      case 'add-next-round':
        return (
          <button type="button" className="secondary small" onClick={onAddRound}>
            Add the next round
          </button>
        );
      case 'prepare-next-round':
        return guidance.roundId === null ? null : (
          <button type="button" className="secondary small" onClick={() => onReflection(guidance.roundId!)}>
            Open the reflection
          </button>
        );
      case 'record-deadline':
      case 'answer-by':
        return (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void saveDeadline();
            }}
          >
            <label className="inline">
              Answer needed by
              <input type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
            </label>
            <button type="submit" className="secondary small">
              Save the date
            </button>
          </form>
        );
      case 'answer-reply':
      case 'record-outcome':
      case 'thank-for-offer':
      case 'ask-questions':
      case 'compare-offers':
      case 'tell-others':
        return null;
      default: {
        const never: never = step.id;
        return never;
      }
    }
  };

  return (
    <section className="next-steps" aria-labelledby="next-steps-title">
      <h3 id="next-steps-title">{guidance.title}</h3>
      <p>{guidance.meaning}</p>
      <ol className="steps">
        {guidance.steps.map((step) => (
          <li key={step.id}>
            <span>
              {step.text}
              {step.due && <strong> By {format.dateTime(step.due)}.</strong>}
            </span>
            {button(step)}
            {step.id === 'ask-questions' && (
              <ul className="offer-questions" aria-label="Questions to ask about the offer">
                {guidance.questions.map((q) => (
                  <li key={q}>{q}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {saved && (
        <p role="status" className="muted">
          {saved}
        </p>
      )}
      <p className="source muted">Source: {guidance.source}.</p>
    </section>
  );
}
