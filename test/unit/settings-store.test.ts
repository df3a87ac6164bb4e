/**
 * The settings store: conf in the core, electron-store (on the same file, schema and defaults) in
 * the shell for the window's bounds. electron-store is loaded for real here: with an absolute
 * `cwd` it never asks Electron anything, and the test process's ELECTRON_OVERRIDE_DIST_PATH keeps
 * the electron module from loading.
 */
import Conf from 'conf';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsStore, settingsFileOptions } from '../../src/main/core/settings/settings-store';
import { openBoundsStore } from '../../src/main/shell/window-store';
import { PLANNER_PRESETS, systemTimeZone } from '../../src/shared/settings';
import { tempDir } from './helpers';

const NOW = () => new Date('2026-11-20T15:00:00Z');
const fileOf = (dir: string) => path.join(dir, 'settings.json');
const readFile = (dir: string) => JSON.parse(fs.readFileSync(fileOf(dir), 'utf8')) as Record<string, unknown>;
const keptAside = (dir: string) => fs.readdirSync(dir).filter((f) => f.startsWith('settings.json.broken-'));

describe('the settings store', () => {
  it('shares one file between the core and the shell: settings and the window bounds both survive each other', () => {
    const dir = tempDir();
    const settings = new SettingsStore(dir, NOW);
    const bounds = openBoundsStore(dir);
    bounds.set({ x: 10, y: 20, width: 1200, height: 800, maximized: false });
    settings.update({ userName: 'Sam Lee', planner: PLANNER_PRESETS.patient });
    bounds.set({ x: 30, y: 40, width: 1000, height: 700 });

    expect(readFile(dir)).toMatchObject({ userName: 'Sam Lee', planner: { preset: 'patient' }, window: { x: 30, width: 1000 } });
    const again = new SettingsStore(dir, NOW);
    expect(again.get()).toMatchObject({ userName: 'Sam Lee', planner: { preset: 'patient' } });
    expect(again.get()).not.toHaveProperty('window');
    expect(again.problems).toEqual([]);
    expect(openBoundsStore(dir).get()).toEqual({ x: 30, y: 40, width: 1000, height: 700 });
  });

  it('reads the bounds an earlier Afterword kept in window-state.json until the window moves', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'window-state.json'), JSON.stringify({ bounds: { x: 5, y: 6, width: 900, height: 600 } }));
    const bounds = openBoundsStore(dir);
    expect(bounds.get()).toEqual({ x: 5, y: 6, width: 900, height: 600 });
    bounds.set({ width: 1000, height: 700 });
    expect(openBoundsStore(dir).get()).toEqual({ width: 1000, height: 700 });
  });

  it('writes every default but the time zone, which follows the system until the user picks one', () => {
    const dir = tempDir();
    const settings = new SettingsStore(dir, NOW);
    expect(readFile(dir)).toMatchObject({ quietHours: { start: '21:00', end: '08:00' }, planner: { preset: 'standard' } });
    expect(readFile(dir)).not.toHaveProperty('timeZone');
    expect(settings.get().timeZone).toBe(systemTimeZone());
    settings.update({ timeZone: 'Asia/Kolkata' });
    expect(new SettingsStore(dir, NOW).get().timeZone).toBe('Asia/Kolkata');
  });

  it('keeps a file that cannot be parsed aside byte for byte, starts from the defaults, and says so once', () => {
    const dir = tempDir();
    fs.writeFileSync(fileOf(dir), '{"userName": "Sam", oops');
    const settings = new SettingsStore(dir, NOW);
    expect(settings.problems).toEqual([
      'The settings file could not be read, so Afterword started with its default settings. The broken file was kept as settings.json.broken-2026-11-20T15-00-00-000Z.',
    ]);
    expect(fs.readFileSync(path.join(dir, keptAside(dir)[0]!), 'utf8')).toBe('{"userName": "Sam", oops');
    expect(settings.get().userName).toBe('');
    expect(readFile(dir)).toMatchObject({ userName: '' });
    expect(new SettingsStore(dir, () => new Date('2026-11-21T15:00:00Z')).problems).toEqual([]);
    expect(keptAside(dir)).toHaveLength(1);
  });

  it('drops only the keys it cannot use (the window bounds too), keeps the rest, and keeps the file as it was aside', () => {
    const dir = tempDir();
    const original = JSON.stringify({ userName: 'Ann Lee', quietHours: { start: '25:00', end: '08:00' }, window: 12, notifications: false });
    fs.writeFileSync(fileOf(dir), original);
    const settings = new SettingsStore(dir, NOW);
    expect(settings.get()).toMatchObject({ userName: 'Ann Lee', notifications: false, quietHours: { start: '21:00' } });
    expect(settings.problems.join('\n')).toMatch(/"quietHours" had a value Afterword cannot use \(must be a time like 21:00\)/);
    expect(settings.problems.join('\n')).toMatch(/"window"/);
    expect(settings.problems.at(-1)).toBe('The file as it was is kept as settings.json.broken-2026-11-20T15-00-00-000Z.');
    expect(fs.readFileSync(path.join(dir, keptAside(dir)[0]!), 'utf8')).toBe(original);
    expect(readFile(dir)).toMatchObject({ userName: 'Ann Lee', quietHours: { start: '21:00', end: '08:00' } });
    expect(readFile(dir)).not.toHaveProperty('window');
  });

  it('refuses a write its JSON schema does not accept, and the file stays as it was', () => {
    const dir = tempDir();
    const settings = new SettingsStore(dir, NOW);
    settings.update({ userName: 'Sam' });
    const before = fs.readFileSync(fileOf(dir), 'utf8');
    expect(() => settings.update({ quietHours: { start: '9 pm', end: '08:00' } })).toThrow(/schema/i);
    expect(() => settings.update({ planner: { ...PLANNER_PRESETS.standard, preset: 'custom', followUps: 3 as 1 } })).toThrow(/schema/i);
    expect(fs.readFileSync(fileOf(dir), 'utf8')).toBe(before);
    expect(settings.get().quietHours.start).toBe('21:00');
    // The shell's writes (the window's bounds) go through the same check.
    expect(() => openBoundsStore(dir).set({ width: 'wide', height: 600 } as never)).toThrow(/schema/i);
    expect(fs.readFileSync(fileOf(dir), 'utf8')).toBe(before);
  });

  it('runs a migration once on an existing file; its bookkeeping is neither a setting nor a problem', () => {
    const dir = tempDir();
    fs.writeFileSync(fileOf(dir), JSON.stringify({ userName: 'sam lee' }));
    const migrations = { '0.1.0': (store: Conf<Record<string, unknown>>) => store.set('userName', String(store.get('userName')).replace(/\b\w/g, (c) => c.toUpperCase())) };
    new Conf(settingsFileOptions(dir, NOW, migrations).options);
    const settings = new SettingsStore(dir, NOW);
    expect(settings.get().userName).toBe('Sam Lee');
    expect(settings.get()).not.toHaveProperty('__internal__');
    expect(settings.problems).toEqual([]);
    settings.update({ userName: 'sam again' });
    new Conf(settingsFileOptions(dir, NOW, migrations).options);
    expect(new SettingsStore(dir, NOW).get().userName, 'a migration runs once').toBe('sam again');
  });
});
