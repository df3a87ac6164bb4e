/**
 * Journals at an older schema version, for one test per migration (Signal's `migration_*_test`
 * pattern): open a journal at version N-1, seed rows the way that version stored them, migrate to
 * N, and check what became of the rows. A new migration N gets `migration-N.test.ts` beside this
 * file (`every-migration-has-a-test.test.ts` insists).
 */
import type { Database } from 'better-sqlite3';
import path from 'node:path';
import { afterEach } from 'vitest';
import { closeJournal, openJournal } from '../../../src/main/core/journal/database';
import { MIGRATIONS } from '../../../src/main/core/journal/migrations';
import { tempDir } from '../helpers';

export interface JournalAtVersion {
  readonly file: string;
  /** The journal at the version asked for (0: a new, empty file). Seed rows through it. */
  readonly db: Database;
  /** Closes the journal and opens it as an Afterword whose newest migration is `version` would. */
  migrateTo(version: number): Database;
}

const open: Database[] = [];

const upTo = (version: number) => MIGRATIONS.filter((m) => m.version <= version);

export function journalAt(version: number): JournalAtVersion {
  if (version > 0 && !MIGRATIONS.some((m) => m.version === version)) throw new Error(`There is no migration ${version}.`);
  const file = path.join(tempDir('afterword-migration-'), 'journal.sqlite3');
  const opened = openJournal(file, { migrations: upTo(version) });
  open.push(opened.db);
  return {
    file,
    db: opened.db,
    migrateTo(to) {
      closeJournal(opened.db);
      const migrated = openJournal(file, { migrations: upTo(to) });
      if (migrated.migratedFrom !== version) throw new Error(`The journal was at ${migrated.migratedFrom}, not ${version}.`);
      open.push(migrated.db);
      return migrated.db;
    },
  };
}

/** The names of a table's columns, in order. */
export const columnsOf = (db: Database, table: string): string[] =>
  (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name);

/** Whether the database has a table (or virtual table) of that name. */
export const hasTable = (db: Database, table: string): boolean =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;

afterEach(() => {
  for (const db of open.splice(0)) closeJournal(db);
});
