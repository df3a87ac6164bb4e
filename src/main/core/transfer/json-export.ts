/**
 * Reads the whole journal into one document (see journal-format.ts): a fixed number of queries,
 * rows in id order, fields in a fixed order, so the same journal always gives the same bytes.
 */
import type { Database } from 'better-sqlite3';
import type { Settings } from '../../../shared/settings';
import { FORMAT_NAME, FORMAT_VERSION } from './journal-format';
import type { JournalDocument } from './journal-format';
import { prepared } from '../journal/statements';

export interface ExportContext {
  readonly db: Database;
  readonly settings: Settings;
  readonly now: Date;
  readonly appVersion: string;
  readonly schemaVersion: number;
}

type Row = Record<string, unknown>;

/** Everything, read in one read transaction so the document is one consistent moment. */
export function readJournal(ctx: ExportContext): JournalDocument {
  const { db } = ctx;
  const all = (sql: string): Row[] => prepared(db, sql).all() as Row[];
  return db.transaction((): JournalDocument => {
    const interviewers = new Map<number, number[]>();
    for (const [roundId, contactId] of prepared(db, 'SELECT round_id, contact_id FROM round_interviewers ORDER BY round_id, position').raw().all() as [number, number][]) {
      const list = interviewers.get(roundId);
      if (list) list.push(contactId);
      else interviewers.set(roundId, [contactId]);
    }
    return {
      format: FORMAT_NAME,
      version: FORMAT_VERSION,
      exportedAt: ctx.now.toISOString(),
      app: { version: ctx.appVersion, schemaVersion: ctx.schemaVersion },
      settings: canonical(ctx.settings) as Record<string, unknown>,
      contacts: all('SELECT * FROM contacts ORDER BY id').map((r) => ({
        id: r.id as number,
        name: r.name as string,
        title: r.title as string | null,
        email: r.email as string | null,
        phone: r.phone as string | null,
        linkedinUrl: r.linkedin_url as string | null,
        lastContactedAt: r.last_contacted_at as string | null,
        createdAt: r.created_at as string,
        updatedAt: r.updated_at as string,
        company: r.company as string | null,
        notes: r.notes as string | null,
        removedAt: r.removed_at as string | null,
      })),
      opportunities: all('SELECT * FROM opportunities ORDER BY id').map((r) => ({
        id: r.id as number,
        company: r.company as string,
        role: r.role as string,
        jobUrl: r.job_url as string | null,
        location: r.location as string | null,
        source: r.source as string | null,
        salaryNotes: r.salary_notes as string | null,
        recruiterContactId: r.recruiter_contact_id as number | null,
        stage: r.stage as JournalDocument['opportunities'][number]['stage'],
        closedReason: r.closed_reason as JournalDocument['opportunities'][number]['closedReason'],
        stageChangedAt: r.stage_changed_at as string | null,
        createdAt: r.created_at as string,
        updatedAt: r.updated_at as string,
        companySize: r.company_size as JournalDocument['opportunities'][number]['companySize'],
        notes: r.notes as string | null,
        tags: JSON.parse(r.tags as string) as string[],
        archivedAt: r.archived_at as string | null,
      })),
      rounds: all('SELECT * FROM rounds ORDER BY id').map((r) => ({
        id: r.id as number,
        opportunityId: r.opportunity_id as number,
        number: r.number as number,
        startsAt: r.starts_at as string,
        durationMinutes: r.duration_minutes as number,
        format: r.format as JournalDocument['rounds'][number]['format'],
        arrangedChannel: r.arranged_channel as JournalDocument['rounds'][number]['arrangedChannel'],
        nextStep: r.next_step as string | null,
        decisionDate: r.decision_date as string | null,
        arrangedByContactId: r.arranged_by_contact_id as number | null,
        interviewerIds: interviewers.get(r.id as number) ?? [],
        createdAt: r.created_at as string,
        updatedAt: r.updated_at as string,
      })),
      events: all('SELECT * FROM events ORDER BY id').map((r) => ({
        id: r.id as number,
        opportunityId: r.opportunity_id as number,
        roundId: r.round_id as number | null,
        contactId: r.contact_id as number | null,
        kind: r.kind as JournalDocument['events'][number]['kind'],
        channel: r.channel as JournalDocument['events'][number]['channel'],
        occurredAt: r.occurred_at as string,
        note: r.note as string | null,
        createdAt: r.created_at as string,
        undoneAt: r.undone_at as string | null,
      })),
      actionStates: all('SELECT * FROM action_states ORDER BY opportunity_id, action_key').map((r) => ({
        opportunityId: r.opportunity_id as number,
        actionKey: r.action_key as string,
        state: r.state as 'done' | 'snoozed' | 'skipped',
        until: r.until as string | null,
        at: r.at as string,
      })),
      notifications: all('SELECT * FROM notifications ORDER BY opportunity_id, notification_key').map((r) => ({
        opportunityId: r.opportunity_id as number,
        notificationKey: r.notification_key as string,
        actionKey: r.action_key as string,
        notifiedAt: r.notified_at as string,
      })),
      reflections: all('SELECT * FROM reflections ORDER BY round_id').map((r) => ({
        roundId: r.round_id as number,
        body: r.body as string,
        updatedAt: r.updated_at as string,
      })),
      reflectionVersions: all('SELECT * FROM reflection_versions ORDER BY id').map((r) => ({
        id: r.id as number,
        roundId: r.round_id as number,
        body: r.body as string,
        savedAt: r.saved_at as string,
      })),
      templates: all('SELECT * FROM letter_templates ORDER BY id').map((r) => ({
        id: r.id as number,
        kind: r.kind as JournalDocument['templates'][number]['kind'],
        name: r.name as string,
        subject: r.subject as string,
        body: r.body as string,
        builtin: r.builtin === 1,
        updatedAt: r.updated_at as string,
      })),
      letters: all('SELECT * FROM letters ORDER BY id').map((r) => ({
        id: r.id as number,
        opportunityId: r.opportunity_id as number,
        roundId: r.round_id as number | null,
        contactId: r.contact_id as number | null,
        kind: r.kind as JournalDocument['letters'][number]['kind'],
        templateId: r.template_id as number | null,
        subject: r.subject as string,
        body: r.body as string,
        detail: r.detail as string | null,
        state: r.state as 'draft' | 'sent',
        sentAt: r.sent_at as string | null,
        eventId: r.event_id as number | null,
        createdAt: r.created_at as string,
        updatedAt: r.updated_at as string,
        ignoredWords: JSON.parse(r.ignored_words as string) as string[],
      })),
      dictionary: all('SELECT * FROM dictionary_words ORDER BY word').map((r) => ({ word: r.word as string, addedAt: r.added_at as string })),
    };
  })();
}

/** The document as the file's bytes: UTF-8 JSON, two-space indents, one newline at the end. */
export function exportJson(ctx: ExportContext): string {
  return `${JSON.stringify(readJournal(ctx), null, 2)}\n`;
}

export function exportFileStamp(now: Date): string {
  return now.toISOString().slice(0, 16).replace(/:/g, '-');
}

/** Object keys sorted, recursively: settings come out in the same order however they were read. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Row)[k])]));
  }
  return value;
}
