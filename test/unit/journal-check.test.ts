/**
 * The check of the whole journal file, off the path that opens it: the board shows at once, the
 * check runs on a worker thread, nothing is written before it passed, and a journal it finds
 * damaged ends on the recovery screen exactly as one refused on opening does.
 */
import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import { generateJournal } from '../../src/main/core/demo/journal-generator';
import { openCoreHost } from '../../src/main/core/host';
import { closeJournal, JOURNAL_FILE_NAME, openJournal } from '../../src/main/core/journal/database';
import { checkJournalInBackground, checkJournalNow } from '../../src/main/core/journal/journal-check';
import { sha256, tempDir } from './helpers';

const NOW = new Date('2026-11-20T15:00:00Z');

/** A journal of 150 generated opportunities (seed 18), closed and checkpointed into one file. */
function journal(): { dir: string; file: string } {
  const dir = tempDir();
  const file = path.join(dir, JOURNAL_FILE_NAME);
  const { db } = openJournal(file);
  generateJournal(db, { opportunities: 150, seed: 18, now: NOW });
  db.pragma('wal_checkpoint(TRUNCATE)');
  closeJournal(db);
  return { dir, file };
}

/**
 * Damages the letters table where opening the journal and showing the board never read: its root
 * page gets a page type no b-tree has. Only a check of the whole file sees it.
 */
function damageLetters(file: string): void {
  const db = new BetterSqlite3(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const root = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'letters'").pluck().get() as number;
  db.close();
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, Buffer.from([0x07, 0xff, 0xff, 0xff]), 0, 4, (root - 1) * pageSize);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

describe('the journal check, off the opening path', () => {
  it('finds damage that opening the journal does not see, on a worker thread or here', async () => {
    const { file } = journal();
    expect(await checkJournalInBackground(file)).toEqual({ ok: true });
    damageLetters(file);
    const found = await checkJournalInBackground(file);
    expect(found.ok).toBe(false);
    expect(checkJournalNow(file)).toEqual(found);
    // Opened with the check deferred, the same file opens: query-only, the check still to run.
    const opened = openJournal(file, { deferCheck: true });
    expect(opened.checkPending).toBe(true);
    expect(opened.db.pragma('query_only', { simple: true })).toBe(1);
    closeJournal(opened.db);
    // Checked on opening (the default, and always before a migration), it is refused.
    expect(() => openJournal(file)).toThrowError(/is damaged/);
  });

  it('shows the board of a damaged journal, refuses every write, and ends on the recovery screen with the file unchanged', async () => {
    const { dir, file } = journal();
    damageLetters(file);
    const before = await sha256(file);
    const host = openCoreHost({ dataDir: dir, transport: 'http', now: () => NOW });
    const events: string[] = [];
    host.subscribe((e) => events.push(e.type));
    const core = host.current()!;
    expect(core).not.toBeNull();
    const board = await host.call('board.get', undefined);
    expect(board.ok).toBe(true);
    // A write waits for the check, which fails: nothing is written.
    const write = await host.call('events.record', { opportunityId: 1, kind: 'note', note: 'not written' });
    expect(write).toMatchObject({ ok: false, error: { code: 'journal_corrupt' } });
    expect((await core.journalCheck).ok).toBe(false);
    expect(host.current()).toBeNull();
    const status = await host.call('recovery.status', undefined);
    expect(status).toMatchObject({ ok: true, value: { problem: { code: 'journal_corrupt', message: expect.stringMatching(/is damaged.*has not been changed/s) } } });
    // The pages were told to read again (they find the recovery screen).
    expect(events).toContain('settings.changed');
    expect(await host.call('board.get', undefined)).toMatchObject({ ok: false, error: { code: 'journal_corrupt' } });
    host.close();
    expect(await sha256(file)).toBe(before);
    const raw = new BetterSqlite3(file, { readonly: true });
    expect(raw.prepare("SELECT count(*) FROM events WHERE note = 'not written'").pluck().get()).toBe(0);
    raw.close();
  });

  it('lets a sound journal be written once its check passed, keeping the plans made meanwhile', async () => {
    const { dir } = journal();
    const core = createCore({ dataDir: dir, transport: 'http', now: () => NOW, journalCheck: 'deferred' });
    expect(core.db.pragma('query_only', { simple: true })).toBe(1);
    const board = (await core.call('board.get', undefined)) as { ok: true; value: { cards: { id: number }[] } };
    const id = board.value.cards[0]!.id;
    // The write waits for the check (started by the board), then goes through.
    const written = await core.call('events.record', { opportunityId: id, kind: 'note', note: 'after the check' });
    expect(written.ok).toBe(true);
    expect(await core.journalCheck).toEqual({ ok: true });
    expect(core.db.pragma('query_only', { simple: true })).toBe(0);
    // The plans the first board made were written back when the journal became writable (all
    // but the card just written to, whose new plan waits for the next write).
    expect(core.db.prepare("SELECT count(*) FROM card_plans WHERE valid_until = '' AND opportunity_id <> ?").pluck().get(id)).toBe(0);
    core.close();
  });
});
