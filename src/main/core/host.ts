/**
 * The app's hold on its core. It opens the journal; if the file is damaged or from a newer
 * Afterword, it stays up in recovery mode (every call answers with the problem, and the recovery
 * calls list the backups) instead of crashing or "fixing" anything. Restoring a backup swaps the
 * journal: the current file is kept aside under a new name, never deleted or overwritten.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CoreEvent, CoreEventListener } from '../../shared/events';
import { contract } from '../../shared/contract';
import type { RecoveryStatus } from '../../shared/contract';
import { fail, ok } from '../../shared/result';
import type { Result } from '../../shared/result';
import { createCore } from './core';
import type { Core, CoreOptions } from './core';
import { CoreError } from './errors';
import { BACKUP_DIR, inspectBackup, listBackups } from './journal/backups';
import { JOURNAL_FILE_NAME } from './journal/database';
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

export function openCoreHost(options: CoreOptions): CoreHost {
  const journalFile = path.join(options.dataDir, JOURNAL_FILE_NAME);
  const listeners = new Set<CoreEventListener>();
  let core: Core | null = null;
  let problem: RecoveryStatus['problem'] = null;
  let notify: ((notice: Notice) => void) | null = null;
  let scheduler: ReturnType<Core['startReminders']> | null = null;
  const publish = (event: CoreEvent) => listeners.forEach((l) => l(event));

  const open = (): void => {
    try {
      core = createCore(options);
      problem = null;
      core.subscribe(publish);
      if (notify) scheduler = core.startReminders(notify);
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
    backups: listBackups(options.dataDir).map((b) => ({ ...b, ...pick(inspectBackup(path.join(options.dataDir, BACKUP_DIR, b.name))) })),
  });

  function restore(name: string): { restored: string; keptAs: string | null } {
    const backup = listBackups(options.dataDir).find((b) => b.name === name);
    if (!backup) throw new CoreError('not_found', `There is no backup named ${name}.`);
    const file = path.join(options.dataDir, BACKUP_DIR, backup.name);
    const check = inspectBackup(file);
    if (!check.ok) throw new CoreError('conflict', `That backup cannot be used: ${check.problem}.`);
    core?.close();
    core = null;
    scheduler = null;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    let keptAs: string | null = null;
    if (fs.existsSync(journalFile)) {
      keptAs = `${journalFile}.before-restore-${stamp}`;
      fs.renameSync(journalFile, keptAs);
      for (const side of ['-wal', '-shm']) if (fs.existsSync(journalFile + side)) fs.renameSync(journalFile + side, keptAs + side);
    }
    fs.copyFileSync(file, journalFile); // the backup is a closed file: a plain copy is safe here
    open();
    if (!core) throw new CoreError('journal_corrupt', `The restored journal could not be opened: ${problem?.message ?? 'unknown'}`);
    // Everything may differ now: the pages read it all again.
    publish({ type: 'settings.changed', version: Date.now(), origin: null });
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
          return fail('internal', `The restore failed; the journal kept aside is untouched. (${String(error)})`);
        }
      }
      if (name === 'backups.list' && !core) return ok(listBackups(options.dataDir));
      if (!core) return fail(problem!.code, problem!.message);
      return core.call(name, input, origin);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    publish,
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

const pick = (c: { ok: boolean; schemaVersion: number | null }) => ({ ok: c.ok, schemaVersion: c.schemaVersion });
