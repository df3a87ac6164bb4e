import { useDeferredValue, useState } from 'react';
import type { ReactNode } from 'react';
import type { PersonHistory, PersonHistoryEntry } from '../../../../shared/calls/people-calls';
import type { Channel, Contact } from '../../../../shared/domain';
import { LETTER_KIND_TITLES } from '../../../../shared/letters';
import type { LetterKind } from '../../../../shared/letters';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { notify } from '../../components/notices';
import { run } from '../../data/calls';
import { useCall } from '../../data/hooks';
import { useFormat } from '../../format';
import { FORMAT_LABELS } from '../opportunity/OpportunityForm';
import { EVENT_LABELS } from '../opportunity/event-labels';
import { PersonEditor } from './PersonEditor';
import './people.css';
import { plural } from '../../words';

const CHANNEL_NAMES: Record<Channel, string> = { email: 'Email', phone: 'Phone', linkedin: 'LinkedIn', mail: 'Post', video: 'Video', app: 'In Afterword' };

/** The channel a letter goes by, for a letter the timeline does not record. */
const LETTER_CHANNELS: Record<LetterKind, Channel> = {
  'thank-you-email': 'email',
  'thank-you-card': 'mail',
  'status-check-email': 'email',
  'phone-script': 'phone',
  'linkedin-note': 'linkedin',
  'stay-in-touch': 'email',
  'rejection-reply': 'email',
  'move-on-close': 'email',
  'video-script': 'video',
};

function matches(c: Contact, words: readonly string[]): boolean {
  const text = [c.name, c.title, c.company, c.email].filter(Boolean).join(' ').toLowerCase();
  return words.every((w) => text.includes(w));
}

/** What a person's history holds, in a few words ("2 rounds, 3 letters and 4 timeline entries"). */
export function historyInWords(history: PersonHistory): string {
  const letters = new Set(history.entries.flatMap((e) => (e.type === 'letter' ? [e.letterId] : e.letterId !== null ? [e.letterId] : []))).size;
  const events = history.entries.filter((e) => e.type === 'event').length;
  const rounds = new Set(history.rounds.map((r) => r.roundId)).size;
  const parts = [
    rounds > 0 ? plural(rounds, 'round') : null,
    history.recruiterFor.length > 0 ? `${plural(history.recruiterFor.length, 'card')} as recruiter` : null,
    letters > 0 ? plural(letters, 'letter') : null,
    events > 0 ? plural(events, 'timeline entry', 'timeline entries') : null,
  ].filter((p): p is string => p !== null);
  if (parts.length === 0) return 'nothing';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** The contacts: a list to search, one person's details and their history across every card. */
export function PeopleScreen({ onBack, onOpen, initialPerson = null }: { onBack: () => void; onOpen: (opportunityId: number) => void; initialPerson?: number | null }) {
  const contacts = useCall('contacts.list', undefined);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<number | null>(initialPerson);
  const words = useDeferredValue(query).toLowerCase().split(/\s+/).filter(Boolean);
  const all = contacts.data ?? [];
  const current = all.filter((c) => c.removedAt === null);
  const shown = current.filter((c) => matches(c, words));
  const open = chosen !== null && current.some((c) => c.id === chosen) ? chosen : null;

  return (
    <section className="people-screen" aria-labelledby="people-title">
      <div className="people-top">
        <h2 id="people-title">Contacts</h2>
        <span className="muted">{current.length === 1 ? '1 person' : `${current.length} people`}</span>
        <button type="button" className="secondary" onClick={onBack}>
          Back to the board
        </button>
      </div>
      {contacts.error && (
        <p role="alert" className="error">
          The contacts could not be read: {contacts.error.message}
        </p>
      )}
      <div className="people-layout">
        <div className="people-list">
          <label>
            Search contacts
            <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Name, title, company or email" />
          </label>
          {current.length === 0 ? (
            <p className="muted">No one yet. The people you add to a round (interviewers, who arranged it) appear here.</p>
          ) : (
            <ul aria-label="People">
              {shown.map((c) => (
                <li key={c.id}>
                  <button type="button" className={c.id === open ? 'person-item chosen' : 'person-item'} aria-current={c.id === open ? 'true' : undefined} onClick={() => setChosen(c.id)}>
                    <span className="person-name">{c.name}</span>
                    <span className="muted">{[c.title, c.company].filter(Boolean).join(', ') || c.email || '\u00a0'}</span>
                  </button>
                </li>
              ))}
              {shown.length === 0 && <li className="muted">No one matches “{query}”.</li>}
            </ul>
          )}
        </div>
        <div className="person-detail">
          {open !== null ? (
            <PersonView key={open} id={open} contacts={current} onOpen={onOpen} onGone={() => setChosen(null)} onChoose={setChosen} />
          ) : (
            <p className="muted">Choose someone to see their details and every round, letter and message you had with them.</p>
          )}
        </div>
      </div>
    </section>
  );
}

function PersonView({
  id,
  contacts,
  onOpen,
  onGone,
  onChoose,
}: {
  id: number;
  contacts: readonly Contact[];
  onOpen: (opportunityId: number) => void;
  onGone: () => void;
  onChoose: (id: number) => void;
}) {
  const format = useFormat();
  const history = useCall('contacts.history', { id });
  const [editing, setEditing] = useState(false);
  const [merging, setMerging] = useState(false);
  const [removing, setRemoving] = useState(false);
  const h = history.data;
  if (!h) {
    return history.error ? (
      <p role="alert" className="error">
        {history.error.message}
      </p>
    ) : (
      <p className="muted">Loading…</p>
    );
  }
  const c = h.contact;
  const details: [string, ReactNode, string?][] = [
    ['Title', c.title],
    ['Company', c.company],
    ['Email', c.email && <a href={`mailto:${c.email}`}>{c.email}</a>],
    ['Phone', c.phone],
    ['LinkedIn', c.linkedinUrl && <a href={c.linkedinUrl} target="_blank" rel="noreferrer">{c.linkedinUrl}</a>],
    ['Last contacted', c.lastContactedAt && format.dateTime(c.lastContactedAt), 'Not yet'],
  ];

  return (
    <article className="person" aria-labelledby={`person-${c.id}`}>
      <header className="person-head">
        <h3 id={`person-${c.id}`}>{c.name}</h3>
        <div className="buttons">
          <button type="button" onClick={() => setEditing(true)}>
            Edit {c.name}
          </button>
          <button type="button" className="secondary" onClick={() => setMerging(true)} disabled={contacts.length < 2}>
            Merge with another contact…
          </button>
          <button type="button" className="secondary" onClick={() => setRemoving(true)}>
            Remove from contacts…
          </button>
        </div>
      </header>
      <dl className="person-fields">
        {details.map(([label, v, none]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{v || <span className="muted">{none ?? 'Not given'}</span>}</dd>
          </div>
        ))}
      </dl>
      {c.notes && <p className="person-notes">{c.notes}</p>}

      <h4>Rounds</h4>
      {h.rounds.length === 0 && h.recruiterFor.length === 0 ? (
        <p className="muted">{c.name} is not on any card.</p>
      ) : (
        <ul className="person-rounds" aria-label={`Rounds with ${c.name}`}>
          {h.rounds.map((r) => (
            <li key={`${r.roundId}:${r.part}`}>
              <button type="button" className="link" onClick={() => onOpen(r.opportunityId)}>
                {r.company}, round {r.number}
              </button>{' '}
              ({r.role}): {format.dateTime(r.startsAt)}, {FORMAT_LABELS[r.format].toLowerCase()}, {r.part === 'interviewer' ? 'as an interviewer' : 'arranged it'}
            </li>
          ))}
          {h.recruiterFor.map((o) => (
            <li key={`recruiter:${o.opportunityId}`}>
              <button type="button" className="link" onClick={() => onOpen(o.opportunityId)}>
                {o.company}
              </button>{' '}
              ({o.role}): recruiter or HR contact
            </li>
          ))}
        </ul>
      )}

      <h4>Contact log</h4>
      {h.entries.length === 0 ? (
        <p className="muted">Nothing sent to {c.name} yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="history">
            <caption>Every letter, card, call and note for {c.name}, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">Channel</th>
                <th scope="col">Card</th>
              </tr>
            </thead>
            <tbody>
              {h.entries.map((e) => (
                <HistoryRow key={e.type === 'event' ? `e${e.eventId}` : `l${e.letterId}`} entry={e} onOpen={onOpen} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {editing && <PersonEditor contactId={c.id} onClose={() => setEditing(false)} />}
      {merging && <MergeDialog history={h} contacts={contacts} onClose={() => setMerging(false)} onMerged={onChoose} />}
      {removing && (
        <ConfirmDialog
          title={`Remove ${c.name} from your contacts?`}
          confirm={`Remove ${c.name}`}
          onCancel={() => setRemoving(false)}
          onConfirm={async () => {
            const { keptName } = await run('contacts.remove', { id: c.id });
            notify(keptName ? `Removed ${c.name} from your contacts. The name stays on ${historyInWords(h)}.` : `Removed ${c.name} from your contacts.`);
            onGone();
          }}
        >
          <RemovalStatement history={h} />
        </ConfirmDialog>
      )}
    </article>
  );
}

function RemovalStatement({ history }: { history: PersonHistory }) {
  const c = history.contact;
  const named = history.rounds.length + history.recruiterFor.length + history.entries.length > 0;
  if (!named) return <p>Nothing in your journal names {c.name}: they are deleted completely.</p>;
  const cards = [...new Set([...history.rounds.map((r) => r.company), ...history.recruiterFor.map((r) => r.company), ...history.entries.map((e) => e.company)])];
  return (
    <>
      <p>
        {c.name} appears in {historyInWords(history)}, on {cards.length === 1 ? `the ${cards[0]} card` : `${cards.length} cards (${cards.join(', ')})`}.
      </p>
      <ul>
        <li>Their title, company, email, phone, LinkedIn address and notes are deleted, and they leave your contacts list.</li>
        <li>Their name stays on those rounds, letters and timeline entries, so your history is kept as it happened.</li>
        <li>This cannot be undone.</li>
      </ul>
    </>
  );
}

function MergeDialog({ history, contacts, onClose, onMerged }: { history: PersonHistory; contacts: readonly Contact[]; onClose: () => void; onMerged: (id: number) => void }) {
  const keep = history.contact;
  const others = contacts.filter((c) => c.id !== keep.id);
  const [otherId, setOtherId] = useState<number | null>(null);
  const other = useCall('contacts.history', { id: otherId ?? keep.id }, { enabled: otherId !== null });
  const o = otherId !== null ? other.data : undefined;
  const fills = o ? (['title', 'company', 'email', 'phone', 'linkedinUrl'] as const).filter((k) => !keep[k] && o.contact[k]) : [];
  const FIELD_NAMES = { title: 'title', company: 'company', email: 'email', phone: 'phone', linkedinUrl: 'LinkedIn address' } as const;
  return (
    <ConfirmDialog
      title={`Merge another contact into ${keep.name}`}
      confirm={o ? `Merge ${o.contact.name} into ${keep.name}` : 'Merge'}
      onCancel={onClose}
      onConfirm={async () => {
        if (!o) throw new Error('Choose who is the same person as ' + keep.name + '.');
        await run('contacts.merge', { keepId: keep.id, mergeId: o.contact.id });
        notify(`Merged ${o.contact.name} into ${keep.name}: ${historyInWords(o)} now name ${keep.name}.`);
        onClose();
        onMerged(keep.id);
      }}
    >
      <label>
        The same person as {keep.name}
        <select value={otherId ?? ''} onChange={(e) => setOtherId(e.target.value ? Number(e.target.value) : null)} data-autofocus>
          <option value="">Choose a contact…</option>
          {others.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
              {c.company ? `, ${c.company}` : c.email ? `, ${c.email}` : ''}
            </option>
          ))}
        </select>
      </label>
      {o && (
        <ul>
          <li>
            Everything that names {o.contact.name} ({historyInWords(o)}) will name {keep.name}.
          </li>
          <li>
            {keep.name}’s details are kept
            {fills.length > 0 ? `; ${keep.name} has no ${fills.map((f) => FIELD_NAMES[f]).join(', ')}, so ${o.contact.name}’s are taken` : ''}
            {o.contact.notes ? ', and their notes are added to ' + keep.name + '’s' : ''}.
          </li>
          <li>{o.contact.name} then leaves your contacts. This cannot be undone.</li>
        </ul>
      )}
    </ConfirmDialog>
  );
}

function HistoryRow({ entry, onOpen }: { entry: PersonHistoryEntry; onOpen: (opportunityId: number) => void }) {
  const format = useFormat();
  const what =
    entry.type === 'event'
      ? `${EVENT_LABELS[entry.kind]}${entry.letterKind ? ` (${LETTER_KIND_TITLES[entry.letterKind].toLowerCase()})` : ''}${entry.note ? `: ${entry.note}` : ''}`
      : `${LETTER_KIND_TITLES[entry.kind]}, ${entry.state === 'draft' ? 'draft' : 'marked sent'}: “${entry.subject || 'no subject'}”`;
  const channel = entry.type === 'event' ? entry.channel : LETTER_CHANNELS[entry.kind];
  return (
    <tr>
      <td>
        <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
      </td>
      <td>{what}</td>
      <td>{channel ? CHANNEL_NAMES[channel] : <span className="muted">Not recorded</span>}</td>
      <td>
        <button type="button" className="link" onClick={() => onOpen(entry.opportunityId)}>
          {entry.company}
          {entry.roundNumber !== null ? `, round ${entry.roundNumber}` : ''}
        </button>
      </td>
    </tr>
  );
}
