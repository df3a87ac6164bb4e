/**
 * Reading a spreadsheet's CSV: its encoding (a byte order mark says UTF-8 or UTF-16; otherwise
 * UTF-8 if the bytes are UTF-8, Windows-1252 if they are not: what Excel writes on Windows), its
 * delimiter (comma, semicolon as in European Excel, tab, pipe) and its records, RFC 4180 quoting
 * included (commas, quotes and line breaks inside quoted fields).
 *
 * The parser is Papa Parse: well kept, no dependencies, RFC 4180 with delimiter detection, used by
 * a great many importers; Afterword adds the row numbers a person sees in a spreadsheet.
 */
import Papa from 'papaparse';
import type { CsvEncoding } from '../../../shared/calls/transfer-calls';

export interface DecodedText {
  readonly text: string;
  readonly name: string;
  /** How the encoding was known, for the preview ("byte order mark", "chosen by you", ...). */
  readonly how: string;
}

const decoder = (label: string) => new TextDecoder(label, { fatal: false, ignoreBOM: true });

export function decodeBytes(bytes: Uint8Array, choice: CsvEncoding = 'auto'): DecodedText {
  const bom = bomOf(bytes);
  const body = bom ? bytes.subarray(bom.length) : bytes;
  switch (choice) {
    case 'utf-8':
      return { text: decoder('utf-8').decode(body), name: 'UTF-8', how: 'chosen by you' };
    case 'utf-16le':
      return { text: decoder('utf-16le').decode(body), name: 'UTF-16 (little-endian)', how: 'chosen by you' };
    case 'utf-16be':
      return { text: decoder('utf-16be').decode(body), name: 'UTF-16 (big-endian)', how: 'chosen by you' };
    case 'windows-1252':
      return { text: decoder('windows-1252').decode(body), name: 'Windows-1252', how: 'chosen by you' };
    case 'auto':
      break;
    default: {
      const never: never = choice;
      throw new Error(`unknown encoding ${String(never)}`);
    }
  }
  if (bom) return { text: decoder(bom.label).decode(body), name: bom.name, how: 'its byte order mark' };
  // UTF-16 without a mark: text in Latin letters has a zero byte in every other position.
  const zeros = countZeros(bytes.subarray(0, 4096));
  if (zeros.odd > 8 && zeros.odd > zeros.even * 4) return { text: decoder('utf-16le').decode(bytes), name: 'UTF-16 (little-endian)', how: 'detected (no byte order mark)' };
  if (zeros.even > 8 && zeros.even > zeros.odd * 4) return { text: decoder('utf-16be').decode(bytes), name: 'UTF-16 (big-endian)', how: 'detected (no byte order mark)' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), name: 'UTF-8', how: 'detected' };
  } catch {
    // Not UTF-8 throughout. A file that is mostly UTF-8 (it has real multi-byte characters) with a
    // few broken bytes stays UTF-8, and the rows holding the broken bytes are reported; a file with
    // no UTF-8 sequence at all is Windows-1252, the usual encoding of a CSV saved by Excel.
    if (hasUtf8Sequences(bytes)) return { text: decoder('utf-8').decode(bytes), name: 'UTF-8', how: 'detected; some rows hold bytes that are not UTF-8' };
    return { text: decoder('windows-1252').decode(bytes), name: 'Windows-1252', how: 'detected: the file is not UTF-8' };
  }
}

function bomOf(bytes: Uint8Array): { length: number; label: string; name: string } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { length: 3, label: 'utf-8', name: 'UTF-8 with BOM' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { length: 2, label: 'utf-16le', name: 'UTF-16 (little-endian)' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { length: 2, label: 'utf-16be', name: 'UTF-16 (big-endian)' };
  return null;
}

function countZeros(bytes: Uint8Array): { odd: number; even: number } {
  let odd = 0;
  let even = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  return { odd, even };
}

/** Whether the bytes hold at least one well-formed multi-byte UTF-8 character. */
function hasUtf8Sequences(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0xc2 || b > 0xf4) continue;
    const length = b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    let ok = i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) return true;
  }
  return false;
}

export interface ParsedCsv {
  readonly delimiter: string;
  readonly headers: readonly string[];
  /** Data records with the spreadsheet's row number (the header is row 1); blank lines left out. */
  readonly records: readonly { readonly row: number; readonly cells: readonly string[] }[];
  /** Quoting the parser could not make sense of, by row. */
  readonly quoteProblems: ReadonlyMap<number, string>;
}

export function parseCsv(text: string): ParsedCsv {
  // A mark left inside the text (a file saved twice, or decoded by hand) is not part of a header.
  const clean = text.replace(/^\uFEFF/, '');
  const result = Papa.parse<string[]>(clean, { header: false, skipEmptyLines: false, delimiter: '', delimitersToGuess: [',', ';', '\t', '|'] });
  const rows = result.data;
  const quoteProblems = new Map<number, string>();
  for (const error of result.errors) {
    // Papa Parse types `row` as a number, but leaves it out for errors that belong to no row.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
    if (error.type !== 'Quotes' || error.row === undefined || error.row === null) continue;
    quoteProblems.set(error.row + 1, error.code === 'MissingQuotes' ? 'a quoted field is never closed (a missing ")' : 'a quote in the middle of a field that is not quoted');
  }
  const headers = (rows[0] ?? []).map((h) => h.replace(/^\uFEFF/, '').trim());
  const records = rows
    .slice(1)
    .map((cells, i) => ({ row: i + 2, cells }))
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
  return { delimiter: result.meta.delimiter || ',', headers, records, quoteProblems };
}

/** A header as a person would name the column: lower case, words only. */
export const headerWords = (header: string): string =>
  header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
