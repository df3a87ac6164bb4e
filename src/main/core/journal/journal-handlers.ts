/** The journal's opportunities and rounds: each write says which card changed. */
import type { journalCalls } from '../../../shared/calls/journal-calls';
import type { CoreContext } from '../core-context';
import type { HandlersOf } from '../handlers';

export function createJournalHandlers({ opportunities, events }: CoreContext): HandlersOf<typeof journalCalls> {
  return {
    'opportunities.create': (input) => {
      const created = opportunities.create(input);
      return events.changed(created.id, created);
    },
    'opportunities.list': () => opportunities.list(),
    'opportunities.get': ({ id }) => opportunities.get(id),
    'opportunities.update': ({ id, patch }) => events.changed(id, opportunities.update(id, patch)),
    'opportunities.delete': ({ id }) => {
      const deletionId = opportunities.delete(id);
      return events.changed(id, { deleted: id, deletionId });
    },
    'opportunities.contents': ({ id }) => opportunities.contents(id),
    'opportunities.undoDelete': ({ deletionId }) => {
      const id = opportunities.undoDelete(deletionId);
      return events.changed(id, opportunities.get(id));
    },
    'opportunities.deleted': () => opportunities.deletions(),
    'opportunities.archive': ({ id }) => events.changed(id, opportunities.setArchived(id, true)),
    'opportunities.unarchive': ({ id }) => events.changed(id, opportunities.setArchived(id, false)),
    'opportunities.archived': () => opportunities.archived(),
    'rounds.create': (input) => events.changed(input.opportunityId, opportunities.createRound(input)),
    'rounds.list': ({ opportunityId }) => {
      opportunities.get(opportunityId);
      return opportunities.roundsOf(opportunityId);
    },
    'rounds.get': ({ id }) => opportunities.getRound(id),
    'rounds.update': ({ id, patch }) => {
      const round = opportunities.updateRound(id, patch);
      return events.changed(round.opportunityId, round);
    },
    'rounds.delete': ({ id }) => {
      const round = opportunities.deleteRound(id);
      return events.changed(round.opportunityId, { deleted: id });
    },
  };
}
