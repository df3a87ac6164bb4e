/**
 * Calendar files (RFC 5545, iCalendar): interviews and the follow-ups the planner has due, for
 * one opportunity or for everything upcoming. Times are written in the user's time zone with a
 * VTIMEZONE that lists that zone's real offset changes over the years the events span (read from
 * the system's time zone data, so daylight saving is exact), or in UTC when the zone is UTC.
 * Every event has a UID that stays the same for the same round or action, so a calendar that
 * imports the file again, or subscribes to it, updates its events instead of doubling them.
 * Lines end in CRLF and are folded at 75 octets; text is escaped.
 */
import { offsetMinutes } from '../planner/calendar';

export interface CalendarEvent {
  /** Stable for the same item across exports. */
  readonly uid: string;
  readonly start: Date;
  readonly end: Date;
  readonly summary: string;
  readonly description: string;
  readonly location?: string | null;
  readonly url?: string | null;
  readonly lastModified?: string | null;
  readonly categories: readonly string[];
}

export interface CalendarOptions {
  readonly name: string;
  readonly timeZone: string;
  readonly now: Date;
  readonly productVersion: string;
}

const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Etc/Zulu', 'Universal', 'Zulu']);

/** TEXT values (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, line breaks as \n. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line (RFC 5545 §3.1): no line longer than 75 octets, continuation lines start
 * with one space, and a UTF-8 character is never cut in two.
 */
export function foldLine(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    // Step back off continuation bytes (10xxxxxx) so the cut falls between characters.
    while (end < bytes.length && end > start && (bytes[end]! & 0xc0) === 0x80) end--;
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
    limit = 74; // the leading space counts
  }
  return parts.join('\r\n ');
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** `20261120T150000Z` */
export function utcStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** The wall-clock time of an instant in a zone, as `20261120T100000`. */
function localStamp(date: Date, timeZone: string): string {
  return utcStamp(new Date(date.getTime() + offsetMinutes(timeZone, date.getTime()) * 60_000)).replace('Z', '');
}

const offsetText = (minutes: number) => `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;

interface Transition {
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

/** Every change of the zone's offset between two instants, found to the minute. */
export function transitions(timeZone: string, from: number, to: number): Transition[] {
  const DAY = 86_400_000;
  const found: Transition[] = [];
  let previous = offsetMinutes(timeZone, from);
  for (let t = from + DAY; t <= to + DAY; t += DAY) {
    const offset = offsetMinutes(timeZone, t);
    if (offset === previous) continue;
    let lo = t - DAY;
    let hi = t;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 2 / 60_000) * 60_000;
      if (offsetMinutes(timeZone, mid) === previous) lo = mid;
      else hi = mid;
    }
    found.push({ at: hi, from: previous, to: offset });
    previous = offset;
  }
  return found;
}

/** A VTIMEZONE with one sub-component per real change in the span (no rules to guess). */
export function vtimezone(timeZone: string, fromMs: number, toMs: number): string[] {
  const yearStart = (ms: number, add: number) => Date.UTC(new Date(ms).getUTCFullYear() + add, 0, 1);
  const from = yearStart(fromMs, 0);
  const to = yearStart(toMs, 1);
  const changes = transitions(timeZone, from, to);
  const first = offsetMinutes(timeZone, from);
  const offsets = [first, ...changes.map((c) => c.to)];
  const standard = Math.min(...offsets);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  const part = (at: number, fromOffset: number, toOffset: number) => {
    const kind = toOffset === standard ? 'STANDARD' : 'DAYLIGHT';
    // The onset, in the local time that was in force just before it (RFC 5545 §3.6.5).
    const onset = utcStamp(new Date(at + fromOffset * 60_000)).replace('Z', '');
    lines.push(`BEGIN:${kind}`, `DTSTART:${onset}`, `TZOFFSETFROM:${offsetText(fromOffset)}`, `TZOFFSETTO:${offsetText(toOffset)}`, `END:${kind}`);
  };
  part(from, first, first);
  for (const c of changes) part(c.at, c.from, c.to);
  lines.push('END:VTIMEZONE');
  return lines;
}

export function buildCalendar(events: readonly CalendarEvent[], options: CalendarOptions): string {
  const utc = UTC_ZONES.has(options.timeZone);
  const when = (name: string, date: Date) => (utc ? `${name}:${utcStamp(date)}` : `${name};TZID=${options.timeZone}:${localStamp(date, options.timeZone)}`);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Afterword//Afterword ${options.productVersion}//EN`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
    ...(utc ? [] : [`X-WR-TIMEZONE:${options.timeZone}`]),
  ];
  if (!utc && events.length > 0) {
    const times = events.flatMap((e) => [e.start.getTime(), e.end.getTime()]);
    lines.push(...vtimezone(options.timeZone, Math.min(...times), Math.max(...times)));
  }
  const stamp = utcStamp(options.now);
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${stamp}`,
      when('DTSTART', e.start),
      when('DTEND', e.end),
      `SUMMARY:${escapeText(e.summary)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
      ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
      ...(e.url ? [`URL:${e.url.replace(/[\r\n]/g, '')}`] : []),
      ...(e.lastModified ? [`LAST-MODIFIED:${utcStamp(new Date(e.lastModified))}`] : []),
      ...(e.categories.length > 0 ? [`CATEGORIES:${e.categories.map(escapeText).join(',')}`] : []),
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
