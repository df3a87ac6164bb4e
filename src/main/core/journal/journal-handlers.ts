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
      opportunities.delete(id);
      return events.changed(id, { deleted: id });
    },
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
