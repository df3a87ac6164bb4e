/**
 * The one contract between the renderer and the core: a map of named calls, each with a runtime
 * validator for its input and a TypeScript type for its answer. Both transports (Electron IPC
 * through the preload, loopback HTTP in browser mode) carry exactly these calls, and the core's
 * handler layer validates every input against these schemas before anything touches the journal.
 */
import { z } from 'zod';
import type { CallName } from './call-names';
import { ARRANGED_CHANNELS, BOARD_COLUMNS, CHANNELS, CLOSED_REASONS, COMPANY_SIZES, EVENT_KINDS, ROUND_FORMATS } from './domain';
import type { Action, BoardColumn, Contact, Opportunity, OpportunityWithRounds, Round, TimelineEvent } from './domain';
import type { Result } from './result';
import { CARD_FONTS, LETTER_KINDS, PAPER_SIZES } from './letters';
import type { Letter, LetterTemplate } from './letters';
import { insightsContract } from './contract-insights';
import { settingsPatchSchema } from './settings';
import type { Settings } from './settings';

// ---- field validators -------------------------------------------------------------------------

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const requiredText = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** An instant with an explicit offset; normalised to UTC. `2026-02-30T10:00Z` is refused. */
export const instant = z
  .string()
  .max(40)
  .refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(s), {
    message: 'must be a date and time with a time zone, like 2026-11-20T15:00:00Z',
  })
  .refine((s) => isRealCalendarDate(s.slice(0, 10)) && !Number.isNaN(Date.parse(s)), {
    message: 'is not a real date and time',
  })
  .transform((s) => new Date(s).toISOString());

/** A calendar date, `YYYY-MM-DD`, that exists (no 2026-02-30). */
export const calendarDate = z
  .string()
  .max(10)
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s), { message: 'must be a date like 2026-11-20' })
  .refine(isRealCalendarDate, { message: 'is not a real date' });

export function isRealCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2200) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const url = z
  .string()
  .trim()
  .max(2000)
  .refine((s) => s === '' || /^https?:\/\/[^\s]+$/i.test(s), { message: 'must be an http(s) address' })
  .nullish()
  .transform((v) => (v ? v : null));

// ---- inputs -----------------------------------------------------------------------------------

const contactIds = z.array(id).max(20).refine((ids) => new Set(ids).size === ids.length, { message: 'lists someone twice' });

export const roundFields = z.strictObject({
  startsAt: instant,
  interviewerIds: contactIds.default([]),
  arrangedByContactId: id.nullish().transform((v) => v ?? null),
  durationMinutes: z.number().int().min(5).max(24 * 60).default(60),
  format: z.enum(ROUND_FORMATS),
  arrangedChannel: z.enum(ARRANGED_CHANNELS).default('email'),
  nextStep: optionalText(2000),
  decisionDate: calendarDate.nullish().transform((v) => v ?? null),
});

const opportunityFields = {
  company: requiredText(200),
  role: requiredText(200),
  jobUrl: url,
  location: optionalText(200),
  source: optionalText(200),
  companySize: z.enum(COMPANY_SIZES).nullish().transform((v) => v ?? null),
  salaryNotes: optionalText(2000),
  recruiterContactId: id.nullish().transform((v) => v ?? null),
};

export const opportunityCreate = z.strictObject({
  ...opportunityFields,
  firstRound: roundFields.optional(),
});

export const opportunityUpdate = z.strictObject({
  id,
  patch: z
    .strictObject({
      company: opportunityFields.company.optional(),
      role: opportunityFields.role.optional(),
      jobUrl: opportunityFields.jobUrl.optional(),
      location: opportunityFields.location.optional(),
      source: opportunityFields.source.optional(),
      companySize: z.enum(COMPANY_SIZES).nullable().optional(),
      salaryNotes: opportunityFields.salaryNotes.optional(),
      recruiterContactId: id.nullable().optional(),
    })
    .refine((p) => Object.keys(p).length > 0, { message: 'must change at least one field' }),
});

const roundPatch = z
  .strictObject({
    startsAt: instant.optional(),
    durationMinutes: z.number().int().min(5).max(24 * 60).optional(),
    format: z.enum(ROUND_FORMATS).optional(),
    arrangedChannel: z.enum(ARRANGED_CHANNELS).optional(),
    nextStep: optionalText(2000).optional(),
    decisionDate: calendarDate.nullable().optional(),
    interviewerIds: contactIds.optional(),
    arrangedByContactId: id.nullable().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, { message: 'must change at least one field' });

const byId = z.strictObject({ id });

const email = z
  .string()
  .trim()
  .max(320)
  .refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), { message: 'is not an email address' })
  .nullish()
  .transform((v) => (v ? v : null));

const contactFields = {
  name: requiredText(200),
  title: optionalText(200),
  email,
  phone: optionalText(60),
  linkedinUrl: url,
};

export const eventRecord = z.strictObject({
  opportunityId: id,
  roundId: id.nullish().transform((v) => v ?? null),
  contactId: id.nullish().transform((v) => v ?? null),
  kind: z.enum(EVENT_KINDS),
  channel: z.enum(CHANNELS).nullish().transform((v) => v ?? null),
  /** Absent: now. */
  occurredAt: instant.optional(),
  note: optionalText(5000),
});

const exportOptions = {
  size: z.enum(Object.keys(PAPER_SIZES) as [keyof typeof PAPER_SIZES, ...(keyof typeof PAPER_SIZES)[]]),
  layout: z.enum(['flat', 'inside-right']).default('flat'),
  font: z.enum(CARD_FONTS).default('Georgia'),
};
const actionRef = z.strictObject({ opportunityId: id, key: z.string().min(3).max(200) });
const none = z.strictObject({}).optional();

// ---- the map ----------------------------------------------------------------------------------

/** A call's spec: the validator of its input, and (as a phantom type) the shape of its answer. */
export interface CallSpec<I extends z.ZodType, O> {
  readonly input: I;
  readonly __output?: O;
}
const call =
  <O>() =>
  <I extends z.ZodType>(input: I): CallSpec<I, O> => ({ input });

const exportedFile = call<{ readonly fileName: string; readonly mimeType: string; readonly base64: string }>();

export interface AppInfo {
  readonly version: string;
  readonly transport: 'ipc' | 'http';
  readonly dataDir: string;
  readonly journalFile: string;
  readonly schemaVersion: number;
  readonly timeZone: string;
}

/** One card of the board: the opportunity, the round it follows, and what is due next. */
export interface BoardCard {
  readonly id: number;
  readonly company: string;
  readonly role: string;
  readonly column: BoardColumn;
  readonly closedReason: Opportunity['closedReason'];
  readonly round: { readonly id: number; readonly number: number; readonly startsAt: string; readonly format: Round['format'] } | null;
  /** The interviewers' names, for search. */
  readonly people: string;
  readonly nextAction: Action | null;
  readonly updatedAt: string;
}

export interface Board {
  readonly cards: readonly BoardCard[];
  /** When the board was computed (the countdowns count from here). */
  readonly at: string;
}

export interface ReflectionView {
  readonly roundId: number;
  readonly opportunityId: number;
  readonly company: string;
  readonly role: string;
  readonly roundNumber: number;
  readonly startsAt: string;
  readonly body: string;
  readonly updatedAt: string | null;
  /** Passages marked "mention in the thank-you". */
  readonly mentions: readonly string[];
  /** A next step / decision date written in the notes that differs from the round's. */
  readonly stated: { readonly nextStep: string | null; readonly decisionDate: string | null };
}

export interface QuestionBankEntry {
  readonly question: string;
  readonly answer: string | null;
  readonly company: string;
  readonly role: string;
  readonly roundNumber: number;
  readonly roundId: number;
  readonly opportunityId: number;
  readonly askedAt: string;
}

export interface Backup {
  readonly name: string;
  readonly at: string;
  readonly kind: 'daily' | 'manual' | 'pre-migration';
  readonly bytes: number;
}

export interface RecoveryStatus {
  /** Why the journal could not be opened, or null when all is well. */
  readonly problem: { readonly code: 'journal_corrupt' | 'journal_too_new'; readonly message: string } | null;
  readonly journalFile: string;
  readonly backups: readonly (Backup & { readonly ok: boolean; readonly schemaVersion: number | null })[];
}

export interface SettingsState {
  readonly settings: Settings;
  readonly problems: readonly string[];
}

export const contract = {
  'app.info': call<AppInfo>()(none),
  'opportunities.create': call<OpportunityWithRounds>()(opportunityCreate),
  'opportunities.list': call<readonly OpportunityWithRounds[]>()(none),
  'opportunities.get': call<OpportunityWithRounds>()(byId),
  'opportunities.update': call<Opportunity>()(opportunityUpdate),
  'opportunities.delete': call<{ readonly deleted: number }>()(byId),
  'rounds.create': call<Round>()(roundFields.extend({ opportunityId: id })),
  'rounds.list': call<readonly Round[]>()(z.strictObject({ opportunityId: id })),
  'rounds.get': call<Round>()(byId),
  'rounds.update': call<Round>()(z.strictObject({ id, patch: roundPatch })),
  'rounds.delete': call<{ readonly deleted: number }>()(byId),
  'contacts.list': call<readonly Contact[]>()(none),
  'contacts.create': call<Contact>()(z.strictObject(contactFields)),
  'contacts.update': call<Contact>()(
    z.strictObject({
      id,
      patch: z
        .strictObject({
          name: contactFields.name.optional(),
          title: contactFields.title.optional(),
          email: contactFields.email.optional(),
          phone: contactFields.phone.optional(),
          linkedinUrl: contactFields.linkedinUrl.optional(),
        })
        .refine((p) => Object.keys(p).length > 0, { message: 'must change at least one field' }),
    }),
  ),
  'events.list': call<readonly TimelineEvent[]>()(z.strictObject({ opportunityId: id })),
  'events.record': call<TimelineEvent>()(eventRecord),
  'events.undo': call<{ readonly undone: readonly number[] }>()(z.strictObject({ ids: z.array(id).min(1).max(50) })),
  'actions.forOpportunity': call<readonly Action[]>()(z.strictObject({ opportunityId: id })),
  'actions.inRange': call<readonly Action[]>()(
    z.strictObject({ from: instant, to: instant }).refine((r) => r.from <= r.to, { message: 'from must not be after to' }),
  ),
  'actions.complete': call<readonly Action[]>()(actionRef.extend({ occurredAt: instant.optional() })),
  'actions.snooze': call<readonly Action[]>()(actionRef.extend({ until: instant })),
  'actions.skip': call<readonly Action[]>()(actionRef),
  'actions.reopen': call<readonly Action[]>()(actionRef),
  'actions.snoozeAll': call<{ readonly snoozed: number }>()(z.strictObject({ minutes: z.number().int().min(5).max(7 * 24 * 60) })),
  'reminders.due': call<readonly (Action & { readonly company: string })[]>()(none),
  'board.get': call<Board>()(none),
  'board.move': call<{ readonly eventIds: readonly number[]; readonly roundId: number | null }>()(
    z.strictObject({
      opportunityId: id,
      to: z.enum(BOARD_COLUMNS),
      interviewerIds: contactIds.optional(),
      closedReason: z.enum(CLOSED_REASONS).optional(),
      nextRound: roundFields.optional(),
    }),
  ),
  'reflections.get': call<ReflectionView>()(z.strictObject({ roundId: id })),
  'reflections.save': call<ReflectionView>()(z.strictObject({ roundId: id, body: z.string().max(200_000) })),
  'reflections.versions': call<readonly { readonly id: number; readonly body: string; readonly savedAt: string }[]>()(z.strictObject({ roundId: id })),
  'reflections.restore': call<ReflectionView>()(z.strictObject({ versionId: id })),
  'reflections.search': call<
    readonly { readonly roundId: number; readonly opportunityId: number; readonly company: string; readonly role: string; readonly roundNumber: number; readonly snippet: string }[]
  >()(z.strictObject({ query: z.string().max(200), limit: z.number().int().min(1).max(500).default(50) })),
  'reflections.questions': call<readonly QuestionBankEntry[]>()(z.strictObject({ query: z.string().max(200).default('') })),
  'reflections.export': call<{ readonly fileName: string; readonly mimeType: string; readonly base64: string }>()(
    z.strictObject({ roundId: id.optional() }),
  ),
  'letters.templates': call<readonly LetterTemplate[]>()(none),
  'letters.saveTemplate': call<LetterTemplate>()(
    z.strictObject({ id: id.optional(), kind: z.enum(LETTER_KINDS), name: requiredText(200), subject: z.string().max(500), body: z.string().min(1).max(20_000) }),
  ),
  'letters.deleteTemplate': call<{ readonly deleted: number }>()(byId),
  'letters.draft': call<readonly Letter[]>()(z.strictObject({ roundId: id, kind: z.enum(LETTER_KINDS), templateId: id.optional() })),
  'letters.list': call<readonly Letter[]>()(z.strictObject({ opportunityId: id })),
  'letters.update': call<Letter>()(
    z.strictObject({ id, subject: z.string().max(500).optional(), body: z.string().max(20_000).optional(), detail: z.string().max(1000).nullable().optional() }),
  ),
  'letters.markSent': call<Letter>()(byId),
  'letters.export': exportedFile(z.strictObject({ ids: z.array(id).min(1).max(500), ...exportOptions })),
  'letters.exportDueCards': exportedFile(z.strictObject(exportOptions)),
  'backups.list': call<readonly Backup[]>()(none),
  'backups.create': call<Backup>()(none),
  'backups.restore': call<{ readonly restored: string; readonly keptAs: string | null }>()(
    z.strictObject({ name: z.string().regex(/^journal-[\w-]+\.sqlite3$/, 'is not a backup of this journal').max(120) }),
  ),
  'recovery.status': call<RecoveryStatus>()(none),
  'settings.get': call<SettingsState>()(none),
  'settings.update': call<SettingsState>()(
    settingsPatchSchema.refine((p) => Object.keys(p).length > 0, { message: 'must change at least one setting' }),
  ),
  ...insightsContract,
} satisfies { readonly [K in CallName]: CallSpec<z.ZodType, unknown> };

export type Contract = typeof contract;
/** What the caller passes (before defaults and transforms). */
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
/** What the handler receives (after validation). */
export type ValidInput<K extends CallName> = z.output<Contract[K]['input']>;
export type CallOutput<K extends CallName> = NonNullable<Contract[K]['__output']>;

/** The renderer's view of the core: one async function per named call. */
export type Api = {
  readonly [K in CallName]: (input: CallInput<K>) => Promise<Result<CallOutput<K>>>;
};
