/**
 * Opportunities and their rounds in the journal. Row types stay here; the rest of the core sees
 * the domain types of `src/shared/domain.ts`. Every write runs in a transaction and forgets the
 * plan of the card it changed (directly, or through the timeline's `refreshStage`).
 */
import type { Database } from 'better-sqlite3';
import type { ArchivedOpportunity, DeletedOpportunity, OpportunityContents } from '../../../shared/calls/journal-calls';
import { DELETED_KEPT_DAYS } from '../../../shared/calls/journal-calls';
import type { Opportunity, OpportunityWithRounds, Round } from '../../../shared/domain';
import type { ValidInput } from '../../../shared/contract';
import { CoreError, notFound } from '../errors';
import type { ContactStore } from '../people/contact-store';
import type { PlanInvalidation } from '../planner/plan-cache';
import type { TimelineStore } from '../timeline/timeline';
import { restoreRows, rowsTakenBy } from './deletion';
import type { DeletedRows } from './deletion';
import { prepared } from './statements';

interface OpportunityRow {
  id: number;
  company: string;
  role: string;
  job_url: string | null;
  location: string | null;
  source: string | null;
  company_size: Opportunity['companySize'];
  salary_notes: string | null;
  notes: string | null;
  /** JSON: an array of strings. */
  tags: string;
  recruiter_contact_id: number | null;
  stage: Opportunity['stage'];
  closed_reason: Opportunity['closedReason'];
  stage_changed_at: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

interface RoundRow {
  id: number;
  opportunity_id: number;
  number: number;
  starts_at: string;
  duration_minutes: number;
  format: Round['format'];
  arranged_channel: Round['arrangedChannel'];
  next_step: string | null;
  decision_date: string | null;
  arranged_by_contact_id: number | null;
  interviewer_ids: string | null;
  created_at: string;
  updated_at: string;
}

const hydrateOpportunity = (r: OpportunityRow): Opportunity => ({
  id: r.id,
  company: r.company,
  role: r.role,
  jobUrl: r.job_url,
  location: r.location,
  source: r.source,
  companySize: r.company_size,
  salaryNotes: r.salary_notes,
  notes: r.notes,
  tags: JSON.parse(r.tags) as string[],
  recruiterContactId: r.recruiter_contact_id,
  stage: r.stage,
  closedReason: r.closed_reason,
  stageChangedAt: r.stage_changed_at,
  archivedAt: r.archived_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const hydrateRound = (r: RoundRow): Round => ({
  id: r.id,
  opportunityId: r.opportunity_id,
  number: r.number,
  startsAt: r.starts_at,
  durationMinutes: r.duration_minutes,
  format: r.format,
  arrangedChannel: r.arranged_channel,
  nextStep: r.next_step,
  decisionDate: r.decision_date,
  interviewerIds: r.interviewer_ids ? r.interviewer_ids.split(',').map(Number) : [],
  arrangedByContactId: r.arranged_by_contact_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

type RoundFields = Omit<ValidInput<'rounds.create'>, 'opportunityId'>;

/** Rounds with their interviewers' ids, in the order the user listed them. */
const ROUND_SELECT = `SELECT r.*, (SELECT group_concat(contact_id) FROM
  (SELECT contact_id FROM round_interviewers WHERE round_id = r.id ORDER BY position)) AS interviewer_ids FROM rounds r`;
type OpportunityPatch = ValidInput<'opportunities.update'>['patch'];
type RoundPatch = ValidInput<'rounds.update'>['patch'];

const OPPORTUNITY_COLUMNS: Record<keyof OpportunityPatch, string> = {
  company: 'company',
  role: 'role',
  jobUrl: 'job_url',
  location: 'location',
  source: 'source',
  companySize: 'company_size',
  salaryNotes: 'salary_notes',
  notes: 'notes',
  tags: 'tags',
  recruiterContactId: 'recruiter_contact_id',
};
const ROUND_COLUMNS: Record<keyof RoundPatch, string> = {
  startsAt: 'starts_at',
  durationMinutes: 'duration_minutes',
  format: 'format',
  arrangedChannel: 'arranged_channel',
  nextStep: 'next_step',
  decisionDate: 'decision_date',
  arrangedByContactId: 'arranged_by_contact_id',
  interviewerIds: '',
};

/** `SET a = @a, b = @b` for the keys present in a validated patch (column names come from a fixed map). */
function setClause<P extends object>(patch: P, columns: Record<keyof P, string>): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  for (const key of Object.keys(patch) as (keyof P)[]) {
    const value = patch[key];
    if (value === undefined) continue;
    const column = columns[key];
    if (!column) continue;
    parts.push(`${column} = @${column}`);
    params[column] = value;
  }
  return { sql: parts.join(', '), params };
}

export class OpportunityStore {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
    private readonly timeline: TimelineStore,
    private readonly people: ContactStore,
    private readonly plans: PlanInvalidation,
  ) {}

  list(): OpportunityWithRounds[] {
    const opportunities = prepared<[], OpportunityRow>(this.db, 'SELECT * FROM opportunities ORDER BY id').all();
    const rounds = prepared<[], RoundRow>(this.db, `${ROUND_SELECT} ORDER BY r.opportunity_id, r.number`).all();
    const byOpportunity = new Map<number, Round[]>();
    for (const row of rounds) {
      const list = byOpportunity.get(row.opportunity_id) ?? [];
      list.push(hydrateRound(row));
      byOpportunity.set(row.opportunity_id, list);
    }
    return opportunities.map((o) => ({ ...hydrateOpportunity(o), rounds: byOpportunity.get(o.id) ?? [] }));
  }

  get(id: number): OpportunityWithRounds {
    const row = prepared<[number], OpportunityRow>(this.db, 'SELECT * FROM opportunities WHERE id = ?').get(id);
    if (!row) throw notFound('opportunity', id);
    return { ...hydrateOpportunity(row), rounds: this.roundsOf(id) };
  }

  create(input: ValidInput<'opportunities.create'>): OpportunityWithRounds {
    const at = this.now().toISOString();
    const id = this.db.transaction(() => {
      // References first: a missing row is named, not left to fail as a foreign key. New people
      // typed into the form are added here, in its transaction.
      const person = this.people.resolver();
      const recruiter = input.recruiterContactId === null ? null : person(input.recruiterContactId, 'recruiterContactId');
      const { lastInsertRowid } = prepared(this.db,
          `INSERT INTO opportunities (company, role, job_url, location, source, company_size, salary_notes, notes, tags, recruiter_contact_id, created_at, updated_at)
           VALUES (@company, @role, @jobUrl, @location, @source, @companySize, @salaryNotes, @notes, @tags, @recruiterContactId, @at, @at)`,
        )
        .run({
          company: input.company,
          role: input.role,
          jobUrl: input.jobUrl,
          location: input.location,
          source: input.source,
          companySize: input.companySize,
          salaryNotes: input.salaryNotes,
          notes: input.notes,
          tags: JSON.stringify(input.tags),
          recruiterContactId: recruiter,
          at,
        });
      const opportunityId = Number(lastInsertRowid);
      if (input.firstRound) this.insertRound(opportunityId, input.firstRound, at, 'firstRound.', person);
      this.timeline.refreshStage(opportunityId);
      return opportunityId;
    }).immediate();
    return this.get(id);
  }

  update(id: number, patch: OpportunityPatch): Opportunity {
    this.db.transaction(() => {
      this.get(id);
      const recruiter = patch.recruiterContactId ? this.people.resolver()(patch.recruiterContactId, 'patch.recruiterContactId') : patch.recruiterContactId;
      const { sql, params } = setClause({ ...patch, recruiterContactId: recruiter, tags: patch.tags && JSON.stringify(patch.tags) }, OPPORTUNITY_COLUMNS);
      const changes = prepared(this.db, `UPDATE opportunities SET ${sql}, updated_at = @updated_at WHERE id = @id`)
        .run({ ...params, updated_at: this.now().toISOString(), id }).changes;
      if (changes === 0) throw notFound('opportunity', id);
      this.plans.invalidate(id);
    }).immediate();
    return this.get(id);
  }

  /**
   * Deletes a card and all it holds, keeping the rows aside so the deletion can be undone (see
   * deletion.ts). Answers the deletion's id.
   */
  delete(id: number): number {
    return this.db.transaction(() => {
      const opportunity = this.get(id);
      this.forgetOldDeletions();
      const rows = rowsTakenBy(this.db, id);
      const { lastInsertRowid } = prepared(this.db, 'INSERT INTO deleted_opportunities (opportunity_id, company, role, deleted_at, rows) VALUES (?, ?, ?, ?, ?)')
        .run(id, opportunity.company, opportunity.role, this.now().toISOString(), JSON.stringify(rows));
      prepared(this.db, 'DELETE FROM opportunities WHERE id = ?').run(id);
      this.plans.invalidate(id);
      return Number(lastInsertRowid);
    }).immediate();
  }

  /** Brings a deleted card back with everything it held; answers its id (a new one if its old id was taken since). */
  undoDelete(deletionId: number): number {
    return this.db.transaction(() => {
      const row = prepared<[number], { rows: string }>(this.db, 'SELECT rows FROM deleted_opportunities WHERE id = ?').get(deletionId);
      if (!row) throw new CoreError('not_found', `There is no deleted opportunity ${deletionId} to bring back (deleted cards are kept ${DELETED_KEPT_DAYS} days).`);
      const id = restoreRows(this.db, JSON.parse(row.rows) as DeletedRows);
      prepared(this.db, 'DELETE FROM deleted_opportunities WHERE id = ?').run(deletionId);
      this.plans.invalidate(id);
      return id;
    }).immediate();
  }

  /** The deleted cards that can still be brought back, newest first. */
  deletions(): DeletedOpportunity[] {
    const since = new Date(this.now().getTime() - DELETED_KEPT_DAYS * 86_400_000).toISOString();
    const rows = prepared<[string], { id: number; opportunity_id: number; company: string; role: string; deleted_at: string; rows: string }>(this.db,
        'SELECT * FROM deleted_opportunities WHERE deleted_at >= ? ORDER BY deleted_at DESC, id DESC',
      )
      .all(since);
    return rows.map((r) => {
      const { tables } = JSON.parse(r.rows) as DeletedRows;
      return {
        deletionId: r.id,
        opportunityId: r.opportunity_id,
        company: r.company,
        role: r.role,
        deletedAt: r.deleted_at,
        rounds: tables.rounds?.length ?? 0,
        events: tables.events?.length ?? 0,
        letters: tables.letters?.length ?? 0,
        reflections: tables.reflections?.length ?? 0,
      };
    });
  }

  /** Deleted cards are kept a fixed number of days; after that their rows are gone for good. */
  private forgetOldDeletions(): void {
    const before = new Date(this.now().getTime() - DELETED_KEPT_DAYS * 86_400_000).toISOString();
    prepared(this.db, 'DELETE FROM deleted_opportunities WHERE deleted_at < ?').run(before);
  }

  /** What a card holds: what deleting it would take with it. */
  contents(id: number): OpportunityContents {
    this.get(id);
    const count = (sql: string) => prepared(this.db, sql).pluck().get(id) as number;
    return {
      rounds: count('SELECT count(*) FROM rounds WHERE opportunity_id = ?'),
      events: count('SELECT count(*) FROM events WHERE opportunity_id = ? AND undone_at IS NULL'),
      letters: count('SELECT count(*) FROM letters WHERE opportunity_id = ?'),
      reflections: count('SELECT count(*) FROM reflections WHERE round_id IN (SELECT id FROM rounds WHERE opportunity_id = ?)'),
    };
  }

  /** Archives a card (off the board and the reminders) or brings it back. */
  setArchived(id: number, archived: boolean): Opportunity {
    this.db.transaction(() => {
      const current = this.get(id);
      if (archived === (current.archivedAt !== null)) {
        throw new CoreError('conflict', `${current.company} is ${archived ? 'already archived' : 'not archived'}.`);
      }
      const at = this.now().toISOString();
      prepared(this.db, 'UPDATE opportunities SET archived_at = ?, updated_at = ? WHERE id = ?').run(archived ? at : null, at, id);
      this.plans.invalidate(id);
    }).immediate();
    return this.get(id);
  }

  archived(): ArchivedOpportunity[] {
    return prepared(this.db,
        `SELECT id, company, role, archived_at AS archivedAt, stage, closed_reason AS closedReason FROM opportunities
         WHERE archived_at IS NOT NULL ORDER BY archived_at DESC, id DESC`,
      )
      .all() as ArchivedOpportunity[];
  }

  /** The companies of some cards, in one read (a list of what is due names each card). */
  companiesOf(ids: readonly number[]): Map<number, string> {
    const rows = prepared(this.db, 'SELECT id, company FROM opportunities WHERE id IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify(ids)) as [number, string][];
    return new Map(rows);
  }

  /** The company's name, for a line that names the card (a reminder, the tray). */
  companyOf(id: number): string {
    return String(prepared(this.db, 'SELECT company FROM opportunities WHERE id = ?').pluck().get(id));
  }

  roundsOf(opportunityId: number): Round[] {
    return prepared<[number], RoundRow>(this.db, `${ROUND_SELECT} WHERE r.opportunity_id = ? ORDER BY r.number`)
      .all(opportunityId)
      .map(hydrateRound);
  }

  getRound(id: number): Round {
    const row = prepared<[number], RoundRow>(this.db, `${ROUND_SELECT} WHERE r.id = ?`).get(id);
    if (!row) throw notFound('round', id);
    return hydrateRound(row);
  }

  createRound(input: ValidInput<'rounds.create'>, field = ''): Round {
    const id = this.db.transaction(() => {
      const exists = prepared(this.db, 'SELECT 1 FROM opportunities WHERE id = ?').get(input.opportunityId);
      if (!exists) throw notFound('opportunity', input.opportunityId, 'opportunityId');
      const at = this.now().toISOString();
      prepared(this.db, 'UPDATE opportunities SET updated_at = ? WHERE id = ?').run(at, input.opportunityId);
      const roundId = this.insertRound(input.opportunityId, input, at, field, this.people.resolver());
      // A new round moves the card back to Upcoming (docs/follow-up-rules.md "The board").
      this.timeline.refreshStage(input.opportunityId);
      return roundId;
    }).immediate();
    return this.getRound(id);
  }

  updateRound(id: number, patch: RoundPatch): Round {
    this.db.transaction(() => {
      const round = this.getRound(id);
      const person = this.people.resolver();
      const interviewerIds = patch.interviewerIds?.map((p) => person(p, 'patch.interviewerIds'));
      const arrangedBy = patch.arrangedByContactId ? person(patch.arrangedByContactId, 'patch.arrangedByContactId') : patch.arrangedByContactId;
      const { sql, params } = setClause({ ...patch, arrangedByContactId: arrangedBy }, ROUND_COLUMNS);
      prepared(this.db, `UPDATE rounds SET ${sql ? `${sql}, ` : ''}updated_at = @updated_at WHERE id = @id`).run({
        ...params,
        updated_at: this.now().toISOString(),
        id,
      });
      if (interviewerIds) this.setInterviewers(id, [...new Set(interviewerIds)]);
      this.timeline.refreshStage(round.opportunityId);
    }).immediate();
    return this.getRound(id);
  }

  deleteRound(id: number): Round {
    return this.db.transaction(() => {
      const round = this.getRound(id);
      prepared(this.db, 'DELETE FROM rounds WHERE id = ?').run(id);
      this.timeline.refreshStage(round.opportunityId);
      return round;
    }).immediate();
  }

  private setInterviewers(roundId: number, contactIds: readonly number[]): void {
    prepared(this.db, 'DELETE FROM round_interviewers WHERE round_id = ?').run(roundId);
    const insert = prepared(this.db, 'INSERT INTO round_interviewers (round_id, contact_id, position) VALUES (?, ?, ?)');
    contactIds.forEach((contactId, position) => insert.run(roundId, contactId, position));
  }

  /** `field` prefixes the names of the fields in errors (`firstRound.`, `nextRound.`). */
  private insertRound(opportunityId: number, round: RoundFields, at: string, field: string, person: ReturnType<ContactStore['resolver']>): number {
    const interviewerIds = round.interviewerIds.map((p) => person(p, `${field}interviewerIds`));
    const arrangedBy = round.arrangedByContactId === null ? null : person(round.arrangedByContactId, `${field}arrangedByContactId`);
    const { next } = prepared<[number], { next: number }>(this.db, 'SELECT coalesce(max(number), 0) + 1 AS next FROM rounds WHERE opportunity_id = ?')
      .get(opportunityId)!;
    const { lastInsertRowid } = prepared(this.db,
        `INSERT INTO rounds (opportunity_id, number, starts_at, duration_minutes, format, arranged_channel, next_step, decision_date, arranged_by_contact_id, created_at, updated_at)
         VALUES (@opportunityId, @number, @startsAt, @durationMinutes, @format, @arrangedChannel, @nextStep, @decisionDate, @arrangedBy, @at, @at)`,
      )
      .run({
        opportunityId,
        number: next,
        startsAt: round.startsAt,
        durationMinutes: round.durationMinutes,
        format: round.format,
        arrangedChannel: round.arrangedChannel,
        nextStep: round.nextStep,
        decisionDate: round.decisionDate,
        arrangedBy,
        at,
      });
    const roundId = Number(lastInsertRowid);
    this.setInterviewers(roundId, [...new Set(interviewerIds)]);
    return roundId;
  }
}
