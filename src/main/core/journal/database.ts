/**
 * Opening the journal: one SQLite file that holds everything the user wrote. The pragmas are
 * chosen for a journal people cannot afford to lose: WAL for concurrent reads while writing,
 * `synchronous = FULL` so a committed change survives a power cut, foreign keys enforced.
 */
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { CoreError } from '../errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import type { Migration } from './migrations';

export const JOURNAL_FILE_NAME = 'journal.sqlite3';

export interface OpenedJournal {
  readonly db: Database;
  readonly file: string;
  /** The schema version the file had before this open (0 for a new file). */
  readonly migratedFrom: number;
  readonly schemaVersion: number;
  /**
   * The whole file still has to be checked (`deferCheck`): until it has passed, the journal is
   * opened query-only, so nothing is written to a file that may be damaged.
   */
  readonly checkPending: boolean;
}

export interface OpenJournalOptions {
  /** Steps to apply; tests pass a prefix to build a journal at an older version. */
  readonly migrations?: readonly Migration[];
  /** Called before pending migrations run on an existing journal (e.g. to take a backup). */
  readonly beforeMigrate?: (db: Database, from: number, to: number) => void;
  /**
   * Leave the check of the whole file (`quick_check`, which reads every page) for later, off the
   * path that opens the journal (see journal-check.ts): the journal opens query-only. A journal
   * that needs a migration is still checked first, before anything writes to it.
   */
  readonly deferCheck?: boolean;
}

export function openJournal(file: string, options: OpenJournalOptions = {}): OpenedJournal {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  fs.mkdirSync(path.dirname(file), { recursive: true });

  const db = new BetterSqlite3(file);
  try {
    // Read the version before any pragma that writes (journal_mode = WAL rewrites the header):
    // a journal from a newer Afterword must be left exactly as it is.
    const from = db.pragma('user_version', { simple: true }) as number;
    if (from > latest) {
      throw new CoreError(
        'journal_too_new',
        `This journal (${file}) was written by a newer version of Afterword (schema ${from}; this version knows up to ${latest}). ` +
          'It has not been changed. Please update Afterword to open it.',
      );
    }
    const pending = migrations.filter((m) => m.version > from).sort((a, b) => a.version - b.version);
    const checkPending = options.deferCheck === true && from > 0 && pending.length === 0;
    // A damaged file is refused before anything writes to it: the recovery screen takes over.
    // (Deferred: it is opened query-only until the check has passed.)
    if (!checkPending) {
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw damaged(file, String(check));
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (checkPending) db.pragma('query_only = ON');

    if (pending.length > 0) {
      if (from > 0) options.beforeMigrate?.(db, from, latest);
      db.transaction(() => {
        for (const step of pending) {
          step.up(db);
          db.pragma(`user_version = ${step.version}`);
        }
      }).immediate();
    }
    return { db, file, migratedFrom: from, schemaVersion: latest, checkPending };
  } catch (error) {
    db.close();
    if (error instanceof CoreError) throw error;
    if (error instanceof Error && /file is not a database|malformed|corrupt/i.test(error.message)) {
      throw new CoreError('journal_corrupt', `The journal ${file} cannot be read: ${error.message}. It has not been changed.`);
    }
    throw error;
  }
}

/** The refusal of a journal whose check found damage. */
export const damaged = (file: string, problem: string): CoreError =>
  new CoreError('journal_corrupt', `The journal ${file} is damaged (${problem.slice(0, 200)}). It has not been changed.`);

export function closeJournal(db: Database): void {
  if (!db.open) return;
  try {
    // Not on a journal still (or found) unchecked: optimize may write its statistics.
    if (db.pragma('query_only', { simple: true }) === 0) db.pragma('optimize');
  } finally {
    db.close();
  }
}

export { LATEST_SCHEMA_VERSION };
