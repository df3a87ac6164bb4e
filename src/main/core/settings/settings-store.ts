/**
 * The user's settings, in `settings.json` beside the journal (the same plain JSON object
 * electron-store writes). A hand-edited or corrupt file never stops the app: each bad key falls
 * back to its default with a message, and a file that cannot be parsed is kept aside under a new
 * name, never silently overwritten.
 */
import fs from 'node:fs';
import path from 'node:path';
import { defaultSettings, settingsShape } from '../../../shared/settings';
import type { Settings } from '../../../shared/settings';

export const SETTINGS_FILE_NAME = 'settings.json';

export interface LoadedSettings {
  readonly settings: Settings;
  /** Messages for the user about what was wrong with the file, empty when all was well. */
  readonly problems: readonly string[];
}

export class SettingsStore {
  private current: Settings;
  readonly problems: readonly string[];
  readonly file: string;

  constructor(
    dataDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.file = path.join(dataDir, SETTINGS_FILE_NAME);
    const loaded = loadSettingsFile(this.file, now);
    this.current = loaded.settings;
    this.problems = loaded.problems;
  }

  get(): Settings {
    return this.current;
  }

  update(patch: Partial<Settings>): Settings {
    const next = { ...this.current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as Settings;
    writeAtomically(this.file, JSON.stringify(next, null, 2) + '\n');
    this.current = next;
    return next;
  }
}

export function loadSettingsFile(file: string, now: () => Date = () => new Date()): LoadedSettings {
  const defaults = defaultSettings();
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { settings: defaults, problems: [] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = undefined;
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    const aside = keepAside(file, now);
    return {
      settings: defaults,
      problems: [`The settings file could not be read, so Afterword started with its default settings. The broken file was kept as ${path.basename(aside)}.`],
    };
  }
  const settings: Record<string, unknown> = { ...defaults };
  const problems: string[] = [];
  for (const [key, schema] of Object.entries(settingsShape)) {
    if (!(key in raw)) continue;
    const parsed = schema.safeParse((raw as Record<string, unknown>)[key]);
    if (parsed.success) settings[key] = parsed.data;
    else problems.push(`The setting "${key}" had a value Afterword cannot use (${parsed.error.issues[0]?.message ?? 'invalid'}); it is back to its default.`);
  }
  if (problems.length > 0) {
    const aside = keepAside(file, now);
    problems.push(`The file as it was is kept as ${path.basename(aside)}.`);
  }
  return { settings: settings as Settings, problems };
}

function keepAside(file: string, now: () => Date): string {
  const stamp = now().toISOString().replace(/[:.]/g, '-');
  const aside = `${file}.broken-${stamp}`;
  fs.copyFileSync(file, aside);
  return aside;
}

/** Write to a temporary file, flush it, then rename: a crash leaves the old file or the new one. */
export function writeAtomically(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
}
