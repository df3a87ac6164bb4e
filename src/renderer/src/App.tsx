import { useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useRef, useState } from 'react';
import { BoardScreen } from './screens/board/BoardScreen';
import { OpportunityDetail } from './screens/opportunity/OpportunityDetail';
import { OpportunityForm } from './screens/opportunity/OpportunityForm';
import { QuickAdd } from './screens/board/QuickAdd';
import { Highlighted } from './screens/reflection/Highlighted';
import { QuestionBank } from './screens/reflection/QuestionBank';
import { DueCardsDialog } from './screens/letters/DueCardsDialog';
import { SettingsDialog } from './screens/settings/SettingsDialog';
import { BackgroundNotice } from './components/BackgroundNotice';
import { connectCoreEvents } from './data/core-events';
import { useCall } from './data/hooks';
import { TimeZoneProvider } from './format';
import { InsightsScreen } from './screens/insights/InsightsScreen';
import { PeopleScreen } from './screens/people/PeopleScreen';
import { ArchiveDialog } from './screens/archive/ArchiveDialog';
import { FirstStart } from './screens/first-start/FirstStart';
import { Notices } from './components/Notices';
import { useTopDialog } from './components/dialog-stack';
import { useBoard } from './data/hooks';

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function App() {
  const [query, setQuery] = useState('');
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [questions, setQuestions] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [view, setView] = useState<'board' | 'insights' | 'contacts'>('board');
  const [archiveOpen, setArchiveOpen] = useState(false);
  const [reminders, setReminders] = useState<readonly { title: string; body: string; opportunityId: number | null }[]>([]);
  const inApp = Boolean(window.afterword);
  const [permission, setPermission] = useState(() => (!inApp && 'Notification' in window ? Notification.permission : 'unsupported'));
  const settingsState = useCall('settings.get', undefined);
  const [problemsDismissed, setProblemsDismissed] = useState(false);
  const client = useQueryClient();
  const board = useBoard();
  const dialogOpen = useTopDialog() !== null;
  // The first start's setup, decided once both answers are in: a journal with nothing in it, no
  // name given, and the setup never finished or skipped (it then stays until it is done).
  const [firstStart, setFirstStart] = useState<boolean | null>(null);
  const settingsNow = settingsState.data?.settings;
  const boardEmpty = board.data ? board.data.cards.length === 0 : null;
  useEffect(() => {
    if (firstStart !== null || !settingsNow || boardEmpty === null) return;
    setFirstStart(!settingsNow.setupDone && settingsNow.userName === '' && boardEmpty);
  }, [firstStart, settingsNow, boardEmpty]);

  // The core's events keep the cache in step (core-events.ts). Reminders pushed by the core's
  // scheduler: the app shows OS notifications itself, browser mode uses the Web Notifications API
  // when allowed. A card to open arrives the same way.
  useEffect(
    () =>
      connectCoreEvents(client, (event) => {
        if (event.type === 'open-card') setOpenId(event.opportunityId);
        if (event.type !== 'reminder') return;
        const { title, body, opportunityId } = event.notice;
        setReminders((r) => [{ title, body, opportunityId }, ...r].slice(0, 5));
        if (!inApp && 'Notification' in window && Notification.permission === 'granted') {
          const shown = new Notification(title, { body, tag: event.notice.actionKey ?? 'summary', icon: './icon.svg' });
          shown.onclick = () => {
            window.focus();
            if (opportunityId !== null) setOpenId(opportunityId);
          };
        }
      }),
    [client, inApp],
  );
  const search = useRef<HTMLInputElement>(null);

  // The board's search also looks into every reflection (full-text, in the core), one query per
  // settled search text.
  const searched = useDeferredValue(query.trim());
  const found = useCall('reflections.search', { query: searched, limit: 50 }, { enabled: searched.length >= 2 });
  const hits = searched.length >= 2 ? (found.data ?? []) : [];
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
    <TimeZoneProvider value={settingsState.data?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone}>
    <div className="app">
      <header className="app-header">
        <h1 className="brand">Afterword</h1>
        <QuickAdd />
        <div className="header-tools">
          <label className="search">
            <span className="visually-hidden">Search</span>
            <input ref={search} type="search" placeholder="Search (/)" aria-label="Search" aria-keyshortcuts="/" value={query} onChange={(e) => setQuery(e.target.value)} />
          </label>
          <button type="button" className="secondary" aria-pressed={view === 'insights'} onClick={() => setView(view === 'insights' ? 'board' : 'insights')}>
            Insights
          </button>
          <button type="button" className="secondary" aria-pressed={view === 'contacts'} onClick={() => setView(view === 'contacts' ? 'board' : 'contacts')}>
            Contacts
          </button>
          <button type="button" className="secondary" onClick={() => setArchiveOpen(true)}>
            Archive
          </button>
          <button type="button" className="secondary" onClick={() => setQuestions(true)}>
            Question bank
          </button>
          <button type="button" className="secondary" onClick={() => setPrinting(true)}>
            Print due cards
          </button>
          {permission === 'default' && (
            <button type="button" className="secondary" onClick={() => void Notification.requestPermission().then(setPermission)}>
              Enable notifications
            </button>
          )}
          <button type="button" className="secondary" onClick={() => setSettingsOpen(true)}>
            Settings
          </button>
          <button type="button" onClick={() => setCreating(true)} aria-keyshortcuts="n">
            New opportunity
          </button>
        </div>
      </header>
      <main className="app-main">
        <BackgroundNotice />
        {!dialogOpen && <Notices />}
        {!problemsDismissed && (settingsState.data?.problems.length ?? 0) > 0 && (
          <div role="alert" className="banner">
            {settingsState.data!.problems.map((p) => (
              <p key={p}>{p}</p>
            ))}
            <button type="button" className="secondary small" onClick={() => setProblemsDismissed(true)}>
              Dismiss
            </button>
          </div>
        )}
        {reminders.length > 0 && (
          <section className="reminders" aria-label="Reminders" aria-live="polite">
            {reminders.map((r, i) => (
              <p key={i}>
                <span aria-hidden="true">🔔 </span>
                {r.opportunityId !== null ? (
                  <button type="button" className="link" onClick={() => setOpenId(r.opportunityId)}>
                    {r.title}
                  </button>
                ) : (
                  <strong>{r.title}</strong>
                )}
                : {r.body}
              </p>
            ))}
            <button type="button" className="secondary small" onClick={() => setReminders([])}>
              Clear
            </button>
          </section>
        )}
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
        {view === 'insights' ? (
          <InsightsScreen onBack={() => setView('board')} onOpen={setOpenId} />
        ) : view === 'contacts' ? (
          <PeopleScreen onBack={() => setView('board')} onOpen={setOpenId} />
        ) : (
          <BoardScreen query={query} onOpen={setOpenId} onNew={() => setCreating(true)} searchHits={hitIds} />
        )}
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
      {settingsOpen && <SettingsDialog inApp={inApp} onClose={() => setSettingsOpen(false)} />}
      {printing && <DueCardsDialog onClose={() => setPrinting(false)} />}
      {creating && <OpportunityForm onClose={() => setCreating(false)} onSaved={(id) => setOpenId(id)} />}
      {archiveOpen && <ArchiveDialog onClose={() => setArchiveOpen(false)} onOpen={setOpenId} />}
      {firstStart && <FirstStart onDone={() => setFirstStart(false)} />}
    </div>
    </TimeZoneProvider>
  );
}
