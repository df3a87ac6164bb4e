/**
 * What goes into a calendar file: interviews (rounds) and the follow-ups the planner has open
 * (pending or snoozed, at the time they are due). For one opportunity: all its rounds and its open
 * follow-ups. For everything upcoming: rounds and open follow-ups from a week ago (so today's and
 * this week's stay visible, a missed thank-you included) to a year ahead.
 */
import type { Database } from 'better-sqlite3';
import type { Action } from '../../../shared/domain';
import { ACTION_TITLES } from '../../../shared/domain';
import { effectiveDue } from '../../../shared/domain';
import type { CalendarEvent } from './ics';
import { prepared } from '../journal/statements';

export const UPCOMING_FROM_MS = 7 * 86_400_000;
export const UPCOMING_TO_MS = 366 * 86_400_000;
/** A follow-up is shown as a quarter of an hour at the moment it is due. */
const ACTION_MINUTES = 15;
const FORMAT_NAMES = { video: 'Video', phone: 'Phone', 'in-person': 'In person' } as const;

interface RoundRow {
  id: number;
  opportunity_id: number;
  number: number;
  starts_at: string;
  duration_minutes: number;
  format: keyof typeof FORMAT_NAMES;
  next_step: string | null;
  decision_date: string | null;
  created_at: string;
  updated_at: string;
  company: string;
  role: string;
  location: string | null;
  job_url: string | null;
  opportunity_created_at: string;
  people: string | null;
}

const ROUNDS = `SELECT r.*, o.company, o.role, o.location, o.job_url, o.created_at AS opportunity_created_at,
    (SELECT group_concat(c.name, ', ') FROM (SELECT contact_id FROM round_interviewers WHERE round_id = r.id ORDER BY position) ri
       JOIN contacts c ON c.id = ri.contact_id) AS people
  FROM rounds r JOIN opportunities o ON o.id = r.opportunity_id`;

const compact = (iso: string) => iso.replace(/[^0-9]/g, '').slice(0, 14);
/** UIDs name the row and when it was created (ids can be reused after a delete; this pair cannot). */
const roundUid = (r: RoundRow) => `round-${r.id}-${compact(r.created_at)}@afterword.local`;
const actionUid = (a: Action, opportunityCreatedAt: string) =>
  `action-${a.opportunityId}-${compact(opportunityCreatedAt)}-${a.key.replace(/[^A-Za-z0-9-]+/g, '.')}@afterword.local`;

function roundEvent(r: RoundRow): CalendarEvent {
  const start = new Date(r.starts_at);
  const description = [
    `Round ${r.number} with ${r.company} for ${r.role}.`,
    `Format: ${FORMAT_NAMES[r.format]}.`,
    r.people ? `Interviewers: ${r.people}.` : null,
    r.next_step ? `Next step they stated: ${r.next_step}` : null,
    r.decision_date ? `They said they would decide by ${r.decision_date}.` : null,
    r.job_url ? `Job: ${r.job_url}` : null,
  ].filter((l): l is string => l !== null);
  return {
    uid: roundUid(r),
    start,
    end: new Date(start.getTime() + r.duration_minutes * 60_000),
    summary: `Interview: ${r.company}, ${r.role} (round ${r.number})`,
    description: description.join('\n'),
    location: r.format === 'in-person' ? r.location : FORMAT_NAMES[r.format],
    url: r.job_url,
    lastModified: r.updated_at,
    categories: ['Afterword', 'Interview'],
  };
}

function actionEvent(a: Action, company: { name: string; role: string; createdAt: string }): CalendarEvent {
  const start = new Date(effectiveDue(a));
  const to = a.recipient ? ` to ${a.recipient.name}` : '';
  return {
    uid: actionUid(a, company.createdAt),
    start,
    end: new Date(start.getTime() + ACTION_MINUTES * 60_000),
    summary: `${ACTION_TITLES[a.kind]}${to} (${company.name})`,
    description: [
      `${ACTION_TITLES[a.kind]}${to}, by ${a.channel}, for ${company.name}, ${company.role}.`,
      a.why,
      a.status === 'snoozed' ? `Snoozed until ${a.snoozedUntil}.` : `Window: from ${a.earliest} to ${a.latest} (UTC).`,
    ].join('\n'),
    categories: ['Afterword', 'Follow-up'],
  };
}

function companies(db: Database): Map<number, { name: string; role: string; createdAt: string }> {
  const rows = prepared(db, 'SELECT id, company, role, created_at FROM opportunities').raw().all() as [number, string, string, string][];
  return new Map(rows.map(([id, name, role, createdAt]) => [id, { name, role, createdAt }]));
}

const isOpen = (a: Action) => a.status === 'pending' || a.status === 'snoozed';

export function opportunityCalendarEvents(db: Database, opportunityId: number, actions: readonly Action[]): CalendarEvent[] {
  const rounds = prepared<[number], RoundRow>(db, `${ROUNDS} WHERE r.opportunity_id = ? ORDER BY r.number`).all(opportunityId);
  const names = companies(db);
  const events = rounds.map(roundEvent);
  for (const a of actions) if (isOpen(a) && names.has(a.opportunityId)) events.push(actionEvent(a, names.get(a.opportunityId)!));
  return sortEvents(events);
}

export function upcomingCalendarEvents(db: Database, openActions: readonly Action[], now: Date): CalendarEvent[] {
  const from = new Date(now.getTime() - UPCOMING_FROM_MS).toISOString();
  const to = new Date(now.getTime() + UPCOMING_TO_MS).toISOString();
  const rounds = prepared<[string, string], RoundRow>(db, `${ROUNDS} WHERE r.starts_at >= ? AND r.starts_at <= ? ORDER BY r.starts_at, r.id`).all(from, to);
  const names = companies(db);
  const events = rounds.map(roundEvent);
  for (const a of openActions) {
    const due = effectiveDue(a);
    if (isOpen(a) && due >= from && due <= to && names.has(a.opportunityId)) events.push(actionEvent(a, names.get(a.opportunityId)!));
  }
  return sortEvents(events);
}

const sortEvents = (events: CalendarEvent[]) => events.sort((a, b) => a.start.getTime() - b.start.getTime() || (a.uid < b.uid ? -1 : 1));
