/**
 * Backups of the journal: daily while the app runs and before every migration, kept by a
 * retention rule (pure, tested). Only through SQLite's own copy mechanisms (better-sqlite3's
 * `db.backup()`, or `VACUUM INTO` where the copy must finish before anything else happens),
 * never a file copy of an open database.
 */
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

export const BACKUP_DIR = 'backups';
export type BackupKind = 'daily' | 'manual' | 'pre-migration';

export interface BackupInfo {
  readonly name: string;
  readonly at: string;
  readonly kind: BackupKind;
  readonly bytes: number;
}

const NAME = /^journal-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(?:-\d{3})?Z)-(daily|manual|pre-migration)(?:-v\d+)?\.sqlite3$/;

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

/**
 * Which backups to delete. Kept: the 3 newest of any kind; the newest of each of the last 7
 * days, of each of the last 5 weeks and of each of the last 12 months; every pre-migration
 * backup from the last 90 days; the 10 newest made by hand. Pure: names and dates in, names out.
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
  for (const b of sorted) if (b.kind === 'pre-migration' && age(b) <= 90 * DAY) keep.add(b.name);
  sorted.filter((b) => b.kind === 'manual').slice(0, 10).forEach((b) => keep.add(b.name));
  return sorted.filter((b) => !keep.has(b.name)).map((b) => b.name);
}

function prune(dataDir: string, now: Date): void {
  const dir = path.join(dataDir, BACKUP_DIR);
  for (const name of backupsToDelete(listBackups(dataDir), now)) fs.rmSync(path.join(dir, name), { force: true });
}

/** A backup while the app runs: SQLite's online backup, page by page, without blocking writers. */
export async function backupNow(db: Database, dataDir: string, kind: 'daily' | 'manual', now: Date): Promise<BackupInfo> {
  const dir = path.join(dataDir, BACKUP_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const name = backupName(now, kind);
  await db.backup(path.join(dir, name));
  prune(dataDir, now);
  return listBackups(dataDir).find((b) => b.name === name)!;
}

/** Before a migration: a synchronous consistent copy (VACUUM INTO), finished before any step runs. */
export function preMigrationBackup(db: Database, dataDir: string, toVersion: number, now: Date): string {
  const dir = path.join(dataDir, BACKUP_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, backupName(now, 'pre-migration', toVersion));
  db.prepare('VACUUM INTO ?').run(file);
  prune(dataDir, now);
  return file;
}

/** Whether a backup file is a sound journal (quick_check) and which schema it has. */
export function inspectBackup(file: string): { ok: boolean; schemaVersion: number | null; problem: string | null } {
  try {
    const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      const check = db.pragma('quick_check', { simple: true });
      const version = db.pragma('user_version', { simple: true }) as number;
      return check === 'ok' ? { ok: true, schemaVersion: version, problem: null } : { ok: false, schemaVersion: version, problem: String(check) };
    } finally {
      db.close();
    }
  } catch (error) {
    return { ok: false, schemaVersion: null, problem: error instanceof Error ? error.message : String(error) };
  }
}
