import { useState } from 'react';
import { api } from '../../api/bridge';
import { Dialog } from '../../components/Dialog';
import { dateOnly } from '../../format';
import { downloadBase64 } from '../../download';
import { useJournalQuery } from '../../use-journal';

/** Every question you were asked, with your answer, to prepare the next interview. */
export function QuestionBank({ onClose, onOpen }: { onClose: () => void; onOpen: (opportunityId: number) => void }) {
  const [query, setQuery] = useState('');
  const questions = useJournalQuery(() => api['reflections.questions']({ query }), [query]);
  const [error, setError] = useState<string | null>(null);

  async function exportAll() {
    const result = await api['reflections.export']({});
    if (result.ok) downloadBase64(result.value);
    else setError(result.error.message);
  }

  return (
    <Dialog title="Question bank" onClose={onClose} wide>
      <div className="stack">
        <label>
          Find a question
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="e.g. conflict, design, first ninety days" />
        </label>
        <p className="muted" aria-live="polite">
          {questions.value ? `${questions.value.length} question${questions.value.length === 1 ? '' : 's'}` : 'Loading…'}
        </p>
        <ul className="question-bank">
          {(questions.value ?? []).slice(0, 200).map((q, i) => (
            <li key={`${q.roundId}-${i}`}>
              <strong>{q.question}</strong>
              <div className="muted">
                Asked at{' '}
                <button type="button" className="link" onClick={() => onOpen(q.opportunityId)}>
                  {q.company}, round {q.roundNumber}
                </button>{' '}
                ({q.role}, {dateOnly.format(new Date(q.askedAt))})
              </div>
              {q.answer ? <p>Your answer: {q.answer}</p> : <p className="muted">No answer noted.</p>}
            </li>
          ))}
        </ul>
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
