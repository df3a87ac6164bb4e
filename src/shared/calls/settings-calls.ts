/** The user's settings (planner preset, time zone, quiet hours, name, ...). */
import { settingsPatchSchema } from '../settings';
import type { Settings } from '../settings';
import { call, none } from './fields';

export interface SettingsState {
  readonly settings: Settings;
  readonly problems: readonly string[];
  /** The time zone the planner uses now (the system's when the setting says so): every time shown is in it. */
  readonly timeZone: string;
}

export const settingsCalls = {
  'settings.get': call<SettingsState>()(none),
  'settings.update': call<SettingsState>()(
    settingsPatchSchema.refine((p) => Object.keys(p).length > 0, { message: 'must change at least one setting' }),
  ),
};
