/**
 * Backups of the journal, as calls. The backup files themselves (names, retention, the copies)
 * are made in `../journal/backups.ts`; restoring one replaces the open journal, so the app host
 * does it (`../host.ts`), and so is the recovery screen's status when the journal cannot open.
 */
import type { backupsCalls } from '../../../shared/calls/backups-calls';
import type { CoreContext } from '../core-context';
import { CoreError } from '../errors';
import type { HandlersOf } from '../handlers';
import { backupNow, listBackups } from '../journal/backups';

export function createBackupsHandlers({ db, dataDir, journal, now }: CoreContext): HandlersOf<typeof backupsCalls> {
  return {
    'backups.list': () => listBackups(dataDir),
    'backups.create': () => backupNow(db, dataDir, 'manual', now()),
    'backups.restore': () => {
      throw new CoreError('conflict', 'Restoring a backup replaces the open journal: the app host does it (see host.ts).');
    },
    'recovery.status': () => ({ problem: null, journalFile: journal.file, backups: [] }),
  };
}
