/**
 * Where the window's size and place are kept: in the settings store, under `window`, opened with
 * electron-store on the same file, defaults and migrations as the core's settings (its writes checked by the same schema) (so both
 * modes share one store). Bounds an earlier Afterword kept in `window-state.json` are read once,
 * until the first move writes them to the store.
 */
import Store from 'electron-store';
import { checkWrite, settingsFileOptions } from '../core/settings/settings-store';
import type { SettingsFile } from '../core/settings/settings-store';
import { legacyBounds } from './window-state';
import type { BoundsStore } from './window-state';

export function openBoundsStore(dataDir: string): BoundsStore {
  const { configName, ...options } = settingsFileOptions(dataDir).options;
  // electron-store names the file by `name`, and `cwd` is absolute: it never asks Electron where.
  const store = new Store<SettingsFile>({ ...options, name: configName });
  return {
    get: () => store.get('window') ?? legacyBounds(dataDir),
    set: (bounds) => {
      const window = { ...bounds };
      checkWrite({ window });
      store.set('window', window);
    },
  };
}
