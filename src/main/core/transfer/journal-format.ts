/**
 * The journal as one JSON document (format version 1, documented in docs/journal-format.md):
 * every table the user's journal is made of, flat, each row with its id, rows referring to
 * each other by those ids. Records are built field by field in a fixed order, so the same journal
 * always exports to the same bytes. The validators here are what an import trusts.
 */
import { z } from 'zod';
import { ARRANGED_CHANNELS, CHANNELS, CLOSED_REASONS, COMPANY_SIZES, EVENT_KINDS, ROUND_FORMATS, STORED_STAGES } from '../../../shared/domain';
import { LETTER_KINDS } from '../../../shared/letters';

export const FORMAT_NAME = 'afterword-journal';
export const FORMAT_VERSION = 1;

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const ref = id.nullable();
/** Instants are kept exactly as the journal stores them (ISO 8601, UTC); checked loosely so nothing is rewritten. */
const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, 'must be an ISO 8601 date and time');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-20');
const text = (max: number) => z.string().max(max);
const optional = (max: number) => z.string().max(max).nullable();

export const contactRecord = z.strictObject({
  id,
  name: text(200).min(1),
  title: optional(200),
  email: optional(320),
  phone: optional(60),
  linkedinUrl: optional(2000),
  lastContactedAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
  // Since Afterword 0.1 with schema 11; absent from older files (read as empty).
  company: optional(200).optional(),
  notes: optional(5000).optional(),
  /** A person removed from the contacts, whose name stays on what names them. */
  removedAt: instant.nullable().optional(),
});

export const opportunityRecord = z.strictObject({
  id,
  company: text(200).min(1),
  role: text(200).min(1),
  jobUrl: optional(2000),
  location: optional(200),
  source: optional(200),
  salaryNotes: optional(2000),
  recruiterContactId: ref,
  stage: z.enum(STORED_STAGES),
  closedReason: z.enum(CLOSED_REASONS).nullable(),
  stageChangedAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
  // Absent from older files (read as empty).
  companySize: z.enum(COMPANY_SIZES).nullable().optional(),
  notes: optional(10_000).optional(),
  tags: z.array(text(40).min(1)).max(20).optional(),
  archivedAt: instant.nullable().optional(),
});

export const roundRecord = z.strictObject({
  id,
  opportunityId: id,
  number: z.number().int().min(1).max(10_000),
  startsAt: instant,
  durationMinutes: z.number().int().min(5).max(1440),
  format: z.enum(ROUND_FORMATS),
  arrangedChannel: z.enum(ARRANGED_CHANNELS),
  nextStep: optional(2000),
  decisionDate: date.nullable(),
  arrangedByContactId: ref,
  /** In the order the user listed them. */
  interviewerIds: z.array(id).max(50),
  createdAt: instant,
  updatedAt: instant,
});

export const eventRecord = z.strictObject({
  id,
  opportunityId: id,
  roundId: ref,
  contactId: ref,
  kind: z.enum(EVENT_KINDS),
  channel: z.enum(CHANNELS).nullable(),
  occurredAt: instant,
  note: optional(5000),
  createdAt: instant,
  /** An undone event stays in the timeline, marked. */
  undoneAt: instant.nullable(),
});

export const actionStateRecord = z.strictObject({
  opportunityId: id,
  actionKey: text(200).min(3),
  state: z.enum(['done', 'snoozed', 'skipped']),
  until: instant.nullable(),
  at: instant,
});

export const notificationRecord = z.strictObject({
  opportunityId: id,
  notificationKey: text(300).min(3),
  actionKey: text(200).min(3),
  notifiedAt: instant,
});

export const reflectionRecord = z.strictObject({
  roundId: id,
  body: text(200_000),
  updatedAt: instant,
});

export const reflectionVersionRecord = z.strictObject({
  id,
  roundId: id,
  body: text(200_000),
  savedAt: instant,
});

export const templateRecord = z.strictObject({
  id,
  kind: z.enum(LETTER_KINDS),
  name: text(200).min(1),
  subject: text(500),
  body: text(20_000),
  builtin: z.boolean(),
  updatedAt: instant,
});

export const letterRecord = z.strictObject({
  id,
  opportunityId: id,
  roundId: ref,
  contactId: ref,
  kind: z.enum(LETTER_KINDS),
  templateId: ref,
  subject: text(500),
  body: text(20_000),
  detail: optional(1000),
  state: z.enum(['draft', 'sent']),
  sentAt: instant.nullable(),
  eventId: ref,
  createdAt: instant,
  updatedAt: instant,
  /** Words ignored in this letter's spelling check (schema 9; absent from older files). */
  ignoredWords: z.array(text(100)).max(1000).optional(),
});

/** A word of the user's spelling dictionary (schema 9; absent from older files). */
export const dictionaryRecord = z.strictObject({ word: text(100).min(1), addedAt: instant });

export const journalDocument = z.strictObject({
  format: z.literal(FORMAT_NAME),
  version: z.literal(FORMAT_VERSION),
  exportedAt: instant,
  app: z.strictObject({ version: z.string().max(40), schemaVersion: z.number().int().min(1) }),
  /** The settings as a whole; checked key by key by the settings' own validators on import. */
  settings: z.record(z.string(), z.unknown()),
  contacts: z.array(contactRecord),
  opportunities: z.array(opportunityRecord),
  rounds: z.array(roundRecord),
  events: z.array(eventRecord),
  actionStates: z.array(actionStateRecord),
  notifications: z.array(notificationRecord),
  reflections: z.array(reflectionRecord),
  reflectionVersions: z.array(reflectionVersionRecord),
  templates: z.array(templateRecord),
  letters: z.array(letterRecord),
  dictionary: z.array(dictionaryRecord).optional(),
});

export type JournalDocument = z.infer<typeof journalDocument>;
export type ContactRecord = z.infer<typeof contactRecord>;
export type OpportunityRecord = z.infer<typeof opportunityRecord>;
export type RoundRecord = z.infer<typeof roundRecord>;
export type EventRecord = z.infer<typeof eventRecord>;
export type LetterRecord = z.infer<typeof letterRecord>;
export type TemplateRecord = z.infer<typeof templateRecord>;

/** The tables of the document, in the order they are written (and in the CSV zip). */
export const TABLES = [
  'contacts',
  'opportunities',
  'rounds',
  'events',
  'actionStates',
  'notifications',
  'reflections',
  'reflectionVersions',
  'templates',
  'letters',
] as const satisfies readonly (keyof JournalDocument)[];
export type TableName = (typeof TABLES)[number];
