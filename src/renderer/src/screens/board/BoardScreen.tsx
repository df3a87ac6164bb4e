import { DndContext, DragOverlay, PointerSensor, useSensor, useSensors } from '@dnd-kit/core';
import type { DragEndEvent, DragStartEvent } from '@dnd-kit/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { Board, BoardCard as Card } from '../../../../shared/contract';
import type { BoardColumn as Column } from '../../../../shared/domain';
import { BOARD_COLUMN_TITLES, BOARD_COLUMNS } from '../../../../shared/domain';
import { moveQuestion } from '../../../../shared/board-rules';
import type { MoveQuestion } from '../../../../shared/board-rules';
import { keyOf } from '../../data/calls';
import { useBoard, useCall, useClosedCards, useMoveCard, useWrite } from '../../data/hooks';
import { isOverdue } from '../../format';
import { announcements, collisions, columnAtRelease, columnJump, keyboardHeading, PromptKeyboardSensor, resetKeyboardHeading, screenReaderInstructions } from './board-dnd';
import { CardFace } from './BoardCard';
import type { CardKeys } from './BoardCard';
import { isRovingKey, rovingTarget } from './board-focus';
import { BoardColumn } from './BoardColumn';
import type { FocusRequest } from './BoardColumn';
import { DueStrip } from './DueStrip';
import { QuickAdd } from './QuickAdd';
import { MoveDialog } from './MoveDialog';
import type { MoveFacts } from './MoveDialog';

interface PendingMove {
  readonly card: Card;
  readonly to: 'thanked' | 'closed' | 'upcoming';
}
interface LastMove {
  readonly card: Card;
  readonly from: Column;
  readonly eventIds: readonly number[];
  readonly roundId: number | null;
}

const DIALOG_FOR: Record<MoveQuestion, PendingMove['to']> = { 'who-was-thanked': 'thanked', 'why-closed': 'closed', 'next-round-date': 'upcoming' };

/** Which cards a search matches: company, role, interviewers, and (from the core) reflection text. */
function matches(card: Card, words: readonly string[]): boolean {
  const text = `${card.company} ${card.role} ${card.people}`.toLowerCase();
  return words.every((w) => text.includes(w));
}

const EMPTY: readonly Card[] = [];


/**
 * dnd-kit's sensors and messages, made once: options that are new at each render make new sensors,
 * and new sensors make a new context for every draggable, so each card would draw again whenever
 * the board did (a patch, a status line, a keystroke in the search).
 */
const POINTER = { activationConstraint: { distance: 6 } };
/** Space picks a card up (Enter opens it); Space or Enter drops it, Escape cancels. */
const KEYBOARD = { coordinateGetter: columnJump, keyboardCodes: { start: ['Space'], end: ['Space', 'Enter'], cancel: ['Escape'] } };
const ACCESSIBILITY = { announcements, screenReaderInstructions };

export function BoardScreen({
  query,
  onOpen,
  onNew,
  onOpenToday,
  searched,
}: {
  query: string;
  onOpen: (id: number) => void;
  onNew: () => void;
  onOpenToday: () => void;
  /** The search text once settled (deferred): the core says which cards' reflections match it. */
  searched: string;
}) {
  const board = useBoard();
  const client = useQueryClient();
  const moveCard = useMoveCard();
  const undoMove = useWrite('board.undoMove');
  const [now, setNow] = useState(() => Date.now());
  const [showClosed, setShowClosed] = useState(false);
  // Closed is read only when it is open, a page at a time (a long search is mostly closed cards).
  const closed = useClosedCards(showClosed);
  const [stageFilter, setStageFilter] = useState<Column | 'all'>('all');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [dragging, setDragging] = useState<Card | null>(null);
  const [pending, setPending] = useState<PendingMove | null>(null);
  const [last, setLast] = useState<LastMove | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, POINTER), useSensor(PromptKeyboardSensor, KEYBOARD));
  const firstRender = useRef(true);
  // Roving focus: each column's active card (its one tab stop), and a card to focus once shown.
  const [active, setActive] = useState<Partial<Record<Column, number>>>({});
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const focusSeq = useRef(0);
  const draggingNow = useRef(false);
  const focusCard = useCallback((id: number) => setFocusRequest({ id, seq: ++focusSeq.current }), []);
  const onFocused = useCallback((request: FocusRequest) => setFocusRequest((r) => (r?.seq === request.seq ? null : r)), []);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  // Time alone changes the board at known moments (a round starts, a window closes): read it then.
  const refreshAt = board.data?.refreshAt;
  useEffect(() => {
    if (!refreshAt) return;
    const wait = Math.max(1_000, Date.parse(refreshAt) - Date.now() + 1_000);
    const timer = setTimeout(() => void client.invalidateQueries({ queryKey: keyOf('board.get') }), Math.min(wait, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [client, refreshAt]);

  useEffect(() => {
    if (board.data && firstRender.current) {
      firstRender.current = false;
      performance.mark('afterword:board-rendered');
    }
  }, [board.data]);

  const open = board.data?.cards ?? EMPTY;
  // The board's cards and the closed ones loaded; a card just moved to Closed is on the board
  // until the core's answer moves it to the Closed pages.
  const cards = useMemo(() => {
    if (closed.cards.length === 0) return open;
    const onBoard = new Set(open.map((c) => c.id));
    return [...open, ...closed.cards.filter((c) => !onBoard.has(c.id))];
  }, [open, closed.cards]);
  const closedCount = (board.data?.closedCount ?? 0) + open.filter((c) => c.column === 'closed').length;
  const total = open.length + (board.data?.closedCount ?? 0);
  // The cards whose reflections match (every card on the board, and the Closed cards loaded). While
  // the answer for a longer search (or another page of Closed) is on its way, the last one stays:
  // the cards it found do not blink out and back at each letter typed.
  const closedIds = useMemo(() => closed.cards.map((c) => c.id), [closed.cards]);
  const matching = useCall('reflections.matchingCards', { query: searched, closedIds }, { enabled: searched.length >= 2, keepPrevious: true });
  const searchHits = useMemo(() => (searched.length >= 2 && matching.data ? new Set(matching.data) : null), [searched, matching.data]);
  const words = useMemo(() => query.toLowerCase().split(/\s+/).filter(Boolean), [query]);
  const visible = useMemo(
    () =>
      cards.filter(
        (c) =>
          (words.length === 0 || matches(c, words) || searchHits?.has(c.id)) &&
          (stageFilter === 'all' || c.column === stageFilter) &&
          (!overdueOnly || (c.nextAction !== null && isOverdue(c.nextAction, now))),
      ),
    [cards, words, searchHits, stageFilter, overdueOnly, now],
  );
  // Closed counts every closed card, loaded or not, unless a search or a filter narrows it to
  // what is loaded (a search looks through the closed cards loaded so far).
  const narrowed = words.length > 0 || overdueOnly || (stageFilter !== 'all' && stageFilter !== 'closed');
  // Each column's cards, the same array while its cards are the same: a move redraws the two
  // columns it touched, a patch the column of the card it changed.
  const lastColumns = useRef(new Map<Column, readonly Card[]>());
  const byColumn = useMemo(() => {
    const map = new Map<Column, Card[]>(BOARD_COLUMNS.map((c) => [c, []]));
    for (const card of visible) map.get(card.column)!.push(card);
    const kept = new Map<Column, readonly Card[]>();
    for (const [column, list] of map) {
      const before = lastColumns.current.get(column);
      kept.set(column, before?.length === list.length && before.every((c, i) => c === list[i]) ? before : list);
    }
    return kept;
  }, [visible]);
  useEffect(() => {
    lastColumns.current = byColumn;
  }, [byColumn]);
  const toggleClosed = useCallback(() => setShowClosed((s) => !s), []);

  // The columns as shown, for the arrow keys (a collapsed Closed is not among them). Read through
  // a ref so the cards' handlers stay the same and the memoised cards do not redraw.
  const shownColumns = useRef<(readonly number[])[]>([]);
  shownColumns.current = BOARD_COLUMNS.filter((c) => c !== 'closed' || showClosed).map((c) => byColumn.get(c)!.map((card) => card.id));
  const keys = useMemo<CardKeys>(
    () => ({
      onFocus: (card) => setActive((a) => (a[card.column] === card.id ? a : { ...a, [card.column]: card.id })),
      onKeyDown: (card, event: ReactKeyboardEvent<HTMLElement>) => {
        if (!isRovingKey(event.key) || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
        // A card picked up moves with the arrows (dnd-kit's keyboard sensor): the focus stays.
        event.preventDefault();
        if (draggingNow.current) return;
        const target = rovingTarget(shownColumns.current, card.id, event.key);
        if (target !== null) focusCard(target);
      },
    }),
    [focusCard],
  );

  const closedShown = narrowed ? byColumn.get('closed')!.length : closedCount;

  function move(card: Card, to: Column, facts?: MoveFacts) {
    setError(null);
    // Undo takes back the last move: while this one is saving, the one before is not it any more.
    setLast(null);
    const from = card.column;
    const started = performance.now();
    const input = {
      opportunityId: card.id,
      to,
      ...(facts?.to === 'thanked' ? { interviewerIds: facts.interviewerIds } : {}),
      ...(facts?.to === 'closed' ? { closedReason: facts.closedReason } : {}),
      ...(facts?.to === 'upcoming' ? { nextRound: facts.nextRound } : {}),
    };
    moveCard({ card, to, input }).then(
      (value) => {
        // The benchmark reads this: from the drop to the change saved and the card painted in its column.
        requestAnimationFrame(() => performance.measure('afterword:move-saved', { start: started, end: performance.now() }));
        setLast({ card, from, eventIds: value.eventIds, roundId: value.roundId });
        // Where the core put it (the answer's patch is in the cache by now): a card thanked for
        // some of the people met stays in Interviewed until the rest are thanked too.
        const now = client.getQueryData<Board>(keyOf('board.get'))?.cards.find((c) => c.id === card.id)?.column ?? to;
        setStatus(
          now === to
            ? `Saved: ${card.company} moved to ${BOARD_COLUMN_TITLES[to]}.`
            : to === 'thanked'
              ? `Saved: the thank-yous are recorded; ${card.company} stays in ${BOARD_COLUMN_TITLES[now]} until everyone you met is thanked.`
              : `Saved: ${card.company} stays in ${BOARD_COLUMN_TITLES[now]}.`,
        );
      },
      (failure: unknown) => setError(`${card.company} stays in ${BOARD_COLUMN_TITLES[from]}: ${failure instanceof Error ? failure.message : String(failure)}`),
    );
  }

  async function undo() {
    if (!last) return;
    setError(null);
    try {
      await undoMove.run({ opportunityId: last.card.id, eventIds: [...last.eventIds], roundId: last.roundId });
      setStatus(`Undone: ${last.card.company} is back in ${BOARD_COLUMN_TITLES[last.from]}.`);
      setLast(null);
      // The Undo button is gone with the move it took back: the focus goes to the card, where it is now.
      focusCard(last.card.id);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  function onDragStart(event: DragStartEvent) {
    draggingNow.current = true;
    resetKeyboardHeading();
    setDragging((event.active.data.current as { card: Card }).card);
  }

  function onDragEnd(event: DragEndEvent) {
    draggingNow.current = false;
    setDragging(null);
    const card = (event.active.data.current as { card: Card } | undefined)?.card;
    const to = keyboardHeading() ?? columnAtRelease(event) ?? (event.over?.data.current as { column?: Column } | undefined)?.column;
    resetKeyboardHeading();
    if (!card || !to || to === card.column) return;
    const question = moveQuestion(card, to, Date.now());
    if (question) { setPending({ card, to: DIALOG_FOR[question] }); return; }
    move(card, to);
    // Moved by keyboard: the focus follows the card to its new column.
    if (!(event.activatorEvent instanceof MouseEvent)) focusCard(card.id);
  }

  if (!board.data) {
    if (board.error) {
      return (
        <p role="alert" className="error">
          The board could not be read: {board.error.message}{' '}
          <button type="button" className="secondary small" onClick={() => board.refetch()}>
            Try again
          </button>
        </p>
      );
    }
    return <p className="muted">Loading the board…</p>;
  }

  if (total === 0) {
    return (
      <div className="board-screen">
      <div className="board-top">
        <QuickAdd />
      </div>
      <section className="empty-board" aria-label="Getting started">
        <h2>Your board is empty</h2>
        <p>Afterword starts after an interview. Add the job you interviewed for (or will), with the date of the round and who you met.</p>
        <p>Afterword then tells you what to send, to whom and when: a thank-you to each interviewer within a day, one status check after their decision date, and when to move on.</p>
        <button type="button" onClick={onNew}>
          Add your first opportunity
        </button>
        <p className="hint">Shortcut: press N anywhere.</p>
      </section>
      </div>
    );
  }

  return (
    <div className="board-screen">
      <div className="board-top">
        <QuickAdd />
      </div>
      {/* One row: what is due, the filters, what just changed (its Undo). */}
      <div className="board-bar">
        <DueStrip onOpenToday={onOpenToday} />
        <div className="board-tools" role="group" aria-label="Filters">
          <label className="inline">
            Stage
            <select value={stageFilter} onChange={(e) => setStageFilter(e.target.value as Column | 'all')}>
              <option value="all">All stages</option>
              {BOARD_COLUMNS.map((c) => (
                <option key={c} value={c}>
                  {BOARD_COLUMN_TITLES[c]}
                </option>
              ))}
            </select>
          </label>
          <label className="inline">
            <input type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} /> Overdue only
          </label>
          <span className="muted" aria-live="polite">
            {visible.length === cards.length ? `${total} ${total === 1 ? 'card' : 'cards'}` : `${visible.length} of ${total} ${total === 1 ? 'card' : 'cards'}`}
          </span>
        </div>
        <div className="status-line" role="status" aria-live="polite" aria-label="Board changes">
          {status}
          {last && (
            <button type="button" className="secondary small" onClick={() => void undo()} disabled={undoMove.pending}>
              Undo
            </button>
          )}
        </div>
      </div>
      {board.data.hint && (
        <p className="hint keep-searching" role="note">
          {board.data.hint.text} <span className="source">(From “{board.data.hint.source}”.)</span>
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={collisions}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => {
          draggingNow.current = false;
          resetKeyboardHeading();
          setDragging(null);
        }}
        accessibility={ACCESSIBILITY}
      >
        <div className={showClosed ? 'board closed-open' : 'board'}>
          {BOARD_COLUMNS.map((column) => (
            <BoardColumn
              key={column}
              column={column}
              cards={byColumn.get(column)!}
              {...(column === 'closed' ? { count: closedShown, pages: closed } : {})}
              now={now}
              onOpen={onOpen}
              collapsed={column === 'closed' && !showClosed}
              onToggle={column === 'closed' ? toggleClosed : undefined}
              activeId={active[column]}
              focusRequest={focusRequest}
              onFocused={onFocused}
              keys={keys}
            />
          ))}
        </div>
        <DragOverlay dropAnimation={null}>{dragging ? <div className="card overlay"><CardFace card={dragging} now={now} /></div> : null}</DragOverlay>
      </DndContext>
      {pending && (
        <MoveDialog
          card={pending.card}
          to={pending.to}
          // Closed, the dialog hands the focus back to the card it was about, wherever it now is.
          onCancel={() => {
            setPending(null);
            focusCard(pending.card.id);
          }}
          onConfirm={(facts) => {
            setPending(null);
            move(pending.card, pending.to, facts);
            focusCard(pending.card.id);
          }}
        />
      )}
    </div>
  );
}
