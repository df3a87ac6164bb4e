import { useEffect, useRef, useState } from 'react';
import { BoardScreen } from './screens/board/BoardScreen';
import { OpportunityDetail } from './screens/opportunity/OpportunityDetail';
import { OpportunityForm } from './screens/opportunity/OpportunityForm';
import { QuickAdd } from './screens/board/QuickAdd';
import { Highlighted } from './screens/reflection/Highlighted';
import { QuestionBank } from './screens/reflection/QuestionBank';
import { DueCardsDialog } from './screens/letters/DueCardsDialog';
import { api } from './api/bridge';

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function App() {
  const [query, setQuery] = useState('');
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [questions, setQuestions] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [hits, setHits] = useState<readonly { roundId: number; opportunityId: number; company: string; roundNumber: number; snippet: string }[]>([]);
  const search = useRef<HTMLInputElement>(null);

  // The board's search also looks into every reflection (full-text, in the core).
  useEffect(() => {
    if (query.trim().length < 2) return setHits([]);
    const timer = setTimeout(() => {
      void api['reflections.search']({ query, limit: 50 }).then((r) => setHits(r.ok ? r.value : []));
    }, 150);
    return () => clearTimeout(timer);
  }, [query]);
  const hitIds = new Set(hits.map((h) => h.opportunityId));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target) || document.querySelector('dialog[open]')) return;
      if (e.key === 'n') {
        e.preventDefault();
        setCreating(true);
      } else if (e.key === '/') {
        e.preventDefault();
        search.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="brand">Afterword</h1>
        <QuickAdd />
        <div className="header-tools">
          <label className="search">
            <span className="visually-hidden">Search</span>
            <input ref={search} type="search" placeholder="Search (/)" aria-label="Search" aria-keyshortcuts="/" value={query} onChange={(e) => setQuery(e.target.value)} />
          </label>
          <button type="button" className="secondary" onClick={() => setQuestions(true)}>
            Question bank
          </button>
          <button type="button" className="secondary" onClick={() => setPrinting(true)}>
            Print due cards
          </button>
          <button type="button" onClick={() => setCreating(true)} aria-keyshortcuts="n">
            New opportunity
          </button>
        </div>
      </header>
      <main className="app-main">
        {hits.length > 0 && (
          <section className="search-hits" aria-label="Found in reflections">
            <h2>Found in reflections</h2>
            <ul>
              {hits.slice(0, 6).map((h) => (
                <li key={h.roundId}>
                  <button type="button" className="link" onClick={() => setOpenId(h.opportunityId)}>
                    {h.company}, round {h.roundNumber}
                  </button>
                  : <Highlighted text={h.snippet} />
                </li>
              ))}
            </ul>
          </section>
        )}
        <BoardScreen query={query} onOpen={setOpenId} onNew={() => setCreating(true)} searchHits={hitIds} />
      </main>
      {openId !== null && <OpportunityDetail id={openId} onClose={() => setOpenId(null)} />}
      {questions && (
        <QuestionBank
          onClose={() => setQuestions(false)}
          onOpen={(id) => {
            setQuestions(false);
            setOpenId(id);
          }}
        />
      )}
      {printing && <DueCardsDialog onClose={() => setPrinting(false)} />}
      {creating && <OpportunityForm onClose={() => setCreating(false)} onSaved={(id) => setOpenId(id)} />}
    </div>
  );
}
