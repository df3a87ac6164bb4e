import { DndContext, DragOverlay, KeyboardSensor, PointerSensor, useSensor, useSensors } from '@dnd-kit/core';
import type { DragEndEvent, DragStartEvent } from '@dnd-kit/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { BoardCard as Card } from '../../../../shared/contract';
import type { BoardColumn as Column } from '../../../../shared/domain';
import { BOARD_COLUMN_TITLES, BOARD_COLUMNS } from '../../../../shared/domain';
import { api } from '../../api/bridge';
import { isOverdue } from '../../format';
import { useJournalQuery } from '../../use-journal';
import { announcements, collisions, columnJump, keyboardHeading, resetKeyboardHeading, screenReaderInstructions } from './board-dnd';
import { CardFace } from './BoardCard';
import { BoardColumn } from './BoardColumn';
import { DueStrip } from './DueStrip';
import { MoveDialog } from './MoveDialog';
import type { MoveFacts } from './MoveDialog';

const WAITING_KINDS = new Set(['status-check', 'phone-call', 'move-on']);

interface PendingMove {
  readonly card: Card;
  readonly to: 'thanked' | 'closed' | 'upcoming';
}
interface LastMove {
  readonly card: Card;
  readonly from: Column;
  readonly to: Column;
  readonly eventIds: readonly number[];
  readonly roundId: number | null;
}

/** Which cards a search matches: company, role, interviewers, and (from the core) reflection text. */
function matches(card: Card, words: readonly string[]): boolean {
  const text = `${card.company} ${card.role} ${card.people}`.toLowerCase();
  return words.every((w) => text.includes(w));
}

export function BoardScreen({
  query,
  onOpen,
  onNew,
  searchHits,
}: {
  query: string;
  onOpen: (id: number) => void;
  onNew: () => void;
  /** Ids of cards whose reflections match the query (full-text search in the core). */
  searchHits?: ReadonlySet<number>;
}) {
  const board = useJournalQuery(() => api['board.get'](undefined), []);
  const [now, setNow] = useState(() => Date.now());
  const [showClosed, setShowClosed] = useState(false);
  const [stageFilter, setStageFilter] = useState<Column | 'all'>('all');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [moved, setMoved] = useState<ReadonlyMap<number, Column>>(new Map());
  const [dragging, setDragging] = useState<Card | null>(null);
  const [pending, setPending] = useState<PendingMove | null>(null);
  const [last, setLast] = useState<LastMove | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnJump }),
  );
  const firstRender = useRef(true);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  // The board's own data is the truth; a move shows at once and is forgotten when the core agrees.
  useEffect(() => {
    setMoved(new Map());
    setNow(Date.now());
  }, [board.value]);

  useEffect(() => {
    if (board.value && firstRender.current) {
      firstRender.current = false;
      performance.mark('afterword:board-rendered');
    }
  }, [board.value]);

  const cards = useMemo(() => (board.value?.cards ?? []).map((c) => (moved.has(c.id) ? { ...c, column: moved.get(c.id)! } : c)), [board.value, moved]);
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
  const byColumn = useMemo(() => {
    const map = new Map<Column, Card[]>(BOARD_COLUMNS.map((c) => [c, []]));
    for (const card of visible) map.get(card.column)!.push(card);
    return map;
  }, [visible]);

  const open = cards.filter((c) => c.column !== 'closed' && c.column !== 'staying_in_touch' && c.column !== 'offer');
  const onlyWaiting = open.length > 0 && open.every((c) => !c.nextAction || WAITING_KINDS.has(c.nextAction.kind) || Date.parse(c.nextAction.due) > now + 2 * 86_400_000);

  async function move(card: Card, to: Column, facts?: MoveFacts) {
    setError(null);
    const from = card.column;
    setMoved((m) => new Map(m).set(card.id, to));
    const started = performance.now();
    const result = await api['board.move']({
      opportunityId: card.id,
      to,
      ...(facts?.to === 'thanked' ? { interviewerIds: facts.interviewerIds } : {}),
      ...(facts?.to === 'closed' ? { closedReason: facts.closedReason } : {}),
      ...(facts?.to === 'upcoming' ? { nextRound: facts.nextRound } : {}),
    });
    if (!result.ok) {
      setMoved((m) => {
        const next = new Map(m);
        next.delete(card.id);
        return next;
      });
      setError(result.error.message);
      return;
    }
    // The benchmark reads this: from the drop to the change saved and the card painted in its column.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    performance.measure('afterword:move-saved', { start: started, end: performance.now() });
    setLast({ card, from, to, eventIds: result.value.eventIds, roundId: result.value.roundId });
    setStatus(`Saved: ${card.company} moved to ${BOARD_COLUMN_TITLES[to]}.`);
  }

  async function undo() {
    if (!last) return;
    setError(null);
    if (last.eventIds.length > 0) {
      const result = await api['events.undo']({ ids: [...last.eventIds] });
      if (!result.ok) return setError(result.error.message);
    }
    if (last.roundId !== null) {
      const result = await api['rounds.delete']({ id: last.roundId });
      if (!result.ok) return setError(result.error.message);
    }
    setStatus(`Undone: ${last.card.company} is back in ${BOARD_COLUMN_TITLES[last.from]}.`);
    setLast(null);
  }

  function onDragStart(event: DragStartEvent) {
    resetKeyboardHeading();
    setDragging((event.active.data.current as { card: Card }).card);
  }

  function onDragEnd(event: DragEndEvent) {
    setDragging(null);
    const card = (event.active.data.current as { card: Card } | undefined)?.card;
    const to = keyboardHeading() ?? (event.over?.data.current as { column?: Column } | undefined)?.column;
    resetKeyboardHeading();
    if (!card || !to || to === card.column) return;
    if (to === 'thanked' || to === 'closed' || (to === 'upcoming' && (!card.round || Date.parse(card.round.startsAt) <= Date.now()))) {
      setPending({ card, to });
      return;
    }
    void move(card, to);
  }

  if (board.error && !board.value) {
    return (
      <p role="alert" className="error">
        {board.error}
      </p>
    );
  }
  if (!board.value) return <p className="muted">Loading the board…</p>;

  if (cards.length === 0) {
    return (
      <section className="empty-board" aria-label="Getting started">
        <h2>Your board is empty</h2>
        <p>Afterword starts after an interview. Add the job you interviewed for (or will), with the date of the round and who you met.</p>
        <p>Afterword then tells you what to send, to whom and when: a thank-you to each interviewer within a day, one status check after their decision date, and when to move on.</p>
        <button type="button" onClick={onNew}>
          Add your first opportunity
        </button>
        <p className="hint">Shortcut: press N anywhere.</p>
      </section>
    );
  }

  return (
    <div className="board-screen">
      <DueStrip onOpen={onOpen} now={now} />
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
          {visible.length === cards.length ? `${cards.length} cards` : `${visible.length} of ${cards.length} cards`}
        </span>
      </div>
      {onlyWaiting && (
        <p className="hint keep-searching" role="note">
          Every open card is waiting on an employer. A good moment to keep applying elsewhere: it keeps your momentum and your options open (seed 004, step 4).
        </p>
      )}
      <div className="status-line" role="status" aria-live="polite" aria-label="Board changes">
        {status}
        {last && (
          <button type="button" className="secondary small" onClick={() => void undo()}>
            Undo
          </button>
        )}
      </div>
      {(error ?? board.error) && (
        <p role="alert" className="error">
          {error ?? `The board could not be refreshed; it shows what it had. (${board.error})`}
        </p>
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={collisions}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => {
          resetKeyboardHeading();
          setDragging(null);
        }}
        accessibility={{ announcements, screenReaderInstructions }}
      >
        <div className="board" aria-label="Board">
          {BOARD_COLUMNS.map((column) => (
            <BoardColumn
              key={column}
              column={column}
              cards={byColumn.get(column)!}
              now={now}
              onOpen={onOpen}
              collapsed={column === 'closed' && !showClosed}
              onToggle={column === 'closed' ? () => setShowClosed((s) => !s) : undefined}
            />
          ))}
        </div>
        <DragOverlay dropAnimation={null}>{dragging ? <div className="card overlay"><CardFace card={dragging} now={now} /></div> : null}</DragOverlay>
      </DndContext>
      {pending && (
        <MoveDialog
          card={pending.card}
          to={pending.to}
          onCancel={() => setPending(null)}
          onConfirm={(facts) => {
            setPending(null);
            void move(pending.card, pending.to, facts);
          }}
        />
      )}
    </div>
  );
}
