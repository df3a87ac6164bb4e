import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCoreHost } from '../../src/main/core/host';
import { backupName, backupsToDelete, listBackups, parseBackupName } from '../../src/main/core/journal/backups';
import type { BackupKind } from '../../src/main/core/journal/backups';
import { closeJournal, openJournal } from '../../src/main/core/journal/database';
import { MIGRATIONS } from '../../src/main/core/journal/migrations';
import { createCore } from '../../src/main/core/core';
import { sha256, tempDir } from './helpers';

const DAY = 86_400_000;
const NOW = new Date('2026-11-22T12:00:00Z');
const backup = (daysAgo: number, kind: BackupKind = 'daily', hours = 0) => {
  const at = new Date(NOW.getTime() - daysAgo * DAY - hours * 3_600_000);
  return { name: backupName(at, kind), at: at.toISOString(), kind };
};

describe('backup retention (a pure rule)', () => {
  it('keeps a week of days, five weeks of weeks, a year of months; deletes the rest', () => {
    const all = Array.from({ length: 400 }, (_, i) => backup(i));
    const kept = new Set(all.map((b) => b.name));
    for (const name of backupsToDelete(all, NOW)) kept.delete(name);
    const keptDays = all.filter((b) => kept.has(b.name)).map((b) => Math.round((NOW.getTime() - Date.parse(b.at)) / DAY));
    expect(keptDays.slice(0, 7)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(keptDays.length).toBeGreaterThanOrEqual(7 + 3 + 10);
    expect(keptDays.length).toBeLessThanOrEqual(7 + 5 + 13);
    expect(Math.max(...keptDays)).toBeLessThanOrEqual(366);
  });

  it('keeps only the newest of several backups the same day (beyond the three newest)', () => {
    const sameDay = [backup(2, 'daily', 1), backup(2, 'daily', 2), backup(2, 'daily', 3), backup(0), backup(0, 'daily', 1), backup(1)];
    expect(backupsToDelete(sameDay, NOW).sort()).toEqual([sameDay[1]!.name, sameDay[2]!.name].sort());
  });

  it('keeps pre-migration backups for 90 days and the 10 newest manual ones', () => {
    const list = [backup(30, 'pre-migration'), backup(120, 'pre-migration'), ...Array.from({ length: 12 }, (_, i) => backup(400 + i, 'manual'))];
    const deleted = backupsToDelete(list, NOW);
    expect(deleted).not.toContain(list[0]!.name);
    expect(deleted.filter((n) => n.includes('manual'))).toHaveLength(2);
  });

  it('names round-trip', () => {
    const at = new Date('2026-11-22T03:55:01.234Z');
    expect(parseBackupName(backupName(at, 'pre-migration', 5))).toEqual({ at, kind: 'pre-migration' });
    expect(parseBackupName('journal.sqlite3')).toBeNull();
  });
});

describe('backups of the journal', () => {
  it('a migration is preceded by a backup of the journal as it was', () => {
    const dir = tempDir();
    const file = path.join(dir, 'journal.sqlite3');
    const v1 = openJournal(file, { migrations: MIGRATIONS.slice(0, 1) });
    v1.db.prepare("INSERT INTO opportunities (company, role, created_at, updated_at) VALUES ('Old Co', 'Dev', 'a', 'a')").run();
    closeJournal(v1.db);
    const core = createCore({ dataDir: dir, transport: 'http' });
    core.close();
    const [pre] = listBackups(dir);
    expect(pre).toMatchObject({ kind: 'pre-migration' });
    const copy = new BetterSqlite3(path.join(dir, 'backups', pre!.name), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare('SELECT company FROM opportunities').pluck().all()).toEqual(['Old Co']);
    copy.close();
  });

  it('"back up now" uses the online backup and the copy opens', async () => {
    const dir = tempDir();
    const core = createCore({ dataDir: dir, transport: 'http' });
    await core.call('opportunities.create', { company: 'Acme', role: 'Dev' });
    const result = await core.call('backups.create', undefined);
    expect(result).toMatchObject({ ok: true, value: { kind: 'manual' } });
    const name = (result as { value: { name: string } }).value.name;
    const copy = new BetterSqlite3(path.join(dir, 'backups', name), { readonly: true });
    expect(copy.prepare('SELECT company FROM opportunities').pluck().all()).toEqual(['Acme']);
    copy.close();
    core.close();
  });
});

describe('a damaged journal', () => {
  async function damaged() {
    const dir = tempDir();
    const core = createCore({ dataDir: dir, transport: 'http' });
    await core.call('opportunities.create', { company: 'Saved Co', role: 'Dev' });
    await core.call('backups.create', undefined);
    await core.call('opportunities.create', { company: 'After The Backup', role: 'Dev' });
    core.close();
    const file = path.join(dir, 'journal.sqlite3');
    // Overwrite the header: SQLite no longer recognises the file.
    const bytes = fs.readFileSync(file);
    bytes.write('THIS IS NOT SQLITE', 0);
    fs.writeFileSync(file, bytes);
    return { dir, file, hash: await sha256(file) };
  }

  it('starts in recovery mode, explains, lists the good backups, and leaves the file untouched', async () => {
    const { dir, file, hash } = await damaged();
    const host = openCoreHost({ dataDir: dir, transport: 'http' });
    expect(host.current()).toBeNull();
    expect(await host.call('board.get', undefined)).toMatchObject({ ok: false, error: { code: 'journal_corrupt' } });
    const status = (await host.call('recovery.status', undefined)) as { ok: true; value: { problem: { message: string }; backups: { ok: boolean }[] } };
    expect(status.value.problem.message).toMatch(/cannot be read.*has not been changed/);
    expect(status.value.backups).toHaveLength(1);
    expect(status.value.backups[0]!.ok).toBe(true);
    expect(await sha256(file)).toBe(hash);
    host.close();
  });

  it('restoring the backup keeps the damaged file aside and opens the journal again', async () => {
    const { dir, hash } = await damaged();
    const host = openCoreHost({ dataDir: dir, transport: 'http' });
    const backups = (await host.call('recovery.status', undefined)) as { value: { backups: { name: string }[] } };
    const restored = await host.call('backups.restore', { name: backups.value.backups[0]!.name });
    expect(restored).toMatchObject({ ok: true, value: { keptAs: expect.stringMatching(/^journal\.sqlite3\.before-restore-/) } });
    const kept = (restored as { value: { keptAs: string } }).value.keptAs;
    expect(await sha256(path.join(dir, kept))).toBe(hash);
    expect(await host.call('opportunities.list', undefined)).toMatchObject({ ok: true, value: [{ company: 'Saved Co' }] });
    host.close();
  });

  it('refuses a backup name that leaves the backups folder', async () => {
    const { dir } = await damaged();
    const host = openCoreHost({ dataDir: dir, transport: 'http' });
    expect(await host.call('backups.restore', { name: '../journal.sqlite3' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await host.call('backups.restore', { name: 'journal-2020-01-01T00-00-00Z-daily.sqlite3' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    host.close();
  });
});

describe('backups made in a burst, or with a clock set back', () => {
  it('each one is made, whole, and answered: retention never takes the backup just made', async () => {
    const core = createCore({ dataDir: tempDir(), transport: 'http', now: () => NOW });
    for (let i = 0; i < 25; i++) {
      const result = await core.call('backups.create', undefined);
      expect(result, `backup ${i + 1}`).toMatchObject({ ok: true, value: { kind: 'manual', ok: true, problem: null } });
    }
    // Retention still applies to the others: the ten newest made by hand, and a few more.
    expect(listBackups(core.dataDir).length).toBeLessThanOrEqual(14);
    core.close();
  });
});
