/**
 * The calendar file a calendar app can subscribe to: `afterword-calendar.ics` in the data folder,
 * rewritten when the journal or the settings change (a burst of changes is one rewrite, a couple
 * of seconds after it ends) and every hour (follow-ups come into its window as time passes). Each
 * write goes to a temporary name, is flushed, and is renamed over the old file, so a calendar
 * never reads half a file. Nothing is written when only the time stamp would change.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CalendarFeed } from '../../../shared/calls/transfer-calls';
import { fsyncDir } from '../journal/backups';

/** Writes a file under a temporary name, flushes it and renames it into place: a reader sees the old file or the new one. */
function writeAtomically(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeFileSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
}

export const FEED_FILE_NAME = 'afterword-calendar.ics';
export const FEED_DEBOUNCE_MS = 2_000;
export const FEED_REFRESH_MS = 3_600_000;

/** The calendar's content without the DTSTAMP lines, which change on every build. */
const meaning = (ics: string) => ics.replace(/^DTSTAMP:.*\r\n/gm, '');

export class CalendarFeedWriter {
  readonly file: string;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private refresh: ReturnType<typeof setInterval> | null = null;
  private written: { at: string; events: number; meaning: string } | null = null;
  private stopped = false;

  constructor(
    dataDir: string,
    private readonly build: () => { ics: string; events: number },
    private readonly now: () => Date,
  ) {
    this.file = path.join(dataDir, FEED_FILE_NAME);
  }

  start(): void {
    this.schedule();
    this.refresh = setInterval(() => this.schedule(), FEED_REFRESH_MS);
    this.refresh.unref();
  }

  /** Asks for a rewrite; several asks within the debounce time make one. */
  schedule(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      try {
        this.writeNow();
      } catch (error) {
        console.error('Afterword: the calendar file could not be written', error);
      }
    }, FEED_DEBOUNCE_MS);
    this.timer.unref();
  }

  writeNow(): void {
    if (this.stopped) return;
    const { ics, events } = this.build();
    if (this.written && this.written.meaning === meaning(ics) && fs.existsSync(this.file)) return;
    writeAtomically(this.file, ics);
    fsyncDir(path.dirname(this.file)); // the rename itself, flushed
    this.written = { at: this.now().toISOString(), events, meaning: meaning(ics) };
  }

  status(): CalendarFeed {
    return { path: this.file, url: pathToFileURL(this.file).href, updatedAt: this.written?.at ?? null, events: this.written?.events ?? 0 };
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.refresh) clearInterval(this.refresh);
  }
}
