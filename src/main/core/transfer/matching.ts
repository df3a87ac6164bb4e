/**
 * The merge rules (docs/journal-format.md, "Importing into a journal that is not empty"): when a
 * person or an opportunity in a file is one the journal already has. Existing rows win; nothing
 * in the journal is overwritten, and nothing is imported twice.
 */
import type { Database } from 'better-sqlite3';
import { prepared } from '../journal/statements';

/** Case, accents' composition and runs of spaces do not make two names different. */
export const normal = (text: string | null | undefined): string => (text ?? '').normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** An opportunity is the same when company, role and first interview time agree (no rounds: its creation time). */
export const opportunityKey = (company: string, role: string, firstRoundStart: string | null, createdAt: string): string =>
  `${normal(company)}\u0000${normal(role)}\u0000${firstRoundStart ?? `created ${createdAt}`}`;

/** For a spreadsheet row (no instants to compare): the same company and role. */
export const companyRoleKey = (company: string, role: string): string => `${normal(company)}\u0000${normal(role)}`;

export interface ExistingOpportunities {
  readonly byKey: ReadonlyMap<string, number>;
  readonly byCompanyRole: ReadonlyMap<string, number>;
}

export function existingOpportunities(db: Database): ExistingOpportunities {
  const byKey = new Map<string, number>();
  const byCompanyRole = new Map<string, number>();
  const rows = prepared(db,
      `SELECT o.id, o.company, o.role, o.created_at,
              (SELECT starts_at FROM rounds WHERE opportunity_id = o.id ORDER BY number LIMIT 1) AS first_start
       FROM opportunities o`,
    )
    .raw()
    .all() as [number, string, string, string, string | null][];
  for (const [id, company, role, createdAt, firstStart] of rows) {
    byKey.set(opportunityKey(company, role, firstStart, createdAt), id);
    byCompanyRole.set(companyRoleKey(company, role), id);
  }
  return { byKey, byCompanyRole };
}

export interface PersonFields {
  readonly name: string;
  readonly email: string | null;
  readonly linkedinUrl: string | null;
}

/**
 * Finds the journal's contact for a person in a file: the same email (ignoring case); else the
 * same LinkedIn address; else, for a person with neither, the same name, when exactly one
 * contact in the journal has it.
 */
export class ContactMatcher {
  private readonly byEmail = new Map<string, number>();
  private readonly byLinkedin = new Map<string, number>();
  private readonly byName = new Map<string, number[]>();

  constructor(db: Database) {
    // A person removed from the contacts is not matched: a file's person is someone to keep.
    for (const [id, name, email, linkedin] of prepared(db, 'SELECT id, name, email, linkedin_url FROM contacts WHERE removed_at IS NULL ORDER BY id').raw().all() as [number, string, string | null, string | null][]) {
      this.add(id, { name, email, linkedinUrl: linkedin });
    }
  }

  /** Makes a contact just created findable too (two rows of a file naming the same person). */
  add(id: number, person: PersonFields): void {
    if (person.email && !this.byEmail.has(normal(person.email))) this.byEmail.set(normal(person.email), id);
    if (person.linkedinUrl && !this.byLinkedin.has(normal(person.linkedinUrl))) this.byLinkedin.set(normal(person.linkedinUrl), id);
    const list = this.byName.get(normal(person.name)) ?? [];
    list.push(id);
    this.byName.set(normal(person.name), list);
  }

  find(person: PersonFields): number | null {
    if (person.email) return this.byEmail.get(normal(person.email)) ?? null;
    if (person.linkedinUrl) return this.byLinkedin.get(normal(person.linkedinUrl)) ?? null;
    const named = this.byName.get(normal(person.name)) ?? [];
    return named.length === 1 ? named[0]! : null;
  }
}

/**
 * An action's key names its round (`r12:`) and person (`:c7`); in a merged journal both have new
 * ids. Card-wide keys (`o:...`) stay as they are.
 */
export function remapActionKey(key: string, rounds: ReadonlyMap<number, number>, contacts: ReadonlyMap<number, number>): string {
  return key
    .replace(/^r(\d+):/, (whole, id: string) => {
      const mapped = rounds.get(Number(id));
      return mapped === undefined ? whole : `r${mapped}:`;
    })
    .replace(/:c(\d+)(?=:|@|$)/, (whole, id: string) => {
      if (id === '0') return whole;
      const mapped = contacts.get(Number(id));
      return mapped === undefined ? whole : `:c${mapped}`;
    });
}
