import { useState } from 'react';
import type { SubmitEvent } from 'react';
import type { Contact } from '../../../../shared/domain';
import { Dialog } from '../../components/Dialog';
import { notify } from '../../components/notices';
import { useDraft } from '../../dialog-drafts';
import { call } from '../../data/calls';
import { useCall } from '../../data/hooks';
import './people.css';

type PersonDraft = Record<'name' | 'title' | 'company' | 'email' | 'phone' | 'linkedinUrl' | 'notes', string>;

const draftOf = (c: Contact): PersonDraft => ({
  name: c.name,
  title: c.title ?? '',
  company: c.company ?? '',
  email: c.email ?? '',
  phone: c.phone ?? '',
  linkedinUrl: c.linkedinUrl ?? '',
  notes: c.notes ?? '',
});

/**
 * Edits a person wherever they appear (the contacts, a card's people, a round, a letter's
 * recipient): every detail, saved in one call. The letters and plans that name them follow.
 */
export function PersonEditor({ contactId, onClose }: { contactId: number; onClose: () => void }) {
  const contacts = useCall('contacts.list', undefined);
  const person = contacts.data?.find((c) => c.id === contactId);
  if (!person) {
    return (
      <Dialog title="Edit a person" onClose={onClose}>
        {contacts.error ? (
          <p role="alert" className="error">
            {contacts.error.message}
          </p>
        ) : contacts.data ? (
          <p role="alert">This person is no longer in your contacts.</p>
        ) : (
          <p className="muted">Loading…</p>
        )}
      </Dialog>
    );
  }
  return <PersonForm person={person} onClose={onClose} />;
}

function PersonForm({ person, onClose }: { person: Contact; onClose: () => void }) {
  const [draft, update, clear] = useDraft<PersonDraft>(`person:${person.id}`, () => draftOf(person));
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof PersonDraft) => (e: { target: { value: string } }) => update((d) => ({ ...d, [key]: e.target.value }));

  function close() {
    clear();
    onClose();
  }

  async function save(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const result = await call('contacts.update', { id: person.id, patch: { ...draft } });
    if (!result.ok) { setError(result.error.message); return; }
    notify(`Saved ${result.value.name}'s details.`);
    close();
  }

  if (person.removedAt) {
    return (
      <Dialog title={person.name} onClose={onClose}>
        <p>{person.name} was removed from your contacts: only the name is kept, on the rounds, letters and events that name them.</p>
      </Dialog>
    );
  }

  return (
    <Dialog title={`Edit ${person.name}`} onClose={close}>
      <form className="stack person-form" onSubmit={save}>
        <div className="fields">
          <label>
            Name
            <input value={draft.name} onChange={set('name')} required maxLength={200} data-autofocus />
          </label>
          <label>
            Title
            <input value={draft.title} onChange={set('title')} maxLength={200} />
          </label>
          <label>
            Company
            <input value={draft.company} onChange={set('company')} maxLength={200} />
          </label>
        </div>
        <div className="fields">
          <label>
            Email
            <input type="email" value={draft.email} onChange={set('email')} maxLength={320} />
          </label>
          <label>
            Phone
            <input type="tel" value={draft.phone} onChange={set('phone')} maxLength={60} />
          </label>
          <label className="grow">
            LinkedIn address
            <input type="url" value={draft.linkedinUrl} onChange={set('linkedinUrl')} placeholder="https://www.linkedin.com/in/…" maxLength={2000} />
          </label>
        </div>
        <label>
          Notes
          <textarea rows={3} value={draft.notes} onChange={set('notes')} maxLength={5000} />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="buttons">
          <button type="submit">Save {person.name}</button>
          <button type="button" className="secondary" onClick={close}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
