/**
 * Opportunities and their rounds in the journal. Row types stay here; the rest of the core sees
 * the domain types of `src/shared/domain.ts`. Every write runs in a transaction and forgets the
 * plan of the card it changed (directly, or through the timeline's `refreshStage`).
 */
import type { Database } from 'better-sqlite3';
import type { Opportunity, OpportunityWithRounds, Round } from '../../../shared/domain';
import type { ValidInput } from '../../../shared/contract';
import { notFound } from '../errors';
import type { ContactStore } from '../people/contact-store';
import type { PlanInvalidation } from '../planner/plan-cache';
import type { TimelineStore } from '../timeline/timeline';
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
  recruiter_contact_id: number | null;
  stage: Opportunity['stage'];
  closed_reason: Opportunity['closedReason'];
  stage_changed_at: string | null;
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
  recruiterContactId: r.recruiter_contact_id,
  stage: r.stage,
  closedReason: r.closed_reason,
  stageChangedAt: r.stage_changed_at,
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
      // References first: a missing row is named, not left to fail as a foreign key.
      if (input.recruiterContactId !== null) this.people.require([input.recruiterContactId], 'recruiterContactId');
      const { lastInsertRowid } = prepared(this.db,
          `INSERT INTO opportunities (company, role, job_url, location, source, company_size, salary_notes, recruiter_contact_id, created_at, updated_at)
           VALUES (@company, @role, @jobUrl, @location, @source, @companySize, @salaryNotes, @recruiterContactId, @at, @at)`,
        )
        .run({
          company: input.company,
          role: input.role,
          jobUrl: input.jobUrl,
          location: input.location,
          source: input.source,
          companySize: input.companySize,
          salaryNotes: input.salaryNotes,
          recruiterContactId: input.recruiterContactId,
          at,
        });
      const opportunityId = Number(lastInsertRowid);
      if (input.firstRound) this.insertRound(opportunityId, input.firstRound, at, 'firstRound.');
      this.timeline.refreshStage(opportunityId);
      return opportunityId;
    }).immediate();
    return this.get(id);
  }

  update(id: number, patch: OpportunityPatch): Opportunity {
    const { sql, params } = setClause(patch, OPPORTUNITY_COLUMNS);
    this.db.transaction(() => {
      if (patch.recruiterContactId) this.people.require([patch.recruiterContactId], 'patch.recruiterContactId');
      const changes = prepared(this.db, `UPDATE opportunities SET ${sql}, updated_at = @updated_at WHERE id = @id`)
        .run({ ...params, updated_at: this.now().toISOString(), id }).changes;
      if (changes === 0) throw notFound('opportunity', id);
      this.plans.invalidate(id);
    }).immediate();
    return this.get(id);
  }

  delete(id: number): number {
    const changes = prepared(this.db, 'DELETE FROM opportunities WHERE id = ?').run(id).changes;
    if (changes === 0) throw notFound('opportunity', id);
    this.plans.invalidate(id);
    return id;
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
      const roundId = this.insertRound(input.opportunityId, input, at, field);
      // A new round moves the card back to Upcoming (docs/follow-up-rules.md "The board").
      this.timeline.refreshStage(input.opportunityId);
      return roundId;
    }).immediate();
    return this.getRound(id);
  }

  updateRound(id: number, patch: RoundPatch): Round {
    const { sql, params } = setClause(patch, ROUND_COLUMNS);
    this.db.transaction(() => {
      const round = this.getRound(id);
      this.people.require(patch.interviewerIds ?? [], 'patch.interviewerIds');
      if (patch.arrangedByContactId) this.people.require([patch.arrangedByContactId], 'patch.arrangedByContactId');
      prepared(this.db, `UPDATE rounds SET ${sql ? `${sql}, ` : ''}updated_at = @updated_at WHERE id = @id`).run({
        ...params,
        updated_at: this.now().toISOString(),
        id,
      });
      if (patch.interviewerIds) this.setInterviewers(id, patch.interviewerIds);
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
  private insertRound(opportunityId: number, round: RoundFields, at: string, field = ''): number {
    this.people.require(round.interviewerIds, `${field}interviewerIds`);
    if (round.arrangedByContactId) this.people.require([round.arrangedByContactId], `${field}arrangedByContactId`);
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
        arrangedBy: round.arrangedByContactId,
        at,
      });
    const roundId = Number(lastInsertRowid);
    this.setInterviewers(roundId, round.interviewerIds);
    return roundId;
  }
}
