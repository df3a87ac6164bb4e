/**
 * The board follows what is open: `board.get` holds the cards not closed (read again only where a
 * card changed), the Closed column comes a page at a time in the order the cards closed, and a
 * card that closes or opens again moves between them in the patch of the write that did it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import { generateJournal, STEADY_RECENT } from '../../src/main/core/demo/journal-generator';
import { closeJournal, JOURNAL_FILE_NAME, openJournal } from '../../src/main/core/journal/database';
import type { Board, BoardCard, BoardPatch, ClosedPage } from '../../src/shared/contract';
import { tempDir } from './helpers';

const NOW = new Date('2026-11-20T15:00:00Z');
type Answer<T> = { ok: true; value: T; patch?: BoardPatch };
const answer = <T>(r: unknown): Answer<T> => {
  expect(r).toMatchObject({ ok: true });
  return r as Answer<T>;
};

/** A generated journal of `size` opportunities (seed 11), about a third of them closed. */
function journal(size: number) {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ timeZone: 'America/New_York' }));
  const { db } = openJournal(path.join(dir, JOURNAL_FILE_NAME));
  generateJournal(db, { opportunities: size, seed: 11, now: NOW });
  closeJournal(db);
  return createCore({ dataDir: dir, transport: 'http', now: () => NOW });
}

describe('the board and the Closed column', () => {
  it('reads the board without its closed cards, and every closed card once, page by page, the latest closed first', async () => {
    const core = journal(160);
    const board = answer<Board>(await core.call('board.get', undefined)).value;
    const closedInJournal = core.db.prepare("SELECT id, stage_changed_at FROM opportunities WHERE stage = 'closed'").all() as { id: number; stage_changed_at: string }[];
    expect(closedInJournal.length).toBeGreaterThan(30);
    expect(board.closedCount).toBe(closedInJournal.length);
    expect(board.cards.some((c) => c.column === 'closed')).toBe(false);
    expect(board.cards).toHaveLength(160 - closedInJournal.length);
    // Two cards closed at the same instant must not fall between two pages.
    core.db.prepare('UPDATE opportunities SET stage_changed_at = ? WHERE id IN (SELECT id FROM opportunities WHERE stage = ? ORDER BY id LIMIT 6)').run('2026-10-01T12:00:00.000Z', 'closed');

    const seen: BoardCard[] = [];
    let page = answer<ClosedPage>(await core.call('board.closed', { limit: 7 })).value;
    for (;;) {
      expect(page.cards.length).toBeLessThanOrEqual(7);
      seen.push(...page.cards);
      if (!page.next) break;
      page = answer<ClosedPage>(await core.call('board.closed', { before: page.next, limit: 7 })).value;
    }
    expect(seen.map((c) => c.id).sort((a, b) => a - b)).toEqual(closedInJournal.map((c) => c.id).sort((a, b) => a - b));
    for (let i = 1; i < seen.length; i++) {
      const [a, b] = [seen[i - 1]!, seen[i]!];
      expect(a.closedAt! > b.closedAt! || (a.closedAt === b.closedAt && a.id > b.id), `${a.id} before ${b.id}`).toBe(true);
    }
    expect(seen.every((c) => c.column === 'closed' && c.closedReason !== null && c.nextAction === null)).toBe(true);
    core.close();
  });

  it('moves a card that closes out of the board into Closed, first, and back when the move is undone', async () => {
    const core = journal(60);
    const board = answer<Board>(await core.call('board.get', undefined)).value;
    const card = board.cards.find((c) => c.column === 'thanked' || c.column === 'followed_up')!;
    const moved = answer<{ eventIds: number[] }>(await core.call('board.move', { opportunityId: card.id, to: 'closed', closedReason: 'withdrawn' }));
    expect(moved.patch).toMatchObject({ closedCount: board.closedCount + 1, removed: [] });
    expect(moved.patch!.cards).toEqual([expect.objectContaining({ id: card.id, column: 'closed', closedReason: 'withdrawn', closedAt: NOW.toISOString(), nextAction: null })]);
    expect(moved.patch!.actions).toEqual([{ opportunityId: card.id, actions: [] }]);
    const after = answer<Board>(await core.call('board.get', undefined)).value;
    expect(after.cards.some((c) => c.id === card.id)).toBe(false);
    expect(after.closedCount).toBe(board.closedCount + 1);
    expect(answer<ClosedPage>(await core.call('board.closed', { limit: 1 })).value.cards[0]!.id).toBe(card.id);

    const undone = answer(await core.call('board.undoMove', { opportunityId: card.id, eventIds: moved.value.eventIds, roundId: null }));
    expect(undone.patch!.cards).toEqual([expect.objectContaining({ id: card.id, column: card.column, closedAt: null })]);
    expect(undone.patch!.closedCount).toBe(board.closedCount);
    const again = answer<Board>(await core.call('board.get', undefined)).value;
    expect(again.cards.find((c) => c.id === card.id)).toEqual(card);
    core.close();
  });

  it('reads again only the card that changed: the others are the very cards it had', async () => {
    const core = journal(40);
    const before = answer<Board>(await core.call('board.get', undefined)).value;
    const changed = before.cards.find((c) => c.column === 'thanked')!;
    await core.call('events.record', { opportunityId: changed.id, kind: 'status_check_sent' });
    const after = answer<Board>(await core.call('board.get', undefined)).value;
    expect(after.cards.find((c) => c.id === changed.id)!.column).toBe('followed_up');
    for (const card of after.cards) if (card.id !== changed.id) expect(card, `card ${card.id}`).toBe(before.cards.find((c) => c.id === card.id));
    core.close();
  });

  it('a steady search keeps its recent cards as the dense journal has them, with closed history before them', () => {
    const make = (span: 'steady' | 'eight-months', size: number) => {
      const { db } = openJournal(path.join(tempDir(), JOURNAL_FILE_NAME));
      generateJournal(db, { opportunities: size, seed: 5, now: NOW, span });
      return db;
    };
    const steady = make('steady', STEADY_RECENT + 60);
    const dense = make('eight-months', STEADY_RECENT);
    const recent = (db: ReturnType<typeof make>, offset: number) =>
      db.prepare('SELECT company, role, stage, updated_at FROM opportunities WHERE id > ? ORDER BY id').all(offset);
    expect(recent(steady, 60)).toEqual(recent(dense, 0));
    const history = steady.prepare('SELECT o.stage, min(r.starts_at) AS first FROM opportunities o JOIN rounds r ON r.opportunity_id = o.id WHERE o.id <= 60 GROUP BY o.id').all() as { stage: string; first: string }[];
    // Before the eight months of the recent search.
    expect(history.every((h) => Date.parse(h.first) < NOW.getTime() - 239 * 86_400_000)).toBe(true);
    expect(history.filter((h) => h.stage === 'closed').length).toBeGreaterThanOrEqual(54);
    closeJournal(steady);
    closeJournal(dense);
  });
});

describe('the board kept up to date card by card is the board read afresh', () => {
  it('after each of a seeded run of writes and hours passing, board.get and board.cards agree with a new core on the same journal', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ timeZone: 'America/New_York' }));
    const { db } = openJournal(path.join(dir, JOURNAL_FILE_NAME));
    generateJournal(db, { opportunities: 60, seed: 23, now: NOW });
    closeJournal(db);
    let now = NOW;
    const core = createCore({ dataDir: dir, transport: 'http', now: () => now });
    let seed = 20261123;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const moves: { opportunityId: number; eventIds: number[]; roundId: number | null }[] = [];
    const comparable = (board: Board) => ({ cards: board.cards, hint: board.hint, closedCount: board.closedCount });

    for (let step = 0; step < 60; step++) {
      const board = answer<Board>(await core.call('board.get', undefined)).value;
      const card = pick(board.cards);
      const r = random();
      if (r < 0.3) {
        const to = pick(['thanked', 'followed_up', 'offer', 'staying_in_touch', 'closed'] as const);
        const moved = await core.call('board.move', { opportunityId: card.id, to, ...(to === 'closed' ? { closedReason: 'rejected' } : {}) });
        if (moved.ok) moves.push({ opportunityId: card.id, ...(moved.value as { eventIds: number[]; roundId: number | null }) });
      } else if (r < 0.4 && moves.length > 0) {
        const undo = moves.pop()!;
        if (undo.eventIds.length > 0 || undo.roundId !== null) answer(await core.call('board.undoMove', undo));
      } else if (r < 0.55) answer(await core.call('events.record', { opportunityId: card.id, kind: 'note', note: `step ${step}` }));
      else if (r < 0.65) answer(await core.call('opportunities.update', { id: card.id, patch: { role: `Engineer ${step}` } }));
      else if (r < 0.75 && card.nextAction) answer(await core.call('actions.snooze', { opportunityId: card.id, key: card.nextAction.key, choice: 'tomorrow-morning' }));
      else if (r < 0.8) {
        answer(await core.call('opportunities.archive', { id: card.id }));
        if (random() < 0.5) answer(await core.call('opportunities.unarchive', { id: card.id }));
      } else now = new Date(now.getTime() + Math.floor(random() * 30) * 3_600_000); // hours pass: rounds start, windows close

      const kept = answer<Board>(await core.call('board.get', undefined)).value;
      const patch = answer<BoardPatch>(await core.call('board.cards', { ids: [card.id] })).value;
      const fresh = createCore({ dataDir: dir, transport: 'http', now: () => now });
      const read = answer<Board>(await fresh.call('board.get', undefined)).value;
      fresh.close();
      expect(comparable(kept), `step ${step}`).toEqual(comparable(read));
      expect(patch.hint, `step ${step}`).toEqual(read.hint);
      const same = read.cards.find((c) => c.id === card.id);
      if (same) expect(patch.cards[0], `step ${step}`).toEqual(same);
    }
    core.close();
  });
});
