/** The people of a search: listing, adding and correcting contacts. */
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
  };
}
