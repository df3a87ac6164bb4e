/**
 * Every call of the contract answers with a Result: an error is data the UI can show, never an
 * unhandled rejection crossing a process boundary. A call that changed the journal also says what
 * it changed and carries the board's patch, so the page that made it updates in place with no
 * second call.
 */
import type { BoardPatch } from './calls/board-calls';
import type { JournalChanges } from './events';

export type ErrorCode =
  | 'invalid_input'
  | 'unknown_call'
  | 'not_found'
  | 'conflict'
  | 'unauthorized'
  | 'forbidden'
  | 'too_large'
  | 'journal_too_new'
  | 'journal_corrupt'
  /** A save based on an older revision than the journal's (another window saved in between). */
  | 'stale_revision'
  /** Browser mode is closing: the call was not run. */
  | 'shutting_down'
  | 'internal';

export interface CallError {
  readonly code: ErrorCode;
  readonly message: string;
  /** For invalid input: the path of each offending field and what is wrong with it. */
  readonly issues?: readonly { readonly path: string; readonly message: string }[];
}

export interface CallEffects {
  /** What the call changed, when it changed anything. */
  readonly changes?: JournalChanges;
  /** The changed cards as the board shows them now. */
  readonly patch?: BoardPatch;
}

export type Result<T> = ({ readonly ok: true; readonly value: T } & CallEffects) | { readonly ok: false; readonly error: CallError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, issues?: CallError['issues']): Result<never> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});
