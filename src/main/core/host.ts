/**
 * The app's hold on its core. It opens the journal; if the file is damaged or from a newer
 * Afterword, it stays up in recovery mode (every call answers with the problem, and the recovery
 * calls list the backups) instead of crashing or "fixing" anything. The check of the whole file
 * runs in the background after the journal opened (nothing is written before it passed); damage
 * it finds leads to the same recovery mode.
 *
 * Restoring swaps the journal without a moment where a crash could hurt it:
 * 1. the chosen file (checked first) is copied beside the journal under a temporary name, by
 *    SQLite (`VACUUM INTO`, which also reads through a -wal the source may have), and flushed;
 * 2. the open journal is checkpointed (its -wal emptied into the file) and closed;
 * 3. the current journal is kept aside under a new name by a hard link (the journal itself stays
 *    in place), with its -wal if one is left (a damaged journal's), and the folder is flushed;
 * 4. the journal's -wal and -shm are removed (they belong to the old file: left beside the new
 *    one, SQLite would replay them into it), then the copy is renamed over the journal and the
 *    folder flushed.
 * A crash before step 4's rename leaves the old journal in place, whole; after it, the restored
 * one. The file kept aside is never deleted and the recovery screen offers it.
 */
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { CoreEvent, CoreEventListener } from '../../shared/events';
import { contract } from '../../shared/contract';
import type { RecoveryStatus } from '../../shared/calls/transfer-calls';
import { BACKUP_FILE_NAME, KEPT_ASIDE_FILE_NAME } from '../../shared/calls/transfer-calls';
import { fail, ok } from '../../shared/result';
import type { Result } from '../../shared/result';
import { createCore } from './core';
import type { Core, CoreOptions } from './core';
import { CoreError } from './errors';
import { BACKUP_DIR, checkJournalFile, checkedBackups, fsyncDir, fsyncFile, keptAsideJournals, publish, removeUnfinishedBackups } from './journal/backups';
import { damaged, JOURNAL_FILE_NAME } from './journal/database';
import type { Notice } from './reminders/scheduler';

export interface CoreHost {
  readonly dataDir: string;
  /** The open core, or null in recovery mode. */
  current(): Core | null;
  call(name: string, input: unknown, origin?: string | null): Promise<Result<unknown>>;
  subscribe(listener: CoreEventListener): () => void;
  publish(event: CoreEvent): void;
  /** Reminders on the current core, and again on each core a restore opens. */
  startReminders(notify: (notice: Notice) => void): void;
  reschedule(): void;
  close(): void;
}

const RESTORING = '.restoring-';

export function openCoreHost(options: CoreOptions): CoreHost {
  const journalFile = path.join(options.dataDir, JOURNAL_FILE_NAME);
  const listeners = new Set<CoreEventListener>();
  let core: Core | null = null;
  let problem: RecoveryStatus['problem'] = null;
  let notify: ((notice: Notice) => void) | null = null;
  let scheduler: ReturnType<Core['startReminders']> | null = null;
  const publishEvent = (event: CoreEvent) => listeners.forEach((l) => l(event));

  // What a crash left half done is removed before anything can list it.
  removeUnfinishedBackups(options.dataDir);
  removeUnfinishedRestores(options.dataDir);

  /** A journal whose check (after it opened) found damage: the same recovery as a refusal on opening. */
  const damagedAfterOpening = (opened: Core, message: string): void => {
    if (core !== opened) return;
    console.error(`Afterword: ${message}`);
    opened.close();
    core = null;
    scheduler = null;
    problem = { code: 'journal_corrupt', message };
    // Everything differs now: the pages ask again, and find the recovery screen.
    publishEvent({ type: 'settings.changed', version: Date.now(), origin: null });
  };

  const open = (): void => {
    try {
      // The whole file is checked in the background once the board is shown (see core.ts).
      const opened = createCore({ journalCheck: 'deferred', ...options });
      core = opened;
      problem = null;
      opened.subscribe(publishEvent);
      if (notify) scheduler = opened.startReminders(notify);
      void opened.journalCheck.then((check) => !check.ok && damagedAfterOpening(opened, damaged(journalFile, check.problem).message));
    } catch (error) {
      if (error instanceof CoreError && (error.code === 'journal_corrupt' || error.code === 'journal_too_new')) {
        core = null;
        scheduler = null;
        problem = { code: error.code, message: error.message };
        return;
      }
      throw error;
    }
  };
  open();

  const status = (): RecoveryStatus => ({
    problem,
    journalFile,
    backups: checkedBackups(options.dataDir),
    keptAside: keptAsideJournals(options.dataDir),
  });

  function restore(name: string): { restored: string; keptAs: string | null } {
    const source = BACKUP_FILE_NAME.test(name) ? path.join(options.dataDir, BACKUP_DIR, name) : KEPT_ASIDE_FILE_NAME.test(name) ? path.join(options.dataDir, name) : null;
    if (!source || !fs.existsSync(source)) throw new CoreError('not_found', `There is no backup named ${name}.`);
    const check = checkJournalFile(source);
    if (!check.ok) throw new CoreError('conflict', `That file cannot be restored: ${check.problem}.`);

    // 1. The copy, beside the journal, flushed and checked before anything else is touched.
    const temp = `${journalFile}${RESTORING}${process.pid}`;
    fs.rmSync(temp, { force: true });
    copyJournal(source, temp);
    const copied = checkJournalFile(temp);
    if (!copied.ok) {
      fs.rmSync(temp, { force: true });
      throw new CoreError('conflict', `The copy of that file did not check out (${copied.problem}); nothing was changed.`);
    }

    // 2. The open journal: everything in its -wal goes into the file, then it is closed.
    const wasOpen = core !== null;
    if (core) {
      try {
        core.db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // SQLite answers "locked" when nothing was written since the file was opened: nothing to move.
      }
      core.close(); // the last connection's close checkpoints too, and removes the -wal
    }
    core = null;
    scheduler = null;
    const wal = `${journalFile}-wal`;
    if (wasOpen && fs.existsSync(wal) && fs.statSync(wal).size > 0) {
      // Still something in the -wal of a healthy journal: move it into the file before going on.
      const db = new BetterSqlite3(journalFile);
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        db.close();
      }
    }

    // 3. Keep the current journal aside; it also stays in place until the rename below.
    let keptAs: string | null = null;
    if (fs.existsSync(journalFile)) {
      keptAs = keptAsideName(journalFile);
      linkOrCopy(journalFile, keptAs);
      if (fs.existsSync(wal) && fs.statSync(wal).size > 0) linkOrCopy(wal, `${keptAs}-wal`);
      fsyncDir(options.dataDir);
    }
    // 4. The old file's -wal and -shm must not meet the new file; then the swap itself.
    for (const side of ['-wal', '-shm']) fs.rmSync(journalFile + side, { force: true });
    publish(temp, journalFile);

    open();
    // `open()` sets `problem`; the type checker cannot see through the call.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
    if (!core) throw new CoreError('journal_corrupt', `The restored journal could not be opened: ${problem?.message ?? 'unknown'}`);
    // Everything may differ now: the pages read it all again.
    publishEvent({ type: 'settings.changed', version: Date.now(), origin: null });
    return { restored: name, keptAs: keptAs ? path.basename(keptAs) : null };
  }

  return {
    dataDir: options.dataDir,
    current: () => core,
    async call(name, input, origin = null) {
      if (name === 'recovery.status' || name === 'backups.restore') {
        const parsed = contract[name].input.safeParse(input);
        if (!parsed.success) return fail('invalid_input', `Invalid input for ${name}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
        try {
          return name === 'recovery.status' ? ok(status()) : ok(restore((parsed.data as { name: string }).name));
        } catch (error) {
          if (error instanceof CoreError) return fail(error.code, error.message);
          console.error('Afterword: a restore failed', error);
          return fail('internal', `The restore failed; your journal and the file kept aside are untouched. (${String(error)})`);
        }
      }
      if (name === 'backups.list' && !core) return ok(checkedBackups(options.dataDir));
      if (!core) return fail(problem!.code, problem!.message);
      return core.call(name, input, origin);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    publish: publishEvent,
    startReminders(fn) {
      notify = fn;
      if (core) scheduler = core.startReminders(fn);
    },
    reschedule: () => scheduler?.reschedule(),
    close() {
      core?.close();
      core = null;
      listeners.clear();
    },
  };
}

/** A consistent, self-contained copy of a journal file (through its -wal if it has one), flushed. */
function copyJournal(source: string, target: string): void {
  const db = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
  try {
    db.prepare('VACUUM INTO ?').run(target);
  } finally {
    db.close();
  }
  fsyncFile(target);
}

function keptAsideName(journalFile: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  let name = `${journalFile}.before-restore-${stamp}`;
  for (let n = 2; fs.existsSync(name); n++) name = `${journalFile}.before-restore-${stamp}-${n}`;
  return name;
}

/** A second name for the same file (instant, and the journal stays where it is); a flushed copy where links are not possible. */
function linkOrCopy(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
  } catch {
    fs.copyFileSync(from, to);
    fsyncFile(to);
  }
}

/** Copies a crash left beside the journal during a restore: never the journal, removed. */
function removeUnfinishedRestores(dataDir: string): void {
  if (!fs.existsSync(dataDir)) return;
  for (const name of fs.readdirSync(dataDir)) if (name.startsWith(`${JOURNAL_FILE_NAME}${RESTORING}`)) fs.rmSync(path.join(dataDir, name), { force: true });
}
