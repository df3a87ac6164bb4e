/**
 * Importing opportunities from a spreadsheet or another tracker's CSV. The preview guesses which
 * column is what from the headers and shows the first rows as they would be imported, with every
 * row that cannot be taken (its row number, the column, why). The import itself takes the mapping
 * the user confirmed and is all or nothing: one transaction, after a backup; a file with a bad row
 * changes nothing unless the user chose to skip the bad rows.
 *
 * Each row becomes an opportunity; an interview date becomes its first round; a stage or status
 * becomes the event that leads there (rejected, offer, ...); notes become a note in the timeline;
 * a contact becomes the recruiter (matched to a person already in the journal when possible).
 */
import type { Database } from 'better-sqlite3';
import { CSV_FIELD_LABELS, CSV_FIELDS } from '../../../shared/calls/transfer-calls';
import type { CsvEncoding, CsvField, CsvImportResult, CsvPreview, CsvTarget, DateOrder, RowProblem } from '../../../shared/calls/transfer-calls';
import type { EventKind, RoundFormat } from '../../../shared/domain';
import { CoreError } from '../errors';
import type { TimelineStore } from '../timeline/timeline';
import { atLocalTime } from '../planner/calendar';
import { detectDateOrder, parseDate, parseTime } from './csv-dates';
import type { Order } from './csv-dates';
import { decodeBytes, headerWords, parseCsv } from './csv-read';
import type { ParsedCsv } from './csv-read';
import { companyRoleKey, ContactMatcher, existingOpportunities } from './matching';
import { prepared } from '../journal/statements';

// ---- guessing the mapping ------------------------------------------------------------------------

/** Header words that name each field, best first (exact matches win over words found inside). */
const HEADER_NAMES: Record<CsvField, readonly string[]> = {
  company: ['company', 'company name', 'employer', 'organization', 'organisation', 'org', 'business'],
  role: ['role', 'title', 'job title', 'position', 'job', 'job role', 'position title', 'job position', 'job name'],
  appliedOn: ['date applied', 'applied', 'applied on', 'application date', 'applied date', 'date', 'date saved', 'date added', 'created', 'created at'],
  interviewAt: ['interview date', 'interview', 'interview on', 'date of interview', 'next interview', 'interview datetime', 'interview date time'],
  interviewTime: ['interview time', 'time'],
  format: ['interview format', 'format', 'interview type', 'type of interview'],
  stage: ['stage', 'status', 'state', 'pipeline', 'progress', 'outcome', 'result', 'application status'],
  jobUrl: ['link', 'url', 'job link', 'job url', 'posting', 'job posting', 'listing', 'website', 'posting url'],
  location: ['location', 'city', 'place', 'where', 'office'],
  source: ['source', 'found via', 'via', 'found on', 'referral', 'channel'],
  salaryNotes: ['salary', 'compensation', 'pay', 'salary range', 'comp', 'rate'],
  notes: ['notes', 'note', 'comments', 'comment', 'description', 'details', 'remarks'],
  contactName: ['contact', 'contact name', 'recruiter', 'recruiter name', 'hiring manager', 'contact person', 'person'],
  contactEmail: ['contact email', 'email', 'recruiter email', 'e mail', 'contact e mail'],
};

const HINT_WORDS: readonly [CsvField, RegExp][] = [
  ['contactEmail', /\be ?mail\b/],
  ['interviewTime', /\binterview\b.*\btime\b/],
  ['interviewAt', /\binterview/],
  ['appliedOn', /\bappl(y|ied|ication)\b.*\bdate\b|\bdate\b.*\bappl/],
  ['company', /\b(company|employer|organi[sz]ation)\b/],
  ['role', /\b(role|title|position)\b/],
  ['stage', /\b(status|stage)\b/],
  ['jobUrl', /\b(url|link)\b/],
  ['salaryNotes', /\b(salary|compensation)\b/],
  ['contactName', /\b(recruiter|contact)\b/],
  ['notes', /\bnotes?\b/],
  ['location', /\blocation\b/],
  ['source', /\bsource\b/],
];

export function guessMapping(headers: readonly string[]): CsvTarget[] {
  const mapping: CsvTarget[] = headers.map(() => 'ignore');
  const taken = new Set<CsvField>();
  const words = headers.map(headerWords);
  for (const field of CSV_FIELDS) {
    const i = words.findIndex((w, k) => mapping[k] === 'ignore' && HEADER_NAMES[field].includes(w));
    if (i >= 0) {
      mapping[i] = field;
      taken.add(field);
    }
  }
  words.forEach((w, i) => {
    if (mapping[i] !== 'ignore') return;
    const hit = HINT_WORDS.find(([field, pattern]) => !taken.has(field) && pattern.test(w));
    if (hit) {
      mapping[i] = hit[0];
      taken.add(hit[0]);
    }
  });
  return mapping;
}

// ---- stages and formats ----------------------------------------------------------------------

/** What a tracker's stage or status means in Afterword's timeline (null: nothing to record). */
const STAGE_WORDS: readonly [RegExp, EventKind | null][] = [
  [/^(|wishlist|wish list|saved|bookmarked|interested|to apply|applying|applied|submitted|application sent|screening|screen|phone screen|interview|interviews|interviewing|interviewed|scheduled|upcoming|in progress|active|open|pending|waiting|under review|in review|assessment|technical|onsite|on site|final round|next round)$/, null],
  [/^(thanked|thank you sent|thank you)$/, 'thank_you_sent'],
  [/^(followed up|follow up sent|followup sent|status check sent)$/, 'status_check_sent'],
  [/^(offer|offered|offer received|offer extended|accepted|hired|signed)$/, 'offer_received'],
  [/^(rejected|rejection|declined by employer|not selected|no offer|turned down|unsuccessful|not moving forward)$/, 'rejected'],
  [/^(withdrawn|withdrew|i withdrew|declined|declined offer|not interested)$/, 'withdrawn'],
  [/^(ghosted|no response|no reply|moved on|closed|archived|dead|expired|stale)$/, 'moved_on'],
  [/^(accepted elsewhere|took another offer|other offer accepted)$/, 'accepted_elsewhere'],
  [/^(staying in touch|stay in touch|keep in touch|networking)$/, 'stay_in_touch_started'],
];

export function stageEvent(text: string): { ok: true; kind: EventKind | null } | { ok: false } {
  const words = headerWords(text);
  for (const [pattern, kind] of STAGE_WORDS) if (pattern.test(words)) return { ok: true, kind };
  return { ok: false };
}

const FORMATS: readonly [RegExp, RoundFormat][] = [
  [/^(video|video call|zoom|teams|google meet|meet|virtual|remote|online|webex|skype)$/, 'video'],
  [/^(phone|phone call|call|telephone|phone screen)$/, 'phone'],
  [/^(in person|inperson|onsite|on site|office|in office|face to face|f2f)$/, 'in-person'],
];

// ---- rows ---------------------------------------------------------------------------------------

export interface CsvOptions {
  readonly encoding: CsvEncoding;
  readonly dateOrder: DateOrder;
  readonly mapping?: readonly CsvTarget[] | undefined;
}

interface Candidate {
  readonly row: number;
  readonly company: string;
  readonly role: string;
  readonly jobUrl: string | null;
  readonly location: string | null;
  readonly source: string | null;
  readonly salaryNotes: string | null;
  readonly notes: string | null;
  readonly appliedAt: string | null;
  readonly interview: { readonly startsAt: string; readonly format: RoundFormat; readonly timeGiven: boolean } | null;
  readonly stage: EventKind | null;
  readonly contact: { readonly name: string; readonly email: string | null } | null;
}

interface Examined {
  readonly decoded: { readonly name: string; readonly how: string };
  readonly parsed: ParsedCsv;
  readonly mapping: readonly CsvTarget[];
  readonly order: { readonly used: Order; readonly ambiguous: boolean; readonly note: string };
  readonly candidates: readonly Candidate[];
  readonly problems: readonly RowProblem[];
}

const LIMITS: Partial<Record<CsvField, number>> = { company: 200, role: 200, location: 200, source: 200, salaryNotes: 2000, notes: 5000, contactName: 200, contactEmail: 320, jobUrl: 2000 };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function examine(bytes: Uint8Array, options: CsvOptions, timeZone: string): Examined {
  const decoded = decodeBytes(bytes, options.encoding);
  const parsed = parseCsv(decoded.text);
  if (parsed.headers.length === 0 || parsed.headers.every((h) => h === '')) {
    throw new CoreError('invalid_input', 'This file has no header row: the first line must name the columns (Company, Role, ...). Nothing was imported.');
  }
  const mapping = options.mapping ?? guessMapping(parsed.headers);
  if (mapping.length !== parsed.headers.length) {
    throw new CoreError('invalid_input', `The mapping names ${mapping.length} columns but the file has ${parsed.headers.length}. Nothing was imported.`);
  }
  const column = (field: CsvField): number => mapping.indexOf(field);
  const header = (field: CsvField): string => parsed.headers[column(field)] || CSV_FIELD_LABELS[field];

  // The order of 03/04/2026-style dates: the file's own evidence first, then the user's choice.
  const dateColumns = (['appliedOn', 'interviewAt'] as const).map(column).filter((i) => i >= 0);
  const detected = detectDateOrder(parsed.records.flatMap((r) => dateColumns.map((i) => r.cells[i] ?? '')));
  const used: Order = options.dateOrder === 'auto' ? (detected.order ?? 'mdy') : options.dateOrder;
  const note =
    options.dateOrder !== 'auto'
      ? `Dates like 03/04/2026 are read as ${used === 'mdy' ? 'month/day/year' : 'day/month/year'}, as you chose.`
      : detected.order
        ? `Dates like 03/04/2026 are read as ${used === 'mdy' ? 'month/day/year' : 'day/month/year'}: the file has dates that can only be read that way.`
        : detected.ambiguous
          ? 'Dates like 03/04/2026 could be 4 March or 3 April: choose the order this file uses.'
          : detected.conflicting
            ? 'This file mixes month/day/year and day/month/year dates: choose the order most rows use; the others are reported.'
            : 'No dates in an ambiguous order.';
  const order = { used, ambiguous: options.dateOrder === 'auto' && (detected.ambiguous || detected.conflicting), note };

  const problems: RowProblem[] = [];
  const candidates: Candidate[] = [];
  if (column('company') < 0) problems.push({ row: 1, column: '(mapping)', message: 'no column is mapped to Company: choose which column holds the company' });
  if (column('role') < 0) problems.push({ row: 1, column: '(mapping)', message: 'no column is mapped to Role: choose which column holds the job title' });
  if (problems.length > 0) return { decoded: { name: decoded.name, how: decoded.how }, parsed, mapping, order, candidates, problems };

  for (const record of parsed.records) {
    const rowProblems: RowProblem[] = [];
    const problem = (field: string, message: string) =>
      rowProblems.push({ row: record.row, column: (CSV_FIELDS as readonly string[]).includes(field) ? header(field as CsvField) : field, message });
    const quote = parsed.quoteProblems.get(record.row);
    if (quote) problem('(row)', quote);
    if (record.cells.length !== parsed.headers.length) {
      problem('(row)', `the row has ${record.cells.length} field(s) but the header has ${parsed.headers.length} (a missing or extra delimiter, or an unquoted "${parsed.delimiter === '\t' ? 'tab' : parsed.delimiter}")`);
    }
    const value = (field: CsvField): string => {
      const i = column(field);
      return i < 0 ? '' : (record.cells[i] ?? '').trim();
    };
    for (const field of CSV_FIELDS) {
      const v = value(field);
      if (v.includes('\uFFFD')) problem(field, 'holds bytes that are not text in this encoding (wrong encoding? choose the file\'s encoding above)');
      else if (CONTROL.test(v)) problem(field, 'holds control characters');
      const limit = LIMITS[field];
      if (limit !== undefined && v.length > limit) problem(field, `is ${v.length} characters long; at most ${limit}`);
    }
    const company = value('company');
    const role = value('role');
    if (company === '') problem('company', 'is empty: every opportunity needs a company');
    if (role === '') problem('role', 'is empty: every opportunity needs a role');

    const url = value('jobUrl');
    if (url !== '' && !/^https?:\/\/\S+$/i.test(url)) problem('jobUrl', `"${url.slice(0, 60)}" is not a web address (it must start with http:// or https://)`);
    const email = value('contactEmail');
    if (email !== '' && !EMAIL.test(email)) problem('contactEmail', `"${email.slice(0, 60)}" is not an email address`);
    const contactName = value('contactName') || (email ? email.split('@')[0]! : '');

    const stageText = value('stage');
    const stage = stageEvent(stageText);
    if (!stage.ok) problem('stage', `"${stageText.slice(0, 40)}" is not a stage Afterword knows (use e.g. Applied, Interviewing, Offer, Rejected, Withdrawn, Ghosted)`);

    let appliedAt: string | null = null;
    const applied = value('appliedOn');
    if (applied !== '') {
      const d = parseDate(applied, order.used);
      if (!d.ok) problem('appliedOn', d.message);
      else appliedAt = d.value.instant ?? atLocalTime(d.value.date, ...hm(d.value.time ?? '09:00'), timeZone).toISOString();
    }

    let interview: Candidate['interview'] = null;
    const when = value('interviewAt');
    const timeText = value('interviewTime');
    const formatText = value('format');
    let format: RoundFormat = 'video';
    if (formatText !== '') {
      const found = FORMATS.find(([p]) => p.test(headerWords(formatText)));
      if (found) format = found[1];
      else problem('format', `"${formatText.slice(0, 40)}" is not an interview format (video, phone or in person)`);
    }
    if (when !== '') {
      const d = parseDate(when, order.used);
      const time = parseTime(timeText);
      if (time === 'invalid') problem('interviewTime', `"${timeText.slice(0, 20)}" is not a time of day (write it like 14:30 or 2:30 PM)`);
      if (!d.ok) problem('interviewAt', d.message);
      else if (time !== 'invalid') {
        const clock = time ?? d.value.time;
        const startsAt = d.value.instant ?? atLocalTime(d.value.date, ...hm(clock ?? '09:00'), timeZone).toISOString();
        interview = { startsAt, format, timeGiven: clock !== null || d.value.instant !== null };
      }
    } else if (timeText !== '') {
      problem('interviewTime', 'has a time but the interview date is empty');
    }

    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      continue;
    }
    candidates.push({
      row: record.row,
      company,
      role,
      jobUrl: url || null,
      location: value('location') || null,
      source: value('source') || null,
      salaryNotes: value('salaryNotes') || null,
      notes: value('notes') || null,
      appliedAt,
      interview,
      stage: stage.ok ? stage.kind : null,
      contact: contactName ? { name: contactName, email: email || null } : null,
    });
  }
  return { decoded: { name: decoded.name, how: decoded.how }, parsed, mapping, order, candidates, problems };
}

const hm = (time: string): [number, number] => {
  const [h, m] = time.split(':').map(Number);
  return [h!, m!];
};

function alreadyThere(db: Database, candidates: readonly Candidate[]): Set<number> {
  const existing = existingOpportunities(db).byCompanyRole;
  return new Set(candidates.filter((c) => existing.has(companyRoleKey(c.company, c.role))).map((c) => c.row));
}

export function previewCsv(db: Database, bytes: Uint8Array, options: CsvOptions, timeZone: string): CsvPreview {
  const seen = examine(bytes, options, timeZone);
  const there = alreadyThere(db, seen.candidates);
  const sampleRows = seen.candidates.slice(0, 8);
  return {
    encoding: seen.decoded,
    delimiter: seen.parsed.delimiter,
    headers: seen.parsed.headers,
    mapping: seen.mapping,
    rows: seen.parsed.records.length,
    sample: sampleRows.map((c) => ({
      row: c.row,
      values: {
        company: c.company,
        role: c.role,
        ...(c.appliedAt ? { appliedOn: c.appliedAt } : {}),
        ...(c.interview ? { interviewAt: c.interview.startsAt, format: c.interview.format } : {}),
        ...(c.stage ? { stage: c.stage } : {}),
        ...(c.jobUrl ? { jobUrl: c.jobUrl } : {}),
        ...(c.location ? { location: c.location } : {}),
        ...(c.source ? { source: c.source } : {}),
        ...(c.salaryNotes ? { salaryNotes: c.salaryNotes } : {}),
        ...(c.notes ? { notes: c.notes } : {}),
        ...(c.contact ? { contactName: c.contact.name } : {}),
        ...(c.contact?.email ? { contactEmail: c.contact.email } : {}),
      },
    })),
    dateOrder: seen.order,
    problems: seen.problems,
    importable: seen.candidates.length - there.size,
    alreadyThere: there.size,
  };
}

export interface CsvImportDeps {
  readonly db: Database;
  readonly timeline: TimelineStore;
  readonly now: Date;
  readonly timeZone: string;
  /** Makes the backup and answers its name; called only when the import is going ahead. */
  readonly backup: () => string;
}

export function importCsv(deps: CsvImportDeps, bytes: Uint8Array, options: CsvOptions & { readonly mapping: readonly CsvTarget[]; readonly skipBadRows: boolean }): CsvImportResult {
  const { db } = deps;
  const seen = examine(bytes, options, deps.timeZone);
  const mappingProblem = seen.problems.find((p) => p.column === '(mapping)');
  if (mappingProblem) throw new CoreError('invalid_input', `The file cannot be imported: ${mappingProblem.message}. Nothing was imported.`);
  if (seen.problems.length > 0 && !options.skipBadRows) {
    const rows = new Set(seen.problems.map((p) => p.row)).size;
    const list = seen.problems.slice(0, 5).map((p) => `row ${p.row}, ${p.column}: ${p.message}`).join('; ');
    throw new CoreError('invalid_input', `${rows} row(s) cannot be imported, so nothing was imported (choose to skip them to import the others). ${list}`);
  }
  const there = alreadyThere(db, seen.candidates);
  const backup = deps.backup();
  const at = deps.now.toISOString();
  let imported = 0;

  db.transaction(() => {
    const matcher = new ContactMatcher(db);
    const addContact = prepared(db, 'INSERT INTO contacts (name, email, created_at, updated_at) VALUES (?, ?, ?, ?)');
    const addOpportunity = prepared(db,
      `INSERT INTO opportunities (company, role, job_url, location, source, salary_notes, recruiter_contact_id, created_at, updated_at)
       VALUES (@company, @role, @jobUrl, @location, @source, @salaryNotes, @recruiter, @createdAt, @at)`,
    );
    const addRound = prepared(db,
      `INSERT INTO rounds (opportunity_id, number, starts_at, duration_minutes, format, arranged_channel, arranged_by_contact_id, created_at, updated_at)
       VALUES (?, 1, ?, 60, ?, 'email', ?, ?, ?)`,
    );
    const addEvent = prepared(db,
      `INSERT INTO events (opportunity_id, round_id, contact_id, kind, channel, occurred_at, note, created_at) VALUES (?, ?, NULL, ?, NULL, ?, ?, ?)`,
    );
    const added = new Set<string>();
    for (const c of seen.candidates) {
      const key = companyRoleKey(c.company, c.role);
      if (there.has(c.row) || added.has(key)) continue; // already in the journal, or twice in the file
      added.add(key);
      let recruiter: number | null = null;
      if (c.contact) {
        recruiter = matcher.find({ name: c.contact.name, email: c.contact.email, linkedinUrl: null });
        if (recruiter === null) {
          recruiter = Number(addContact.run(c.contact.name, c.contact.email, at, at).lastInsertRowid);
          matcher.add(recruiter, { name: c.contact.name, email: c.contact.email, linkedinUrl: null });
        }
      }
      const createdAt = c.appliedAt ?? at;
      const opportunityId = Number(addOpportunity.run({ ...c, recruiter, createdAt, at }).lastInsertRowid);
      // The round is "recorded" when the row says the application began, so the stage replays in order.
      const roundId = c.interview ? Number(addRound.run(opportunityId, c.interview.startsAt, c.interview.format, recruiter, createdAt, at).lastInsertRowid) : null;
      const imported_ = `Imported from a spreadsheet (row ${c.row}).`;
      if (c.notes) addEvent.run(opportunityId, roundId, 'note', createdAt, `${c.notes}\n\n${imported_}`, at);
      else addEvent.run(opportunityId, roundId, 'note', createdAt, imported_, at);
      if (c.stage) {
        // The outcome happened after the interview (or the application) as far as the file says.
        const after = c.interview && c.interview.startsAt > createdAt ? c.interview.startsAt : createdAt;
        const occurredAt = after > at ? at : after;
        if (c.stage === 'stay_in_touch_started') addEvent.run(opportunityId, roundId, 'rejected', occurredAt, null, at);
        addEvent.run(opportunityId, roundId, c.stage, occurredAt, null, at);
      }
      deps.timeline.refreshStage(opportunityId);
      imported++;
    }
  }).immediate();

  return {
    imported,
    skippedBadRows: new Set(seen.problems.map((p) => p.row)).size,
    alreadyThere: seen.candidates.length - imported,
    problems: seen.problems,
    backup,
  };
}
