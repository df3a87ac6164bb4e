/**
 * The one contract between the renderer and the core: a map of named calls, each with a runtime
 * validator for its input and a TypeScript type for its answer. Both transports (Electron IPC
 * through the preload, loopback HTTP in browser mode) carry exactly these calls, and the core's
 * handler layer validates every input against these schemas before anything touches the journal.
 *
 * Each domain declares its calls in its own file under `calls/` (so engineers adding calls to
 * different domains do not edit the same lines); this file merges them and derives the types.
 * A new call: its name in `call-names.ts`, its spec in the domain's `calls/<domain>-calls.ts`,
 * its handler in the core's `<domain>/<domain>-handlers.ts` (see docs/architecture.md).
 */
import type { z } from 'zod';
import type { CallName } from './call-names';
import type { Result } from './result';
import { appCalls } from './calls/app-calls';
import { boardCalls } from './calls/board-calls';
import type { CallSpec } from './calls/fields';
import { insightsCalls } from './calls/insights-calls';
import { journalCalls } from './calls/journal-calls';
import { lettersCalls } from './calls/letters-calls';
import { peopleCalls } from './calls/people-calls';
import { plannerCalls } from './calls/planner-calls';
import { reflectionsCalls } from './calls/reflections-calls';
import { remindersCalls } from './calls/reminders-calls';
import { settingsCalls } from './calls/settings-calls';
import { timelineCalls } from './calls/timeline-calls';
import { transferCalls } from './calls/transfer-calls';

export type { AppInfo } from './calls/app-calls';
export type { Backup, RecoveryStatus } from './calls/transfer-calls';
export type { Board, BoardCard, BoardHint, CardAction, BoardPatch, ClosedCursor, ClosedPage } from './calls/board-calls';
export type { CallSpec, ExportedFile } from './calls/fields';
export type { QuestionBankEntry, ReflectionView } from './calls/reflections-calls';
export type { SettingsState } from './calls/settings-calls';
export { calendarDate, instant, isRealCalendarDate } from './calls/fields';
export { opportunityCreate, opportunityUpdate, roundFields } from './calls/journal-calls';
export { eventRecord } from './calls/timeline-calls';

export const contract = {
  ...appCalls,
  ...journalCalls,
  ...peopleCalls,
  ...timelineCalls,
  ...plannerCalls,
  ...remindersCalls,
  ...boardCalls,
  ...reflectionsCalls,
  ...lettersCalls,
  ...settingsCalls,
  ...transferCalls,
  ...insightsCalls,
} satisfies { readonly [K in CallName]: CallSpec<z.ZodType, unknown> };

export type Contract = typeof contract;

// Every call in a domain's file must be named in call-names.ts (the preload exposes only those):
// a call missing there fails to compile here.
type Unnamed = Exclude<keyof Contract, CallName>;
export const everyCallIsNamed: [Unnamed] extends [never] ? true : Unnamed = true;

/** What the caller passes (before defaults and transforms). */
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
/** What the handler receives (after validation). */
export type ValidInput<K extends CallName> = z.output<Contract[K]['input']>;
export type CallOutput<K extends CallName> = NonNullable<Contract[K]['__output']>;

/** The renderer's view of the core: one async function per named call. */
export type Api = {
  readonly [K in CallName]: (input: CallInput<K>) => Promise<Result<CallOutput<K>>>;
};
