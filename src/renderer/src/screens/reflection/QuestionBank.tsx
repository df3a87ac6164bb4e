import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { useFormat } from '../../format';
import { downloadBase64 } from '../../download';
import { useCall } from '../../data/hooks';
import { call } from '../../data/calls';

/**
 * Every question you were asked, with your answer, found by a word: in the question bank's
 * dialog, and (compact, without links away) beside the reflection being written.
 */
export function QuestionList({ onOpen, compact = false }: { onOpen?: (opportunityId: number) => void; compact?: boolean }) {
  const format = useFormat();
  const [query, setQuery] = useState('');
  const questions = useCall('reflections.questions', { query });
  return (
    <div className="stack">
      <label>
        Find a question
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="e.g. conflict, design, first ninety days" />
      </label>
      <p className="muted" aria-live="polite">
        {questions.data ? `${questions.data.length} question${questions.data.length === 1 ? '' : 's'}` : 'Loading…'}
      </p>
      <ul className={compact ? 'question-bank compact' : 'question-bank'}>
        {(questions.data ?? []).slice(0, compact ? 30 : 200).map((q, i) => (
          <li key={`${q.roundId}-${i}`}>
            <strong>{q.question}</strong>
            <div className="muted">
              Asked at{' '}
              {onOpen ? (
                <button type="button" className="link" onClick={() => onOpen(q.opportunityId)}>
                  {q.company}, round {q.roundNumber}
                </button>
              ) : (
                `${q.company}, round ${q.roundNumber}`
              )}{' '}
              ({q.role}, {format.day(q.askedAt)})
            </div>
            {q.answer ? <p>Your answer: {q.answer}</p> : <p className="muted">No answer noted.</p>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Every question you were asked, with your answer, to prepare the next interview. */
export function QuestionBank({ onClose, onOpen }: { onClose: () => void; onOpen: (opportunityId: number) => void }) {
  const [error, setError] = useState<string | null>(null);

  async function exportAll() {
    const result = await call('reflections.export', {});
    if (result.ok) downloadBase64(result.value);
    else setError(result.error.message);
  }

  return (
    <Dialog title="Question bank" onClose={onClose} wide>
      <div className="stack">
        <QuestionList onOpen={onOpen} />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="buttons">
          <button type="button" className="secondary" onClick={() => void exportAll()}>
            Export all reflections (.zip of Markdown files)
          </button>
        </div>
      </div>
    </Dialog>
  );
}
