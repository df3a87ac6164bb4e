import { useEffect, useRef, useState } from 'react';
import { BoardScreen } from './screens/board/BoardScreen';
import { OpportunityDetail } from './screens/opportunity/OpportunityDetail';
import { OpportunityForm } from './screens/opportunity/OpportunityForm';
import { QuickAdd } from './screens/board/QuickAdd';

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function App() {
  const [query, setQuery] = useState('');
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const search = useRef<HTMLInputElement>(null);

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
          <button type="button" onClick={() => setCreating(true)} aria-keyshortcuts="n">
            New opportunity
          </button>
        </div>
      </header>
      <main className="app-main">
        <BoardScreen query={query} onOpen={setOpenId} onNew={() => setCreating(true)} />
      </main>
      {openId !== null && <OpportunityDetail id={openId} onClose={() => setOpenId(null)} />}
      {creating && <OpportunityForm onClose={() => setCreating(false)} onSaved={(id) => setOpenId(id)} />}
    </div>
  );
}
