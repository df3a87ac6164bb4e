/**
 * The people of a search in the journal: interviewers, recruiters and other contacts, and when
 * each was last contacted (the timeline says so as it records an event).
 */
import type { Database } from 'better-sqlite3';
import type { Contact } from '../../../shared/domain';
import { notFound } from '../errors';
import type { PlanInvalidation } from '../planner/plan-cache';
import { prepared } from '../journal/statements';

interface ContactRow {
  id: number;
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  linkedin_url: string | null;
  last_contacted_at: string | null;
}

export const hydrateContact = (r: ContactRow): Contact => ({
  id: r.id,
  name: r.name,
  title: r.title,
  email: r.email,
  phone: r.phone,
  linkedinUrl: r.linkedin_url,
  lastContactedAt: r.last_contacted_at,
});

export interface ContactFields {
  readonly name: string;
  readonly title: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly linkedinUrl: string | null;
}

export class ContactStore {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
    private readonly plans: PlanInvalidation,
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
    const at = this.now().toISOString();
    const { lastInsertRowid } = prepared(this.db,
        `INSERT INTO contacts (name, title, email, phone, linkedin_url, created_at, updated_at)
         VALUES (@name, @title, @email, @phone, @linkedinUrl, @at, @at)`,
      )
      .run({ ...fields, at });
    return this.get(Number(lastInsertRowid));
  }

  update(id: number, patch: Partial<ContactFields>): Contact {
    const current = this.get(id);
    const next = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
    prepared(this.db,
        `UPDATE contacts SET name = @name, title = @title, email = @email, phone = @phone, linkedin_url = @linkedinUrl, updated_at = @at WHERE id = @id`,
      )
      .run({ id, name: next.name, title: next.title, email: next.email, phone: next.phone, linkedinUrl: next.linkedinUrl, at: this.now().toISOString() });
    // A name appears in the plans of every card the person is on.
    this.plans.invalidate();
    return this.get(id);
  }

  /** Throws "not found" for the first id that is not a contact. */
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
}
