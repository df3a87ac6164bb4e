/**
 * Reads what the planner needs from the journal, for one opportunity or all of them, in a fixed
 * number of queries (no query per card), and runs the pure planner over it.
 */
import type { Database } from 'better-sqlite3';
import type { Action, Channel, EventKind, StoredStage, TimelineEvent } from '../../../shared/domain';
import { planOpportunity } from './plan';
import type { ActionState, PlanContext, PlanInput, PlanPerson, PlanRound } from './plan';
import { notClosed, prepared } from '../journal/statements';

/** Which opportunities to read: one, a list, every one not closed, or all. */
export type PlanScope = { readonly ids: readonly number[] } | 'open' | 'all';

export function loadPlanInputs(db: Database, scope: PlanScope | number = 'all'): PlanInput[] {
  const normal = typeof scope === 'number' ? { ids: [scope] } : scope;
  // The same opportunity filter in every query; ids travel as one JSON parameter.
  const inScope =
    normal === 'all' ? null : normal === 'open' ? `IN (SELECT id FROM opportunities WHERE ${notClosed()})` : `IN (SELECT value FROM json_each(@ids))`;
  const params = typeof normal === 'object' ? [{ ids: JSON.stringify(normal.ids) }] : [];
  const only = (column: string): { where: string; params: unknown[] } => (inScope ? { where: `WHERE ${column} ${inScope}`, params } : { where: '', params: [] });

  const people = new Map<number, PlanPerson>();
  const person = (id: number | null): PlanPerson | null => (id === null ? null : (people.get(id) ?? null));
  // Only the people of the cards in scope: the contacts of a long search are mostly its history.
  const contactFilter = inScope
    ? `WHERE id IN (SELECT contact_id FROM round_interviewers ri JOIN rounds r ON r.id = ri.round_id WHERE r.opportunity_id ${inScope}
         UNION SELECT arranged_by_contact_id FROM rounds WHERE opportunity_id ${inScope}
         UNION SELECT recruiter_contact_id FROM opportunities WHERE id ${inScope})`
    : '';
  for (const [id, name, linkedinUrl] of prepared(db, `SELECT id, name, linkedin_url FROM contacts ${contactFilter}`)
    .raw()
    .all(...(contactFilter ? params : [])) as [number, string, string | null][]) {
    people.set(id, { contactId: id, name, linkedinUrl });
  }

  const o = only('id');
  const opportunities = prepared<unknown[], { id: number; company: string; stage: StoredStage; stage_changed_at: string | null; recruiter_contact_id: number | null; created_at: string }>(db,
      `SELECT id, company, stage, stage_changed_at, recruiter_contact_id, created_at FROM opportunities ${o.where} ORDER BY id`,
    )
    .all(...o.params);

  const interviewers = new Map<number, PlanPerson[]>();
  const ri = only('r.opportunity_id');
  for (const row of prepared<unknown[], { round_id: number; contact_id: number }>(db,
      `SELECT ri.round_id, ri.contact_id FROM round_interviewers ri JOIN rounds r ON r.id = ri.round_id ${ri.where} ORDER BY ri.round_id, ri.position`,
    )
    .all(...ri.params)) {
    const p = person(row.contact_id);
    if (!p) continue;
    const list = interviewers.get(row.round_id) ?? [];
    list.push(p);
    interviewers.set(row.round_id, list);
  }

  const rounds = new Map<number, PlanRound[]>();
  const r = only('opportunity_id');
  for (const row of prepared<
      unknown[],
      {
        id: number;
        opportunity_id: number;
        number: number;
        starts_at: string;
        duration_minutes: number;
        format: PlanRound['format'];
        arranged_channel: PlanRound['arrangedChannel'];
        decision_date: string | null;
        arranged_by_contact_id: number | null;
      }
    >(db,
      `SELECT id, opportunity_id, number, starts_at, duration_minutes, format, arranged_channel, decision_date, arranged_by_contact_id
       FROM rounds ${r.where} ORDER BY opportunity_id, number`,
    )
    .all(...r.params)) {
    const list = rounds.get(row.opportunity_id) ?? [];
    list.push({
      id: row.id,
      number: row.number,
      startsAt: row.starts_at,
      durationMinutes: row.duration_minutes,
      format: row.format,
      arrangedChannel: row.arranged_channel,
      decisionDate: row.decision_date,
      interviewers: interviewers.get(row.id) ?? [],
      arrangedBy: person(row.arranged_by_contact_id),
    });
    rounds.set(row.opportunity_id, list);
  }

  const events = new Map<number, TimelineEvent[]>();
  const e = only('opportunity_id');
  // Raw rows: this is the biggest read of a whole-board plan.
  for (const row of prepared(db,
      `SELECT id, opportunity_id, round_id, contact_id, kind, channel, occurred_at, note, created_at, undone_at FROM events
       ${e.where ? `${e.where} AND` : 'WHERE'} undone_at IS NULL ORDER BY opportunity_id, occurred_at, id`,
    )
    .raw()
    .all(...e.params) as [number, number, number | null, number | null, EventKind, Channel | null, string, string | null, string, string | null][]) {
    const opportunityId = row[1];
    let list = events.get(opportunityId);
    if (!list) events.set(opportunityId, (list = []));
    list.push({
      id: row[0],
      opportunityId,
      roundId: row[2],
      contactId: row[3],
      kind: row[4],
      channel: row[5],
      occurredAt: row[6],
      note: row[7],
      createdAt: row[8],
      undoneAt: row[9],
    });
  }

  const states = new Map<number, Map<string, ActionState>>();
  const s = only('opportunity_id');
  for (const row of prepared<unknown[], { action_key: string; opportunity_id: number; state: ActionState['state']; until: string | null; at: string }>(db,
      `SELECT action_key, opportunity_id, state, until, at FROM action_states ${s.where}`,
    )
    .all(...s.params)) {
    const map = states.get(row.opportunity_id) ?? new Map<string, ActionState>();
    map.set(row.action_key, { state: row.state, until: row.until, at: row.at });
    states.set(row.opportunity_id, map);
  }

  return opportunities.map((opp) => ({
    opportunityId: opp.id,
    company: opp.company,
    stage: opp.stage,
    stageChangedAt: opp.stage_changed_at,
    createdAt: opp.created_at,
    recruiter: person(opp.recruiter_contact_id),
    rounds: rounds.get(opp.id) ?? [],
    events: events.get(opp.id) ?? [],
    states: states.get(opp.id) ?? new Map(),
  }));
}

/** The open actions of every card (closed cards have none, so they are not even read). */
export function planAll(db: Database, ctx: Omit<PlanContext, 'openOnly'>): Map<number, Action[]> {
  const plans = new Map<number, Action[]>();
  const open = { ...ctx, openOnly: true };
  for (const input of loadPlanInputs(db, 'open')) plans.set(input.opportunityId, planOpportunity(input, open));
  return plans;
}

export function planOne(db: Database, opportunityId: number, ctx: PlanContext): Action[] {
  const input = loadPlanInputs(db, opportunityId)[0];
  return input ? planOpportunity(input, ctx) : [];
}
