/**
 * The journal as spreadsheets: one CSV file per table of the JSON document, in a zip. RFC 4180
 * (CRLF line ends, fields quoted when they hold a comma, a quote or a line break, quotes doubled),
 * UTF-8 with a byte order mark so Excel reads accents right. A cell that a spreadsheet would run
 * as a formula (=..., +A1, -cmd, @...) is prefixed with an apostrophe; numbers and Markdown
 * lists ("- item") are left as they are.
 */
import { strToU8, zipSync } from 'fflate';
import { TABLES } from './journal-format';
import type { JournalDocument, TableName } from './journal-format';

const FILE_NAMES: Record<TableName, string> = {
  contacts: 'contacts.csv',
  opportunities: 'opportunities.csv',
  rounds: 'rounds.csv',
  events: 'events.csv',
  actionStates: 'action-states.csv',
  notifications: 'reminders-sent.csv',
  reflections: 'reflections.csv',
  reflectionVersions: 'reflection-versions.csv',
  templates: 'templates.csv',
  letters: 'letters.csv',
};

const FORMULA = /^(=|@|[+-](?![\d\s.]|$)|\t|\r)/;

export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : Array.isArray(value) ? value.join(';') : typeof value === 'object' ? JSON.stringify(value) : typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : '';
  if (FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvTable(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const lines = [columns.map(csvCell).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The zip's files: one per table (columns named as in the JSON format), and the settings. */
export function csvFiles(doc: JournalDocument): Record<string, string> {
  const files: Record<string, string> = {};
  const columnsOf: Record<TableName, readonly string[]> = {
    contacts: ['id', 'name', 'title', 'email', 'phone', 'linkedinUrl', 'lastContactedAt', 'createdAt', 'updatedAt', 'company', 'notes', 'removedAt'],
    opportunities: [
      'id', 'company', 'role', 'jobUrl', 'location', 'source', 'salaryNotes', 'recruiterContactId', 'stage', 'closedReason', 'stageChangedAt', 'createdAt', 'updatedAt',
      'companySize', 'notes', 'tags', 'archivedAt',
    ],
    rounds: ['id', 'opportunityId', 'number', 'startsAt', 'durationMinutes', 'format', 'arrangedChannel', 'nextStep', 'decisionDate', 'arrangedByContactId', 'interviewerIds', 'createdAt', 'updatedAt'],
    events: ['id', 'opportunityId', 'roundId', 'contactId', 'kind', 'channel', 'occurredAt', 'note', 'createdAt', 'undoneAt'],
    actionStates: ['opportunityId', 'actionKey', 'state', 'until', 'at'],
    notifications: ['opportunityId', 'notificationKey', 'actionKey', 'notifiedAt'],
    reflections: ['roundId', 'body', 'updatedAt'],
    reflectionVersions: ['id', 'roundId', 'body', 'savedAt'],
    templates: ['id', 'kind', 'name', 'subject', 'body', 'builtin', 'updatedAt'],
    letters: ['id', 'opportunityId', 'roundId', 'contactId', 'kind', 'templateId', 'subject', 'body', 'detail', 'state', 'sentAt', 'eventId', 'createdAt', 'updatedAt'],
  };
  for (const table of TABLES) files[FILE_NAMES[table]] = csvTable(columnsOf[table], doc[table]);
  files['settings.csv'] = csvTable(['setting', 'value'], Object.entries(doc.settings).map(([setting, value]) => ({ setting, value })));
  return files;
}

export function csvZip(doc: JournalDocument): Uint8Array {
  const files = csvFiles(doc);
  const mtime = new Date(doc.exportedAt);
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, [strToU8(text), { mtime }]])), { level: 6 });
}
