import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeJournal, LATEST_SCHEMA_VERSION, openJournal } from '../../src/main/core/journal/database';
import { MIGRATIONS } from '../../src/main/core/journal/migrations';
import { sha256, tempDir } from './helpers';

describe('opening the journal', () => {
  it('creates a new file at the latest schema with the safety pragmas on', () => {
    const file = path.join(tempDir(), 'nested', 'journal.sqlite3');
    const { db, migratedFrom, schemaVersion } = openJournal(file);
    expect(migratedFrom).toBe(0);
    expect(schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    closeJournal(db);
    expect(fs.existsSync(file)).toBe(true);
  });

  it('refuses a journal written by a newer Afterword and leaves the file byte for byte as it was', async () => {
    const file = path.join(tempDir(), 'journal.sqlite3');
    const future = new BetterSqlite3(file);
    future.exec('CREATE TABLE from_the_future (x TEXT); INSERT INTO from_the_future VALUES (\'keep me\');');
    future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    future.close();
    const before = await sha256(file);

    expect(() => openJournal(file)).toThrowError(/newer version of Afterword.*has not been changed/s);
    expect(await sha256(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a file that is not a SQLite database without touching it', async () => {
    const file = path.join(tempDir(), 'journal.sqlite3');
    fs.writeFileSync(file, 'this is not a database, it is a shopping list: '.repeat(200));
    const before = await sha256(file);
    expect(() => openJournal(file)).toThrowError(/cannot be read/);
    expect(await sha256(file)).toBe(before);
  });

  it('runs all pending migrations in one transaction: a failing step leaves the journal at its old version', () => {
    const file = path.join(tempDir(), 'journal.sqlite3');
    closeJournal(openJournal(file, { migrations: MIGRATIONS.slice(0, 1) }).db);
    const broken = [
      ...MIGRATIONS,
      { version: LATEST_SCHEMA_VERSION + 1, name: 'good', up: (db: BetterSqlite3.Database) => db.exec('CREATE TABLE good (x)') },
      { version: LATEST_SCHEMA_VERSION + 2, name: 'bad', up: (db: BetterSqlite3.Database) => db.exec('THIS IS NOT SQL') },
    ];
    expect(() => openJournal(file, { migrations: broken })).toThrow();
    const db = new BetterSqlite3(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'good'").get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('migration 1: opportunities and rounds', () => {
  it('cascades a deleted opportunity to its rounds and enforces the round format', () => {
    const { db } = openJournal(path.join(tempDir(), 'journal.sqlite3'), { migrations: MIGRATIONS.slice(0, 1) });
    db.prepare("INSERT INTO opportunities (id, company, role, created_at, updated_at) VALUES (1, 'Acme', 'Dev', 'x', 'x')").run();
    const insertRound = db.prepare(
      "INSERT INTO rounds (opportunity_id, number, starts_at, duration_minutes, format, arranged_channel, created_at, updated_at) VALUES (1, ?, '2026-01-01T10:00:00.000Z', 60, ?, 'email', 'x', 'x')",
    );
    insertRound.run(1, 'video');
    expect(() => insertRound.run(2, 'carrier pigeon')).toThrow(/CHECK constraint/);
    db.prepare('DELETE FROM opportunities WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM rounds').get()).toEqual({ n: 0 });
    closeJournal(db);
  });
});
