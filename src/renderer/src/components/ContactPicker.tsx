import { useId, useRef, useState } from 'react';
import type { z } from 'zod';
import type { personRef } from '../../../shared/calls/people-calls';
import type { Contact } from '../../../shared/domain';

/** Someone a form names: a contact's id, or a new person the form adds when it is saved. */
export type PersonRef = z.input<typeof personRef>;
export type NewPerson = Extract<PersonRef, { new: unknown }>['new'];

const isNew = (ref: PersonRef): ref is { new: NewPerson } => typeof ref !== 'number';
const sameRef = (a: PersonRef, b: PersonRef): boolean =>
  isNew(a) && isNew(b) ? a.new.name.trim().toLowerCase() === b.new.name.trim().toLowerCase() : a === b;

/** The name a form shows for someone it names. */
export function refName(ref: PersonRef, byId: ReadonlyMap<number, Contact>): string {
  return isNew(ref) ? ref.new.name : (byId.get(ref)?.name ?? `Contact ${ref}`);
}

/**
 * Picks people for a form: type a name; a contact of that name is offered as you type, and a new
 * name becomes a new person (with a title and email if you like) that the form adds to your
 * contacts only when it is saved. Nothing is written here: cancelling the form leaves no one.
 */
export function ContactPicker({
  label,
  contacts,
  selected,
  onChange,
  single,
  addLabel,
}: {
  label: string;
  contacts: readonly Contact[];
  selected: readonly PersonRef[];
  onChange: (refs: PersonRef[]) => void;
  single?: boolean;
  /** The add button's text, e.g. "Add interviewer". */
  addLabel?: string;
}) {
  const id = useId();
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [email, setEmail] = useState('');
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const current = contacts.filter((c) => c.removedAt === null);
  const typed = name.trim();
  const existing = current.find((c) => c.name.toLowerCase() === typed.toLowerCase());

  const nameField = useRef<HTMLInputElement>(null);
  function add() {
    if (!typed) return;
    const ref: PersonRef = existing ? existing.id : { new: { name: typed, title: title.trim() || null, email: email.trim() || null } };
    onChange(single ? [ref] : [...selected.filter((s) => !sameRef(s, ref)), ref]);
    setName('');
    setTitle('');
    setEmail('');
    // The add button is disabled once the name is cleared: the focus goes back to the name, for
    // the next person (it fell to the page).
    nameField.current?.focus();
  }

  return (
    <fieldset className="contact-picker">
      <legend>{label}</legend>
      {selected.length > 0 && (
        <ul className="chips" aria-label={`${label}: chosen`}>
          {selected.map((ref) => {
            const person = isNew(ref) ? null : byId.get(ref);
            const shown = refName(ref, byId);
            return (
              <li key={isNew(ref) ? `new:${ref.new.name}` : ref} className="chip">
                {shown}
                {isNew(ref) ? (
                  <span className="muted"> · new{ref.new.email ? `, ${ref.new.email}` : ''}</span>
                ) : person?.removedAt ? (
                  <span className="muted"> · removed from contacts</span>
                ) : person?.title ? (
                  <span className="muted"> · {person.title}</span>
                ) : null}
                <button type="button" className="icon" aria-label={`Remove ${shown}`} onClick={() => onChange(selected.filter((s) => !sameRef(s, ref)))}>
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
            ref={nameField}
            list={`${id}-contacts`}
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
            aria-describedby={`${id}-hint`}
            maxLength={200}
          />
        </label>
        {!existing && typed && (
          <>
            <label>
              Title
              <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
            </label>
            <label>
              Email
              <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} maxLength={320} />
            </label>
          </>
        )}
        <button type="button" className="secondary" onClick={add} disabled={!typed}>
          {existing ? `Add ${existing.name}` : (addLabel ?? `Add ${label.toLowerCase()}`)}
        </button>
      </div>
      <p id={`${id}-hint`} className="hint">
        {existing ? 'Already in your contacts.' : typed ? `${typed} is new: added to your contacts when you save.` : 'Type a name: someone you know is offered as you type.'}
      </p>
      <datalist id={`${id}-contacts`}>
        {current.map((c) => (
          <option key={c.id} value={c.name} />
        ))}
      </datalist>
    </fieldset>
  );
}
