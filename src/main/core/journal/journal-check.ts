/**
 * The check of a whole journal file (`PRAGMA quick_check`), off the path that opens it. Reading
 * every page of a journal that has grown for years takes a while (half a second for 150 MB), so
 * an opened journal is checked on a worker thread with its own read-only connection (SQLite lets
 * it read beside the app's connection), while the app shows the board. Until the check has passed,
 * the journal is not written (see core.ts); if it fails, the app goes to its recovery screen
 * exactly as if the file had been refused on opening.
 *
 * If the worker cannot run, the check runs here instead: slower to open, never unchecked.
 */
import BetterSqlite3 from 'better-sqlite3';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export type JournalCheck = { readonly ok: true } | { readonly ok: false; readonly problem: string };

/**
 * The check reads each page once: a page cache would only hold memory (16 MB by default, the
 * most a check of a large journal would take up; measured), so the check's connection keeps 256 KiB.
 */
const CHECK_CACHE_KIB = -256;

/** The worker: plain CommonJS, given the driver's path and the file. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
let answer;
try {
  const Database = require(workerData.driver);
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('cache_size = ${CHECK_CACHE_KIB}');
    answer = { result: String(db.pragma('quick_check', { simple: true })) };
  } finally {
    db.close();
  }
} catch (error) {
  answer = { error: String(error && error.message || error) };
}
parentPort.postMessage(answer);
`;

const describe = (result: string): JournalCheck => (result === 'ok' ? { ok: true } : { ok: false, problem: result.slice(0, 200) });

/** A failure to read the file at all is damage too (SQLite says "malformed", "not a database"). */
const readFailure = (message: string): JournalCheck | null =>
  /file is not a database|malformed|corrupt/i.test(message) ? { ok: false, problem: message.slice(0, 200) } : null;

/** Checks the file here, on this thread. */
export function checkJournalNow(file: string): JournalCheck {
  try {
    const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      db.pragma(`cache_size = ${CHECK_CACHE_KIB}`);
      return describe(String(db.pragma('quick_check', { simple: true })));
    } finally {
      db.close();
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const damaged = readFailure(message);
    if (damaged) return damaged;
    throw error;
  }
}

/**
 * Check workers still reading a file. Stopping one (its journal closed) takes effect only when
 * SQLite's `quick_check` returns, up to a second later at 20,000 cards: the benchmark waits for
 * them before it times writes, so one core's leftover check does not count as another's cost.
 */
let running = 0;
export const checksRunning = (): number => running;

/** Checks the file on a worker thread (on this one if no worker can run); `signal` stops it (the journal was closed). */
export function checkJournalInBackground(file: string, signal?: AbortSignal): Promise<JournalCheck> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (check: () => JournalCheck): void => {
      if (settled) return;
      settled = true;
      try {
        resolve(check());
      } catch (error) {
        // Not damage SQLite could name (the disk, permissions): the app cannot vouch for the file.
        resolve({ ok: false, problem: `the journal could not be checked (${String(error).slice(0, 160)})` });
      }
    };
    let worker: Worker;
    try {
      const driver = createRequire(import.meta.url).resolve('better-sqlite3');
      worker = new Worker(WORKER, { eval: true, workerData: { driver, file } });
      running++;
      worker.once('exit', () => running--);
    } catch {
      settle(() => checkJournalNow(file));
      return;
    }
    signal?.addEventListener('abort', () => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      resolve({ ok: false, problem: 'the journal was closed before its check ended' });
    });
    worker.once('message', (answer: { result?: string; error?: string }) => {
      if (answer.result !== undefined) settle(() => describe(answer.result!));
      else settle(() => readFailure(answer.error ?? '') ?? checkJournalNow(file));
    });
    worker.once('error', () => settle(() => checkJournalNow(file)));
    worker.once('exit', () => settle(() => checkJournalNow(file)));
  });
}
