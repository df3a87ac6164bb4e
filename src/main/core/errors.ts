import type { ErrorCode } from '../../shared/result';

/** An error the core raises on purpose: it becomes `{ ok: false, error: { code, message } }`. */
export class CoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CoreError';
  }
}

export const notFound = (what: string, id: number): CoreError => new CoreError('not_found', `No ${what} with id ${id}.`);
