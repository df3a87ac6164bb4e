/**
 * The calls that move a journal in and out: JSON and CSV export and import, calendar files, and
 * the backups and restores that keep the user safe while doing it.
 */
import { z } from 'zod';
import { call, id, none } from './fields';
import type { ExportedFile } from './fields';

// ---- backups and recovery ------------------------------------------------------------------------

/** What a checked journal file (a backup, or a journal kept aside by a restore) holds. */
export interface JournalFileSummary {
  readonly name: string;
  readonly at: string;
  readonly bytes: number;
  /** False: refused, and `problem` says why (empty, cut short, damaged, not a journal, too new). */
  readonly ok: boolean;
  readonly problem: string | null;
  readonly schemaVersion: number | null;
  readonly opportunities: number | null;
  readonly letters: number | null;
  /** The newest change recorded inside it. */
  readonly lastChangeAt: string | null;
}

export interface Backup extends JournalFileSummary {
  readonly kind: 'daily' | 'manual' | 'pre-migration' | 'pre-import';
}

export interface RecoveryStatus {
  /** Why the journal could not be opened, or null when all is well. */
  readonly problem: { readonly code: 'journal_corrupt' | 'journal_too_new'; readonly message: string } | null;
  readonly journalFile: string;
  /** Every file in the backups folder, newest first, refused ones included with their reason. */
  readonly backups: readonly Backup[];
  /** Journals a restore kept aside (`journal.sqlite3.before-restore-...`), newest first. */
  readonly keptAside: readonly JournalFileSummary[];
}

export const BACKUP_FILE_NAME = /^journal-[\w-]+\.sqlite3$/;
/** A journal a restore kept aside (not its -wal or -shm, which end differently). */
export const KEPT_ASIDE_FILE_NAME = /^journal\.sqlite3\.before-restore-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z(?:-\d+)?$/;

// ---- CSV import -------------------------------------------------------------------------------

/** What a column of a spreadsheet can become. */
export const CSV_FIELDS = [
  'company',
  'role',
  'appliedOn',
  'interviewAt',
  'interviewTime',
  'format',
  'stage',
  'jobUrl',
  'location',
  'source',
  'salaryNotes',
  'notes',
  'contactName',
  'contactEmail',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];
export type CsvTarget = CsvField | 'ignore';

export const CSV_FIELD_LABELS: Record<CsvField, string> = {
  company: 'Company',
  role: 'Role',
  appliedOn: 'Date applied',
  interviewAt: 'Interview date',
  interviewTime: 'Interview time',
  format: 'Interview format',
  stage: 'Stage or status',
  jobUrl: 'Job link',
  location: 'Location',
  source: 'Source',
  salaryNotes: 'Salary',
  notes: 'Notes',
  contactName: 'Contact (recruiter)',
  contactEmail: 'Contact email',
};

export const CSV_ENCODINGS = ['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];
export const DATE_ORDERS = ['auto', 'mdy', 'dmy'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

/** A row the import cannot take: the spreadsheet's row number (the header is row 1), the column, why. */
export interface RowProblem {
  readonly row: number;
  readonly column: string;
  readonly message: string;
}

export interface CsvPreview {
  readonly encoding: { readonly name: string; readonly how: string };
  readonly delimiter: string;
  readonly headers: readonly string[];
  /** One target per column, guessed from the headers or as given. */
  readonly mapping: readonly CsvTarget[];
  /** Data rows in the file (blank lines not counted). */
  readonly rows: number;
  /** The first rows as they would be imported. */
  readonly sample: readonly { readonly row: number; readonly values: Partial<Record<CsvField, string>> }[];
  readonly dateOrder: { readonly used: 'mdy' | 'dmy'; readonly ambiguous: boolean; readonly note: string };
  readonly problems: readonly RowProblem[];
  /** Rows that can be imported. */
  readonly importable: number;
  /** Rows that match an opportunity already in the journal (left as they are). */
  readonly alreadyThere: number;
}

export interface CsvImportResult {
  readonly imported: number;
  readonly skippedBadRows: number;
  readonly alreadyThere: number;
  readonly problems: readonly RowProblem[];
  /** The backup made just before the import. */
  readonly backup: string;
}

// ---- JSON import -------------------------------------------------------------------------------

export interface JournalCounts {
  readonly opportunities: number;
  readonly rounds: number;
  readonly contacts: number;
  readonly events: number;
  readonly reflections: number;
  readonly reflectionVersions: number;
  readonly letters: number;
  readonly templates: number;
}

export interface JsonPreview {
  readonly formatVersion: number;
  readonly exportedAt: string;
  readonly counts: JournalCounts;
  /** Empty: the journal becomes the file, settings included. Merge: see docs/journal-format.md. */
  readonly mode: 'empty' | 'merge';
  readonly opportunitiesAlreadyThere: number;
  readonly contactsAlreadyThere: number;
}

export interface JsonImportResult {
  readonly mode: 'empty' | 'merge';
  readonly added: JournalCounts;
  readonly opportunitiesAlreadyThere: number;
  readonly contactsAlreadyThere: number;
  readonly backup: string;
}

export interface CalendarFeed {
  /** The .ics file a calendar app can subscribe to, kept up to date while Afterword runs. */
  readonly path: string;
  readonly url: string;
  readonly updatedAt: string | null;
  readonly events: number;
}

// ---- validators ---------------------------------------------------------------------------------

/** A file picked in the renderer, as base64 (the core decodes it: CSV encodings are detected there). */
export const MAX_IMPORT_BYTES = 48 * 1024 * 1024;
const fileBytes = z
  .string()
  .min(1, 'the file is empty')
  .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4, `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB`)
  .refine((s) => s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s), { message: 'is not base64' });
const mapping = z
  .array(z.enum([...CSV_FIELDS, 'ignore']))
  .max(300)
  .refine((m) => {
    const used = m.filter((t) => t !== 'ignore');
    return new Set(used).size === used.length;
  }, { message: 'maps two columns to the same field' });
const csvOptions = {
  base64: fileBytes,
  encoding: z.enum(CSV_ENCODINGS).default('auto'),
  dateOrder: z.enum(DATE_ORDERS).default('auto'),
};

export const transferCalls = {
  'backups.list': call<readonly Backup[]>()(none),
  'backups.create': call<Backup>()(none),
  'backups.restore': call<{ readonly restored: string; readonly keptAs: string | null }>()(
    z.strictObject({
      name: z
        .string()
        .max(120)
        .refine((n) => BACKUP_FILE_NAME.test(n) || KEPT_ASIDE_FILE_NAME.test(n), { message: 'is not a backup of this journal' }),
    }),
  ),
  'recovery.status': call<RecoveryStatus>()(none),
  'transfer.exportJson': call<ExportedFile>()(none),
  'transfer.exportCsv': call<ExportedFile>()(none),
  'transfer.previewJson': call<JsonPreview>()(z.strictObject({ base64: fileBytes })),
  'transfer.importJson': call<JsonImportResult>()(z.strictObject({ base64: fileBytes })),
  'transfer.previewCsv': call<CsvPreview>()(z.strictObject({ ...csvOptions, mapping: mapping.optional() })),
  'transfer.importCsv': call<CsvImportResult>()(z.strictObject({ ...csvOptions, mapping, skipBadRows: z.boolean().default(false) })),
  'transfer.calendar': call<ExportedFile>()(z.strictObject({ opportunityId: id.optional() })),
  'transfer.calendarFeed': call<CalendarFeed>()(none),
};

/** The calls whose body may be larger than browser mode's usual limit (a whole file). */
export const LARGE_BODY_CALLS: ReadonlySet<string> = new Set(['transfer.previewJson', 'transfer.importJson', 'transfer.previewCsv', 'transfer.importCsv']);
