import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { downloadBase64 } from '../../download';
import { PrintOptions, useExportProgress } from './LettersPanel';
import type { PrintChoice } from './LettersPanel';
import { call } from '../../data/calls';

/** Every thank-you card that is due, in one .docx, a card per page. */
export function DueCardsDialog({ onClose }: { onClose: () => void }) {
  const [print, setPrint] = useState<PrintChoice>({ size: 'a2-card', layout: 'flat', font: 'Lora' });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [progress, setProgress] = useExportProgress();

  async function run() {
    setBusy(true);
    setMessage(null);
    setProgress(null);
    const result = await call('letters.exportDueCards', print);
    setBusy(false);
    if (!result.ok) { setMessage(result.error.message); return; }
    downloadBase64(result.value);
    setMessage(`Saved ${result.value.fileName}.`);
  }

  return (
    <Dialog title="Print the due thank-you cards" onClose={onClose}>
      <div className="stack">
        <p>Every in-person round suggests a mailed card to each interviewer (“Effective Follow-Up Etiquette After a Job Interview”). Drafts are written for any card not drafted yet; check them in the card’s Letters before printing.</p>
        <PrintOptions value={print} onChange={setPrint} />
        <div className="buttons">
          <button type="button" onClick={() => void run()} disabled={busy}>
            {busy ? 'Exporting…' : 'Export the due cards (.docx)'}
          </button>
        </div>
        {progress && (
          <progress max={progress.total} value={progress.done} aria-label="Export progress">
            {progress.done} of {progress.total}
          </progress>
        )}
        {message && <p role="status">{message}</p>}
      </div>
    </Dialog>
  );
}
