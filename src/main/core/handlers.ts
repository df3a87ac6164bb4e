/**
 * The handler layer: the one place where a named call from either transport becomes work on the
 * core. It validates the input against the contract, runs the handler, and turns every outcome
 * into a Result. Neither transport adds logic of its own.
 */
import { z } from 'zod';
import { CALL_NAMES } from '../../shared/call-names';
import type { CallName } from '../../shared/call-names';
import { contract } from '../../shared/contract';
import type { CallOutput, ValidInput } from '../../shared/contract';
import { fail, ok } from '../../shared/result';
import type { Result } from '../../shared/result';
import { CoreError } from './errors';

export type Handlers = {
  readonly [K in CallName]: (input: ValidInput<K>) => CallOutput<K> | Promise<CallOutput<K>>;
};

/**
 * The handlers of one domain: exactly the calls its contract file declares
 * (`HandlersOf<typeof lettersCalls>`), merged with the others into one `Handlers` by createCore.
 */
export type HandlersOf<Calls> = Pick<Handlers, keyof Calls & CallName>;

const KNOWN = new Set<string>(CALL_NAMES);
export const isCallName = (name: string): name is CallName => KNOWN.has(name);

export interface DispatchLog {
  error(message: string, error: unknown): void;
}

export async function dispatch(
  handlers: Handlers,
  name: string,
  rawInput: unknown,
  log: DispatchLog = { error: (m, e) => console.error(m, e) },
): Promise<Result<unknown>> {
  if (!isCallName(name)) return fail('unknown_call', `There is no call named "${name.slice(0, 80)}".`);
  const parsed = contract[name].input.safeParse(rawInput);
  if (!parsed.success) return invalid(name, parsed.error);
  try {
    const handler = handlers[name] as (input: unknown) => unknown;
    return ok(await handler(parsed.data));
  } catch (error) {
    if (error instanceof CoreError) return fail(error.code, error.message);
    // A reference the handler did not check first: still the caller's missing row, not our fault.
    if (isForeignKeyFailure(error)) return fail('not_found', `Something ${name} refers to does not exist (a contact, an opportunity, a round...); nothing was changed.`);
    log.error(`Call ${name} failed`, error);
    return fail('internal', `Something went wrong in ${name}; nothing was changed. (${describe(error)})`);
  }
}

function invalid(name: CallName, error: z.ZodError): Result<never> {
  const issues = error.issues.slice(0, 20).map((i) => ({
    path: i.path.map(String).join('.') || '(input)',
    message: i.message,
  }));
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  return fail('invalid_input', `Invalid input for ${name}: ${summary}`, issues);
}

const isForeignKeyFailure = (error: unknown): boolean =>
  error instanceof Error && (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY';

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 300);
