/**
 * The core: everything Afterword knows and does, with no idea whether it runs inside Electron or
 * in plain Node behind browser mode. A shell creates one core per data folder, gives both
 * transports its `call` function and subscribes to its events.
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { version } from '../../../package.json';
import type { Action } from '../../shared/domain';
import type { CoreEvent, CoreEventListener } from '../../shared/events';
import type { Result } from '../../shared/result';
import { complete, findAction, reopen } from './actions';
import { moveCard, readBoard } from './board';
import { CoreError } from './errors';
import { dispatch } from './handlers';
import { createInsightsHandlers } from './insights/insights-handlers';
import type { Handlers } from './handlers';
import { backupNow, listBackups, preMigrationBackup } from './journal/backups';
import { closeJournal, JOURNAL_FILE_NAME, openJournal } from './journal/database';
import { OpportunityStore } from './journal/opportunities';
import { TimelineStore } from './journal/timeline';
import type { PlanContext } from './planner/plan';
import { PlanCache, planOne } from './planner/plan-journal';
import { Letters } from './letters/letters';
import { Reflections } from './reflection/reflections';
import { ReminderScheduler, effectiveDue } from './reminders/scheduler';
import type { Notice } from './reminders/scheduler';
import { SettingsStore } from './settings/settings-store';

export interface CoreOptions {
  readonly dataDir: string;
  readonly transport: 'ipc' | 'http';
  /** The clock; tests and the demo journal pass their own. */
  readonly now?: () => Date;
  /** A backup a day while running (the shells turn it on; tests usually do not). */
  readonly dailyBackups?: boolean;
}

export const DAILY_BACKUP_MS = 24 * 3_600_000;

export interface Core {
  readonly dataDir: string;
  readonly db: Database;
  readonly handlers: Handlers;
  readonly settings: SettingsStore;
  call(name: string, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: CoreEventListener): () => void;
  /** Every open action of every card (the reminder scheduler's input). */
  planEverything(): Map<number, Action[]>;
  /** Sends an event to every listener (the transports pass it to the page). */
  publish(event: CoreEvent): void;
  /** Starts the reminder scheduler with the shell's way of showing a notification. */
  startReminders(notify: (notice: Notice) => void): ReminderScheduler;
  close(): void;
}

export function createCore(options: CoreOptions): Core {
  const now = options.now ?? (() => new Date());
  const journal = openJournal(path.join(options.dataDir, JOURNAL_FILE_NAME), {
    beforeMigrate: (db, _from, to) => preMigrationBackup(db, options.dataDir, to, now()),
  });
  const db = journal.db;
  const settings = new SettingsStore(options.dataDir, now);
  const listeners = new Set<CoreEventListener>();
  const emit = (event: CoreEvent): void => {
    // Every change to the journal passes here: forget the plans it may have changed.
    if (event.type === 'journal.changed' && event.entity === 'opportunity') plans.invalidate(event.id);
    if (event.type === 'settings.changed') plans.invalidate();
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error('An event listener failed', error);
      }
    }
  };
  const timeline = new TimelineStore(db, now);
  const plans = new PlanCache(db);
  const opportunities = new OpportunityStore(db, now, timeline);
  const reflections = new Reflections(db, timeline, now);
  const letters = new Letters(db, timeline, () => settings.get(), now);
  const progress = (done: number, total: number) => emit({ type: 'export.progress', done, total });
  const changed = <T>(opportunityId: number, value: T): T => {
    emit({ type: 'journal.changed', entity: 'opportunity', id: opportunityId });
    return value;
  };
  const context = (): PlanContext => ({ settings: settings.get().planner, timeZone: settings.get().timeZone, now: now() });
  const actionsOf = (opportunityId: number): Action[] => {
    opportunities.get(opportunityId);
    return planOne(db, opportunityId, context());
  };
  const transaction = <T>(work: () => T): T => db.transaction(work).immediate();

  const handlers: Handlers = {
    'app.info': () => ({
      version,
      transport: options.transport,
      dataDir: options.dataDir,
      journalFile: journal.file,
      schemaVersion: journal.schemaVersion,
      timeZone: settings.get().timeZone,
    }),
    'opportunities.create': (input) => {
      const created = opportunities.create(input);
      return changed(created.id, created);
    },
    'opportunities.list': () => opportunities.list(),
    'opportunities.get': ({ id }) => opportunities.get(id),
    'opportunities.update': ({ id, patch }) => changed(id, opportunities.update(id, patch)),
    'opportunities.delete': ({ id }) => {
      opportunities.delete(id);
      return changed(id, { deleted: id });
    },
    'rounds.create': (input) => changed(input.opportunityId, opportunities.createRound(input)),
    'rounds.list': ({ opportunityId }) => {
      opportunities.get(opportunityId);
      return opportunities.roundsOf(opportunityId);
    },
    'rounds.get': ({ id }) => opportunities.getRound(id),
    'rounds.update': ({ id, patch }) => {
      const round = opportunities.updateRound(id, patch);
      return changed(round.opportunityId, round);
    },
    'rounds.delete': ({ id }) => {
      const round = opportunities.deleteRound(id);
      return changed(round.opportunityId, { deleted: id });
    },
    'contacts.list': () => timeline.listContacts(),
    'contacts.create': (input) => timeline.createContact(input),
    'contacts.update': ({ id, patch }) => {
      const contact = timeline.updateContact(id, patch);
      plans.invalidate(); // a name appears in the plans of every card the person is on
      emit({ type: 'journal.changed', entity: 'contact', id });
      return contact;
    },
    'events.list': ({ opportunityId }) => {
      opportunities.get(opportunityId);
      return timeline.eventsOf(opportunityId);
    },
    'events.record': (input) => {
      const [event] = timeline.record([{ ...input, occurredAt: input.occurredAt ?? now().toISOString() }]);
      return changed(input.opportunityId, event!);
    },
    'events.undo': ({ ids }) => {
      const events = ids.map((id) => timeline.getEvent(id));
      timeline.undo(ids);
      for (const id of new Set(events.map((e) => e.opportunityId))) emit({ type: 'journal.changed', entity: 'opportunity', id });
      return { undone: ids };
    },
    'actions.forOpportunity': ({ opportunityId }) => actionsOf(opportunityId),
    'actions.snoozeAll': ({ minutes }) => {
      const at = now();
      const until = new Date(at.getTime() + minutes * 60_000).toISOString();
      const due = [...plans.planAll(context()).values()].flat().filter((a) => effectiveDue(a) <= at.toISOString());
      transaction(() => due.forEach((a) => timeline.setState(a.opportunityId, a.key, 'snoozed', until)));
      for (const id of new Set(due.map((a) => a.opportunityId))) emit({ type: 'journal.changed', entity: 'opportunity', id });
      return { snoozed: due.length };
    },
    'reminders.due': () => {
      const at = now().toISOString();
      const due = [...plans.planAll(context()).values()].flat().filter((a) => effectiveDue(a) <= at);
      const company = db.prepare('SELECT company FROM opportunities WHERE id = ?').pluck();
      return due.sort((a, b) => (effectiveDue(a) < effectiveDue(b) ? -1 : 1)).map((a) => ({ ...a, company: String(company.get(a.opportunityId)) }));
    },
    'actions.inRange': ({ from, to }) => {
      const open: Action[] = [];
      for (const actions of plans.planAll(context()).values()) {
        for (const a of actions) {
          if (a.status !== 'pending' && a.status !== 'snoozed') continue;
          const at = effectiveDue(a);
          if (at >= from && at <= to) open.push(a);
        }
      }
      return open.sort((a, b) => (a.due < b.due ? -1 : 1));
    },
    'actions.complete': ({ opportunityId, key, occurredAt }) => {
      transaction(() => complete(timeline, findAction(actionsOf(opportunityId), key), occurredAt ?? now().toISOString()));
      return changed(opportunityId, actionsOf(opportunityId));
    },
    'actions.snooze': ({ opportunityId, key, until }) => {
      const action = findAction(actionsOf(opportunityId), key);
      if (action.status === 'done' || action.status === 'skipped') throw new CoreError('conflict', 'Only an open action can be snoozed.');
      if (Date.parse(until) <= now().getTime()) throw new CoreError('invalid_input', 'A snooze must end in the future.');
      timeline.setState(opportunityId, key, 'snoozed', until);
      return changed(opportunityId, actionsOf(opportunityId));
    },
    'actions.skip': ({ opportunityId, key }) => {
      const action = findAction(actionsOf(opportunityId), key);
      if (action.status === 'done') throw new CoreError('conflict', 'This action is already done.');
      timeline.setState(opportunityId, key, 'skipped', null);
      return changed(opportunityId, actionsOf(opportunityId));
    },
    'actions.reopen': ({ opportunityId, key }) => {
      transaction(() => reopen(timeline, findAction(actionsOf(opportunityId), key)));
      return changed(opportunityId, actionsOf(opportunityId));
    },
    'board.get': () => {
      const ctx = context();
      return readBoard(db, plans.planAll(ctx), ctx.now);
    },
    'board.move': (input) => changed(input.opportunityId, moveCard({ db, opportunities, timeline, now }, input)),
    'reflections.get': ({ roundId }) => reflections.view(roundId),
    'reflections.save': ({ roundId, body }) => {
      const view = reflections.save(roundId, body);
      return changed(view.opportunityId, view);
    },
    'reflections.versions': ({ roundId }) => reflections.store.versions(roundId),
    'reflections.restore': ({ versionId }) => {
      const restored = reflections.store.restore(versionId);
      const view = reflections.view(restored.roundId);
      return changed(view.opportunityId, view);
    },
    'reflections.search': ({ query, limit }) => reflections.store.search(query, limit),
    'reflections.questions': ({ query }) => reflections.questions(query),
    'reflections.export': ({ roundId }) => reflections.export(roundId),
    'letters.templates': () => letters.templates(),
    'letters.saveTemplate': (input) => letters.saveTemplate(input),
    'letters.deleteTemplate': ({ id }) => {
      letters.deleteTemplate(id);
      return { deleted: id };
    },
    'letters.draft': async ({ roundId, kind, templateId }) => {
      const drafted = letters.draftForRound(roundId, kind, templateId);
      const all = await letters.list(drafted[0]?.opportunityId ?? 0);
      return all.filter((l) => l.roundId === roundId && l.kind === kind);
    },
    'letters.list': ({ opportunityId }) => {
      opportunities.get(opportunityId);
      return letters.list(opportunityId);
    },
    'letters.update': ({ id, subject, body, detail }) => {
      letters.update(id, { subject, body, detail });
      return letters.get(id);
    },
    'letters.markSent': async ({ id }) => {
      const opportunityId = letters.markSent(id);
      emit({ type: 'journal.changed', entity: 'opportunity', id: opportunityId });
      return letters.get(id);
    },
    'letters.export': ({ ids, size, layout, font }) => letters.export(ids, { size, layout, font }, progress),
    'letters.exportDueCards': ({ size, layout, font }) => {
      const open = [...plans.planAll(context()).values()].flat().filter((a) => a.kind === 'thank-you-card');
      return letters.export(letters.dueCardIds(open), { size, layout, font }, progress);
    },
    'backups.list': () => listBackups(options.dataDir),
    'backups.create': () => backupNow(db, options.dataDir, 'manual', now()),
    'backups.restore': () => {
      throw new CoreError('conflict', 'Restoring a backup replaces the open journal: the app host does it (see host.ts).');
    },
    'recovery.status': () => ({ problem: null, journalFile: journal.file, backups: [] }),
    'settings.get': () => ({ settings: settings.get(), problems: settings.problems }),
    'settings.update': (patch) => {
      settings.update(patch);
      emit({ type: 'settings.changed' });
      return { settings: settings.get(), problems: settings.problems };
    },
    ...createInsightsHandlers({ db, settings: () => settings.get(), now }),
  };

  let closed = false;
  const stopReminders: (() => void)[] = [];
  // A backup a day while the app runs: the first soon after start if the newest is a day old.
  let backupTimer: ReturnType<typeof setTimeout> | null = null;
  const dailyBackup = (): void => {
    const newest = listBackups(options.dataDir).find((b) => b.kind === 'daily');
    const due = newest ? Date.parse(newest.at) + DAILY_BACKUP_MS : 0;
    const wait = Math.max(60_000, due - now().getTime());
    backupTimer = setTimeout(() => {
      if (closed) return;
      void backupNow(db, options.dataDir, 'daily', now())
        .catch((error: unknown) => console.error('Afterword: the daily backup failed', error))
        .finally(() => !closed && dailyBackup());
    }, Math.min(wait, DAILY_BACKUP_MS));
    backupTimer.unref?.();
  };
  if (options.dailyBackups) dailyBackup();
  return {
    dataDir: options.dataDir,
    db,
    handlers,
    settings,
    call: (name, input) => dispatch(handlers, name, input),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    planEverything: () => plans.planAll(context()),
    publish: emit,
    startReminders(notify) {
      const scheduler = new ReminderScheduler({
        db,
        openActions: () => [...plans.planAll(context()).values()].flat(),
        settings: () => settings.get(),
        notify,
        now,
      });
      // Re-plan the timer after the call that changed the journal has answered, once per burst.
      let pending: ReturnType<typeof setTimeout> | null = null;
      listeners.add((event) => {
        if (event.type !== 'journal.changed' && event.type !== 'settings.changed') return;
        if (pending) return;
        pending = setTimeout(() => {
          pending = null;
          if (!closed) scheduler.reschedule();
        }, 0);
      });
      stopReminders.push(() => scheduler.stop());
      scheduler.start();
      return scheduler;
    },
    close() {
      if (closed) return;
      closed = true;
      if (backupTimer) clearTimeout(backupTimer);
      for (const stop of stopReminders) stop();
      listeners.clear();
      closeJournal(db);
    },
  };
}
