import { useId, useState } from 'react';
import type { Contact } from '../../../shared/domain';
import { call } from '../data/calls';

/**
 * Picks contacts from the journal or creates them inline: type a name; an existing contact is
 * offered as you type, a new name becomes a new contact (with an optional title and email).
 */
export function ContactPicker({
  label,
  contacts,
  selected,
  onChange,
  single,
  onCreated,
}: {
  label: string;
  contacts: readonly Contact[];
  selected: readonly number[];
  onChange: (ids: number[]) => void;
  single?: boolean;
  onCreated?: (contact: Contact) => void;
}) {
  const id = useId();
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const existing = contacts.find((c) => c.name.toLowerCase() === name.trim().toLowerCase());

  async function add() {
    setError(null);
    if (!name.trim()) return;
    let contact = existing;
    if (!contact) {
      const result = await call('contacts.create', { name, title: title || null, email: email || null });
      if (!result.ok) return setError(result.error.message);
      contact = result.value;
      onCreated?.(contact);
    }
    onChange(single ? [contact.id] : [...selected.filter((s) => s !== contact.id), contact.id]);
    setName('');
    setTitle('');
    setEmail('');
  }

  return (
    <fieldset className="contact-picker">
      <legend>{label}</legend>
      {selected.length > 0 && (
        <ul className="chips" aria-label={`${label}: chosen`}>
          {selected.map((contactId) => {
            const c = byId.get(contactId);
            return (
              <li key={contactId} className="chip">
                {c ? c.name : `#${contactId}`}
                {c?.title ? <span className="muted"> · {c.title}</span> : null}
                <button type="button" className="icon" aria-label={`Remove ${c?.name ?? contactId}`} onClick={() => onChange(selected.filter((s) => s !== contactId))}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="fields">
        <label>
          Name
          <input
            list={`${id}-contacts`}
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void add();
              }
            }}
            aria-describedby={`${id}-hint`}
          />
        </label>
        {!existing && name.trim() && (
          <>
            <label>
              Title
              <input value={title} onChange={(e) => setTitle(e.target.value)} />
            </label>
            <label>
              Email
              <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
            </label>
          </>
        )}
        <button type="button" className="secondary" onClick={() => void add()} disabled={!name.trim()}>
          {existing ? `Add ${existing.name}` : single ? `Set ${label.toLowerCase()}` : `Add ${label.toLowerCase().replace(/s$/, '')}`}
        </button>
      </div>
      <p id={`${id}-hint`} className="hint">
        {existing ? 'Already in your contacts.' : 'Type a name: someone new is added to your contacts.'}
      </p>
      <datalist id={`${id}-contacts`}>
        {contacts.map((c) => (
          <option key={c.id} value={c.name} />
        ))}
      </datalist>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
