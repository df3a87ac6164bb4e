/**
 * The names of every call the renderer may make. Kept free of imports so the sandboxed preload
 * can bundle it without pulling in the validators: the preload exposes exactly these functions
 * and nothing else (no generic invoke, no ipcRenderer). A new call is named here and declared in
 * its domain's file under `calls/` (`contract.ts` does not compile while one is missing).
 */
export const CALL_NAMES = [
  'app.info',
  'opportunities.create',
  'opportunities.list',
  'opportunities.get',
  'opportunities.update',
  'opportunities.delete',
  'rounds.create',
  'rounds.list',
  'rounds.get',
  'rounds.update',
  'rounds.delete',
  'contacts.list',
  'contacts.create',
  'contacts.update',
  'events.list',
  'events.record',
  'events.undo',
  'actions.forOpportunity',
  'actions.inRange',
  'actions.complete',
  'actions.snooze',
  'actions.skip',
  'actions.reopen',
  'actions.snoozeAll',
  'reminders.due',
  'board.get',
  'board.closed',
  'board.cards',
  'board.move',
  'board.undoMove',
  'reflections.get',
  'reflections.save',
  'reflections.versions',
  'reflections.restore',
  'reflections.search',
  'reflections.questions',
  'reflections.export',
  'letters.templates',
  'letters.saveTemplate',
  'letters.deleteTemplate',
  'letters.draft',
  'letters.list',
  'letters.update',
  'letters.markSent',
  'letters.export',
  'letters.exportDueCards',
  'backups.list',
  'backups.create',
  'backups.restore',
  'recovery.status',
  'settings.get',
  'settings.update',
  // The journal in and out (JSON, CSV, calendar): calls/transfer-calls.ts.
  'transfer.exportJson',
  'transfer.exportCsv',
  'transfer.previewJson',
  'transfer.importJson',
  'transfer.previewCsv',
  'transfer.importCsv',
  'transfer.calendar',
  'transfer.calendarFeed',
  // Insights: the figures of a period, computed from the journal (calls/insights-calls.ts).
  'insights.get',
] as const;

export type CallName = (typeof CALL_NAMES)[number];

/** The channel prefix both the IPC transport and the HTTP transport use for a named call. */
export const IPC_PREFIX = 'afterword:';
export const IPC_EVENT_CHANNEL = 'afterword:event';
