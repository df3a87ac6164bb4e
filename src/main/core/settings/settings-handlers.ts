/**
 * The user's settings. A change needs no cache cleared: plans belong to the settings they were
 * made with (see planner/plan-cache.ts); the event tells the page and the reminder scheduler.
 */
import type { settingsCalls } from '../../../shared/calls/settings-calls';
import type { CoreContext } from '../core-context';
import type { HandlersOf } from '../handlers';

export function createSettingsHandlers({ settings, events }: CoreContext): HandlersOf<typeof settingsCalls> {
  // The page sees the zone as chosen ("system" or a zone) in the settings, and the zone in use beside it.
  const state = () => ({ settings: { ...settings.get(), timeZone: settings.timeZoneChoice() }, problems: settings.problems, timeZone: settings.get().timeZone });
  return {
    'settings.get': () => state(),
    'settings.update': (patch) => {
      settings.update(patch);
      events.note({ settings: true });
      return state();
    },
  };
}
