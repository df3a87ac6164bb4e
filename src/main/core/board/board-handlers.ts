/** The board: every card in its column with its next action, and moving a card. */
import type { boardCalls } from '../../../shared/calls/board-calls';
import type { CoreContext } from '../core-context';
import type { HandlersOf } from '../handlers';
import { moveCard, readBoard } from './board';

export function createBoardHandlers({ db, now, planner, opportunities, timeline, events }: CoreContext): HandlersOf<typeof boardCalls> {
  return {
    'board.get': () => {
      const ctx = planner.context();
      return readBoard(db, planner.openActions(ctx), ctx.now);
    },
    'board.move': (input) => events.changed(input.opportunityId, moveCard({ db, opportunities, timeline, now }, input)),
  };
}
