import { useEffect, useState } from 'react';
import { CSV_ENCODINGS, CSV_FIELD_LABELS, CSV_FIELDS } from '../../../../shared/calls/transfer-calls';
import type { CsvEncoding, CsvField, CsvImportResult, CsvPreview, CsvTarget, DateOrder } from '../../../../shared/calls/transfer-calls';
import { useFormat } from '../../format';
import type { Format } from '../../format';
import { call } from '../../data/calls';

const ENCODING_NAMES: Record<CsvEncoding, string> = {
  auto: 'Detect',
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252 (Western European)',
};
const SHOWN: readonly CsvField[] = ['company', 'role', 'appliedOn', 'interviewAt', 'stage', 'location', 'contactName'];
const STAGE_NAMES: Record<string, string> = {
  thank_you_sent: 'Thanked',
  status_check_sent: 'Followed up',
  offer_received: 'Offer',
  rejected: 'Closed: rejected',
  withdrawn: 'Closed: withdrawn',
  moved_on: 'Closed: moved on',
  accepted_elsewhere: 'Closed: accepted elsewhere',
  stay_in_touch_started: 'Staying in touch',
};

function shown(field: CsvField, value: string | undefined, format: Format): string {
  if (!value) return '';
  if (field === 'appliedOn') return format.day(value);
  if (field === 'interviewAt') return format.dateTime(value);
  if (field === 'stage') return STAGE_NAMES[value] ?? value;
  return value;
}

/**
 * A spreadsheet's import: the columns the core guessed (each can be changed), the first rows as
 * they will be imported, and every row that cannot be: its number, its column, why. Nothing is
 * written until the user says Import; a file with bad rows imports only if they choose to skip them.
 */
export function CsvImport({ fileName, base64, onDone }: { fileName: string; base64: string; onDone: (message: string) => void }) {
  const format = useFormat();
  const [encoding, setEncoding] = useState<CsvEncoding>('auto');
  const [dateOrder, setDateOrder] = useState<DateOrder>('auto');
  const [mapping, setMapping] = useState<CsvTarget[] | undefined>(undefined);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [skip, setSkip] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void call('transfer.previewCsv', { base64, encoding, dateOrder, ...(mapping ? { mapping } : {}) }).then((r) => {
      if (!current) return;
      if (!r.ok) { setError(r.error.message); return; }
      setError(null);
      setPreview(r.value);
    });
    return () => {
      current = false;
    };
  }, [base64, encoding, dateOrder, mapping]);

  async function importRows() {
    if (!preview) return;
    setBusy(true);
    const result = await call('transfer.importCsv', { base64, encoding, dateOrder, mapping: [...preview.mapping], skipBadRows: skip });
    setBusy(false);
    if (!result.ok) { setError(result.error.message); return; }
    onDone(summary(result.value));
  }

  if (!preview) return error ? <p role="alert" className="error">{error}</p> : <p role="status">Reading {fileName}…</p>;
  const badRows = new Set(preview.problems.map((p) => p.row)).size;
  const canImport = preview.importable > 0 && (badRows === 0 || skip) && !busy;
  const setTarget = (column: number, target: CsvTarget) => {
    const next = [...preview.mapping];
    // One column per field: the field leaves the column that had it.
    if (target !== 'ignore') next.forEach((t, i) => t === target && (next[i] = 'ignore'));
    next[column] = target;
    setMapping(next);
  };

  return (
    <section className="stack" aria-label="Spreadsheet import">
      <p>
        <strong>{fileName}</strong>: {preview.rows} row(s), encoding {preview.encoding.name} ({preview.encoding.how}), separated by{' '}
        {preview.delimiter === '\t' ? 'tabs' : `"${preview.delimiter}"`}.
      </p>
      <div className="fields">
        <label>
          Encoding
          <select value={encoding} onChange={(e) => setEncoding(e.target.value as CsvEncoding)}>
            {CSV_ENCODINGS.map((e) => (
              <option key={e} value={e}>
                {ENCODING_NAMES[e]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Dates like 03/04/2026 are
          <select value={dateOrder} onChange={(e) => setDateOrder(e.target.value as DateOrder)} aria-describedby="date-order-note">
            <option value="auto">Detect from the file</option>
            <option value="mdy">Month/day/year (US)</option>
            <option value="dmy">Day/month/year</option>
          </select>
        </label>
      </div>
      <p id="date-order-note" className={preview.dateOrder.ambiguous ? 'warning' : 'hint'} role={preview.dateOrder.ambiguous ? 'alert' : undefined}>
        {preview.dateOrder.ambiguous && <span aria-hidden="true">⚠ </span>}
        {preview.dateOrder.note}
      </p>

      <div className="table-scroll">
        <table className="mapping">
          <caption>Columns: what each becomes in Afterword</caption>
          <thead>
            <tr>
              <th scope="col">Column in the file</th>
              <th scope="col">Becomes</th>
            </tr>
          </thead>
          <tbody>
            {preview.headers.map((header, i) => (
              <tr key={`${i}-${header}`}>
                <th scope="row">{header || `(column ${i + 1})`}</th>
                <td>
                  <select aria-label={`Column "${header || i + 1}" becomes`} value={preview.mapping[i]} onChange={(e) => setTarget(i, e.target.value as CsvTarget)}>
                    <option value="ignore">Not imported</option>
                    {CSV_FIELDS.map((f) => (
                      <option key={f} value={f}>
                        {CSV_FIELD_LABELS[f]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {preview.sample.length > 0 && (
        <div className="table-scroll">
          <table className="preview">
            <caption>The first rows, as they will be imported</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                {SHOWN.map((f) => (
                  <th key={f} scope="col">
                    {CSV_FIELD_LABELS[f]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.sample.map((s) => (
                <tr key={s.row}>
                  <td>{s.row}</td>
                  {SHOWN.map((f) => (
                    <td key={f}>{shown(f, s.values[f], format)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {preview.problems.length > 0 && (
        <section aria-label="Rows that cannot be imported" className="problems">
          <h3>
            <span aria-hidden="true">⚠ </span>
            {badRows} row(s) cannot be imported
          </h3>
          <ul>
            {preview.problems.slice(0, 200).map((p, i) => (
              <li key={i}>
                Row {p.row}, {p.column}: {p.message}
              </li>
            ))}
          </ul>
          {preview.problems.length > 200 && <p className="hint">and {preview.problems.length - 200} more.</p>}
          <label className="inline">
            <input type="checkbox" checked={skip} onChange={(e) => setSkip(e.target.checked)} /> Skip these rows and import the others
          </label>
        </section>
      )}
      <p>
        {preview.importable} opportunit{preview.importable === 1 ? 'y' : 'ies'} will be added
        {preview.alreadyThere > 0 ? `; ${preview.alreadyThere} already in your journal (same company and role) will be left as they are` : ''}. A backup is made first.
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="buttons">
        <button type="button" disabled={!canImport} onClick={() => void importRows()}>
          Import {preview.importable} row(s)
        </button>
      </div>
    </section>
  );
}

function summary(r: CsvImportResult): string {
  return [
    `Imported ${r.imported} opportunit${r.imported === 1 ? 'y' : 'ies'}.`,
    r.skippedBadRows > 0 ? `${r.skippedBadRows} row(s) skipped.` : '',
    r.alreadyThere > 0 ? `${r.alreadyThere} already in your journal.` : '',
    `Backup made first: ${r.backup}.`,
  ]
    .filter(Boolean)
    .join(' ');
}
