import type { QueryKey } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Finding, Letter, Severity } from '../../../../shared/letters';
import { DETAIL_KINDS } from '../../../../shared/letters';
import { mailtoUrl } from '../../../../shared/mailto';
import { call } from '../../data/calls';
import { PersonEditor } from '../people/PersonEditor';

const WORD_LIMITS: Partial<Record<Letter['kind'], number>> = { 'thank-you-email': 150, 'thank-you-card': 110, 'status-check-email': 150 };
const words = (text: string) => (text.match(/[\p{L}\p{N}'’-]+/gu) ?? []).length;
/** Kinds that go by email, and so get "Open in mail". */
const BY_EMAIL: ReadonlySet<Letter['kind']> = new Set(['thank-you-email', 'status-check-email', 'stay-in-touch', 'rejection-reply', 'move-on-close']);

/** Said in words and with a sign, never by colour alone. */
const SEVERITY_LABELS: Record<Severity, { sign: string; word: string }> = {
  error: { sign: '✖', word: 'Fix before sending' },
  warning: { sign: '▲', word: 'Worth a look' },
  suggestion: { sign: 'ℹ', word: 'Suggestion' },
};
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, suggestion: 2 };

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
  const heading = useRef<HTMLHeadingElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const label = letter.recipientName ?? 'the recipient';
  const [email, setEmail] = useState('');

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
      // Not kept: the round's other letters are checked against this one (the same text to two
      // interviewers), so the list is asked again and every letter's checks refresh.
      const result = await call('letters.update', { id: letter.id, ...next });
      if (result.ok) onChanged(result.value);
      else setError(result.error.message);
    }, 400);
  }

  async function chooseDetail(detail: string) {
    const result = await call('letters.update', { id: letter.id, detail });
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

  /** Spelling: add the word to the user's dictionary (every letter), or ignore it in this one. */
  async function addWord(word: string) {
    const result = await call('letters.addToDictionary', { word });
    setStatus(result.ok ? `“${word}” is in your dictionary now.` : null);
    if (!result.ok) setError(result.error.message);
  }

  async function ignoreWord(word: string) {
    const result = await call('letters.ignoreWord', { id: letter.id, word }, { keep: [listKey] });
    if (result.ok) onChanged(result.value);
    else setError(result.error.message);
  }

  /** A recipient without an address: add one to their contact, then "Open in mail" works. */
  async function saveEmail() {
    if (letter.contactId === null) return;
    const result = await call('contacts.update', { id: letter.contactId, patch: { email: email.trim() } });
    if (result.ok) {
      setEmail('');
      setStatus(`Saved ${result.value.email} for ${label}.`);
    } else setError(result.error.message);
  }

  async function markSent() {
    const result = await call('letters.markSent', { id: letter.id }, { keep: [listKey] });
    if (result.ok) {
      onChanged(result.value);
      setStatus('Marked as sent: recorded in the timeline.');
      // The button goes with the draft state: the focus stays on this letter, not the page's body.
      heading.current?.focus();
    } else setError(result.error.message);
  }

  const limit = letter.kind === 'linkedin-note' ? (linkedinPremium ? 300 : 200) : null;
  const wordLimit = WORD_LIMITS[letter.kind];
  return (
    <article className={`letter ${letter.state}`} aria-label={`Letter to ${label}`}>
      <header className="letter-head">
        <h4 ref={heading} tabIndex={-1}>
          To {label}
        </h4>
        {letter.contactId !== null && (
          <span className="muted">{letter.recipientEmail ?? 'no email address yet'}</span>
        )}
        {letter.contactId !== null && (
          <button type="button" className="secondary small" onClick={() => setEditingRecipient(true)} aria-label={`Edit recipient, ${label}`}>
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
      {letter.detailOptions.length > 0 && DETAIL_KINDS.has(letter.kind) && (
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
      {letter.detailHint && (
        <p className="detail-hint" role="note">
          <span aria-hidden="true">✎ </span>
          {letter.detailHint}
        </p>
      )}
      {letter.findings.length > 0 ? (
        <ul className="findings" aria-label={`Checks for the letter to ${label}`}>
          {[...letter.findings]
            .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.start - b.start)
            .map((f: Finding, i) => (
              <li key={i} className={`finding finding-${f.severity}`}>
                <span className="severity">
                  <span aria-hidden="true">{SEVERITY_LABELS[f.severity].sign} </span>
                  {SEVERITY_LABELS[f.severity].word}:
                </span>{' '}
                <button
                  type="button"
                  className="link"
                  aria-label={`Find “${f.excerpt.slice(0, 40)}” in the letter`}
                  onClick={() => {
                    area.current?.focus();
                    area.current?.setSelectionRange(f.start, f.end);
                  }}
                >
                  “{f.excerpt.length > 40 ? `${f.excerpt.slice(0, 40)}…` : f.excerpt}”
                </button>{' '}
                {f.message}
                {f.word && (
                  <span className="finding-actions">
                    {' '}
                    <button type="button" className="secondary small" onClick={() => void addWord(f.word!)}>
                      Add “{f.word}” to my dictionary
                    </button>{' '}
                    <button type="button" className="secondary small" onClick={() => void ignoreWord(f.word!)}>
                      Ignore “{f.word}” here
                    </button>
                  </span>
                )}
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
        {BY_EMAIL.has(letter.kind) && letter.recipientEmail ? (
          <a className="button secondary" href={mailtoUrl({ to: letter.recipientEmail, subject, body })} target="_blank" rel="noreferrer">
            Open in mail
          </a>
        ) : null}
        {letter.state === 'draft' && (
          <button type="button" onClick={() => void markSent()} aria-label={`Mark the letter to ${label} as sent`}>
            Mark as sent
          </button>
        )}
      </div>
      {BY_EMAIL.has(letter.kind) && !letter.recipientEmail && (
        <div className="missing-address" role="group" aria-label={`No email address for ${label}`}>
          <p>
            <span aria-hidden="true">✉ </span>
            {letter.contactId === null
              ? 'This letter has no recipient, so it cannot open in your mail program: copy it instead.'
              : `The journal has no email address for ${label}, so this letter cannot open in your mail program yet.`}
          </p>
          {letter.contactId !== null && (
            <form
              className="inline-form"
              onSubmit={(e) => {
                e.preventDefault();
                void saveEmail();
              }}
            >
              <label>
                Email address for {label}
                <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
              </label>
              <button type="submit" className="secondary">
                Save address
              </button>
            </form>
          )}
        </div>
      )}
      {status && (
        <p className="muted" role="status">
          {status}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </article>
  );
}
