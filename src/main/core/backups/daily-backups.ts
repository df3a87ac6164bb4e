/** A backup a day while the app runs: the first soon after start if the newest is a day old. */
import type { CoreContext } from '../core-context';
import { backupNow, listBackups } from '../journal/backups';

export const DAILY_BACKUP_MS = 24 * 3_600_000;

/** Starts the daily backups; the function returned stops them. */
export function startDailyBackups({ db, dataDir, now }: CoreContext): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const next = (): void => {
    const newest = listBackups(dataDir).find((b) => b.kind === 'daily');
    const due = newest ? Date.parse(newest.at) + DAILY_BACKUP_MS : 0;
    const wait = Math.max(60_000, due - now().getTime());
    timer = setTimeout(() => {
      if (stopped) return;
      void backupNow(db, dataDir, 'daily', now())
        .catch((error: unknown) => console.error('Afterword: the daily backup failed', error))
        .finally(() => !stopped && next());
    }, Math.min(wait, DAILY_BACKUP_MS));
    timer.unref();
  };
  next();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
