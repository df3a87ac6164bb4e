import { useEffect, useState } from 'react';
import type { Letter, LetterKind, CardFont, PaperSize } from '../../../../shared/letters';
import { CARD_FONTS, LETTER_KIND_TITLES, LETTER_KINDS, PAPER_SIZES } from '../../../../shared/letters';
import { api, bridge } from '../../api/bridge';
import { downloadBase64 } from '../../download';
import { useJournalQuery } from '../../use-journal';
import { LetterEditor } from './LetterEditor';

export interface PrintChoice {
  size: PaperSize;
  layout: 'flat' | 'inside-right';
  font: CardFont;
}

export const defaultPaper = (): PaperSize => (/^en-(US|CA)|^es-(MX|US)|^fr-CA/.test(navigator.language) ? 'letter' : 'a4');

export function PrintOptions({ value, onChange }: { value: PrintChoice; onChange: (v: PrintChoice) => void }) {
  return (
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
            <option key={f}>{f}</option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** Progress of a batch export, from the core's events. */
export function useExportProgress() {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  useEffect(() => bridge.onEvent((e) => (e.type === 'export.progress' ? setProgress({ done: e.done, total: e.total }) : undefined)), []);
  return [progress, setProgress] as const;
}

/** The letters of one round: draft them from a template, edit, check, send, print. */
export function LettersPanel({ roundId, opportunityId }: { roundId: number; opportunityId: number }) {
  const [kind, setKind] = useState<LetterKind>('thank-you-email');
  const all = useJournalQuery(() => api['letters.list']({ opportunityId }), [opportunityId]);
  const settings = useJournalQuery(() => api['settings.get'](undefined), []);
  const [local, setLocal] = useState<ReadonlyMap<number, Letter>>(new Map());
  const [print, setPrint] = useState<PrintChoice>({ size: 'a2-card', layout: 'flat', font: 'Georgia' });
  const [error, setError] = useState<string | null>(null);
  const [progress] = useExportProgress();
  const letters = (all.value ?? []).filter((l) => l.roundId === roundId && l.kind === kind).map((l) => local.get(l.id) ?? l);

  useEffect(() => setLocal(new Map()), [all.value]);
  // Cards print on card stock; other letters on the user's paper (US Letter or A4 by locale).
  useEffect(() => {
    const paper = settings.value?.settings.paperSize;
    const page = !paper || paper === 'auto' ? defaultPaper() : paper;
    setPrint((p) => ({ ...p, size: kind === 'thank-you-card' ? 'a2-card' : page }));
  }, [kind, settings.value]);

  async function draft() {
    setError(null);
    const result = await api['letters.draft']({ roundId, kind });
    if (!result.ok) return setError(result.error.message);
    await all.refresh();
  }

  async function exportDocx() {
    const result = await api['letters.export']({ ids: letters.map((l) => l.id), ...print });
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
      {letters.map((l) => (
        <LetterEditor
          key={l.id}
          letter={l}
          linkedinPremium={settings.value?.settings.linkedinPremium ?? false}
          onChanged={(next) => setLocal((m) => new Map(m).set(next.id, next))}
        />
      ))}
      {letters.length > 0 && (
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
