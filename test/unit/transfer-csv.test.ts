/**
 * CSV from spreadsheets and other trackers: good files in the layouts people have (Excel in the US
 * and in Europe, Google Sheets, UTF-16 "Unicode text", Windows-1252), and a table of bad rows, each
 * reported by its row number, column and reason. A file with a bad row changes nothing unless the
 * user chooses to skip the bad rows; an import is one transaction made after a backup.
 */
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import type { Core } from '../../src/main/core/core';
import { listBackups } from '../../src/main/core/journal/backups';
import { parseDate } from '../../src/main/core/transfer/csv-dates';
import { guessMapping } from '../../src/main/core/transfer/csv-import';
import type { CsvPreview, CsvImportResult } from '../../src/shared/calls/transfer-calls';
import type { OpportunityWithRounds } from '../../src/shared/domain';
import { tempDir } from './helpers';
import { fillJournal, movableClock, NOW } from './transfer-fixtures';

const b64 = (bytes: Uint8Array | string) => Buffer.from(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).toString('base64');
const fresh = () => {
  const core = createCore({ dataDir: tempDir(), transport: 'http', now: () => NOW });
  core.settings.update({ timeZone: 'America/New_York' });
  return core;
};
async function value<T>(core: Core, name: string, input?: unknown): Promise<T> {
  const result = await core.call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}
const preview = (core: Core, bytes: Uint8Array | string, extra: object = {}) => value<CsvPreview>(core, 'transfer.previewCsv', { base64: b64(bytes), ...extra });
const opportunities = (core: Core) => value<OpportunityWithRounds[]>(core, 'opportunities.list');

/** Windows-1252 bytes for the few characters these tests use beyond ASCII. */
function cp1252(text: string): Uint8Array {
  const table: Record<string, number> = { é: 0xe9, ü: 0xfc, ö: 0xf6, '€': 0x80, '’': 0x92, ç: 0xe7 };
  return Uint8Array.from([...text].map((c) => (c.charCodeAt(0) < 128 ? c.charCodeAt(0) : (table[c] ?? 0x3f))));
}
const utf16le = (text: string, bom = true) => Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, 'utf16le')]);

describe('reading dates as spreadsheets write them', () => {
  const cases: [string, 'mdy' | 'dmy', string | null, string | null][] = [
    ['2026-11-23', 'mdy', '2026-11-23', null],
    ['2026-11-23T14:30', 'dmy', '2026-11-23', '14:30'],
    ['2026-11-23 14:30:00', 'mdy', '2026-11-23', '14:30'],
    ['11/23/2026', 'mdy', '2026-11-23', null],
    ['23/11/2026', 'dmy', '2026-11-23', null],
    ['03/04/2026', 'mdy', '2026-03-04', null],
    ['03/04/2026', 'dmy', '2026-04-03', null],
    ['23.11.2026', 'mdy', '2026-11-23', null],
    ['23 Nov 2026', 'mdy', '2026-11-23', null],
    ['23-Nov-2026', 'mdy', '2026-11-23', null],
    ['23 November 2026', 'dmy', '2026-11-23', null],
    ['Nov 23, 2026', 'dmy', '2026-11-23', null],
    ['November 23rd, 2026 2:30 PM', 'mdy', '2026-11-23', '14:30'],
    ['Monday, November 23, 2026', 'mdy', '2026-11-23', null],
    ['2026/11/23', 'dmy', '2026-11-23', null],
    ['11/23/26', 'mdy', '2026-11-23', null],
    ['46349', 'mdy', '2026-11-23', null],
    ['11/23/2026 9am', 'mdy', '2026-11-23', '09:00'],
  ];
  it.each(cases)('%s (%s) is %s %s', (text, order, date, time) => {
    const result = parseDate(text, order);
    expect(result).toEqual({ ok: true, value: { date, time, instant: null } });
  });
  it('an instant with an offset is kept as that instant', () => {
    expect(parseDate('2026-11-23T14:30:00+01:00', 'mdy')).toEqual({ ok: true, value: { date: '2026-11-23', time: '14:30', instant: '2026-11-23T13:30:00.000Z' } });
  });
  const wrong: [string, 'mdy' | 'dmy', RegExp][] = [
    ['2026-02-30', 'mdy', /not a real date \(February has no day 30\)/],
    ['23/11/2026', 'mdy', /no month 23 in month\/day\/year order/],
    ['next Tuesday', 'mdy', /not a date Afterword can read/],
    ['31/04/2026', 'dmy', /April has no day 31/],
    ['2026-11-23 25:00', 'mdy', /time that does not exist/],
    ['1850-01-01', 'mdy', /not a plausible year/],
  ];
  it.each(wrong)('%s (%s) is refused: %s', (text, order, message) => {
    const result = parseDate(text, order);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });
});

describe('guessing the columns from the headers', () => {
  it.each([
    [['Company', 'Position', 'Date Applied', 'Status', 'Link', 'Location', 'Notes'], ['company', 'role', 'appliedOn', 'stage', 'jobUrl', 'location', 'notes']],
    [['Job Title', 'Company Name', 'Job URL', 'Stage', 'Date Saved', 'Salary'], ['role', 'company', 'jobUrl', 'stage', 'appliedOn', 'salaryNotes']],
    [['employer', 'title', 'interview date', 'interview time', 'recruiter', 'recruiter email', 'source', 'something else'], ['company', 'role', 'interviewAt', 'interviewTime', 'contactName', 'contactEmail', 'source', 'ignore']],
    [['Firma', 'Company / Organisation', 'Role title', 'Application status'], ['ignore', 'company', 'role', 'stage']],
  ])('%j', (headers, expected) => {
    expect(guessMapping(headers)).toEqual(expected);
  });
});

const SPREADSHEET = [
  'Company,Position,Date Applied,Interview Date,Status,Link,Location,Salary,Notes,Contact,Contact Email',
  'Acme Robotics,Staff Engineer,11/02/2026,11/18/2026 2:30 PM,Interviewing,https://jobs.example/1,"Austin, TX",$180k,"Met the team, loved it.\nSecond line of notes",Alice Ng,alice@acme.example',
  'Globex,"Data Analyst, Senior",10/15/2026,10/28/2026,Rejected,,Remote,,"She said ""we will call you""",,',
  'Initech,Product Manager,11/20/2026,,Applied,https://jobs.example/3,,,,Bob Diaz,',
  '',
  'Hooli,Backend Developer,9/30/2026,10/10/2026 10:00,Offer,https://jobs.example/4,London,,,Alice Ng,alice@acme.example',
].join('\r\n');

describe('good files', () => {
  it('a US spreadsheet: mapping guessed, quoted commas, quotes and line breaks, dates read month first, stages recorded', async () => {
    const core = fresh();
    const p = await preview(core, SPREADSHEET);
    expect(p).toMatchObject({ encoding: { name: 'UTF-8' }, delimiter: ',', rows: 4, importable: 4, alreadyThere: 0, problems: [] });
    expect(p.dateOrder).toMatchObject({ used: 'mdy', ambiguous: false });
    expect(p.sample[0]).toMatchObject({ row: 2, values: { company: 'Acme Robotics', location: 'Austin, TX', notes: 'Met the team, loved it.\nSecond line of notes', interviewAt: '2026-11-18T19:30:00.000Z' } });
    // Row numbers are the spreadsheet's: the blank line is row 5, Hooli row 6.
    expect(p.sample.map((s) => s.row)).toEqual([2, 3, 4, 6]);

    const result = await value<CsvImportResult>(core, 'transfer.importCsv', { base64: b64(SPREADSHEET), mapping: p.mapping });
    expect(result).toMatchObject({ imported: 4, skippedBadRows: 0, problems: [] });
    expect(listBackups(core.dataDir).map((b) => b.name)).toContain(result.backup);
    const list = await opportunities(core);
    const by = Object.fromEntries(list.map((o) => [o.company, o]));
    expect(by['Globex']).toMatchObject({ role: 'Data Analyst, Senior', stage: 'closed', closedReason: 'rejected', location: 'Remote' });
    expect(by['Hooli']).toMatchObject({ stage: 'offer', rounds: [{ startsAt: '2026-10-10T14:00:00.000Z' }] });
    expect(by['Initech']).toMatchObject({ stage: 'scheduled', rounds: [], createdAt: '2026-11-20T14:00:00.000Z' });
    expect(by['Acme Robotics']).toMatchObject({ salaryNotes: '$180k', jobUrl: 'https://jobs.example/1' });
    // Alice appears twice in the file and is one person in the journal.
    const contacts = await value<{ name: string }[]>(core, 'contacts.list');
    expect(contacts.map((c) => c.name)).toEqual(['Alice Ng', 'Bob Diaz']);
    const events = await value<{ kind: string; note: string | null }[]>(core, 'events.list', { opportunityId: by['Globex']!.id });
    expect(events.map((e) => e.kind)).toEqual(['note', 'rejected']);
    expect(events[0]!.note).toContain('She said "we will call you"');

    // The same file again: everything is already there.
    const again = await value<CsvImportResult>(core, 'transfer.importCsv', { base64: b64(SPREADSHEET), mapping: p.mapping });
    expect(again).toMatchObject({ imported: 0, alreadyThere: 4 });
    core.close();
  });

  it('European Excel: UTF-8 with a BOM, semicolons, day-first dates that settle the order', async () => {
    const core = fresh();
    const text = '\uFEFFFirma;Stelle;Company;Role;Date applied;Status\r\nx;y;Société Générale;Ingénieure;03/04/2026;Beworben\r\nx;y;Zürich Versicherung;Analyst;25/03/2026;applied\r\n';
    const p = await preview(core, text, { mapping: ['ignore', 'ignore', 'company', 'role', 'appliedOn', 'stage'] });
    expect(p).toMatchObject({ encoding: { name: 'UTF-8 with BOM' }, delimiter: ';', headers: ['Firma', 'Stelle', 'Company', 'Role', 'Date applied', 'Status'] });
    expect(p.dateOrder).toMatchObject({ used: 'dmy', ambiguous: false });
    // "Beworben" is no stage Afterword knows: reported, with where and why.
    expect(p.problems).toEqual([{ row: 2, column: 'Status', message: expect.stringMatching(/"Beworben" is not a stage/) }]);
    core.close();
  });

  it('Excel "Unicode text": UTF-16 with a BOM, tabs', async () => {
    const core = fresh();
    const p = await preview(core, utf16le('Company\tRole\tDate applied\r\nNakatomi Trading\tRisk Analyst\t2026-10-01\r\nŌsaka Gas\tエンジニア\t2026-10-02\r\n'));
    expect(p).toMatchObject({ encoding: { name: 'UTF-16 (little-endian)', how: 'its byte order mark' }, delimiter: '\t', importable: 2, problems: [] });
    expect(p.sample[1]!.values).toMatchObject({ company: 'Ōsaka Gas', role: 'エンジニア' });
    core.close();
  });

  it('a CSV saved by Excel on Windows: Windows-1252, detected and named', async () => {
    const core = fresh();
    const p = await preview(core, cp1252('Company,Role,Salary\r\nNestlé,Ingénieur,€90k\r\nMüller’s,Analyst,\r\n'));
    expect(p.encoding).toEqual({ name: 'Windows-1252', how: 'detected: the file is not UTF-8' });
    expect(p.sample.map((s) => s.values.company)).toEqual(['Nestlé', 'Müller’s']);
    expect(p.sample[0]!.values.salaryNotes).toBe('€90k');
    core.close();
  });

  it('ambiguous dates: the preview asks, and the user\'s order is used', async () => {
    const core = fresh();
    const text = 'Company,Role,Interview date\r\nAcme,Dev,03/04/2026\r\nGlobex,Dev,05/06/2026\r\n';
    const auto = await preview(core, text);
    expect(auto.dateOrder).toMatchObject({ ambiguous: true, note: expect.stringMatching(/choose the order/) });
    const dmy = await preview(core, text, { dateOrder: 'dmy' });
    expect(dmy.sample[0]!.values.interviewAt).toBe('2026-04-03T13:00:00.000Z');
    const mdy = await preview(core, text, { dateOrder: 'mdy' });
    expect(mdy.sample[0]!.values.interviewAt).toBe('2026-03-04T14:00:00.000Z');
    core.close();
  });
});

/** One bad row at a time, in a file otherwise good: [why, the row's cells, the column reported, the reason]. */
const HEADER = 'Company,Role,Date applied,Interview date,Interview time,Format,Status,Link,Contact email,Salary';
const GOOD_ROW = 'Acme,Engineer,11/02/2026,11/18/2026,14:00,video,Interviewing,https://jobs.example/1,alice@acme.example,';
const BAD_ROWS: [string, string | Uint8Array, string, RegExp][] = [
  ['a date that does not exist', 'Globex,Dev,02/30/2026,,,,,,,', 'Date applied', /February has no day 30/],
  ['a date that cannot be read', 'Globex,Dev,soon,,,,,,,', 'Date applied', /"soon" is not a date Afterword can read/],
  ['a day first in a month-first file', 'Globex,Dev,,23/11/2026,,,,,,', 'Interview date', /no month 23/],
  ['a missing company', ',Dev,11/02/2026,,,,,,,', 'Company', /is empty: every opportunity needs a company/],
  ['a missing role', 'Globex,,11/02/2026,,,,,,,', 'Role', /needs a role/],
  ['an unknown stage', 'Globex,Dev,,,,,Daydreaming,,,', 'Status', /"Daydreaming" is not a stage/],
  ['a link that is not a web address', 'Globex,Dev,,,,,,javascript:alert(1),,', 'Link', /not a web address/],
  ['an email that is not one', 'Globex,Dev,,,,,,,alice-at-acme,', 'Contact email', /not an email address/],
  ['a time that does not exist', 'Globex,Dev,,11/18/2026,25:61,,,,,', 'Interview time', /not a time of day/],
  ['a time without a date', 'Globex,Dev,,,14:00,,,,,', 'Interview time', /interview date is empty/],
  ['an unknown interview format', 'Globex,Dev,,11/18/2026,,telepathy,,,,', 'Format', /not an interview format/],
  ['too few fields', 'Globex,Dev,11/02/2026', '(row)', /has 3 field\(s\) but the header has 10/],
  ['too many fields (an unquoted comma)', 'Globex,Dev,11/02/2026,,,,,,,$100,000', '(row)', /has 11 field\(s\)/],
  ['a company name too long', `${'G'.repeat(201)},Dev,,,,,,,,`, 'Company', /201 characters long; at most 200/],
  ['bytes that are not UTF-8 in a UTF-8 file', Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' Müller,Dev,,,,,,,,')]), 'Company', /not text in this encoding \(wrong encoding/],
  ['a control character', 'Glo\u0007bex,Dev,,,,,,,,', 'Company', /control characters/],
  ['a year no one interviews in', 'Globex,Dev,01/01/1850,,,,,,,', 'Date applied', /not a plausible year/],
];

describe('bad rows: each reported by row, column and reason; nothing changes unless the user skips them', () => {
  it.each(BAD_ROWS)('%s', async (_why, row, column, reason) => {
    const core = fresh();
    await value(core, 'opportunities.create', { company: 'Already', role: 'Here' });
    const bytes = Buffer.concat([Buffer.from(`${HEADER}\r\n${GOOD_ROW}\r\n`), Buffer.from(row), Buffer.from(`\r\nHooli,Dev,11/03/2026,,,,Applied,,,\r\n`)]);
    const p = await preview(core, bytes);
    expect(p.problems.length, JSON.stringify(p.problems)).toBeGreaterThan(0);
    expect(p.problems.every((x) => x.row === 3), JSON.stringify(p.problems)).toBe(true);
    expect(p.problems).toContainEqual({ row: 3, column, message: expect.stringMatching(reason) });
    expect(p.importable).toBe(2);

    const before = core.db.serialize();
    const refused = await core.call('transfer.importCsv', { base64: b64(bytes), mapping: p.mapping });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/1 row\(s\) cannot be imported, so nothing was imported.*row 3/) } });
    expect(Buffer.compare(before, core.db.serialize()), 'a refused import changed the journal').toBe(0);
    expect(listBackups(core.dataDir)).toEqual([]);

    const skipped = await value<CsvImportResult>(core, 'transfer.importCsv', { base64: b64(bytes), mapping: p.mapping, skipBadRows: true });
    expect(skipped).toMatchObject({ imported: 2, skippedBadRows: 1 });
    expect((await opportunities(core)).map((o) => o.company).sort()).toEqual(['Acme', 'Already', 'Hooli']);
    core.close();
  });

  it('a quote never closed swallows the rest of the file: that row is reported', async () => {
    const core = fresh();
    const p = await preview(core, `${HEADER}\r\n${GOOD_ROW}\r\n"Globex,Dev,,,,,,,,\r\nHooli,Dev,,,,,,,,\r\n`);
    expect(p.problems).toContainEqual({ row: 3, column: '(row)', message: expect.stringMatching(/never closed/) });
    core.close();
  });

  it('a file with no company column cannot be imported until one is mapped', async () => {
    const core = fresh();
    const text = 'Organisation name,Role\r\nAcme,Dev\r\n';
    const p = await preview(core, text, { mapping: ['ignore', 'role'] });
    expect(p.problems).toEqual([{ row: 1, column: '(mapping)', message: expect.stringMatching(/no column is mapped to Company/) }]);
    expect(await core.call('transfer.importCsv', { base64: b64(text), mapping: ['ignore', 'role'], skipBadRows: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const mapped = await value<CsvImportResult>(core, 'transfer.importCsv', { base64: b64(text), mapping: ['company', 'role'] });
    expect(mapped.imported).toBe(1);
    core.close();
  });

  it('a mapping that names one field twice is refused by the contract', async () => {
    const core = fresh();
    expect(await core.call('transfer.previewCsv', { base64: b64('a,b\r\n1,2\r\n'), mapping: ['company', 'company'] })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/same field/) } });
    core.close();
  });
});

describe('CSV export', () => {
  it('one RFC 4180 file per table in a zip, readable back by a CSV parser', async () => {
    const clock = movableClock();
    const core = createCore({ dataDir: tempDir(), transport: 'http', now: clock.now });
    await fillJournal(core, clock, 20, 7);
    await value(core, 'opportunities.create', { company: '=HYPERLINK("http://evil.example")', role: 'Dev, "Senior"' });
    const file = await value<{ fileName: string; mimeType: string; base64: string }>(core, 'transfer.exportCsv');
    expect(file).toMatchObject({ fileName: expect.stringMatching(/^afterword-tables-.*\.zip$/), mimeType: 'application/zip' });
    const files = unzipSync(Buffer.from(file.base64, 'base64'));
    expect(Object.keys(files).sort()).toEqual(
      ['action-states.csv', 'contacts.csv', 'events.csv', 'letters.csv', 'opportunities.csv', 'reflection-versions.csv', 'reflections.csv', 'reminders-sent.csv', 'rounds.csv', 'settings.csv', 'templates.csv'].sort(),
    );
    const text = Buffer.from(files['opportunities.csv']!).toString('utf8'); // keeps the BOM (TextDecoder would drop it)
    expect(text.startsWith('\uFEFFid,company,role,')).toBe(true);
    expect(text).toContain('\r\n');
    const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(21);
    // A formula is defused; commas and quotes survive the round trip through a parser.
    expect(rows.at(-1)).toMatchObject({ company: `'=HYPERLINK("http://evil.example")`, role: 'Dev, "Senior"' });
    const reflections = Papa.parse<Record<string, string>>(Buffer.from(files['reflections.csv']!).toString('utf8').slice(1), { header: true, skipEmptyLines: true }).data;
    expect(reflections.some((r) => r.body!.includes('\n'))).toBe(true);
    core.close();
  });
});
