/**
 * What the hot paths share of their SQL. Prepared statements are kept per connection and SQL
 * text: compiling a statement costs more than running it for the small, indexed queries most calls
 * make (a profile of a write followed by a board read spent 7% of its time in `prepare`). One SQL
 * text is used in one mode (plain, `raw` or `pluck`) wherever it is kept.
 */
import type { Database, Statement } from 'better-sqlite3';
import { STORED_STAGES } from '../../../shared/domain';

const kept = new WeakMap<Database, Map<string, Statement>>();

/**
 * The statement for `sql` on this connection, prepared once. Every statement of the core goes
 * through here: better-sqlite3 frees a statement's native memory only when the connection closes
 * (a garbage-collected Statement keeps its sqlite3_stmt), so `db.prepare` on each call grew the
 * process by 4-10 KB per call, about 100 MB over the load run's 20,000 writes. A statement comes
 * back in its plain mode: `.pluck()` or `.raw()` at one call site does not carry over to the next.
 */
export function prepared<P extends unknown[] | object = unknown[], R = unknown>(db: Database, sql: string): Statement<P, R> {
  let statements = kept.get(db);
  if (!statements) kept.set(db, (statements = new Map<string, Statement>()));
  let statement = statements.get(sql);
  // A statement still stepping (an iteration) cannot run a second time: a fresh one then.
  if (!statement || statement.busy) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  } else if (statement.reader) {
    statement.raw(false).pluck(false).expand(false);
  }
  return statement as Statement<P, R>;
}

/**
 * `o.stage` of a card not closed, as SQL: a list of the open stages, which SQLite reads as ranges
 * of the stage index (`stage <> 'closed'` reads the index of every card, closed history included).
 */
export const notClosed = (column = 'stage'): string => `${column} IN (${STORED_STAGES.filter((s) => s !== 'closed').map((s) => `'${s}'`).join(', ')})`;
