/**
 * Every call of the contract answers with a Result: an error is data the UI can show, never an
 * unhandled rejection crossing a process boundary.
 */
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
  | 'internal';

export interface CallError {
  readonly code: ErrorCode;
  readonly message: string;
  /** For invalid input: the path of each offending field and what is wrong with it. */
  readonly issues?: readonly { readonly path: string; readonly message: string }[];
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CallError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, issues?: CallError['issues']): Result<never> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});
