import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { Board, CallOutput } from '../../shared/contract';
import { BackgroundNotice } from './components/BackgroundNotice';
import { CommandPalette } from './components/CommandPalette';
import { Icon } from './components/Icon';
import type { Command } from './components/CommandPalette';
import { ShortcutsSheet } from './components/ShortcutsSheet';
import { keyOf } from './data/calls';
import { connectCoreEvents } from './data/core-events';
import { useBoardEmpty, useCall } from './data/hooks';
import { Notices } from './components/Notices';
import { useTopDialog } from './components/dialog-stack';
import { TimeZoneProvider } from './format';
import { BoardScreen } from './screens/board/BoardScreen';
import { InsightsScreen } from './screens/insights/InsightsScreen';
import { DueCardsDialog } from './screens/letters/DueCardsDialog';
import { OpportunityDetail } from './screens/opportunity/OpportunityDetail';
import { OpportunityForm } from './screens/opportunity/OpportunityForm';
import { Highlighted } from './screens/reflection/Highlighted';
import { QuestionBank } from './screens/reflection/QuestionBank';
import { SettingsDialog } from './screens/settings/SettingsDialog';
import { SourcesDialog } from './screens/sources/SourcesDialog';
import { ArchiveDialog } from './screens/archive/ArchiveDialog';
import { FirstStart } from './screens/first-start/FirstStart';
import { PeopleScreen } from './screens/people/PeopleScreen';
import { TodayScreen } from './screens/today/TodayScreen';
import type { TodayTarget } from './screens/today/TodayScreen';
import { useDueList } from './screens/today/use-due-list';

/** No search, or none yet: the same empty list each time ("Found in reflections" follows it). */
const NO_HITS: CallOutput<'reflections.search'> = [];
/** How many passages "Found in reflections" shows (the best matches). */
const FOUND_SHOWN = 6;

type View = 'board' | 'today' | 'insights' | 'contacts';
const VIEW_TITLES: Record<View, string> = { board: 'Board', today: 'Today', insights: 'Insights', contacts: 'Contacts' };
const VIEW_KEYS: Record<string, View> = { b: 'board', t: 'today', i: 'insights', c: 'contacts' };

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

const SHORTCUTS = [
  {
    section: 'Anywhere',
    items: [
      { keys: ['Ctrl+K'], what: 'Go to or do anything by name (⌘K on a Mac)' },
      { keys: ['N'], what: 'New opportunity' },
      { keys: ['/'], what: 'Search the board and every reflection' },
      { keys: ['G', 'B'], what: 'Go to the board' },
      { keys: ['G', 'T'], what: 'Go to Today' },
      { keys: ['G', 'I'], what: 'Go to Insights' },
      { keys: ['G', 'C'], what: 'Go to Contacts' },
      { keys: ['?'], what: 'These shortcuts' },
      { keys: ['Esc'], what: 'Close a dialog' },
    ],
  },
  {
    section: 'On the board',
    items: [
      { keys: ['Tab'], what: 'From column to column' },
      { keys: ['↑', '↓'], what: 'From card to card in a column' },
      { keys: ['Enter'], what: 'Open the card' },
      { keys: ['Space'], what: 'Pick the card up; arrows move it; Space drops it; Esc puts it back' },
    ],
  },
] as const;

export function App() {
  const [view, setView] = useState<View>('board');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<TodayTarget | null>(null);
  const [creating, setCreating] = useState(false);
  const [questions, setQuestions] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [palette, setPalette] = useState(false);
  const [shortcuts, setShortcuts] = useState(false);
  const [sources, setSources] = useState(false);
  const [archiveOpen, setArchiveOpen] = useState(false);
  /** The person the contacts view opens on (from the command palette). */
  const [person, setPerson] = useState<number | null>(null);
  const [reminders, setReminders] = useState<readonly { title: string; body: string; opportunityId: number | null }[]>([]);
  const inApp = Boolean(window.afterword);
  const [permission, setPermission] = useState(() => (!inApp && 'Notification' in window ? Notification.permission : 'unsupported'));
  const settingsState = useCall('settings.get', undefined);
  const [problemsDismissed, setProblemsDismissed] = useState(false);
  const client = useQueryClient();
  // The app's own state changes (a view, a dialog) redraw it; a change to the journal redraws only
  // what shows it: the app reads the board's emptiness and Today's count, no more.
  const openCard = useCallback((opportunityId: number) => setOpen({ opportunityId }), []);
  const newCard = useCallback(() => setCreating(true), []);
  const openToday = useCallback(() => setView('today'), []);
  const boardEmpty = useBoardEmpty();
  const dialogOpen = useTopDialog() !== null;
  // The first start's setup, decided once both answers are in: a journal with nothing in it, no
  // name given, and the setup never finished or skipped (it then stays until it is done).
  const [firstStart, setFirstStart] = useState<boolean | null>(null);
  const settingsNow = settingsState.data?.settings;
  useEffect(() => {
    if (firstStart !== null || !settingsNow || boardEmpty === null) return;
    setFirstStart(!settingsNow.setupDone && settingsNow.userName === '' && boardEmpty);
  }, [firstStart, settingsNow, boardEmpty]);

  // The core's events keep the cache in step (core-events.ts). Reminders pushed by the core's
  // scheduler: the app shows OS notifications itself, browser mode uses the Web Notifications API
  // when allowed. A notification about one card opens it; a summary opens Today.
  useEffect(
    () =>
      connectCoreEvents(client, (event) => {
        if (event.type === 'open-card') openCard(event.opportunityId);
        if (event.type === 'open-view') setView(event.view);
        if (event.type !== 'reminder') return;
        const { title, body, opportunityId } = event.notice;
        setReminders((r) => [{ title, body, opportunityId }, ...r].slice(0, 5));
        if (!inApp && 'Notification' in window && Notification.permission === 'granted') {
          const shown = new Notification(title, { body, tag: event.notice.actionKey ?? 'summary', icon: './icon.svg' });
          shown.onclick = () => {
            window.focus();
            if (opportunityId !== null) openCard(opportunityId);
            else setView('today');
          };
        }
      }),
    [client, inApp, openCard],
  );
  const search = useRef<HTMLInputElement>(null);

  // The board's search also looks into every reflection (full-text, in the core), one query per
  // settled search text: the best few passages above the board; the board itself asks which of
  // its cards match (BoardScreen).
  const searched = useDeferredValue(query.trim());
  const found = useCall('reflections.search', { query: searched, limit: FOUND_SHOWN }, { enabled: searched.length >= 2, keepPrevious: true });
  const hits = searched.length >= 2 ? (found.data ?? NO_HITS) : NO_HITS;

  // Keys: N, /, ?, G then a view's letter; Ctrl/Cmd+K anywhere.
  const chord = useRef<number>(0);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        if (!document.querySelector('dialog[open]:not(.palette)')) setPalette(true);
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target) || document.querySelector('dialog[open]')) return;
      const key = e.key.toLowerCase();
      if (Date.now() - chord.current < 1_500 && VIEW_KEYS[key]) {
        e.preventDefault();
        chord.current = 0;
        setView(VIEW_KEYS[key]); return;
      }
      chord.current = 0;
      if (key === 'g') chord.current = Date.now();
      else if (key === 'n') {
        e.preventDefault();
        setCreating(true);
      } else if (e.key === '/') {
        e.preventDefault();
        setView('board');
        search.current?.focus();
      } else if (e.key === '?') {
        e.preventDefault();
        setShortcuts(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const contacts = useCall('contacts.list', undefined, { enabled: palette });
  const commands = useMemo((): Command[] => {
    const go = (v: View) => () => setView(v);
    const list: Command[] = [
      { id: 'new', title: 'New opportunity', group: 'Do', shortcut: 'N', run: () => setCreating(true) },
      { id: 'search', title: 'Search', group: 'Do', shortcut: '/', keywords: 'find reflections', run: () => (setView('board'), search.current?.focus()) },
      { id: 'print', title: 'Print the due thank-you cards', group: 'Do', keywords: 'docx export cards', run: () => setPrinting(true) },
      { id: 'questions', title: 'Question bank', group: 'Do', keywords: 'interview questions answers', run: () => setQuestions(true) },
      { id: 'settings', title: 'Settings', group: 'Do', keywords: 'preferences time zone name signature backups export import', run: () => setSettingsOpen(true) },
      { id: 'shortcuts', title: 'Keyboard shortcuts', group: 'Do', shortcut: '?', run: () => setShortcuts(true) },
      { id: 'sources', title: 'Sources of the advice', group: 'Do', keywords: 'articles why rules', run: () => setSources(true) },
      { id: 'go-board', title: 'Board', group: 'Go to', shortcut: 'G B', run: go('board') },
      { id: 'go-today', title: 'Today', group: 'Go to', shortcut: 'G T', keywords: 'due overdue to do list', run: go('today') },
      { id: 'go-insights', title: 'Insights', group: 'Go to', shortcut: 'G I', keywords: 'charts figures funnel', run: go('insights') },
      { id: 'go-contacts', title: 'Contacts', group: 'Go to', shortcut: 'G C', keywords: 'people interviewers recruiters history merge', run: go('contacts') },
      { id: 'archive', title: 'Archive and recently deleted', group: 'Do', keywords: 'archived restore deleted undo', run: () => setArchiveOpen(true) },
    ];
    // The cards as they are when the palette opens (the palette is open for a moment).
    const cards = palette ? client.getQueryData<Board>(keyOf('board.get'))?.cards : undefined;
    for (const c of cards ?? []) list.push({ id: `card-${c.id}`, title: c.company, detail: c.role, group: 'Cards', keywords: c.people, run: () => openCard(c.id) });
    for (const p of contacts.data ?? []) {
      if (p.removedAt) continue;
      const open = () => {
        setPerson(p.id);
        setView('contacts');
      };
      list.push({ id: `person-${p.id}`, title: p.name, detail: p.title ?? undefined, group: 'People', keywords: [p.email, p.company].filter(Boolean).join(' '), run: open });
    }
    return list;
  }, [client, palette, openCard, contacts.data]);

  const title = VIEW_TITLES[view];
  return (
    <TimeZoneProvider value={settingsState.data?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone}>
      <div className="app">
        <nav className="rail" aria-label="Afterword">
          <span className="brand" aria-hidden="true">
            Afterword
          </span>
          <ul>
            {(Object.keys(VIEW_TITLES) as View[]).map((v) => (
              <li key={v}>
                <button type="button" className="rail-item" aria-current={view === v ? 'page' : undefined} onClick={() => setView(v)}>
                  {VIEW_TITLES[v]}
                  {v === 'today' && <DueBadge />}
                </button>
              </li>
            ))}
          </ul>
          <ul className="rail-end">
            <li>
              <button type="button" className="rail-item" onClick={() => setArchiveOpen(true)}>
                Archive
              </button>
            </li>
            <li>
              <button type="button" className="rail-item" onClick={() => setSettingsOpen(true)}>
                Settings
              </button>
            </li>
            <li>
              <button type="button" className="rail-item" onClick={() => setSources(true)}>
                Sources
              </button>
            </li>
            <li>
              <button type="button" className="rail-item" onClick={() => setShortcuts(true)} aria-keyshortcuts="?">
                Shortcuts
              </button>
            </li>
          </ul>
        </nav>
        <div className="workspace">
          <header className="topbar">
            <h1 className="view-title">{title}</h1>
            <label className="search">
              <span className="visually-hidden">Search</span>
              <input
                ref={search}
                type="search"
                placeholder="Search  /"
                title="Search the board and every reflection (/)"
                aria-label="Search"
                aria-keyshortcuts="/"
                value={query}
                onChange={(e) => {
                  setQuery(e.target.value);
                  if (view !== 'board') setView('board');
                }}
              />
            </label>
            <button type="button" className="secondary palette-button" onClick={() => setPalette(true)} aria-keyshortcuts="Control+K Meta+K">
              Go to or do… <kbd>Ctrl K</kbd>
            </button>
            {permission === 'default' && (
              <button type="button" className="secondary" onClick={() => void Notification.requestPermission().then(setPermission)}>
                Enable notifications
              </button>
            )}
            <button type="button" onClick={() => setCreating(true)} aria-keyshortcuts="n">
              New opportunity
            </button>
          </header>
          <div className="workspace-body">
          <main className="app-main" tabIndex={-1}>
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
                <ul>
                  {reminders.map((r, i) => (
                    <li key={i}>
                      <Icon name="bell" className="bell" />
                      {r.opportunityId !== null ? (
                        <button type="button" className="link" onClick={() => openCard(r.opportunityId!)}>
                          {r.title}
                        </button>
                      ) : (
                        <button type="button" className="link" onClick={() => setView('today')}>
                          {r.title}
                        </button>
                      )}
                      : {r.body}
                    </li>
                  ))}
                </ul>
                <button type="button" className="secondary small" onClick={() => setReminders([])}>
                  Clear
                </button>
              </section>
            )}
            {view === 'board' && hits.length > 0 && (
              <section className="search-hits" aria-label="Found in reflections">
                <h2>Found in reflections</h2>
                <ul>
                  {hits.map((h) => (
                    <li key={h.roundId}>
                      <button type="button" className="link" onClick={() => openCard(h.opportunityId)}>
                        {h.company}, round {h.roundNumber}
                      </button>
                      : <Highlighted text={h.snippet} />
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {view === 'board' && <BoardScreen query={query} onOpen={openCard} onNew={newCard} onOpenToday={openToday} searched={searched} />}
            {view === 'today' && <TodayScreen onOpen={setOpen} />}
            {view === 'insights' && <InsightsScreen onBack={() => setView('board')} onOpen={openCard} />}
            {view === 'contacts' && <PeopleScreen key={person ?? 'list'} initialPerson={person} onBack={() => setView('board')} onOpen={openCard} />}
          </main>
          {/* The card's detail: a panel beside the view, not a dialog (nothing stacks on it). */}
          {open !== null && (
            <OpportunityDetail
              key={`${open.opportunityId}:${open.letters?.roundId ?? ''}:${open.reflection?.roundId ?? ''}`}
              id={open.opportunityId}
              initialLetters={open.letters?.roundId ?? null}
              initialReflection={open.reflection?.roundId ?? null}
              onClose={() => setOpen(null)}
            />
          )}
          </div>
        </div>
        {questions && (
          <QuestionBank
            onClose={() => setQuestions(false)}
            onOpen={(id) => {
              setQuestions(false);
              openCard(id);
            }}
          />
        )}
        {settingsOpen && <SettingsDialog inApp={inApp} onClose={() => setSettingsOpen(false)} />}
        {printing && <DueCardsDialog onClose={() => setPrinting(false)} />}
        {creating && <OpportunityForm onClose={() => setCreating(false)} onSaved={(id) => openCard(id)} />}
        {palette && <CommandPalette commands={commands} onClose={() => setPalette(false)} />}
        {shortcuts && <ShortcutsSheet shortcuts={SHORTCUTS} onClose={() => setShortcuts(false)} />}
        {sources && <SourcesDialog onClose={() => setSources(false)} />}
        {archiveOpen && (
          <ArchiveDialog
            onClose={() => setArchiveOpen(false)}
            onOpen={(id) => {
              // The card opens in its panel: the archive closes first, so no dialog is left over it.
              setArchiveOpen(false);
              openCard(id);
            }}
          />
        )}
        {firstStart && <FirstStart onDone={() => setFirstStart(false)} />}
      </div>
    </TimeZoneProvider>
  );
}

/** Today's count in the navigation: what is due today and overdue (its own part, so a change to the list redraws the count alone). */
function DueBadge() {
  const due = useDueList();
  const dueNow = due.today.length + due.overdue.length;
  if (dueNow === 0) return null;
  return (
    <>
      <span className="rail-badge" aria-hidden="true">
        {dueNow}
      </span>
      <span className="visually-hidden">, {dueNow} due or overdue</span>
    </>
  );
}
