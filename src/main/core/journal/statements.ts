/**
 * Prepared statements kept per connection and SQL text. Compiling a statement costs more than
 * running it for the small, indexed queries most calls make (a profile of a write followed by a
 * board read spent 7% of its time in `prepare`), so the hot paths keep theirs. One SQL text is
 * used in one mode (plain, `raw` or `pluck`) wherever it is kept.
 */
import type { Database, Statement } from 'better-sqlite3';

const kept = new WeakMap<Database, Map<string, Statement>>();

export function prepared<P extends unknown[] | object = unknown[], R = unknown>(db: Database, sql: string): Statement<P, R> {
  let statements = kept.get(db);
  if (!statements) kept.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  // A statement still stepping (an iteration) cannot run a second time: a fresh one then.
  if (!statement || statement.busy) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement as Statement<P, R>;
}
