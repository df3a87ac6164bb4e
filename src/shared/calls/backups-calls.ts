/** Backups of the journal, and the recovery screen a damaged or too-new journal opens. */
import { z } from 'zod';
import { call, none } from './fields';

export interface Backup {
  readonly name: string;
  readonly at: string;
  readonly kind: 'daily' | 'manual' | 'pre-migration';
  readonly bytes: number;
}

export interface RecoveryStatus {
  /** Why the journal could not be opened, or null when all is well. */
  readonly problem: { readonly code: 'journal_corrupt' | 'journal_too_new'; readonly message: string } | null;
  readonly journalFile: string;
  readonly backups: readonly (Backup & { readonly ok: boolean; readonly schemaVersion: number | null })[];
}

export const backupsCalls = {
  'backups.list': call<readonly Backup[]>()(none),
  'backups.create': call<Backup>()(none),
  'backups.restore': call<{ readonly restored: string; readonly keptAs: string | null }>()(
    z.strictObject({ name: z.string().regex(/^journal-[\w-]+\.sqlite3$/, 'is not a backup of this journal').max(120) }),
  ),
  'recovery.status': call<RecoveryStatus>()(none),
};
