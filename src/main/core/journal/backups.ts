/**
 * Backups of the journal: daily while the app runs, by hand, before every migration and before
 * every import, kept by a retention rule (pure, tested). Only through SQLite's own copy mechanisms
 * (better-sqlite3's `db.backup()`, or `VACUUM INTO` where the copy must finish before anything
 * else happens), never a file copy of an open database.
 *
 * A backup can never hurt: it is written under a temporary name that no listing ever shows,
 * flushed to disk, then renamed to its real name (and the folder flushed), so a crash leaves
 * either no backup or a whole one. A file in `backups/` is offered only after it has been opened
 * and checked (quick_check, the app's tables, a schema version this Afterword knows, a size that
 * matches its header) and has said what it holds; anything else is listed as refused, with why.
 */
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { JournalFileSummary } from '../../../shared/calls/transfer-calls';
import { KEPT_ASIDE_FILE_NAME } from '../../../shared/calls/transfer-calls';
import { LATEST_SCHEMA_VERSION } from './migrations';

export const BACKUP_DIR = 'backups';
export type BackupKind = 'daily' | 'manual' | 'pre-migration' | 'pre-import';

export interface BackupInfo {
  readonly name: string;
  readonly at: string;
  readonly kind: BackupKind;
  readonly bytes: number;
}

/** What a checked journal file holds, or why it cannot be used. */
export interface JournalFileCheck {
  readonly ok: boolean;
  readonly schemaVersion: number | null;
  /** Why it is refused (null when ok). */
  readonly problem: string | null;
  readonly opportunities: number | null;
  readonly letters: number | null;
  /** The newest change recorded inside it (an opportunity's or a letter's), if any. */
  readonly lastChangeAt: string | null;
}

export type CheckedBackup = BackupInfo & JournalFileCheck;

const NAME = /^journal-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(?:-\d{3})?Z)-(daily|manual|pre-migration|pre-import)(?:-v\d+)?\.sqlite3$/;
/** Temporary files: never match NAME, so a half-written backup is never listed. */
const TEMP_SUFFIX = '.partial';

export function backupName(at: Date, kind: BackupKind, toVersion?: number): string {
  const stamp = at.toISOString().replace(/:/g, '-').replace('.', '-');
  return `journal-${stamp}-${kind}${kind === 'pre-migration' && toVersion !== undefined ? `-v${toVersion}` : ''}.sqlite3`;
}

export function parseBackupName(name: string): { at: Date; kind: BackupKind } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const t = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})(?:-(\d{3}))?Z$/.exec(m[1]!)!;
  const at = new Date(`${t[1]}T${t[2]}:${t[3]}:${t[4]}.${t[5] ?? '000'}Z`);
  return Number.isNaN(at.getTime()) ? null : { at, kind: m[2] as BackupKind };
}

/** Every file named like a backup, newest first (checked or not: see `checkedBackups`). */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = path.join(dataDir, BACKUP_DIR);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((name) => ({ name, parsed: parseBackupName(name) }))
    .filter((b): b is { name: string; parsed: { at: Date; kind: BackupKind } } => b.parsed !== null)
    .map((b) => ({ name: b.name, at: b.parsed.at.toISOString(), kind: b.parsed.kind, bytes: fs.statSync(path.join(dir, b.name)).size }))
    .sort((a, b) => (a.at < b.at ? 1 : -1));
}

/** Every backup with what it holds, or why it is refused. Checks are cached by size and time. */
export function checkedBackups(dataDir: string): CheckedBackup[] {
  return listBackups(dataDir).map((b) => ({ ...b, ...checkJournalFile(path.join(dataDir, BACKUP_DIR, b.name)) }));
}

/** Only the backups that may be restored, newest first. */
export function usableBackups(dataDir: string): CheckedBackup[] {
  return checkedBackups(dataDir).filter((b) => b.ok);
}

/**
 * Which backups to delete. Kept: the 3 newest of any kind; the newest of each of the last 7
 * days, of each of the last 5 weeks and of each of the last 12 months; every pre-migration and
 * pre-import backup from the last 90 days; the 10 newest made by hand. Pure: names and dates in,
 * names out.
 */
export function backupsToDelete(backups: readonly { name: string; at: string; kind: BackupKind }[], now: Date): string[] {
  const sorted = [...backups].sort((a, b) => (a.at < b.at ? 1 : -1));
  const keep = new Set<string>(sorted.slice(0, 3).map((b) => b.name));
  const DAY = 86_400_000;
  const age = (b: { at: string }) => now.getTime() - Date.parse(b.at);
  const newestPer = (bucket: (b: { at: string }) => string, within: number) => {
    const seen = new Set<string>();
    for (const b of sorted) {
      if (age(b) > within) continue;
      const k = bucket(b);
      if (!seen.has(k)) {
        seen.add(k);
        keep.add(b.name);
      }
    }
  };
  newestPer((b) => b.at.slice(0, 10), 7 * DAY);
  newestPer((b) => String(Math.floor(Date.parse(b.at) / (7 * DAY))), 35 * DAY);
  newestPer((b) => b.at.slice(0, 7), 366 * DAY);
  for (const b of sorted) if ((b.kind === 'pre-migration' || b.kind === 'pre-import') && age(b) <= 90 * DAY) keep.add(b.name);
  sorted.filter((b) => b.kind === 'manual').slice(0, 10).forEach((b) => keep.add(b.name));
  return sorted.filter((b) => !keep.has(b.name)).map((b) => b.name);
}

/**
 * Deletes what retention lets go, and only good backups: a refused file is left for the user to
 * see (it may be the only trace of something), and the count of good ones never drops below
 * what the rule keeps.
 */
function prune(dataDir: string, now: Date, justMade: string): void {
  const dir = path.join(dataDir, BACKUP_DIR);
  // The backup just made is never the one let go (a clock set back would make it look old).
  for (const name of backupsToDelete(usableBackups(dataDir), now)) if (name !== justMade) fs.rmSync(path.join(dir, name), { force: true });
}

/** Temporary files left by a backup that a crash interrupted: never offered, removed here. */
export function removeUnfinishedBackups(dataDir: string): string[] {
  const dir = path.join(dataDir, BACKUP_DIR);
  if (!fs.existsSync(dir)) return [];
  const left = fs.readdirSync(dir).filter((n) => n.includes(TEMP_SUFFIX));
  for (const name of left) fs.rmSync(path.join(dir, name), { force: true });
  return left;
}

/** A backup while the app runs: SQLite's online backup, page by page, without blocking writers. */
export async function backupNow(db: Database, dataDir: string, kind: 'daily' | 'manual', now: Date): Promise<BackupInfo> {
  const dir = ensureDir(dataDir);
  const name = uniqueName(dir, now, kind);
  const temp = path.join(dir, `${name}${TEMP_SUFFIX}-${process.pid}`);
  try {
    await db.backup(temp);
    finishCopy(temp);
    publish(temp, path.join(dir, name));
  } finally {
    fs.rmSync(temp, { force: true });
  }
  prune(dataDir, now, name);
  return listBackups(dataDir).find((b) => b.name === name)!;
}

/**
 * A synchronous consistent copy (VACUUM INTO), finished before anything else runs: before a
 * migration, and before an import. Returns the backup's name.
 */
export function snapshotBackup(db: Database, dataDir: string, kind: 'pre-migration' | 'pre-import', now: Date, toVersion?: number): string {
  const dir = ensureDir(dataDir);
  const name = uniqueName(dir, now, kind, toVersion);
  const temp = path.join(dir, `${name}${TEMP_SUFFIX}-${process.pid}`);
  try {
    fs.rmSync(temp, { force: true }); // VACUUM INTO refuses an existing file
    db.prepare('VACUUM INTO ?').run(temp);
    finishCopy(temp);
    publish(temp, path.join(dir, name));
  } finally {
    fs.rmSync(temp, { force: true });
  }
  prune(dataDir, now, name);
  return name;
}

/** Before a migration: the journal as it was, finished before any step runs. */
export function preMigrationBackup(db: Database, dataDir: string, toVersion: number, now: Date): string {
  return path.join(dataDir, BACKUP_DIR, snapshotBackup(db, dataDir, 'pre-migration', now, toVersion));
}

function ensureDir(dataDir: string): string {
  const dir = path.join(dataDir, BACKUP_DIR);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Two backups in the same millisecond (a test, a double click) get distinct names. */
function uniqueName(dir: string, now: Date, kind: BackupKind, toVersion?: number): string {
  let at = now;
  let name = backupName(at, kind, toVersion);
  while (fs.existsSync(path.join(dir, name))) {
    at = new Date(at.getTime() + 1);
    name = backupName(at, kind, toVersion);
  }
  return name;
}

/**
 * Makes a fresh copy a self-contained single file (rollback journal mode, so opening it read-only
 * never needs a -wal beside it) and flushes it to disk.
 */
function finishCopy(file: string): void {
  const copy = new BetterSqlite3(file);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  fsyncFile(file);
}

/** Rename into place, then flush the folder so the rename itself survives a power cut. */
export function publish(temp: string, final: string): void {
  fs.renameSync(temp, final);
  fsyncDir(path.dirname(final));
}

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function fsyncDir(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some platforms (Windows) cannot open a folder: the rename is as durable as they allow.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

// ---- checking a journal file ------------------------------------------------------------------

/** The tables a journal of each schema version must have (from the migrations). */
const REQUIRED_TABLES: readonly (readonly [number, readonly string[]])[] = [
  [1, ['opportunities', 'rounds']],
  [2, ['contacts', 'round_interviewers', 'events', 'action_states']],
  [3, ['reflections', 'reflection_versions']],
  [4, ['letter_templates', 'letters']],
  [5, ['notifications', 'app_state']],
];

const cache = new Map<string, { key: string; check: JournalFileCheck }>();

const refused = (problem: string, schemaVersion: number | null = null): JournalFileCheck => ({
  ok: false,
  schemaVersion,
  problem,
  opportunities: null,
  letters: null,
  lastChangeAt: null,
});

/**
 * Whether a file is a sound Afterword journal, and what it holds. Opened read-only; refused with
 * a reason a person can act on: empty, cut short, damaged, not a journal, from a newer Afterword.
 */
export function checkJournalFile(file: string): JournalFileCheck {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return refused('the file is missing');
  }
  const key = `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
  const cached = cache.get(file);
  if (cached && cached.key === key) return cached.check;
  const check = inspect(file, stat.size);
  cache.set(file, { key, check });
  return check;
}

function inspect(file: string, size: number): JournalFileCheck {
  if (size === 0) return refused('the file is empty (0 bytes): a copy that never finished');
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (size < 100 || header.toString('latin1', 0, 16) !== 'SQLite format 3\u0000') {
    return refused(`the file is not a SQLite database (${size} bytes)`);
  }
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize;
  const pages = header.readUInt32BE(28);
  const wal = header[18] === 2;
  const expected = pageSize * pages;
  // A copy cut short is shorter than its own header says (a WAL-mode file may be behind its -wal
  // but never shorter than a checkpoint left it; a -wal beside a backup is not part of it).
  if (pages > 0 && size < expected && !(wal && fs.existsSync(`${file}-wal`))) {
    return refused(`the file is cut short (${size.toLocaleString('en-US')} of ${expected.toLocaleString('en-US')} bytes): a copy that never finished`);
  }
  try {
    const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      const version = db.pragma('user_version', { simple: true }) as number;
      const check = String(db.pragma('quick_check', { simple: true }));
      if (check !== 'ok') return refused(`the file is damaged (${check.slice(0, 160)})`, version);
      if (version === 0) return refused('the file holds no Afterword journal (schema version 0)', version);
      if (version > LATEST_SCHEMA_VERSION) {
        return refused(`the file comes from a newer Afterword (schema ${version}; this one knows up to ${LATEST_SCHEMA_VERSION})`, version);
      }
      const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
      const missing = REQUIRED_TABLES.filter(([v]) => v <= version)
        .flatMap(([, names]) => names)
        .filter((t) => !tables.has(t));
      if (missing.length > 0) return refused(`the file lacks the journal's tables (${missing.join(', ')})`, version);
      const count = (table: string): number | null => (tables.has(table) ? (db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number) : null);
      const newest = (sql: string): string | null => (db.prepare(sql).pluck().get() as string | null) ?? null;
      const last = [newest('SELECT max(updated_at) FROM opportunities'), tables.has('letters') ? newest('SELECT max(updated_at) FROM letters') : null]
        .filter((v): v is string => v !== null)
        .sort()
        .at(-1);
      return { ok: true, schemaVersion: version, problem: null, opportunities: count('opportunities'), letters: count('letters'), lastChangeAt: last ?? null };
    } finally {
      db.close();
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return refused(`the file cannot be read (${message.slice(0, 160)})`);
  }
}

/** The journals earlier restores kept aside, checked like backups, newest first. */
export function keptAsideJournals(dataDir: string): JournalFileSummary[] {
  if (!fs.existsSync(dataDir)) return [];
  return fs
    .readdirSync(dataDir)
    .filter((name) => KEPT_ASIDE_FILE_NAME.test(name))
    .map((name) => {
      const file = path.join(dataDir, name);
      const stat = fs.statSync(file);
      const m = /before-restore-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/.exec(name);
      const at = m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z` : stat.mtime.toISOString();
      return { name, at, bytes: stat.size, ...checkJournalFile(file) };
    })
    .sort((a, b) => (a.at < b.at ? 1 : -1));
}
