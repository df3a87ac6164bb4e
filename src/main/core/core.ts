/**
 * The core: everything Afterword knows and does, with no idea whether it runs inside Electron or
 * in plain Node behind browser mode. A shell creates one core per data folder, gives both
 * transports its `call` function and subscribes to its events.
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { version } from '../../../package.json';
import type { AppInfo } from '../../shared/contract';
import type { CoreEvent, CoreEventListener } from '../../shared/events';
import type { Result } from '../../shared/result';
import { dispatch } from './handlers';
import type { Handlers } from './handlers';
import { closeJournal, JOURNAL_FILE_NAME, openJournal } from './journal/database';
import { OpportunityStore } from './journal/opportunities';

export interface CoreOptions {
  readonly dataDir: string;
  readonly transport: AppInfo['transport'];
  /** The clock; tests and the demo journal pass their own. */
  readonly now?: () => Date;
}

export interface Core {
  readonly dataDir: string;
  readonly db: Database;
  readonly handlers: Handlers;
  call(name: string, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: CoreEventListener): () => void;
  close(): void;
}

export function createCore(options: CoreOptions): Core {
  const now = options.now ?? (() => new Date());
  const journal = openJournal(path.join(options.dataDir, JOURNAL_FILE_NAME));
  const db = journal.db;
  const listeners = new Set<CoreEventListener>();
  const emit = (event: CoreEvent): void => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error('An event listener failed', error);
      }
    }
  };
  const opportunities = new OpportunityStore(db, now);
  const changed = <T extends { id: number }>(entity: 'opportunity' | 'round', value: T, id = value.id): T => {
    emit({ type: 'journal.changed', entity, id });
    return value;
  };

  const handlers: Handlers = {
    'app.info': () => ({
      version,
      transport: options.transport,
      dataDir: options.dataDir,
      journalFile: journal.file,
      schemaVersion: journal.schemaVersion,
    }),
    'opportunities.create': (input) => changed('opportunity', opportunities.create(input)),
    'opportunities.list': () => opportunities.list(),
    'opportunities.get': ({ id }) => opportunities.get(id),
    'opportunities.update': ({ id, patch }) => changed('opportunity', opportunities.update(id, patch)),
    'opportunities.delete': ({ id }) => {
      opportunities.delete(id);
      emit({ type: 'journal.changed', entity: 'opportunity', id });
      return { deleted: id };
    },
    'rounds.create': (input) => changed('opportunity', opportunities.createRound(input), input.opportunityId),
    'rounds.list': ({ opportunityId }) => {
      opportunities.get(opportunityId);
      return opportunities.roundsOf(opportunityId);
    },
    'rounds.get': ({ id }) => opportunities.getRound(id),
    'rounds.update': ({ id, patch }) => {
      const round = opportunities.updateRound(id, patch);
      return changed('opportunity', round, round.opportunityId);
    },
    'rounds.delete': ({ id }) => {
      const round = opportunities.deleteRound(id);
      emit({ type: 'journal.changed', entity: 'opportunity', id: round.opportunityId });
      return { deleted: id };
    },
  };

  let closed = false;
  return {
    dataDir: options.dataDir,
    db,
    handlers,
    call: (name, input) => dispatch(handlers, name, input),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      closeJournal(db);
    },
  };
}
