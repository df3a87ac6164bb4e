/** The reflection journal: a round's notes, their versions, search, the question bank, export. */
import type { reflectionsCalls } from '../../../shared/calls/reflections-calls';
import type { CoreContext } from '../core-context';
import type { HandlersOf } from '../handlers';

export function createReflectionsHandlers({ reflections, events }: CoreContext): HandlersOf<typeof reflectionsCalls> {
  return {
    'reflections.get': ({ roundId }) => reflections.view(roundId),
    'reflections.save': ({ roundId, body, revision, session, seq }) => {
      const { view, planChanged } = reflections.save(roundId, body, { baseRevision: revision, session, seq });
      // An autosave changes the reflection only; the card changes when it first counts as written.
      events.note({ reflectionRoundIds: [roundId], opportunityIds: planChanged ? [view.opportunityId] : [] });
      return view;
    },
    'reflections.versions': ({ roundId }) => reflections.store.versions(roundId),
    'reflections.restore': ({ versionId }) => {
      const restored = reflections.store.restore(versionId);
      const view = reflections.view(restored.roundId);
      events.note({ reflectionRoundIds: [restored.roundId] });
      return events.changed(view.opportunityId, view);
    },
    'reflections.search': ({ query, limit }) => reflections.store.search(query, limit),
    'reflections.matchingCards': ({ query, closedIds }) => reflections.store.matchingCards(query, closedIds),
    'reflections.questions': ({ query }) => reflections.questions(query),
    'reflections.export': ({ roundId }) => reflections.export(roundId),
  };
}
