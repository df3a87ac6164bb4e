/**
 * The renderer's one way to run a call of the contract: it unwraps the Result (an error becomes
 * a `CallFailed` that TanStack Query keeps beside the last good data) and applies what a write
 * answers besides its value (the board's patch, and what it changed) to the cached answers, so
 * the screen that made the call is up to date without asking again.
 */
import type { QueryKey } from '@tanstack/react-query';
import type { CallName } from '../../../shared/call-names';
import type { CallInput, CallOutput } from '../../../shared/contract';
import type { CallError, ErrorCode, Result } from '../../../shared/result';
import { api } from '../api/bridge';
import { applyEffects } from './effects';
import { queryClient } from './query-client';

export class CallFailed extends Error {
  readonly code: ErrorCode;
  readonly issues: CallError['issues'];
  constructor(error: CallError) {
    super(error.message);
    this.name = 'CallFailed';
    this.code = error.code;
    this.issues = error.issues;
  }
}

/** One query key per call and its input: `['board.get', null]`, `['opportunities.get', { id: 3 }]`. */
export type CallKey<K extends CallName = CallName> = readonly [K, CallInput<K> | null];
export const keyOf = <K extends CallName>(name: K, input?: CallInput<K>): CallKey<K> => [name, input ?? null];

export interface RunOptions {
  /**
   * Cached answers the caller sets from this call's answer itself: not asked again. A call's name
   * alone (`['reflections.questions']`): its answers are marked stale, read again when next shown.
   */
  readonly keep?: readonly QueryKey[];
  /** The board cards the caller patches itself (an optimistic move settles its own card). */
  readonly ownCards?: readonly number[];
}

/** Runs a call; throws `CallFailed` on an error answer; applies a write's effects to the cache. */
export async function run<K extends CallName>(name: K, input: CallInput<K>, options: RunOptions = {}): Promise<CallOutput<K>> {
  const result = await api[name](input);
  if (!result.ok) throw new CallFailed(result.error);
  applyEffects(queryClient, result, options);
  return result.value;
}

/** Like `run`, for code that handles the Result itself: the answer is returned, the effects applied. */
export async function call<K extends CallName>(name: K, input: CallInput<K>, options: RunOptions = {}): Promise<Result<CallOutput<K>>> {
  const result = await api[name](input);
  if (result.ok) applyEffects(queryClient, result, options);
  return result;
}
