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

/** A row that does not exist; `field` names the input that referred to it (a contact id, an opportunity id, ...). */
export const notFound = (what: string, id: number, field?: string): CoreError =>
  new CoreError('not_found', field ? `No ${what} with id ${id} (${field}).` : `No ${what} with id ${id}.`);
