/**
 * A journal with something in every table: a generated search (opportunities, rounds, people,
 * events, reflections, sent letters) plus what only use leaves behind: reflection versions,
 * snoozed, skipped and done actions, an undone event, reminders sent, a template of the user's
 * own, drafted letters, and settings that are not the defaults.
 */
import type { Core } from '../../src/main/core/core';
import { generateJournal } from '../../src/main/core/demo/journal-generator';
import type { Action } from '../../src/shared/domain';
import { saveReflection } from './helpers';

export const NOW = new Date('2026-11-20T15:00:00Z');

/** A clock the test moves; the core reads it on every call. */
export function movableClock(start = NOW) {
  let at = start;
  return { now: () => at, set: (d: Date) => (at = d), advance: (ms: number) => (at = new Date(at.getTime() + ms)) };
}

async function value<T>(promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`call failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

export async function fillJournal(core: Core, clock: ReturnType<typeof movableClock>, size: number, seed: number): Promise<void> {
  generateJournal(core.db, { opportunities: size, seed, now: clock.now() });
  await value(core.call('settings.update', { userName: 'Sam Lee', timeZone: 'Europe/Berlin', signature: 'Best regards,\nSam Lee' }));

  const rounds = core.db.prepare('SELECT id FROM rounds ORDER BY id LIMIT 6').pluck().all() as number[];
  for (const roundId of rounds.slice(0, 3)) {
    await value(saveReflection(core, roundId, `First thoughts on round ${roundId}, with "quotes", commas, and a line\nbreak.`) as Promise<{ ok: boolean }>);
    clock.advance(6 * 60_000);
    await value(saveReflection(core, roundId, `Second thoughts on round ${roundId}: ünïcödé, emoji 🎉, tab\tand ;semicolons;`) as Promise<{ ok: boolean }>);
    clock.advance(6 * 60_000);
  }
  await value(core.call('letters.templates', undefined));
  await value(core.call('letters.saveTemplate', { kind: 'thank-you-email', name: 'Short and warm', subject: 'Thanks, {{recipient.firstName}}', body: 'Dear {{recipient.firstName}},\n\nThank you!\n\n{{signature}}' }));
  const upcoming = core.db.prepare("SELECT r.id FROM rounds r JOIN round_interviewers ri ON ri.round_id = r.id GROUP BY r.id ORDER BY r.starts_at DESC LIMIT 2").pluck().all() as number[];
  for (const roundId of upcoming) await value(core.call('letters.draft', { roundId, kind: 'thank-you-email' }));

  const open = [...core.planEverything().values()].flat().filter((a: Action) => a.status === 'pending');
  const [snooze, skip, complete] = [open[0], open[1], open[2]];
  if (snooze) await value(core.call('actions.snooze', { opportunityId: snooze.opportunityId, key: snooze.key, until: new Date(clock.now().getTime() + 86_400_000).toISOString() }));
  if (skip) await value(core.call('actions.skip', { opportunityId: skip.opportunityId, key: skip.key }));
  if (complete) await value(core.call('actions.complete', { opportunityId: complete.opportunityId, key: complete.key }));

  const someone = core.db.prepare('SELECT id FROM opportunities ORDER BY id LIMIT 1').pluck().get() as number;
  const noted = await value<{ id: number }>(core.call('events.record', { opportunityId: someone, kind: 'note', note: 'A note, later undone' }));
  await value(core.call('events.undo', { ids: [noted.id] }));

  // Reminders sent: the scheduler records what was due when it first ran.
  const scheduler = core.startReminders(() => undefined);
  scheduler.stop();
}

/** Rows per table of a journal document, for "it holds everything". */
export function tableSizes(doc: Record<string, unknown>): Record<string, number> {
  return Object.fromEntries(Object.entries(doc).filter(([, v]) => Array.isArray(v)).map(([k, v]) => [k, (v as unknown[]).length]));
}
