import { useEffect, useRef, useState } from 'react';
import type { SubmitEvent } from 'react';
import type { Settings } from '../../../../shared/settings';
import { SYSTEM_TIME_ZONE } from '../../../../shared/settings';
import { Checkbox } from '../../components/Choice';
import { Dialog } from '../../components/Dialog';
import { notify } from '../../components/notices';
import { TimeZoneSelect } from '../../components/TimeZoneSelect';
import { useDraft } from '../../dialog-drafts';
import { call } from '../../data/calls';
import { useCall } from '../../data/hooks';
import './first-start.css';

interface SetupAnswers {
  readonly step: 'you' | 'board';
  readonly name: string;
  /** Null until the user writes their own: then it is theirs, not the default made from the name. */
  readonly signature: string | null;
  readonly timeZone: string;
  readonly englishVariant: Settings['englishVariant'];
  /** The example card, put on the board as the tour starts (so it is there behind it). */
  readonly exampleId: number | null;
  /** Keep it when the tour ends. */
  readonly keepExample: boolean;
}

const defaultSignature = (name: string) => (name.trim() ? `Best regards,\n${name.trim()}` : '');

/**
 * A card to show how the board works: an interview in two days, in the morning, so it has a plan to read and
 * nothing overdue (an example must not set off reminders).
 */
const exampleCard = () => ({
  company: 'Example company',
  role: 'Product designer',
  tags: ['example'],
  notes: 'An example from the first start: open it to see what Afterword plans and why. Delete it whenever you like (Delete… at the bottom of this card).',
  firstRound: { startsAt: inTwoDaysAtTen().toISOString(), durationMinutes: 45, format: 'video' as const },
});

/** The day after tomorrow at 10:00 on this machine's clock (now + 48 h could be 3 AM). */
function inTwoDaysAtTen(): Date {
  const day = new Date();
  day.setDate(day.getDate() + 2);
  day.setHours(10, 0, 0, 0);
  return day;
}

/**
 * The first start, for a new journal: who you are (letters are signed with it), your time zone
 * and English, then how the board works, with one example card. All of it can be changed later
 * in Settings; skipping is fine.
 */
export function FirstStart({ onDone }: { onDone: () => void }) {
  const state = useCall('settings.get', undefined);
  const [answers, update, clear] = useDraft<SetupAnswers>('first-start', () => ({
    step: 'you',
    name: '',
    signature: null,
    timeZone: SYSTEM_TIME_ZONE,
    englishVariant: 'en-US',
    exampleId: null,
    keepExample: true,
  }));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const systemZone = state.data?.settings.timeZone === SYSTEM_TIME_ZONE ? state.data.timeZone : Intl.DateTimeFormat().resolvedOptions().timeZone;
  const signature = answers.signature ?? defaultSignature(answers.name);

  async function finish(patch: Partial<Settings>) {
    const result = await call('settings.update', { ...patch, setupDone: true });
    if (!result.ok) throw new Error(result.error.message);
    clear();
    onDone();
  }

  async function skip() {
    setError(null);
    try {
      await finish({});
      notify('Setup skipped. Your name, signature, time zone and English are in Settings whenever you want them.');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  async function saveYou(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    const result = await call('settings.update', { userName: answers.name.trim(), signature, timeZone: answers.timeZone, englishVariant: answers.englishVariant });
    if (!result.ok) {
      setBusy(false);
      setError(result.error.message); return;
    }
    let exampleId = answers.exampleId;
    if (exampleId === null) {
      const created = await call('opportunities.create', exampleCard());
      if (created.ok) exampleId = created.value.id;
    }
    setBusy(false);
    update((a) => ({ ...a, step: 'board', exampleId }));
  }

  async function saveBoard(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    const keep = answers.keepExample && answers.exampleId !== null;
    try {
      if (!answers.keepExample && answers.exampleId !== null) {
        const removed = await call('opportunities.delete', { id: answers.exampleId });
        if (!removed.ok && removed.error.code !== 'not_found') throw new Error(removed.error.message);
      }
      await finish({});
      notify(
        keep
          ? `Welcome, ${answers.name.trim() || 'and good luck'}! The example card is in Upcoming: open it to see the plan, and delete it whenever you like.`
          : `Welcome, ${answers.name.trim() || 'and good luck'}! Add your first opportunity with New opportunity, or press N.`,
      );
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  }

  const problem = error && (
    <p role="alert" className="error">
      {error}
    </p>
  );

  // A step change keeps the one dialog and swaps its form: the button pressed goes with it, and
  // the focus fell to the page. The new step's first control takes it.
  const shownStep = useRef(answers.step);
  useEffect(() => {
    if (shownStep.current === answers.step) return;
    shownStep.current = answers.step;
    document.querySelector<HTMLElement>('.first-start [data-step-focus]')?.focus();
  }, [answers.step]);

  if (answers.step === 'you') {
    return (
      <Dialog title="Welcome to Afterword" onClose={() => void skip()}>
        <form className="stack first-start" onSubmit={saveYou}>
          <p>Afterword helps with what comes after an interview: what to send, to whom, by which channel and when. First, a few things about you.</p>
          <label>
            Your name
            <input value={answers.name} onChange={(e) => update((a) => ({ ...a, name: e.target.value }))} maxLength={200} required autoComplete="name" data-autofocus data-step-focus />
            <span className="hint">Your letters are signed with it.</span>
          </label>
          <label>
            Signature
            <textarea rows={3} value={signature} onChange={(e) => update((a) => ({ ...a, signature: e.target.value }))} maxLength={2000} />
          </label>
          <div className="fields">
            <label>
              Time zone
              <TimeZoneSelect value={answers.timeZone} systemZone={systemZone} onChange={(zone) => update((a) => ({ ...a, timeZone: zone }))} />
            </label>
            <label>
              English
              <select value={answers.englishVariant} onChange={(e) => update((a) => ({ ...a, englishVariant: e.target.value as Settings['englishVariant'] }))}>
                <option value="en-US">US English</option>
                <option value="en-GB">UK English</option>
              </select>
            </label>
          </div>
          <p className="hint">The time zone dates every reminder (the system’s, unless you travel with a fixed one); the English is the spelling your letters are checked against.</p>
          {problem}
          <div className="buttons">
            <button type="submit" disabled={busy}>
              Continue
            </button>
            <button type="button" className="secondary" onClick={() => void skip()}>
              Skip the setup
            </button>
          </div>
        </form>
      </Dialog>
    );
  }

  return (
    <Dialog title="How the board works" onClose={() => void finish({}).catch((failure: unknown) => setError(String(failure)))}>
      <form className="stack first-start" onSubmit={saveBoard}>
        <ol className="board-tour">
          <li>
            <strong>One card per job.</strong> Its column says where you are: Upcoming, Interviewed, Thanked, Followed up, Offer, Staying in touch, Closed.
          </li>
          <li>
            <strong>Each card shows what to do next</strong> and when it is due. Something late is marked <span className="tour-overdue">⚠ Overdue</span>, in words as well as colour.
          </li>
          <li>
            <strong>Move a card</strong> by dragging it, or with its handle and the arrow keys: the move records what it means (a thank-you sent, a status check, an outcome).
          </li>
          <li>
            <strong>Open a card</strong> for why each date was chosen, your reflection, the letters to write and the people you met. Everything can be edited there, archived or deleted.
          </li>
          <li>
            <strong>Shortcuts:</strong> N adds an opportunity, / searches.
          </li>
        </ol>
        {answers.exampleId !== null && (
          <>
            <p>
              Behind this window, in Upcoming, is an example: <strong>Example company</strong>, an interview in two days. Open it to see what Afterword plans for it, and why.
            </p>
            <Checkbox checked={answers.keepExample} onChecked={(on) => update((a) => ({ ...a, keepExample: on }))}>
              Keep the example card on the board (delete it whenever you like, from the card)
            </Checkbox>
          </>
        )}
        <p className="hint">All of this can be changed later in Settings.</p>
        {problem}
        <div className="buttons">
          <button type="submit" disabled={busy} data-step-focus>
            Show me the board
          </button>
          <button type="button" className="secondary" onClick={() => update((a) => ({ ...a, step: 'you' }))}>
            Back
          </button>
        </div>
      </form>
    </Dialog>
  );
}
