/**
 * Deleting an opportunity so that it can be undone. Before the row is deleted, every row the
 * deletion takes with it (its rounds, interviewers, events, action states, notifications,
 * reflections and their versions, letters: whatever the schema's `ON DELETE CASCADE` reaches)
 * is read into one JSON document, and every reference another row keeps to them (`SET NULL`)
 * is noted. Undoing writes them back, parents first, in one transaction.
 *
 * The walk follows the foreign keys the schema declares, not a list of tables, so a table added
 * by a later migration is taken and brought back with the card without this file changing.
 * Caches are the exception: `card_plans` (what the planner made of the card) is not the user's
 * data; a card brought back gets a fresh row from its trigger and is planned again.
 */
import type { Database } from 'better-sqlite3';
import { remapActionKey } from '../transfer/matching';
import { prepared } from './statements';

type Row = Record<string, unknown>;

interface ForeignKey {
  readonly table: string;
  readonly column: string;
  readonly parent: string;
  /** The parent's column, or null for its primary key. */
  readonly parentColumn: string | null;
  readonly onDelete: string;
}

/** What a deletion took: rows by table, and the references other rows lost. */
export interface DeletedRows {
  readonly tables: Record<string, Row[]>;
  /** `SET NULL` references from rows that stayed: put back on undo. */
  readonly nulled: { table: string; rowid: number; column: string; value: unknown }[];
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Tables that only cache what can be made again from the journal. */
const CACHES: ReadonlySet<string> = new Set(['card_plans']);

function foreignKeys(db: Database): ForeignKey[] {
  const tables = (prepared(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[]).filter((t) => !CACHES.has(t));
  return tables.flatMap((table) =>
    (prepared(db, 'SELECT "table" AS parent, "from" AS column, "to" AS parentColumn, on_delete AS onDelete FROM pragma_foreign_key_list(?)').all(table) as Omit<ForeignKey, 'table'>[]).map((fk) => ({
      ...fk,
      table,
    })),
  );
}

/** The columns a row is written back with: stored ones (generated columns are computed again). */
const storedColumns = (db: Database, table: string): string[] =>
  (prepared(db, 'SELECT name FROM pragma_table_xinfo(?) WHERE hidden = 0').all(table) as { name: string }[]).map((c) => c.name);

const hasRowid = (db: Database, table: string): boolean =>
  !/WITHOUT\s+ROWID/i.test((prepared(db, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table) as string | undefined) ?? '');

/** The primary key column of a rowid table (`id`, or `round_id` for reflections), when it is one column. */
function rowidKey(db: Database, table: string): string | null {
  if (!hasRowid(db, table)) return null;
  const keys = prepared(db, 'SELECT name, type FROM pragma_table_info(?) WHERE pk > 0').all(table) as { name: string; type: string }[];
  return keys.length === 1 && keys[0]!.type.toUpperCase() === 'INTEGER' ? keys[0]!.name : null;
}

const keyOfParent = (db: Database, fk: ForeignKey): string => fk.parentColumn ?? rowidKey(db, fk.parent) ?? 'rowid';

/** Reads every row that deleting `opportunities.id = id` would delete, and the references it would null. Call in the deleting transaction. */
export function rowsTakenBy(db: Database, opportunityId: number): DeletedRows {
  const fks = foreignKeys(db);
  const tables: Record<string, Row[]> = {};
  const seen = new Map<string, Set<string>>();
  const add = (table: string, rows: Row[]): boolean => {
    const keys = seen.get(table) ?? new Set<string>();
    seen.set(table, keys);
    let added = false;
    for (const row of rows) {
      const key = JSON.stringify(row);
      if (keys.has(key)) continue;
      keys.add(key);
      (tables[table] ??= []).push(row);
      added = true;
    }
    return added;
  };
  const select = (table: string, where: string, values: unknown[]): Row[] =>
    prepared(db, `SELECT ${storedColumns(db, table).map(quote).join(', ')} FROM ${quote(table)} WHERE ${where} IN (SELECT value FROM json_each(?))`).all(JSON.stringify(values)) as Row[];

  add('opportunities', select('opportunities', 'id', [opportunityId]));
  // Follow ON DELETE CASCADE until nothing new is reached.
  for (let grew = true; grew; ) {
    grew = false;
    for (const fk of fks) {
      if (fk.onDelete !== 'CASCADE' || !tables[fk.parent]) continue;
      const values = tables[fk.parent]!.map((r) => r[keyOfParent(db, fk)]);
      if (add(fk.table, select(fk.table, quote(fk.column), values))) grew = true;
    }
  }
  const nulled: DeletedRows['nulled'] = [];
  for (const fk of fks) {
    if (fk.onDelete !== 'SET NULL' || !tables[fk.parent] || !hasRowid(db, fk.table)) continue;
    const values = tables[fk.parent]!.map((r) => r[keyOfParent(db, fk)]);
    const doomed = new Set((tables[fk.table] ?? []).map((r) => JSON.stringify(r)));
    const rows = prepared(db, `SELECT rowid AS __rowid, ${storedColumns(db, fk.table).map(quote).join(', ')} FROM ${quote(fk.table)} WHERE ${quote(fk.column)} IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(values)) as Row[];
    for (const { __rowid, ...row } of rows) {
      if (!doomed.has(JSON.stringify(row))) nulled.push({ table: fk.table, rowid: Number(__rowid), column: fk.column, value: row[fk.column] });
    }
  }
  return { tables, nulled };
}

/**
 * Writes deleted rows back (call in a transaction), parents first. A row keeps its id unless a
 * newer row has taken it; then it gets a new one and every row that refers to it follows (action
 * keys, which name their round, too). A reference to a row that has gone since (a template
 * deleted, a contact merged away) is emptied where the schema allows it, else that one row is
 * left out. Returns the opportunity's id.
 */
export function restoreRows(db: Database, deleted: DeletedRows): number {
  const fks = foreignKeys(db);
  const names = Object.keys(deleted.tables);
  const inside = new Set(names);
  // Parents before children (among the tables restored).
  const order: string[] = [];
  while (order.length < names.length) {
    const next = names.find((t) => !order.includes(t) && fks.every((fk) => fk.table !== t || fk.parent === t || !inside.has(fk.parent) || order.includes(fk.parent)));
    if (!next) throw new Error('The deleted rows refer to each other in a circle.');
    order.push(next);
  }
  const moved = new Map<string, Map<number, number>>();
  let opportunityId = 0;
  for (const table of order) {
    const key = rowidKey(db, table);
    const own = fks.filter((fk) => fk.table === table);
    const keyIsReference = own.some((fk) => fk.column === key);
    const columns = storedColumns(db, table);
    const insert = prepared(db, `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map((c) => `@${c.replace(/\W/g, '_')}`).join(', ')})`);
    const roundIds = moved.get('rounds') ?? new Map<number, number>();
    rows: for (const original of deleted.tables[table]!) {
      const row: Row = { ...original };
      for (const fk of own) {
        const value = row[fk.column];
        if (value === null || value === undefined) continue;
        const mapped = moved.get(fk.parent)?.get(value as number);
        if (mapped !== undefined) {
          row[fk.column] = mapped;
          continue;
        }
        if (inside.has(fk.parent)) continue;
        const exists = prepared(db, `SELECT 1 FROM ${quote(fk.parent)} WHERE ${quote(keyOfParent(db, fk))} = ?`).get(value);
        if (exists) continue;
        if (fk.onDelete === 'SET NULL') row[fk.column] = null;
        else continue rows;
      }
      for (const column of ['action_key', 'notification_key']) {
        if (typeof row[column] === 'string' && roundIds.size > 0) row[column] = remapActionKey(row[column], roundIds, new Map());
      }
      const oldId = key ? row[key] : undefined;
      if (key && !keyIsReference && prepared(db, `SELECT 1 FROM ${quote(table)} WHERE ${quote(key)} = ?`).get(oldId)) row[key] = null;
      const params = Object.fromEntries(columns.map((c) => [c.replace(/\W/g, '_'), row[c] ?? null]));
      const newId = Number(insert.run(params).lastInsertRowid);
      if (key && !keyIsReference && newId !== oldId) {
        const map = moved.get(table) ?? new Map<number, number>();
        map.set(oldId as number, newId);
        moved.set(table, map);
      }
      if (table === 'opportunities') opportunityId = newId;
    }
  }
  for (const n of deleted.nulled) {
    const value = moved.get(fks.find((fk) => fk.table === n.table && fk.column === n.column)?.parent ?? '')?.get(n.value as number) ?? n.value;
    prepared(db, `UPDATE ${quote(n.table)} SET ${quote(n.column)} = ? WHERE rowid = ? AND ${quote(n.column)} IS NULL`).run(value, n.rowid);
  }
  return opportunityId;
}
