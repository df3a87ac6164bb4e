/**
 * The user's settings, in `settings.json` beside the journal, through `conf` (the store
 * electron-store is made of): every write is checked against the settings' schema (`checkWrite`,
 * the same zod validators the file is read with), each key has its default, and the file is
 * migrated by app version and written atomically. The Electron shell opens the same file
 * with electron-store and the same options (`settingsFileOptions`), so both modes share one store;
 * the window's size and place live there too, under `window`.
 *
 * A hand-edited or corrupt file never stops the app: each bad key falls back to its default with
 * a message, and a file that cannot be parsed, or had a bad key, is first kept aside under a new
 * name, never silently overwritten. That is done as the file is read (conf's `deserialize`), so
 * conf only ever sees a store the schema accepts.
 *
 * conf can check writes itself with a JSON schema, but it compiles that schema (Ajv) every time it
 * opens the file: 78 ms of each start at 20,000 opportunities' worth of nothing, more than half of
 * opening the journal to a usable board. The zod validators check the same keys for free.
 */
import Conf from 'conf';
import type { Options } from 'conf';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { version } from '../../../../package.json';
import { applyPlannerPatch, defaultSettings, normalisePlanner, settingsShape, SYSTEM_TIME_ZONE, systemTimeZone } from '../../../shared/settings';
import type { PlannerSettings, Settings, SettingsPatch } from '../../../shared/settings';
import { CoreError } from '../errors';

export const SETTINGS_FILE_NAME = 'settings.json';
const CONFIG_NAME = 'settings';

/** The window's size and place, as the shell keeps it (see shell/window-state.ts). */
const windowBounds = z.looseObject({ width: z.number(), height: z.number() });

/** Every key the file may hold, each with its own validator so one bad value falls back alone. */
const fileShape = { ...settingsShape, window: windowBounds };

/** What the file holds: any of the settings, and the window's bounds. */
export type SettingsFile = Partial<Settings> & { window?: Record<string, unknown> };

/**
 * Steps that change what an older Afterword wrote, keyed by the app version that needs them
 * (conf runs each once, in order, and records the version in the file). None yet: a new key only
 * needs its default. A step gets a test in test/unit/settings-store.test.ts.
 */
export const SETTINGS_MIGRATIONS: NonNullable<Options<SettingsFile>['migrations']> = {};

/**
 * Checks a write against the settings' schema, key by key; a refusal names the key and why, and
 * nothing is written. The core's settings and the shell's window bounds both write through it.
 */
export function checkWrite(changes: SettingsFile): void {
  for (const [key, value] of Object.entries(changes)) {
    const schema = (fileShape as Record<string, z.ZodType | undefined>)[key];
    if (!schema) throw new CoreError('invalid_input', `"${key}" is not a setting the settings' schema knows.`);
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new CoreError('invalid_input', `The setting "${key}" does not fit the settings' schema (${parsed.error.issues[0]?.message ?? 'invalid'}); nothing was changed.`);
  }
}

/**
 * The defaults conf fills in and writes. Not the time zone: without a choice of the user's it
 * follows the system's, read at each start, rather than the zone of the first launch.
 */
function fileDefaults(): Omit<Settings, 'timeZone'> {
  const { timeZone: _followsTheSystem, ...defaults } = defaultSettings();
  return defaults;
}

export interface SettingsFileOptions {
  readonly options: Options<SettingsFile>;
  /** Messages for the user about what was wrong with the file, filled in as it is first read. */
  readonly problems: string[];
}

/** The options the core's conf and the shell's electron-store both open the file with. */
export function settingsFileOptions(
  dataDir: string,
  now: () => Date = () => new Date(),
  migrations: NonNullable<Options<SettingsFile>['migrations']> = SETTINGS_MIGRATIONS,
): SettingsFileOptions {
  const file = path.join(dataDir, SETTINGS_FILE_NAME);
  const problems: string[] = [];
  let handled: { text: string; store: SettingsFile } | null = null;
  const deserialize = (text: string): SettingsFile => {
    // conf reads the file several times while it opens; a broken text is reported and kept once.
    if (handled?.text === text) return handled.store;
    const checked = checkSettingsText(text);
    if (checked.problems.length > 0) {
      const aside = keepAside(file, now);
      problems.push(...checked.problems.map((p) => p.replace('{aside}', path.basename(aside))));
      handled = { text, store: checked.store };
    }
    return checked.store;
  };
  return {
    problems,
    options: {
      cwd: dataDir,
      configName: CONFIG_NAME,
      defaults: fileDefaults(),
      projectVersion: version,
      migrations,
      deserialize,
      // Keys are whole values ("planner", "quietHours"), never paths into them.
      accessPropertiesByDotNotation: false,
    },
  };
}

/** The file's text as a store conf's schema accepts, and what had to be left out. */
function checkSettingsText(text: string): { store: SettingsFile; problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = undefined;
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      store: {},
      problems: ['The settings file could not be read, so Afterword started with its default settings. The broken file was kept as {aside}.'],
    };
  }
  const store: Record<string, unknown> = { ...raw };
  const problems: string[] = [];
  for (const [key, schema] of Object.entries(fileShape)) {
    if (!(key in store)) continue;
    const parsed = schema.safeParse(store[key]);
    if (parsed.success) continue;
    Reflect.deleteProperty(store, key);
    problems.push(`The setting "${key}" had a value Afterword cannot use (${parsed.error.issues[0]?.message ?? 'invalid'}); it is back to its default.`);
  }
  if (problems.length > 0) problems.push('The file as it was is kept as {aside}.');
  return { store: store, problems };
}

function keepAside(file: string, now: () => Date): string {
  const stamp = now().toISOString().replace(/[:.]/g, '-');
  const aside = `${file}.broken-${stamp}`;
  fs.copyFileSync(file, aside); // the bytes as they were
  return aside;
}

export class SettingsStore {
  private readonly store: Conf<SettingsFile>;
  private current: Settings;
  readonly problems: readonly string[];
  readonly file: string;

  constructor(dataDir: string, now: () => Date = () => new Date()) {
    const { options, problems } = settingsFileOptions(dataDir, now);
    this.store = new Conf(options);
    this.file = this.store.path;
    this.problems = problems;
    this.current = this.read();
  }

  /** The settings (kept in memory: the planner asks for them on every plan). */
  get(): Settings {
    return this.current;
  }

  /**
   * Changes some settings. The planner's part may name a preset alone or give some values; the
   * preset's name is always the one its values give (a refusal changes nothing).
   */
  update(patch: SettingsPatch): Settings {
    const { planner, ...rest } = patch;
    const changes = Object.fromEntries(Object.entries(rest).filter(([, v]) => (v as unknown) !== undefined)) as Partial<Settings>;
    if (planner) {
      const applied = applyPlannerPatch(this.current.planner, planner);
      if (!applied.ok) throw new CoreError('invalid_input', applied.message);
      changes.planner = applied.value;
    }
    checkWrite(changes);
    // conf reads the file before writing, so the window's bounds the shell wrote are kept.
    this.store.set(changes);
    this.current = this.read();
    return this.current;
  }

  /** The zone as the user chose it: a zone, or "system" (also when never chosen). */
  timeZoneChoice(): string {
    const stored = this.store.store.timeZone;
    return stored ?? SYSTEM_TIME_ZONE;
  }

  /** The settings as the core uses them: the time zone is always a real zone ("system" resolved). */
  private read(): Settings {
    const stored = this.store.store;
    const settings: Record<string, unknown> = {};
    for (const key of Object.keys(settingsShape)) if (stored[key as keyof SettingsFile] !== undefined) settings[key] = stored[key as keyof SettingsFile];
    if (!settings.timeZone || settings.timeZone === SYSTEM_TIME_ZONE) settings.timeZone = systemTimeZone();
    if (settings.planner) settings.planner = normalisePlanner(settings.planner as PlannerSettings);
    return settings as Settings;
  }
}
