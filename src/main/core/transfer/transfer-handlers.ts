/**
 * The handlers of the transfer calls (shared/calls/transfer-calls.ts): backups, JSON and CSV export and
 * import, calendar files and the calendar feed. Every import makes a backup first and runs in one
 * transaction; afterwards every plan is forgotten and the page is told the journal changed.
 */
import { version as appVersion } from '../../../../package.json';
import type { transferCalls } from '../../../shared/calls/transfer-calls';
import type { CoreContext } from '../core-context';
import { CoreError } from '../errors';
import type { HandlersOf } from '../handlers';
import { backupNow, checkedBackups, keptAsideJournals, snapshotBackup } from '../journal/backups';
import { slug } from '../reflections/markdown-export';
import { CalendarFeedWriter } from './calendar-feed';
import { opportunityCalendarEvents, upcomingCalendarEvents } from './calendar-events';
import { csvZip } from './csv-export';
import { importCsv, previewCsv } from './csv-import';
import { buildCalendar } from './ics';
import { exportFileStamp, exportJson, readJournal } from './json-export';
import { importJournal, parseJournalFile, previewJournal } from './json-import';
import { prepared } from '../journal/statements';

export interface TransferOptions {
  /** Keep the subscribable calendar file in the data folder up to date (the shells turn it on). */
  readonly calendarFeed?: boolean;
  /** Registers what to stop when the core closes. */
  readonly onClose: (stop: () => void) => void;
}

export function createTransferHandlers(ctx: CoreContext, options: TransferOptions): HandlersOf<typeof transferCalls> {
  const { db, dataDir, planner, events: coreEvents } = ctx;
  const deps = {
    settings: ctx.settings,
    timeline: ctx.timeline,
    now: ctx.now,
    appVersion,
    schemaVersion: ctx.journal.schemaVersion,
    journalFile: ctx.journal.file,
    openActions: () => [...planner.openActions().values()].flat(),
    actionsOf: (opportunityId: number) => planner.actionsOf(opportunityId),
    // After an import anything may differ: every plan is forgotten and the pages read it all again.
    changedEverything: () => {
      planner.invalidate();
      coreEvents.note({ settings: true });
    },
  };
  const context = () => ({ db, settings: deps.settings.get(), now: deps.now(), appVersion: deps.appVersion, schemaVersion: deps.schemaVersion });
  const calendarOptions = (name: string) => ({ name, timeZone: deps.settings.get().timeZone, now: deps.now(), productVersion: deps.appVersion });
  const bytes = (base64: string) => Buffer.from(base64, 'base64');
  const checked = (name: string) => checkedBackups(dataDir).find((b) => b.name === name)!;
  const preImportBackup = () => snapshotBackup(db, dataDir, 'pre-import', deps.now());

  const feed = new CalendarFeedWriter(
    dataDir,
    () => {
      const events = upcomingCalendarEvents(db, deps.openActions(), deps.now());
      return { ics: buildCalendar(events, calendarOptions('Afterword')), events: events.length };
    },
    deps.now,
  );
  if (options.calendarFeed === true) {
    feed.start();
    const unsubscribe = coreEvents.subscribe((event) => {
      if (event.type === 'journal.changed' || event.type === 'settings.changed') feed.schedule();
    });
    options.onClose(() => {
      unsubscribe();
      feed.stop();
    });
  }

  return {
    'backups.list': () => checkedBackups(dataDir),
    'backups.create': async () => checked((await backupNow(db, dataDir, 'manual', deps.now())).name),
    'backups.restore': () => {
      throw new CoreError('conflict', 'Restoring a backup replaces the open journal: the app host does it (see host.ts).');
    },
    'recovery.status': () => ({ problem: null, journalFile: deps.journalFile, backups: checkedBackups(dataDir), keptAside: keptAsideJournals(dataDir) }),

    'transfer.exportJson': () => {
      const now = deps.now();
      return {
        fileName: `afterword-journal-${exportFileStamp(now)}.json`,
        mimeType: 'application/json',
        base64: Buffer.from(exportJson(context()), 'utf8').toString('base64'),
      };
    },
    'transfer.exportCsv': () => ({
      fileName: `afterword-tables-${exportFileStamp(deps.now())}.zip`,
      mimeType: 'application/zip',
      base64: Buffer.from(csvZip(readJournal(context()))).toString('base64'),
    }),
    'transfer.previewJson': ({ base64 }) => previewJournal(db, parseJournalFile(bytes(base64)).document),
    'transfer.importJson': ({ base64 }) => {
      const { document, settings } = parseJournalFile(bytes(base64));
      const result = importJournal(db, document, preImportBackup());
      // An empty journal becomes the file, its settings included; a merge keeps the user's settings.
      if (result.mode === 'empty') deps.settings.update(settings);
      deps.changedEverything();
      return result;
    },
    'transfer.previewCsv': ({ base64, encoding, dateOrder, mapping }) =>
      previewCsv(db, bytes(base64), { encoding, dateOrder, mapping }, deps.settings.get().timeZone),
    'transfer.importCsv': ({ base64, encoding, dateOrder, mapping, skipBadRows }) => {
      const result = importCsv(
        { db, timeline: deps.timeline, now: deps.now(), timeZone: deps.settings.get().timeZone, backup: preImportBackup },
        bytes(base64),
        { encoding, dateOrder, mapping, skipBadRows },
      );
      deps.changedEverything();
      return result;
    },
    'transfer.calendar': ({ opportunityId }) => {
      if (opportunityId === undefined) {
        const events = upcomingCalendarEvents(db, deps.openActions(), deps.now());
        return { fileName: 'afterword-upcoming.ics', mimeType: 'text/calendar', base64: Buffer.from(buildCalendar(events, calendarOptions('Afterword: upcoming'))).toString('base64') };
      }
      const actions = deps.actionsOf(opportunityId);
      const company = prepared(db, 'SELECT company FROM opportunities WHERE id = ?').pluck().get(opportunityId) as string;
      const events = opportunityCalendarEvents(db, opportunityId, actions);
      return {
        fileName: `afterword-${slug(company)}.ics`,
        mimeType: 'text/calendar',
        base64: Buffer.from(buildCalendar(events, calendarOptions(`Afterword: ${company}`))).toString('base64'),
      };
    },
    'transfer.calendarFeed': () => {
      if (feed.status().updatedAt === null) feed.writeNow(); // written on request even where it is not kept up to date
      return feed.status();
    },
  };
}
