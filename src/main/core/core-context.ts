/**
 * What every domain's handlers are given: the open journal, the clock, the settings, the events,
 * the planner, and the stores that read and write the journal's tables. Built once per core, in
 * dependency order (the planner first: every store that writes what it reads keeps it in step).
 */
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { CoreEvents } from './core-events';
import { preMigrationBackup } from './journal/backups';
import { JOURNAL_FILE_NAME, openJournal } from './journal/database';
import type { OpenedJournal } from './journal/database';
import { OpportunityStore } from './journal/opportunities';
import { Letters } from './letters/letters';
import { ContactStore } from './people/contact-store';
import { Planner } from './planner/planner';
import { Reflections } from './reflections/reflections';
import { SettingsStore } from './settings/settings-store';
import { TimelineStore } from './timeline/timeline';

export interface CoreOptions {
  readonly dataDir: string;
  readonly transport: 'ipc' | 'http';
  /** The clock; tests and the demo journal pass their own. */
  readonly now?: () => Date;
  /** A backup a day while running (the shells turn it on; tests usually do not). */
  readonly dailyBackups?: boolean;
  /** Keep the subscribable calendar file in the data folder up to date (the shells turn it on). */
  readonly calendarFeed?: boolean;
  /**
   * When the whole journal file is checked (`quick_check`): before anything else (`'on-open'`,
   * the default), or in the background after the journal opened (`'deferred'`, what the shells
   * do: the board shows at once, and nothing is written before the check has passed; see core.ts).
   */
  readonly journalCheck?: 'on-open' | 'deferred';
}

/** Whether the journal may be written yet: not while its check runs after a deferred opening. */
export class WriteGate {
  constructor(private open = true) {}
  writable(): boolean {
    return this.open;
  }
  allow(): void {
    this.open = true;
  }
}

export interface CoreContext {
  readonly dataDir: string;
  readonly transport: 'ipc' | 'http';
  readonly journal: OpenedJournal;
  readonly db: Database;
  readonly gate: WriteGate;
  readonly now: () => Date;
  readonly events: CoreEvents;
  readonly settings: SettingsStore;
  readonly planner: Planner;
  readonly people: ContactStore;
  readonly timeline: TimelineStore;
  readonly opportunities: OpportunityStore;
  readonly reflections: Reflections;
  readonly letters: Letters;
}

/** Opens the journal (migrating it, with a backup first) and builds the stores around it. */
export function openCoreContext(options: CoreOptions): CoreContext {
  const now = options.now ?? (() => new Date());
  const journal = openJournal(path.join(options.dataDir, JOURNAL_FILE_NAME), {
    beforeMigrate: (db, _from, to) => preMigrationBackup(db, options.dataDir, to, now()),
    deferCheck: options.journalCheck === 'deferred',
  });
  const db = journal.db;
  const gate = new WriteGate(!journal.checkPending);
  const settings = new SettingsStore(options.dataDir, now);
  const planner = new Planner(db, () => settings.get(), now, { writable: () => gate.writable() });
  const events = new CoreEvents();
  const people = new ContactStore(db, now, planner, (id) => events.note({ contactIds: [id] }));
  const timeline = new TimelineStore(db, now, people, planner);
  return {
    dataDir: options.dataDir,
    transport: options.transport,
    journal,
    db,
    gate,
    now,
    events,
    settings,
    planner,
    people,
    timeline,
    opportunities: new OpportunityStore(db, now, timeline, people, planner),
    reflections: new Reflections(db, timeline, now),
    letters: new Letters(db, timeline, people, () => settings.get(), now),
  };
}
