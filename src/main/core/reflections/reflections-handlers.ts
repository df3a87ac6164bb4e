/** The reflection journal: a round's notes, their versions, search, the question bank, export. */
import type { reflectionsCalls } from '../../../shared/calls/reflections-calls';
import type { CoreContext } from '../core-context';
import type { HandlersOf } from '../handlers';

export function createReflectionsHandlers({ reflections, events }: CoreContext): HandlersOf<typeof reflectionsCalls> {
  return {
    'reflections.get': ({ roundId }) => reflections.view(roundId),
    'reflections.save': ({ roundId, body }) => {
      const view = reflections.save(roundId, body);
      return events.changed(view.opportunityId, view);
    },
    'reflections.versions': ({ roundId }) => reflections.store.versions(roundId),
    'reflections.restore': ({ versionId }) => {
      const restored = reflections.store.restore(versionId);
      const view = reflections.view(restored.roundId);
      return events.changed(view.opportunityId, view);
    },
    'reflections.search': ({ query, limit }) => reflections.store.search(query, limit),
    'reflections.questions': ({ query }) => reflections.questions(query),
    'reflections.export': ({ roundId }) => reflections.export(roundId),
  };
}
