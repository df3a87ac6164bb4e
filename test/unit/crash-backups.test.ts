/**
 * Backups and restores that a crash cannot hurt. A writer makes backups (or restores them) without
 * pause and is killed with SIGKILL at a moment drawn from a seeded generator, at least 30 times
 * each. After every kill: the journal opens whole with everything it had; every file under a
 * backup's name is a whole backup (a half one is never offered); after a restore the journal is
 * either the one before or the one restored, never a mix, and what a restore kept aside is whole.
 * Also: an empty or cut-short file in backups/ is refused, with a reason, and never restored.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import { generateJournal, prng } from '../../src/main/core/demo/journal-generator';
import { openCoreHost } from '../../src/main/core/host';
import { backupName, checkedBackups, keptAsideJournals, listBackups } from '../../src/main/core/journal/backups';
import { closeJournal, JOURNAL_FILE_NAME, openJournal } from '../../src/main/core/journal/database';
import { tempDir } from './helpers';

const ROOT = path.resolve(import.meta.dirname, '../..');
const KILLS = 30;
const SEED = Number(process.env.CRASH_SEED ?? 20261116);
const OUT = path.join(ROOT, 'out/crash-backups');
const WRITER = path.join(OUT, 'crash-backup-writer.mjs');
const NODE = fs.existsSync(path.join(ROOT, 'node_modules/.bin/node')) ? path.join(ROOT, 'node_modules/.bin/node') : process.execPath;
const said = (why: string) => `${why} (seed ${SEED}; rerun with CRASH_SEED=${SEED})`;

beforeAll(() => {
  // Its own output folder: the other crash test builds into out/bench at the same time.
  execFileSync(path.join(ROOT, 'node_modules/.bin/vite'), ['build', '--config', 'vite.bench.config.mts', '--outDir', OUT, '--logLevel', 'error'], { cwd: ROOT, stdio: 'pipe' });
}, 60_000);

/** Runs the writer and kills it `afterMs` after it first prints a line starting with `from` ("ready": once it has opened). */
function runAndKill(args: readonly string[], afterMs: number, from = 'ready'): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [WRITER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let armed = false;
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (armed || !out.split('\n').slice(0, -1).some((line) => line.startsWith(from))) return;
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(said(`the writer ended by itself (${code}): ${err}`)));
      resolve(out.split('\n').filter((l) => l !== '' && l !== 'ready'));
    });
  });
}

const companies = (file: string): string[] => {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT company FROM opportunities ORDER BY company').pluck().all() as string[]).sort();
  } finally {
    db.close();
  }
};

/** Opens the journal as the app does (quick_check, pragmas, migrations) and reads what it holds. */
function openAndRead(dir: string): string[] {
  const { db } = openJournal(path.join(dir, JOURNAL_FILE_NAME));
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return (db.prepare('SELECT company FROM opportunities').pluck().all() as string[]).sort();
  } finally {
    closeJournal(db);
  }
}

describe('backups and restores under SIGKILL', () => {
  it(`no half backup is ever offered, and the journal keeps everything, across ${KILLS} kills during backups`, async () => {
    const random = prng(SEED);
    const dir = tempDir();
    const setup = createCore({ dataDir: dir, transport: 'http' });
    generateJournal(setup.db, { opportunities: 400, seed: SEED, now: new Date('2026-11-20T15:00:00Z') });
    const expected = (setup.db.prepare('SELECT company FROM opportunities').pluck().all() as string[]).sort();
    setup.close();
    let made = 0;
    let partials = 0;
    for (let i = 0; i < KILLS; i++) {
      const lines = await runAndKill(['backup', dir], Math.floor(random() * 400));
      made += lines.filter((l) => l.startsWith('backup ')).length;
      partials += fs.readdirSync(path.join(dir, 'backups')).filter((n) => n.includes('.partial')).length;
      // Every file under a backup's name, before anything cleans up: whole, and the journal's copy.
      for (const b of checkedBackups(dir)) {
        expect(b.problem, said(`kill ${i + 1}: ${b.name} is not whole`)).toBeNull();
        expect(b.opportunities, said(`kill ${i + 1}: ${b.name}`)).toBe(expected.length);
      }
      expect(openAndRead(dir), said(`kill ${i + 1}: the journal lost something`)).toEqual(expected);
    }
    // The next start removes what a kill left half written.
    openCoreHost({ dataDir: dir, transport: 'http' }).close();
    expect(fs.readdirSync(path.join(dir, 'backups')).filter((n) => n.includes('.partial'))).toEqual([]);
    console.log(`backup crash test (seed ${SEED}): ${KILLS} SIGKILLs, ${made} backups finished, ${partials} half-written temporaries seen and never listed`);
    expect(made).toBeGreaterThan(0);
  }, 300_000);

  it(`a restore leaves the journal before or after, never between, across ${KILLS} kills during restores`, async () => {
    const random = prng(SEED + 1);
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'backups'));
    const sets: Record<string, string[]> = {};
    for (const [label, count, minute] of [['One', 40, 1], ['Two', 60, 2]] as const) {
      const source = createCore({ dataDir: tempDir(), transport: 'http' });
      for (let n = 1; n <= count; n++) await source.call('opportunities.create', { company: `${label}-${n}`, role: 'Dev' });
      const name = backupName(new Date(`2026-11-20T10:0${minute}:00Z`), 'manual');
      source.db.prepare('VACUUM INTO ?').run(path.join(dir, 'backups', name));
      source.close();
      sets[name] = companies(path.join(dir, 'backups', name));
    }
    const [a, b] = Object.keys(sets) as [string, string];
    createCore({ dataDir: dir, transport: 'http' }).close();
    let before = openAndRead(dir);
    let restores = 0;
    let midRestore = 0;
    for (let i = 0; i < KILLS; i++) {
      // Every other kill comes at any moment of the writer's work; the others a few milliseconds
      // into a restore, the window this test is about (a restore takes some 15 ms: drawn only
      // from the start, too few kills landed in it once the core opened faster).
      const intoRestore = i % 2 === 1;
      const lines = await runAndKill(['restore', dir, a, b], Math.floor(random() * (intoRestore ? 10 : 500)), intoRestore ? 'restoring ' : 'ready');
      restores += lines.filter((l) => l.startsWith('restored ')).length;
      // What the journal may be: each printed step moves it; the step in progress may or may not have landed.
      let state = before;
      const allowed: string[][] = [];
      for (const line of lines) {
        const [verb, arg] = line.split(' ') as [string, string];
        if (verb === 'restoring') allowed.splice(0, allowed.length, state, sets[arg]!);
        if (verb === 'restored') state = sets[arg]!;
        if (verb === 'committed') state = [...state, `Marker-${arg}`].sort();
        if (verb === 'restored' || verb === 'committed') allowed.splice(0, allowed.length, state);
      }
      if (allowed.length === 0) allowed.push(state);
      const last = lines.at(-1) ?? '';
      if (last.startsWith('restoring ')) midRestore++;
      // A marker whose commit finished just before the kill, not yet printed.
      if (last.startsWith('restored ')) allowed.push([...state, `Marker-${lines.filter((l) => l.startsWith('committed')).length + 1}`].sort());
      const now = openAndRead(dir);
      const match = allowed.some((s) => JSON.stringify(s) === JSON.stringify(now));
      expect(match, said(`kill ${i + 1} after "${last}": the journal holds ${now.length} rows (${now.slice(0, 3).join(', ')}...), not a state it may be in`)).toBe(true);
      before = now;
      // Every backup is still whole, and only the two real ones are listed.
      expect(listBackups(dir).map((x) => x.name).sort()).toEqual([a, b].sort());
      expect(checkedBackups(dir).every((x) => x.ok), said(`kill ${i + 1}: a backup was damaged`)).toBe(true);
      // What restores kept aside is whole and is one of the journal's states.
      for (const kept of keptAsideJournals(dir)) {
        expect(kept.problem, said(`kill ${i + 1}: ${kept.name} kept aside is not whole`)).toBeNull();
        fs.rmSync(path.join(dir, kept.name)); // the test's own tidying, so the folder stays small
        for (const side of ['-wal', '-shm']) fs.rmSync(path.join(dir, kept.name + side), { force: true });
      }
    }
    console.log(`restore crash test (seed ${SEED}): ${KILLS} SIGKILLs (${midRestore} in the middle of a restore), ${restores} restores finished; the journal was always the one before or the one restored`);
    expect(restores).toBeGreaterThan(0);
    expect(midRestore, said('no kill landed during a restore')).toBeGreaterThan(KILLS / 3);
  }, 300_000);
});

describe('files in backups/ that must never be offered', () => {
  async function journalWithBackup() {
    const dir = tempDir();
    const core = createCore({ dataDir: dir, transport: 'http' });
    generateJournal(core.db, { opportunities: 80, seed: SEED, now: new Date('2026-11-20T15:00:00Z') });
    const result = await core.call('backups.create', undefined);
    core.close();
    if (!result.ok) throw new Error(result.error.message);
    return { dir, good: (result.value as { name: string }).name };
  }

  it('a zero-byte file, a cut-short copy, a non-journal and a newer journal are listed as refused, with why, and cannot be restored', async () => {
    const { dir, good } = await journalWithBackup();
    const backups = path.join(dir, 'backups');
    const bytes = fs.readFileSync(path.join(backups, good));
    const names = {
      empty: backupName(new Date('2026-11-21T01:00:00Z'), 'daily'),
      cut: backupName(new Date('2026-11-21T02:00:00Z'), 'daily'),
      other: backupName(new Date('2026-11-21T03:00:00Z'), 'manual'),
      newer: backupName(new Date('2026-11-21T04:00:00Z'), 'manual'),
    };
    fs.writeFileSync(path.join(backups, names.empty), '');
    fs.writeFileSync(path.join(backups, names.cut), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const other = new BetterSqlite3(path.join(backups, names.other));
    other.exec('CREATE TABLE notes (body TEXT)');
    other.pragma('user_version = 3');
    other.close();
    fs.writeFileSync(path.join(backups, names.newer), bytes);
    const newer = new BetterSqlite3(path.join(backups, names.newer));
    newer.pragma('user_version = 999');
    newer.close();

    const host = openCoreHost({ dataDir: dir, transport: 'http' });
    const listed = (await host.call('backups.list', undefined)) as { ok: true; value: { name: string; ok: boolean; problem: string | null; opportunities: number | null; letters: number | null }[] };
    const by = Object.fromEntries(listed.value.map((b) => [b.name, b]));
    expect(by[good]).toMatchObject({ ok: true, problem: null, opportunities: 80, letters: expect.any(Number) });
    expect(by[good]!.letters).toBeGreaterThan(0);
    expect(by[names.empty]).toMatchObject({ ok: false, problem: expect.stringMatching(/empty \(0 bytes\)/) });
    expect(by[names.cut]).toMatchObject({ ok: false, problem: expect.stringMatching(/cut short/) });
    expect(by[names.other]).toMatchObject({ ok: false, problem: expect.stringMatching(/lacks the journal's tables/) });
    expect(by[names.newer]).toMatchObject({ ok: false, problem: expect.stringMatching(/newer Afterword/) });
    const journal = path.join(dir, JOURNAL_FILE_NAME);
    const before = fs.readFileSync(journal);
    for (const name of Object.values(names)) {
      expect(await host.call('backups.restore', { name })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/cannot be restored/) } });
    }
    host.close();
    expect(Buffer.compare(before, fs.readFileSync(journal))).toBe(0);
  });

  it('the recovery screen\'s status offers what a restore kept aside, and it can be restored back', async () => {
    const { dir, good } = await journalWithBackup();
    const host = openCoreHost({ dataDir: dir, transport: 'http' });
    await host.call('opportunities.create', { company: 'After the backup', role: 'Dev' });
    const restored = (await host.call('backups.restore', { name: good })) as { ok: true; value: { keptAs: string } };
    expect(restored.ok).toBe(true);
    const status = (await host.call('recovery.status', undefined)) as { ok: true; value: { keptAside: { name: string; ok: boolean; opportunities: number }[] } };
    expect(status.value.keptAside).toEqual([expect.objectContaining({ name: restored.value.keptAs, ok: true, opportunities: 81 })]);
    expect(await host.call('backups.restore', { name: restored.value.keptAs })).toMatchObject({ ok: true });
    const list = (await host.call('opportunities.list', undefined)) as { ok: true; value: { company: string }[] };
    expect(list.value.map((o) => o.company)).toContain('After the backup');
    host.close();
  });
});
