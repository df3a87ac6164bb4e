import { useEffect, useState } from 'react';
import type { JsonPreview } from '../../../../shared/calls/transfer-calls';
import { downloadBase64 } from '../../download';
import { useFormat } from '../../format';
import { CalendarButton } from './CalendarButton';
import { CsvImport } from './CsvImport';
import { fileToBase64, importKind } from './file-bytes';
import { useCalendarFeed } from './use-your-data';
import { call } from '../../data/calls';

type Picked = { name: string; base64: string; kind: 'json' | 'csv' };

/**
 * Your data, in and out: the whole journal as JSON (the format is documented and versioned), the
 * tables as CSV for spreadsheets, calendars of what is upcoming, the calendar file to subscribe
 * to, and imports (a JSON export, or a spreadsheet or another tracker's CSV) with a preview first.
 */
/** Export, import and the calendar: shown in Settings' dialog in place of the settings (never a dialog over it). */
export function YourData() {
  const format = useFormat();
  const feed = useCalendarFeed();
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [inputKey, setInputKey] = useState(0);

  async function exportAs(name: 'transfer.exportJson' | 'transfer.exportCsv') {
    const result = await call(name, undefined);
    if (!result.ok) { setError(result.error.message); return; }
    setError(null);
    downloadBase64(result.value);
  }

  async function pick(file: File | undefined) {
    setMessage(null);
    setError(null);
    if (!file) { setPicked(null); return; }
    setPicked({ name: file.name, base64: await fileToBase64(file), kind: importKind(file) });
  }

  const done = (text: string) => {
    setMessage(text);
    setPicked(null);
    setInputKey((k) => k + 1);
  };

  return (
      <div className="stack your-data">
        <section aria-labelledby="export-title">
          <h3 id="export-title">Export</h3>
          <p className="hint">
            Everything as one JSON file (every opportunity, round, person, event, reflection with its versions, letter, template and your settings; the format is
            described in the journal format document that comes with Afterword), or each table as a CSV file for a spreadsheet, in a zip.
          </p>
          <div className="buttons">
            <button type="button" onClick={() => void exportAs('transfer.exportJson')}>
              Export everything (JSON)
            </button>
            <button type="button" className="secondary" onClick={() => void exportAs('transfer.exportCsv')}>
              Export tables (CSV, zip)
            </button>
            <CalendarButton label="Calendar of what is upcoming (.ics)" />
          </div>
        </section>

        <section aria-labelledby="calendar-title">
          <h3 id="calendar-title">Calendar subscription</h3>
          <p className="hint">
            Afterword keeps a calendar file of your interviews and due follow-ups up to date in its data folder. Subscribe to it from your calendar app (Apple
            Calendar, Thunderbird, Outlook: "subscribe to a calendar" or "new calendar from a file") and it follows your journal.
          </p>
          {feed.data && (
            <p>
              <code className="path">{feed.data.path}</code>{' '}
              <button type="button" className="secondary small" onClick={() => void navigator.clipboard.writeText(feed.data!.url)}>
                Copy its address
              </button>
              <br />
              <span className="hint">
                {feed.data.events} event(s){feed.data.updatedAt ? `, written ${format.dateTime(feed.data.updatedAt)}` : ''}.
              </span>
            </p>
          )}
        </section>

        <section aria-labelledby="import-title" className="stack">
          <h3 id="import-title">Import</h3>
          <p className="hint">
            A JSON export of Afterword, or a CSV from a spreadsheet or another job tracker. You see what will be imported before anything changes, and a backup is
            made first.
          </p>
          <label>
            Choose a file to import
            <input key={inputKey} type="file" accept=".json,.csv,.tsv,.txt,application/json,text/csv" onChange={(e) => void pick(e.target.files?.[0])} />
          </label>
          {picked?.kind === 'csv' && <CsvImport key={`${picked.name}:${picked.base64.length}`} fileName={picked.name} base64={picked.base64} onDone={done} />}
          {picked?.kind === 'json' && <JsonImport picked={picked} onDone={done} />}
        </section>
        {message && <p role="status">{message}</p>}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </div>
  );
}

function JsonImport({ picked, onDone }: { picked: Picked; onDone: (message: string) => void }) {
  const format = useFormat();
  const [preview, setPreview] = useState<JsonPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let current = true;
    void call('transfer.previewJson', { base64: picked.base64 }).then((r) => current && (r.ok ? setPreview(r.value) : setError(r.error.message)));
    return () => {
      current = false;
    };
  }, [picked.base64]);
  async function run() {
    setBusy(true);
    const result = await call('transfer.importJson', { base64: picked.base64 });
    setBusy(false);
    if (!result.ok) { setError(result.error.message); return; }
    const a = result.value.added;
    onDone(`Imported ${a.opportunities} opportunities, ${a.contacts} people, ${a.reflections} reflections and ${a.letters} letters. Backup made first: ${result.value.backup}.`);
  }
  if (error) return <p role="alert" className="error">{error}</p>;
  if (!preview) return <p role="status">Reading {picked.name}…</p>;
  const c = preview.counts;
  return (
    <section className="stack" aria-label="Journal import">
      <p>
        <strong>{picked.name}</strong>, exported {format.dateTime(preview.exportedAt)}: {c.opportunities} opportunities, {c.rounds} rounds, {c.contacts} people,{' '}
        {c.events} events, {c.reflections} reflections ({c.reflectionVersions} earlier versions), {c.letters} letters, {c.templates} templates.
      </p>
      {preview.mode === 'empty' ? (
        <p>Your journal is empty: it becomes this journal, its settings included.</p>
      ) : (
        <p>
          Your journal already has data, so the file is merged into it: {preview.opportunitiesAlreadyThere} opportunit
          {preview.opportunitiesAlreadyThere === 1 ? 'y is' : 'ies are'} already in your journal (same company, role and first interview) and stay as they are;{' '}
          {preview.contactsAlreadyThere} people are already there (same email); everything else is added. Your settings are kept.
        </p>
      )}
      <div className="buttons">
        <button type="button" disabled={busy} onClick={() => void run()}>
          Import this journal
        </button>
      </div>
    </section>
  );
}
