/** The people of a search: listing, adding, correcting, merging and removing contacts, and a person's history. */
import type { peopleCalls } from '../../../shared/calls/people-calls';
import type { CoreContext } from '../core-context';
import type { HandlersOf } from '../handlers';

export function createPeopleHandlers({ people, events }: CoreContext): HandlersOf<typeof peopleCalls> {
  return {
    'contacts.list': () => people.list(),
    'contacts.create': (input) => {
      const contact = people.create(input);
      events.note({ contactIds: [contact.id] });
      return contact;
    },
    'contacts.update': ({ id, patch }) => {
      const contact = people.update(id, patch);
      events.note({ contactIds: [id] });
      return contact;
    },
    'contacts.history': ({ id }) => people.history(id),
    'contacts.remove': ({ id }) => {
      // The cards that name them show their name alone from now on.
      const cards = people.opportunitiesOf(id);
      const removed = people.remove(id);
      events.note({ contactIds: [id], opportunityIds: cards });
      return removed;
    },
    'contacts.merge': ({ keepId, mergeId }) => {
      const cards = people.opportunitiesOf(mergeId);
      const kept = people.merge(keepId, mergeId);
      events.note({ contactIds: [keepId, mergeId], opportunityIds: cards });
      return kept;
    },
  };
}
