/** The board: every card in its column with its next action, moving a card, and patches after a write. */
import type { BoardPatch } from '../../../shared/calls/board-calls';
import type { boardCalls } from '../../../shared/calls/board-calls';
import type { JournalChanges } from '../../../shared/events';
import type { CoreContext } from '../core-context';
import type { HandlersOf } from '../handlers';
import { keepSearchingHint, moveCard, readBoard, readCards, undoMove } from './board';

/** More changed cards than this, and the page reads the board again rather than a patch. */
export const PATCH_LIMIT = 200;

export function createBoardHandlers(ctx: CoreContext): HandlersOf<typeof boardCalls> {
  const { db, now, planner, opportunities, timeline, events } = ctx;
  const cards = boardCards(ctx);
  return {
    'board.get': () => {
      const plan = planner.context();
      const plans = planner.openActions(plan);
      return readBoard(db, plans, plan.now, events.version(), planner.nextChange());
    },
    'board.cards': ({ ids }) => cards(ids, events.version()),
    'board.move': (input) => events.changed(input.opportunityId, moveCard({ db, opportunities, timeline, now }, input)),
    'board.undoMove': (input) => events.changed(input.opportunityId, undoMove({ db, opportunities, timeline }, input)),
  };
}

/** Some cards as the board shows them now, with the board's hint. */
function boardCards({ db, planner }: CoreContext): (ids: readonly number[], version: number) => BoardPatch {
  return (ids, version) => {
    const plan = planner.context();
    const plans = planner.openActions(plan);
    const { cards, removed } = readCards(db, ids, plans, plan.now);
    const actions = ids.map((opportunityId) => ({ opportunityId, actions: plans.get(opportunityId) ?? [] }));
    return { cards, removed, actions, hint: keepSearchingHint(db, plans, plan.now), version, at: plan.now.toISOString(), reload: false };
  };
}

/**
 * The patch a write's answer carries: the cards it changed (a changed contact changes the cards
 * it appears on), or `reload` when the settings changed or too many cards did.
 */
export function createBoardPatcher(ctx: CoreContext): (changes: JournalChanges, version: number) => BoardPatch {
  const cards = boardCards(ctx);
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
      return { cards: [], removed: [], actions: [], hint: null, version, at: ctx.now().toISOString(), reload: true };
    }
    return cards([...ids], version);
  };
}
