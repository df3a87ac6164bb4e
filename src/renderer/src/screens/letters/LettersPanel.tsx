import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Letter, LetterKind, CardFont, PaperSize } from '../../../../shared/letters';
import { CARD_FONT_NOTES, CARD_FONTS, LETTER_KIND_TITLES, LETTER_KINDS, PAPER_SIZES, PRINTED_KINDS } from '../../../../shared/letters';
import './letters.css';
import { bridge } from '../../api/bridge';
import { downloadBase64 } from '../../download';
import { LetterEditor } from './LetterEditor';
import { useCall } from '../../data/hooks';
import { call, keyOf } from '../../data/calls';

export interface PrintChoice {
  size: PaperSize;
  layout: 'flat' | 'inside-right';
  font: CardFont;
}

export const defaultPaper = (): PaperSize => (/^en-(US|CA)|^es-(MX|US)|^fr-CA/.test(navigator.language) ? 'letter' : 'a4');

export function PrintOptions({ value, onChange }: { value: PrintChoice; onChange: (v: PrintChoice) => void }) {
  const sheet = PAPER_SIZES[value.size].foldedSheet;
  const folded = value.size === 'half-letter-a2' || value.layout === 'inside-right';
  return (
    <div className="print-options">
    <div className="fields">
      <label>
        Size
        <select value={value.size} onChange={(e) => onChange({ ...value, size: e.target.value as PaperSize })}>
          {(Object.keys(PAPER_SIZES) as PaperSize[]).map((s) => (
            <option key={s} value={s}>
              {PAPER_SIZES[s].title}
            </option>
          ))}
        </select>
      </label>
      <label>
        Layout
        <select value={value.layout} onChange={(e) => onChange({ ...value, layout: e.target.value as PrintChoice['layout'] })}>
          <option value="flat">Flat card</option>
          <option value="inside-right">Folded: inside-right panel</option>
        </select>
      </label>
      <label>
        Font
        <select value={value.font} onChange={(e) => onChange({ ...value, font: e.target.value as CardFont })}>
          {CARD_FONTS.map((f) => (
            <option key={f} value={f}>
              {CARD_FONT_NOTES[f]}
            </option>
          ))}
        </select>
      </label>
    </div>
      {sheet !== null && (
        <p className="sheet-note" role="note">
          {folded
            ? `The inside-right panel of a folded card is printed on a sheet twice the card’s width: ${sheet}. Fold it in half, text inside on the right.`
            : `Printed flat on card stock the card’s size. For a folded card choose “Folded: inside-right panel”: it needs a sheet of ${sheet}.`}
        </p>
      )}
    </div>
  );
}

/**
 * What is offered for printing: letters and cards that go on paper. A LinkedIn note is sent in
 * LinkedIn and the scripts are read aloud: none is printed (the core refuses them too).
 */
export const PRINTABLE: ReadonlySet<LetterKind> = new Set(PRINTED_KINDS);

/** Progress of a batch export, from the core's events. */
export function useExportProgress() {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  useEffect(() => bridge.onEvent((e) => (e.type === 'export.progress' ? setProgress({ done: e.done, total: e.total }) : undefined)), []);
  return [progress, setProgress] as const;
}

/** The letters of one round: draft them from a template, edit, check, send, print. */
export function LettersPanel({ roundId, opportunityId, initialKind = 'thank-you-email' }: { roundId: number; opportunityId: number; initialKind?: LetterKind }) {
  const [kind, setKind] = useState<LetterKind>(initialKind);
  const all = useCall('letters.list', { opportunityId });
  const settings = useCall('settings.get', undefined);
  const client = useQueryClient();
  const [print, setPrint] = useState<PrintChoice>({ size: 'a2-card', layout: 'flat', font: 'Lora' });
  const [error, setError] = useState<string | null>(null);
  /** The round names nobody to write to: the user picks who. */
  const [askWho, setAskWho] = useState(false);
  const [who, setWho] = useState<number | null>(null);
  const contacts = useCall('contacts.list', undefined, { enabled: askWho });
  const [progress] = useExportProgress();
  const letters = (all.data ?? []).filter((l) => l.roundId === roundId && l.kind === kind);
  const listKey = keyOf('letters.list', { opportunityId });
  /** A letter's own answer replaces it in the cached list (its editor keeps the text being typed). */
  const changed = (next: Letter) => client.setQueryData<readonly Letter[]>(listKey, (list) => list?.map((l) => (l.id === next.id ? next : l)));
  // Cards print on card stock; other letters on the user's paper (US Letter or A4 by locale).
  useEffect(() => {
    const paper = settings.data?.settings.paperSize;
    const page = !paper || paper === 'auto' ? defaultPaper() : paper;
    setPrint((p) => ({ ...p, size: kind === 'thank-you-card' ? 'a2-card' : page }));
  }, [kind, settings.data]);

  async function draft(contactId?: number) {
    setError(null);
    // The new drafts reach the list through the answer's effects (the list is asked again).
    const result = await call('letters.draft', contactId === undefined ? { roundId, kind } : { roundId, kind, contactId });
    if (result.ok) { setAskWho(false); return; }
    if (result.error.code === 'conflict') setAskWho(true);
    setError(result.error.message);
  }

  async function exportDocx() {
    const result = await call('letters.export', { ids: letters.map((l) => l.id), ...print });
    if (result.ok) downloadBase64(result.value);
    else setError(result.error.message);
  }

  return (
    <section className="letters" aria-label="Letters">
      <div className="fields">
        <label>
          Letter
          <select aria-label="Letter kind" value={kind} onChange={(e) => setKind(e.target.value as LetterKind)}>
            {LETTER_KINDS.map((k) => (
              <option key={k} value={k}>
                {LETTER_KIND_TITLES[k]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void draft()}>
          {letters.length > 0 ? 'Draft for anyone missing' : 'Draft'}
        </button>
      </div>
      {askWho && (
        <div className="fields ask-who">
          <label>
            Write to
            <select value={who ?? ''} onChange={(e) => setWho(e.target.value ? Number(e.target.value) : null)}>
              <option value="">Choose a person…</option>
              {(contacts.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" disabled={who === null} onClick={() => who !== null && void draft(who)}>
            Draft to them
          </button>
        </div>
      )}
      {letters.map((l) => (
        <LetterEditor
          key={l.id}
          letter={l}
          linkedinPremium={settings.data?.settings.linkedinPremium ?? false}
          listKey={listKey}
          onChanged={changed}
        />
      ))}
      {letters.length > 0 && PRINTABLE.has(kind) && (
        <fieldset className="print">
          <legend>Print as .docx</legend>
          <PrintOptions value={print} onChange={setPrint} />
          <button type="button" className="secondary" onClick={() => void exportDocx()}>
            Export {letters.length === 1 ? 'this letter' : `these ${letters.length} letters`} (.docx)
          </button>
          {progress && progress.total > 1 && (
            <progress max={progress.total} value={progress.done} aria-label="Export progress">
              {progress.done} of {progress.total}
            </progress>
          )}
        </fieldset>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
