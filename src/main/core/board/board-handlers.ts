/** The board: every card not closed in its column with its next action, the Closed column by pages, moving a card, and patches after a write. */
import type { BoardCard, BoardPatch } from '../../../shared/calls/board-calls';
import type { boardCalls } from '../../../shared/calls/board-calls';
import type { JournalChanges } from '../../../shared/events';
import type { CoreContext } from '../core-context';
import type { HandlersOf } from '../handlers';
import { moveCard, readClosed, readRows, toCard, undoMove } from './board';
import type { OpenCards } from './open-cards';

/** More changed cards than this, and the page reads the board again rather than a patch. */
export const PATCH_LIMIT = 200;

export function createBoardHandlers(ctx: CoreContext, open: OpenCards): HandlersOf<typeof boardCalls> {
  const { db, now, planner, opportunities, timeline, events } = ctx;
  const cards = boardCards(ctx, open);
  return {
    'board.get': () => {
      const plan = planner.context();
      const shown = open.cards(planner.cards(plan), planner.revision(), plan.now, planner.changedSince(open.revision));
      return {
        cards: shown,
        closedCount: open.closed(),
        at: plan.now.toISOString(),
        version: events.version(),
        hint: open.hint(plan.now),
        refreshAt: nextChange(planner.nextExpiry(plan), open.nextColumnChange()),
      };
    },
    'board.closed': ({ before, limit }) => readClosed(db, before ?? null, limit ?? CLOSED_PAGE, now()),
    'board.cards': ({ ids }) => cards(ids, events.version()),
    'board.move': (input) => events.changed(input.opportunityId, moveCard({ db, opportunities, timeline, now }, input)),
    'board.undoMove': (input) => events.changed(input.opportunityId, undoMove({ db, opportunities, timeline }, input)),
  };
}

/**
 * The next moment time alone changes the board: a plan runs out (a window closes, a snooze ends),
 * or a scheduled round starts (its card moves from Upcoming to Interviewed).
 */
function nextChange(...moments: (number | null)[]): string | null {
  const known = moments.filter((t): t is number => t !== null);
  return known.length > 0 ? new Date(Math.min(...known)).toISOString() : null;
}

/** The page the Closed column asks for when none is named. */
const CLOSED_PAGE = 100;

/** Some cards as the board shows them now (a closed one as the Closed column does), with the board's hint. */
function boardCards({ db, planner }: CoreContext, open: OpenCards): (ids: readonly number[], version: number) => BoardPatch {
  return (ids, version) => {
    const plan = planner.context();
    const at = plan.now.toISOString();
    // The cards brought up to date, not sorted: a patch carries some cards, not the board's order.
    const plans = planner.cards(plan);
    open.refresh(plans, planner.revision(), plan.now, planner.changedSince(open.revision));
    const cards: BoardCard[] = [];
    const elsewhere: number[] = [];
    for (const id of ids) {
      const card = open.card(id);
      if (card) cards.push(card);
      else elsewhere.push(id);
    }
    // Not open: closed (shown as the Closed column shows it), or gone.
    const closed = elsewhere.length > 0 ? readRows(db, elsewhere).map((row) => toCard(row, null, at)) : [];
    const found = new Set(closed.map((c) => c.id));
    const actions = planner.actionsFor(cards.map((c) => c.id), plan);
    return {
      cards: [...cards, ...closed],
      removed: elsewhere.filter((id) => !found.has(id)),
      // Counted again only when a card here is not open (closed, archived or gone): counting the
      // Closed column reads every closed card, a few milliseconds at 20,000, and most answers
      // (an event recorded, a note saved, another window asking) are about open cards.
      closedCount: open.closed(elsewhere.length > 0),
      actions: [...cards.map((c) => ({ opportunityId: c.id, actions: actions.get(c.id) ?? [] })), ...closed.map((c) => ({ opportunityId: c.id, actions: [] }))],
      hint: open.hint(plan.now),
      version,
      at,
      reload: false,
    };
  };
}

/**
 * The patch a write's answer carries: the cards it changed (a changed contact changes the cards
 * it appears on), or `reload` when the settings changed or too many cards did.
 */
export function createBoardPatcher(ctx: CoreContext, open: OpenCards): (changes: JournalChanges, version: number) => BoardPatch {
  const cards = boardCards(ctx, open);
  const ofContacts = ctx.db.prepare<[string, string, string], { id: number }>(
    `SELECT r.opportunity_id AS id FROM round_interviewers ri JOIN rounds r ON r.id = ri.round_id WHERE ri.contact_id IN (SELECT value FROM json_each(?))
     UNION SELECT opportunity_id FROM rounds WHERE arranged_by_contact_id IN (SELECT value FROM json_each(?))
     UNION SELECT id FROM opportunities WHERE recruiter_contact_id IN (SELECT value FROM json_each(?))`,
  );
  return (changes, version) => {
    const ids = new Set(changes.opportunityIds);
    if (changes.contactIds.length > 0) {
      const json = JSON.stringify(changes.contactIds);
      for (const row of ofContacts.all(json, json, json)) ids.add(row.id);
    }
    if (changes.settings || ids.size > PATCH_LIMIT) {
      // The page reads the board again: with the Closed column counted again (an import of
      // closed cards changes no open card).
      open.closed(true);
      return { cards: [], removed: [], closedCount: 0, actions: [], hint: null, version, at: ctx.now().toISOString(), reload: true };
    }
    return cards([...ids], version);
  };
}
