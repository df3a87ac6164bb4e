/**
 * The people of a search in the journal: interviewers, recruiters and other contacts, and when
 * each was last contacted (the timeline says so as it records an event). A person can be edited,
 * merged into another, or removed: a removed person keeps only the name, so the rounds, letters
 * and events that name them are never silently emptied.
 */
import type { Database } from 'better-sqlite3';
import type { PersonHistory, PersonHistoryEntry, PersonRound } from '../../../shared/calls/people-calls';
import type { Channel, Contact, EventKind, RoundFormat } from '../../../shared/domain';
import type { LetterKind } from '../../../shared/letters';
import { CoreError, notFound } from '../errors';
import type { PlanInvalidation } from '../planner/plan-cache';
import { remapActionKey } from '../transfer/matching';
import { prepared } from '../journal/statements';

interface ContactRow {
  id: number;
  name: string;
  title: string | null;
  company: string | null;
  email: string | null;
  phone: string | null;
  linkedin_url: string | null;
  notes: string | null;
  last_contacted_at: string | null;
  removed_at: string | null;
}

export const hydrateContact = (r: ContactRow): Contact => ({
  id: r.id,
  name: r.name,
  title: r.title,
  company: r.company,
  email: r.email,
  phone: r.phone,
  linkedinUrl: r.linkedin_url,
  notes: r.notes,
  lastContactedAt: r.last_contacted_at,
  removedAt: r.removed_at,
});

export interface ContactFields {
  readonly name: string;
  readonly title: string | null;
  readonly company: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly linkedinUrl: string | null;
  readonly notes: string | null;
}

/** Someone a form names: an id, or a new person to add with the form. */
export type PersonRef = number | { readonly new: ContactFields };

/** The columns that hold a person's details (cleared when they are removed, filled in by a merge). */
const DETAILS = ['title', 'company', 'email', 'phone', 'linkedin_url', 'notes'] as const;

/** Every column of the journal that refers to a contact, read from the schema (so a table added later is included). */
function contactReferences(db: Database): { table: string; column: string }[] {
  const tables = prepared(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  const refs: { table: string; column: string }[] = [];
  for (const table of tables) {
    for (const fk of prepared(db, 'SELECT "table" AS target, "from" AS column FROM pragma_foreign_key_list(?)').all(table) as { target: string; column: string }[]) {
      if (fk.target === 'contacts') refs.push({ table, column: fk.column });
    }
  }
  return refs;
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export class ContactStore {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
    private readonly plans: PlanInvalidation,
    /** Told of every person added (also by a form that adds them with itself), so the pages hear of them. */
    private readonly onCreated: (id: number) => void = () => undefined,
  ) {}

  list(): Contact[] {
    return prepared<[], ContactRow>(this.db, 'SELECT * FROM contacts ORDER BY name COLLATE NOCASE, id').all().map(hydrateContact);
  }

  get(id: number): Contact {
    const row = prepared<[number], ContactRow>(this.db, 'SELECT * FROM contacts WHERE id = ?').get(id);
    if (!row) throw notFound('contact', id);
    return hydrateContact(row);
  }

  create(fields: ContactFields): Contact {
    return this.get(this.insert(fields));
  }

  private insert(fields: ContactFields): number {
    const at = this.now().toISOString();
    const { lastInsertRowid } = prepared(this.db,
        `INSERT INTO contacts (name, title, company, email, phone, linkedin_url, notes, created_at, updated_at)
         VALUES (@name, @title, @company, @email, @phone, @linkedinUrl, @notes, @at, @at)`,
      )
      .run({ ...fields, at });
    this.onCreated(Number(lastInsertRowid));
    return Number(lastInsertRowid);
  }

  /**
   * Turns a form's people into ids, adding the new ones. Call inside the form's transaction: a
   * form that fails adds no one. The same new name twice in one form is one new person (the
   * interviewer who also arranged the round).
   */
  resolver(): (ref: PersonRef, field: string) => number {
    const added = new Map<string, number>();
    return (ref, field) => {
      if (typeof ref === 'number') {
        this.require([ref], field);
        return ref;
      }
      const key = ref.new.name.trim().toLowerCase();
      const known = added.get(key);
      if (known !== undefined) return known;
      const id = this.insert(ref.new);
      added.set(key, id);
      return id;
    };
  }

  update(id: number, patch: Partial<ContactFields>): Contact {
    return this.db.transaction(() => {
      const current = this.get(id);
      if (current.removedAt) throw new CoreError('conflict', `${current.name} was removed from your contacts, so their details cannot be changed.`);
      const next = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => (v as unknown) !== undefined)) };
      prepared(this.db,
          `UPDATE contacts SET name = @name, title = @title, company = @company, email = @email, phone = @phone, linkedin_url = @linkedinUrl,
             notes = @notes, updated_at = @at WHERE id = @id`,
        )
        .run({ id, name: next.name, title: next.title, company: next.company, email: next.email, phone: next.phone, linkedinUrl: next.linkedinUrl, notes: next.notes, at: this.now().toISOString() });
      // A name appears in the plans of every card the person is on.
      this.plans.invalidate();
      return this.get(id);
    }).immediate();
  }

  /** Refuses, naming the field, any id that is no contact: a missing reference is `not_found`, not a foreign-key failure. */
  require(ids: readonly number[], field?: string): void {
    const exists = prepared(this.db, 'SELECT 1 FROM contacts WHERE id = ?');
    for (const id of ids) if (!exists.get(id)) throw notFound('contact', id, field);
  }

  /** Records that someone was contacted at a moment (never moves the date back). */
  touch(id: number, at: string): void {
    prepared(this.db, 'UPDATE contacts SET last_contacted_at = @at WHERE id = @id AND (last_contacted_at IS NULL OR last_contacted_at < @at)')
      .run({ id, at });
  }

  /** The opportunities whose cards name a person (as interviewer, arranger, recruiter, or in the timeline). */
  opportunitiesOf(id: number): number[] {
    return prepared(this.db,
        `SELECT r.opportunity_id FROM round_interviewers ri JOIN rounds r ON r.id = ri.round_id WHERE ri.contact_id = @id
         UNION SELECT opportunity_id FROM rounds WHERE arranged_by_contact_id = @id
         UNION SELECT id FROM opportunities WHERE recruiter_contact_id = @id
         UNION SELECT opportunity_id FROM events WHERE contact_id = @id
         UNION SELECT opportunity_id FROM letters WHERE contact_id = @id`,
      )
      .pluck()
      .all({ id }) as number[];
  }

  /**
   * Takes a person off the contacts. Someone the journal names anywhere keeps their row with the
   * name only (their details are deleted); someone named nowhere is deleted outright.
   */
  remove(id: number): { removed: number; keptName: boolean } {
    return this.db.transaction(() => {
      const person = this.get(id);
      if (person.removedAt) throw new CoreError('conflict', `${person.name} was already removed from your contacts.`);
      const named = contactReferences(this.db).some(({ table, column }) =>
        prepared(this.db, `SELECT 1 FROM ${quote(table)} WHERE ${quote(column)} = ? LIMIT 1`).get(id),
      );
      if (named) {
        const at = this.now().toISOString();
        prepared(this.db, `UPDATE contacts SET ${DETAILS.map((c) => `${c} = NULL`).join(', ')}, removed_at = @at, updated_at = @at WHERE id = @id`)
          .run({ id, at });
      } else {
        prepared(this.db, 'DELETE FROM contacts WHERE id = ?').run(id);
      }
      this.plans.invalidate();
      return { removed: id, keptName: named };
    }).immediate();
  }

  /**
   * Two contacts who are one person: everything that names `mergeId` (rounds, letters, events,
   * recruiter, planned actions' states) names `keepId` instead, details missing on the kept one
   * are taken from the other, and `mergeId` is deleted. One transaction.
   */
  merge(keepId: number, mergeId: number): Contact {
    return this.db.transaction(() => {
      const keep = this.get(keepId);
      const other = this.get(mergeId);
      if (keep.removedAt || other.removedAt) throw new CoreError('conflict', `${keep.removedAt ? keep.name : other.name} was removed from your contacts and cannot be merged.`);
      const notes = keep.notes && other.notes && keep.notes !== other.notes ? `${keep.notes}\n\n${other.notes}` : (keep.notes ?? other.notes);
      prepared(this.db,
          `UPDATE contacts SET title = coalesce(title, @title), company = coalesce(company, @company), email = coalesce(email, @email),
             phone = coalesce(phone, @phone), linkedin_url = coalesce(linkedin_url, @linkedinUrl), notes = @notes,
             last_contacted_at = CASE WHEN @lastContactedAt IS NOT NULL AND (last_contacted_at IS NULL OR last_contacted_at < @lastContactedAt)
               THEN @lastContactedAt ELSE last_contacted_at END,
             updated_at = @at
           WHERE id = @keepId`,
        )
        .run({ ...other, notes, keepId, at: this.now().toISOString() });

      // Planned actions name their person in their key (`r12:thank-you:c7`): the states the user
      // gave the merged person's actions follow them, unless the kept person has one already.
      const opportunities = this.opportunitiesOf(mergeId);
      const contacts = new Map([[mergeId, keepId]]);
      this.rekeyActions(opportunities, contacts);

      // Every other reference, whatever table holds it; a row that would then repeat one of the
      // kept person's (both sat in the same round) is the same fact twice and goes.
      for (const { table, column } of contactReferences(this.db)) {
        prepared(this.db, `UPDATE OR IGNORE ${quote(table)} SET ${quote(column)} = ? WHERE ${quote(column)} = ?`).run(keepId, mergeId);
        prepared(this.db, `DELETE FROM ${quote(table)} WHERE ${quote(column)} = ?`).run(mergeId);
      }
      prepared(this.db, 'DELETE FROM contacts WHERE id = ?').run(mergeId);
      this.plans.invalidate();
      return this.get(keepId);
    }).immediate();
  }

  /** Moves the states of planned actions (and their notifications) from one person's keys to another's. */
  private rekeyActions(opportunities: readonly number[], contacts: ReadonlyMap<number, number>): void {
    const ids = JSON.stringify(opportunities);
    const noRounds = new Map<number, number>();
    const states = prepared(this.db, 'SELECT opportunity_id, action_key FROM action_states WHERE opportunity_id IN (SELECT value FROM json_each(?))')
      .all(ids) as { opportunity_id: number; action_key: string }[];
    const moveState = prepared(this.db, 'UPDATE OR IGNORE action_states SET action_key = ? WHERE opportunity_id = ? AND action_key = ?');
    const dropState = prepared(this.db, 'DELETE FROM action_states WHERE opportunity_id = ? AND action_key = ?');
    for (const s of states) {
      const key = remapActionKey(s.action_key, noRounds, contacts);
      if (key === s.action_key) continue;
      moveState.run(key, s.opportunity_id, s.action_key);
      dropState.run(s.opportunity_id, s.action_key);
    }
    const notified = prepared(this.db, 'SELECT opportunity_id, notification_key, action_key FROM notifications WHERE opportunity_id IN (SELECT value FROM json_each(?))')
      .all(ids) as { opportunity_id: number; notification_key: string; action_key: string }[];
    const moveNotice = prepared(this.db, 'UPDATE OR IGNORE notifications SET notification_key = ?, action_key = ? WHERE opportunity_id = ? AND notification_key = ?');
    const dropNotice = prepared(this.db, 'DELETE FROM notifications WHERE opportunity_id = ? AND notification_key = ?');
    for (const n of notified) {
      const at = n.notification_key.lastIndexOf('@');
      const head = at > 0 ? n.notification_key.slice(0, at) : n.notification_key;
      const key = `${remapActionKey(head, noRounds, contacts)}${at > 0 ? n.notification_key.slice(at) : ''}`;
      if (key === n.notification_key) continue;
      moveNotice.run(key, remapActionKey(n.action_key, noRounds, contacts), n.opportunity_id, n.notification_key);
      dropNotice.run(n.opportunity_id, n.notification_key);
    }
  }

  /**
   * A person's history: the rounds they took part in, the cards they are the recruiter of, and
   * every event that names them (undone ones left out) and every letter to them, oldest first.
   */
  history(id: number): PersonHistory {
    const contact = this.get(id);
    const rounds = prepared(this.db,
        `SELECT r.id AS roundId, r.opportunity_id AS opportunityId, o.company, o.role, r.number, r.starts_at AS startsAt, r.format, 'interviewer' AS part
           FROM round_interviewers ri JOIN rounds r ON r.id = ri.round_id JOIN opportunities o ON o.id = r.opportunity_id WHERE ri.contact_id = @id
         UNION ALL
         SELECT r.id, r.opportunity_id, o.company, o.role, r.number, r.starts_at, r.format, 'arranged'
           FROM rounds r JOIN opportunities o ON o.id = r.opportunity_id WHERE r.arranged_by_contact_id = @id
         ORDER BY startsAt, roundId, part DESC`,
      )
      .all({ id }) as { roundId: number; opportunityId: number; company: string; role: string; number: number; startsAt: string; format: RoundFormat; part: PersonRound['part'] }[];
    const recruiterFor = prepared(this.db, 'SELECT id AS opportunityId, company, role FROM opportunities WHERE recruiter_contact_id = ? ORDER BY created_at, id')
      .all(id) as { opportunityId: number; company: string; role: string }[];

    const events = prepared(this.db,
        `SELECT e.id, e.kind, e.channel, e.occurred_at, e.note, e.opportunity_id, o.company, r.number AS round_number,
                (SELECT l.id FROM letters l WHERE l.event_id = e.id AND l.contact_id = e.contact_id ORDER BY l.id LIMIT 1) AS letter_id,
                (SELECT l.kind FROM letters l WHERE l.event_id = e.id AND l.contact_id = e.contact_id ORDER BY l.id LIMIT 1) AS letter_kind
         FROM events e JOIN opportunities o ON o.id = e.opportunity_id LEFT JOIN rounds r ON r.id = e.round_id
         WHERE e.contact_id = ? AND e.undone_at IS NULL`,
      )
      .all(id) as {
      id: number;
      kind: EventKind;
      channel: Channel | null;
      occurred_at: string;
      note: string | null;
      opportunity_id: number;
      company: string;
      round_number: number | null;
      letter_id: number | null;
      letter_kind: LetterKind | null;
    }[];
    const shownWithEvent = new Set(events.map((e) => e.letter_id).filter((l): l is number => l !== null));
    const letters = prepared(this.db,
        `SELECT l.id, l.kind, l.state, l.subject, coalesce(l.sent_at, l.updated_at) AS at, l.opportunity_id, o.company, r.number AS round_number
         FROM letters l JOIN opportunities o ON o.id = l.opportunity_id LEFT JOIN rounds r ON r.id = l.round_id
         WHERE l.contact_id = ?`,
      )
      .all(id) as { id: number; kind: LetterKind; state: 'draft' | 'sent'; subject: string; at: string; opportunity_id: number; company: string; round_number: number | null }[];

    const entries: PersonHistoryEntry[] = [
      ...events.map(
        (e): PersonHistoryEntry => ({
          type: 'event',
          eventId: e.id,
          kind: e.kind,
          channel: e.channel,
          at: e.occurred_at,
          note: e.note,
          opportunityId: e.opportunity_id,
          company: e.company,
          roundNumber: e.round_number,
          letterId: e.letter_id,
          letterKind: e.letter_kind,
        }),
      ),
      ...letters
        .filter((l) => !shownWithEvent.has(l.id))
        .map(
          (l): PersonHistoryEntry => ({
            type: 'letter',
            letterId: l.id,
            kind: l.kind,
            state: l.state,
            subject: l.subject,
            at: l.at,
            opportunityId: l.opportunity_id,
            company: l.company,
            roundNumber: l.round_number,
          }),
        ),
    ];
    entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    return { contact, rounds, recruiterFor, entries };
  }
}
