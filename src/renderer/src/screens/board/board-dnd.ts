/**
 * Drag-and-drop helpers: keyboard moves jump from column to column (arrow keys), collisions use
 * the pointer when there is one and the dragged card's rectangle otherwise, and a screen reader
 * hears where the card is.
 */
import { KeyboardSensor, pointerWithin, rectIntersection } from '@dnd-kit/core';
import type { Announcements, CollisionDetection, DragEndEvent, KeyboardCoordinateGetter } from '@dnd-kit/core';
import type { BoardCard } from '../../../../shared/contract';
import type { BoardColumn } from '../../../../shared/domain';
import { BOARD_COLUMN_TITLES } from '../../../../shared/domain';

/**
 * dnd-kit's keyboard sensor, listening at once. dnd-kit starts listening for the keys that move a
 * picked-up card only from the next task (so that the Space that picked it up is not read as
 * its drop), and the browser runs a key press before that task: an arrow pressed right after
 * Space (quick hands, a busy machine, a screen reader's scripted keys) was lost, and the card
 * dropped a column short. This one listens from the pick-up on and skips only the Space that
 * picked it up. (dnd-kit's `attach` is private to its types: it is replaced on the prototype.)
 */
export class PromptKeyboardSensor extends KeyboardSensor {}

interface KeyboardSensorInternals {
  readonly props: { readonly event: Event };
  readonly listeners: { add(name: string, handler: (event: Event) => void): void };
  readonly windowListeners: { add(name: string, handler: (event: Event) => void): void };
  handleStart(): void;
  handleKeyDown(event: Event): void;
  /** Bound to the sensor by dnd-kit's constructor. */
  readonly handleCancel: (event: Event) => void;
}

Object.defineProperty(PromptKeyboardSensor.prototype, 'attach', {
  value(this: KeyboardSensorInternals) {
    this.handleStart();
    this.windowListeners.add('resize', this.handleCancel);
    this.windowListeners.add('visibilitychange', this.handleCancel);
    const pickedUpBy = this.props.event;
    this.listeners.add('keydown', (event) => {
      if (event !== pickedUpBy) this.handleKeyDown(event);
    });
  },
});

export const collisions: CollisionDetection = (args) => (args.pointerCoordinates ? pointerWithin(args) : rectIntersection(args));

/**
 * The column a keyboard drag is heading for. dnd-kit hands the getter the dragged card's position
 * as of the last render, so two quick presses would both start from the same column: we remember
 * where the previous press sent the card until the next drag starts.
 */
let heading: { index: number; x: number; id: string } | null = null;
export const resetKeyboardHeading = (): void => {
  heading = null;
};
/** Where the arrow keys sent the card (a drop can come before dnd-kit has caught up). */
export const keyboardHeading = (): BoardColumn | null => (heading ? (heading.id.replace('column:', '') as BoardColumn) : null);

export const columnJump: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const step = event.code === 'ArrowRight' ? 1 : event.code === 'ArrowLeft' ? -1 : 0;
  if (step === 0) return undefined;
  const dragged = context.collisionRect;
  if (!dragged) return undefined;
  const columns = [...context.droppableRects.entries()].map(([id, rect]) => ({ id: String(id), left: rect.left, width: rect.width })).sort((a, b) => a.left - b.left);
  const left = heading ? heading.x : currentCoordinates.x;
  const center = left + dragged.width / 2;
  const current = heading ? heading.index : columns.findIndex((r) => center >= r.left && center <= r.left + r.width);
  const index = Math.max(0, Math.min(columns.length - 1, (current === -1 ? 0 : current) + step));
  const target = columns[index];
  if (!target) return undefined;
  event.preventDefault();
  const x = target.left + target.width / 2 - dragged.width / 2;
  heading = { index, x, id: target.id };
  return { x, y: currentCoordinates.y };
};

const columnName = (id: unknown): string => {
  const column = String(id).replace('column:', '') as BoardColumn;
  return (BOARD_COLUMN_TITLES as Partial<Record<string, string>>)[column] ?? String(id);
};
const cardName = (data: unknown): string => {
  const card = (data as { current?: { card?: BoardCard } } | null | undefined)?.current?.card;
  return card ? `${card.company}, ${card.role}` : 'the card';
};

export const announcements: Announcements = {
  onDragStart: ({ active }) => `Picked up ${cardName(active.data)}. Use the left and right arrow keys to choose a column, space to drop, escape to cancel.`,
  onDragOver: ({ active, over }) => (over ? `${cardName(active.data)} is over ${columnName(over.id)}.` : `${cardName(active.data)} is not over a column.`),
  onDragEnd: ({ active, over }) => (over ? `${cardName(active.data)} was dropped on ${columnName(over.id)}.` : `${cardName(active.data)} was dropped outside the board.`),
  onDragCancel: ({ active }) => `Moving ${cardName(active.data)} was cancelled.`,
};

export const screenReaderInstructions = {
  draggable:
    'Enter opens the card; the arrow keys, Home and End go to other cards. To move it, press space, choose a column with the left and right arrow keys, then press space or enter to drop it. Escape cancels.',
};

/**
 * The column under the pointer where it was released. dnd-kit's `over` is the collision it
 * computed on the last move it rendered: a quick flick can be released before that render, and
 * `over` is then a column the pointer only passed over. The release point is the start point plus
 * the drag's delta; the column there is the one the user dropped on.
 */
export function columnAtRelease(event: DragEndEvent): BoardColumn | null {
  const start = event.activatorEvent;
  if (!(start instanceof MouseEvent)) return null; // PointerEvent is a MouseEvent; a key press is not
  const x = start.clientX + event.delta.x;
  const y = start.clientY + event.delta.y;
  for (const element of document.elementsFromPoint(x, y)) {
    const column = element.closest<HTMLElement>('section[data-column]')?.dataset.column;
    if (column) return column as BoardColumn;
  }
  return null;
}
