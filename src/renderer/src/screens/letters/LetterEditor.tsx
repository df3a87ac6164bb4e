import type { QueryKey } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Letter } from '../../../../shared/letters';
import { call } from '../../data/calls';
import { PersonEditor } from '../people/PersonEditor';

const WORD_LIMITS: Partial<Record<Letter['kind'], number>> = { 'thank-you-email': 150, 'thank-you-card': 110, 'status-check-email': 150 };
const words = (text: string) => (text.match(/[\p{L}\p{N}'’-]+/gu) ?? []).length;

export function mailtoUrl(letter: Pick<Letter, 'recipientEmail' | 'subject' | 'body'>): string {
  const params = new URLSearchParams({ subject: letter.subject, body: letter.body }).toString().replace(/\+/g, '%20');
  return `mailto:${encodeURIComponent(letter.recipientEmail ?? '')}?${params}`;
}

/** One letter: its text (autosaved), a live length counter, the checks' findings, and sending. */
export function LetterEditor({
  letter,
  linkedinPremium,
  listKey,
  onChanged,
}: {
  letter: Letter;
  linkedinPremium: boolean;
  /** The cached list this letter is in: its own answers update it, so it is not asked again. */
  listKey: QueryKey;
  onChanged: (l: Letter) => void;
}) {
  const [body, setBody] = useState(letter.body);
  const [subject, setSubject] = useState(letter.subject);
  /** What the journal has, as far as this editor knows: text typed since is never replaced. */
  const stored = useRef({ body: letter.body, subject: letter.subject });
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editingRecipient, setEditingRecipient] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const label = `${letter.recipientName ?? 'Letter'}`;

  // A change from elsewhere (another window, a new detail) shows here unless the user has typed
  // since the last save: their text wins until it is saved.
  useEffect(() => {
    setBody((current) => (current === stored.current.body ? letter.body : current));
    setSubject((current) => (current === stored.current.subject ? letter.subject : current));
    stored.current = { body: letter.body, subject: letter.subject };
  }, [letter.body, letter.subject]);

  function schedule(next: { body?: string; subject?: string }) {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const result = await call('letters.update', { id: letter.id, ...next }, { keep: [listKey] });
      if (result.ok) onChanged(result.value);
      else setError(result.error.message);
    }, 400);
  }

  async function chooseDetail(detail: string) {
    const result = await call('letters.update', { id: letter.id, detail }, { keep: [listKey] });
    if (result.ok) onChanged(result.value);
    else setError(result.error.message);
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(body);
      setStatus('Copied to the clipboard.');
    } catch {
      area.current?.select();
      setStatus('Select-all done: press Ctrl+C to copy.');
    }
  }

  async function markSent() {
    const result = await call('letters.markSent', { id: letter.id }, { keep: [listKey] });
    if (result.ok) {
      onChanged(result.value);
      setStatus('Marked as sent: recorded in the timeline.');
    } else setError(result.error.message);
  }

  const limit = letter.kind === 'linkedin-note' ? (linkedinPremium ? 300 : 200) : null;
  const wordLimit = WORD_LIMITS[letter.kind];
  return (
    <article className={`letter ${letter.state}`} aria-label={`Letter to ${label}`}>
      <header className="letter-head">
        <h4>To {label}</h4>
        {letter.contactId !== null && (
          <span className="muted">{letter.recipientEmail ?? 'no email address yet'}</span>
        )}
        {letter.contactId !== null && (
          <button type="button" className="secondary small" onClick={() => setEditingRecipient(true)} aria-label={`Edit the recipient, ${label}`}>
            Edit recipient
          </button>
        )}
        {letter.state === 'sent' && <span className="badge done-badge">✓ Sent</span>}
      </header>
      {editingRecipient && letter.contactId !== null && <PersonEditor contactId={letter.contactId} onClose={() => setEditingRecipient(false)} />}
      {letter.kind.endsWith('email') && (
        <label>
          Subject
          <input
            value={subject}
            onChange={(e) => {
              setSubject(e.target.value);
              schedule({ subject: e.target.value });
            }}
          />
        </label>
      )}
      <label>
        Text
        <textarea
          ref={area}
          rows={letter.kind === 'linkedin-note' ? 4 : 10}
          value={body}
          onChange={(e) => {
            setBody(e.target.value);
            schedule({ body: e.target.value });
          }}
        />
      </label>
      <p className="counter" aria-live="polite">
        {limit !== null ? (
          <span className={body.length > limit ? 'error' : undefined}>
            {body.length} / {limit} characters
          </span>
        ) : (
          <span className={wordLimit && words(body) > wordLimit ? 'error' : undefined}>
            {words(body)} words{wordLimit ? ` (about ${wordLimit} or fewer)` : ''}
          </span>
        )}
      </p>
      {letter.detailOptions.length > 0 && (
        <label>
          Specific detail (from your reflection)
          <select value="" onChange={(e) => e.target.value && void chooseDetail(e.target.value)}>
            <option value="">{letter.detail ? `Using: ${letter.detail}` : 'Choose a moment to mention…'}</option>
            {letter.detailOptions.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
      )}
      {letter.findings.length > 0 ? (
        <ul className="findings" aria-label={`Checks for the letter to ${label}`}>
          {letter.findings.map((f, i) => (
            <li key={i}>
              <button
                type="button"
                className="link"
                onClick={() => {
                  area.current?.focus();
                  area.current?.setSelectionRange(f.start, f.end);
                }}
              >
                “{f.excerpt.length > 40 ? `${f.excerpt.slice(0, 40)}…` : f.excerpt}”
              </button>{' '}
              {f.message}
            </li>
          ))}
        </ul>
      ) : (
        <p className="ok-line">✓ No problems found.</p>
      )}
      <div className="buttons">
        <button type="button" className="secondary" onClick={() => void copy()}>
          Copy
        </button>
        {letter.kind.endsWith('email') || letter.kind === 'stay-in-touch' || letter.kind === 'rejection-reply' || letter.kind === 'move-on-close' ? (
          <a className="button secondary" href={mailtoUrl({ ...letter, subject, body })} target="_blank" rel="noreferrer">
            Open in mail
          </a>
        ) : null}
        {letter.state === 'draft' && (
          <button type="button" onClick={() => void markSent()} aria-label={`Mark the letter to ${label} as sent`}>
            Mark as sent
          </button>
        )}
      </div>
      {status && <p className="muted">{status}</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </article>
  );
}
