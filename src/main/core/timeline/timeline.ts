/**
 * The timeline of events on each card, and the states the user gave actions. Recording an event
 * also brings the opportunity's stored stage in step with its timeline (one transaction), and
 * every write here forgets the plan of the card it touched.
 */
import type { Database } from 'better-sqlite3';
import type { Channel, EventKind, TimelineEvent } from '../../../shared/domain';
import { notFound } from '../errors';
import type { ContactStore } from '../people/contact-store';
import type { ActionState } from '../planner/plan';
import type { PlanInvalidation } from '../planner/plan-cache';
import { deriveStage } from '../planner/stage';
import { prepared } from '../journal/statements';

export interface EventRow {
  id: number;
  opportunity_id: number;
  round_id: number | null;
  contact_id: number | null;
  kind: string;
  channel: string | null;
  occurred_at: string;
  note: string | null;
  created_at: string;
  undone_at: string | null;
}

export const hydrateEvent = (r: EventRow): TimelineEvent => ({
  id: r.id,
  opportunityId: r.opportunity_id,
  roundId: r.round_id,
  contactId: r.contact_id,
  kind: r.kind as EventKind,
  channel: r.channel as Channel | null,
  occurredAt: r.occurred_at,
  note: r.note,
  createdAt: r.created_at,
  undoneAt: r.undone_at,
});

export interface NewEvent {
  readonly opportunityId: number;
  readonly roundId: number | null;
  readonly contactId: number | null;
  readonly kind: EventKind;
  readonly channel: Channel | null;
  readonly occurredAt: string;
  readonly note: string | null;
}

/** Events that count as contacting someone (they update the contact's `last contacted`). */
export const CONTACTING: ReadonlySet<EventKind> = new Set([
  'thank_you_sent',
  'card_mailed',
  'linkedin_request_sent',
  'status_check_sent',
  'call_made',
  'check_in_sent',
]);

export class TimelineStore {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
    private readonly people: ContactStore,
    private readonly plans: PlanInvalidation,
  ) {}

  // ---- events ----

  eventsOf(opportunityId: number): TimelineEvent[] {
    return prepared<[number], EventRow>(this.db, 'SELECT * FROM events WHERE opportunity_id = ? ORDER BY occurred_at, id')
      .all(opportunityId)
      .map(hydrateEvent);
  }

  getEvent(id: number): TimelineEvent {
    const row = prepared<[number], EventRow>(this.db, 'SELECT * FROM events WHERE id = ?').get(id);
    if (!row) throw notFound('event', id);
    return hydrateEvent(row);
  }

  /** Records events (one transaction) and re-derives the opportunity's stage. */
  record(events: readonly NewEvent[]): TimelineEvent[] {
    const at = this.now().toISOString();
    const insert = prepared(this.db,
      `INSERT INTO events (opportunity_id, round_id, contact_id, kind, channel, occurred_at, note, created_at)
       VALUES (@opportunityId, @roundId, @contactId, @kind, @channel, @occurredAt, @note, @at)`,
    );
    const ids = this.db.transaction(() => {
      const out: number[] = [];
      const opportunities = new Set<number>();
      for (const event of events) {
        this.requireOpportunity(event.opportunityId);
        if (event.roundId !== null) this.requireRoundOf(event.roundId, event.opportunityId);
        if (event.contactId !== null) this.people.require([event.contactId], 'contactId');
        out.push(Number(insert.run({ ...event, at }).lastInsertRowid));
        if (event.contactId !== null && CONTACTING.has(event.kind)) this.people.touch(event.contactId, event.occurredAt);
        opportunities.add(event.opportunityId);
      }
      for (const id of opportunities) this.refreshStage(id);
      return out;
    }).immediate();
    return ids.map((id) => this.getEvent(id));
  }

  /** Marks events undone (kept in the timeline, ignored by the planner) and re-derives the stage. */
  undo(eventIds: readonly number[]): void {
    const at = this.now().toISOString();
    this.db.transaction(() => {
      const opportunities = new Set<number>();
      for (const id of eventIds) {
        const event = this.getEvent(id);
        prepared(this.db, 'UPDATE events SET undone_at = ? WHERE id = ? AND undone_at IS NULL').run(at, id);
        opportunities.add(event.opportunityId);
      }
      for (const id of opportunities) this.refreshStage(id);
    }).immediate();
  }

  /** Brings `opportunities.stage` in step with rounds and events. Call inside a transaction. */
  refreshStage(opportunityId: number): void {
    this.plans.invalidate(opportunityId);
    const rounds = prepared<[number], { id: number; created_at: string; interviewers: string | null }>(this.db,
        `SELECT r.id, r.created_at, (SELECT group_concat(contact_id) FROM round_interviewers WHERE round_id = r.id) AS interviewers
         FROM rounds r WHERE r.opportunity_id = ? ORDER BY r.number`,
      )
      .all(opportunityId)
      .map((r) => ({ id: r.id, createdAt: r.created_at, interviewerIds: r.interviewers ? r.interviewers.split(',').map(Number) : [] }));
    const derived = deriveStage(rounds, this.eventsOf(opportunityId));
    prepared(this.db,
        `UPDATE opportunities SET stage = @stage, closed_reason = @closedReason, stage_changed_at = @since
         WHERE id = @id AND (stage IS NOT @stage OR closed_reason IS NOT @closedReason OR stage_changed_at IS NOT @since)`,
      )
      .run({ id: opportunityId, stage: derived.stage, closedReason: derived.closedReason, since: derived.since });
  }

  // ---- action states ----

  statesOf(opportunityId: number): Map<string, ActionState> {
    const rows = prepared<[number], { action_key: string; state: ActionState['state']; until: string | null; at: string }>(this.db,
        'SELECT action_key, state, until, at FROM action_states WHERE opportunity_id = ?',
      )
      .all(opportunityId);
    return new Map(rows.map((r) => [r.action_key, { state: r.state, until: r.until, at: r.at }]));
  }

  setState(opportunityId: number, key: string, state: ActionState['state'], until: string | null): void {
    prepared(this.db,
        `INSERT INTO action_states (action_key, opportunity_id, state, until, at) VALUES (@key, @opportunityId, @state, @until, @at)
         ON CONFLICT (opportunity_id, action_key) DO UPDATE SET state = excluded.state, until = excluded.until, at = excluded.at`,
      )
      .run({ key, opportunityId, state, until, at: this.now().toISOString() });
    this.plans.invalidate(opportunityId);
  }

  clearState(opportunityId: number, key: string): void {
    prepared(this.db, 'DELETE FROM action_states WHERE opportunity_id = ? AND action_key = ?').run(opportunityId, key);
    this.plans.invalidate(opportunityId);
  }

  private requireOpportunity(id: number): void {
    if (!prepared(this.db, 'SELECT 1 FROM opportunities WHERE id = ?').get(id)) throw notFound('opportunity', id, 'opportunityId');
  }

  private requireRoundOf(roundId: number, opportunityId: number): void {
    const row = prepared<[number], { opportunity_id: number }>(this.db, 'SELECT opportunity_id FROM rounds WHERE id = ?').get(roundId);
    if (!row || row.opportunity_id !== opportunityId) throw notFound('round of this opportunity', roundId, 'roundId');
  }
}
