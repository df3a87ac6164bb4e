/**
 * The user's settings, with their defaults and the planner's two presets. Shared by the core (which
 * plans with them) and the renderer (which edits them).
 */
import { z } from 'zod';

/** 0 = Sunday ... 6 = Saturday. */
const weekday = z.number().int().min(0).max(6);

export const plannerSettingsSchema = z.strictObject({
  preset: z.enum(['standard', 'patient', 'custom']),
  /** Days the employer can be contacted on (docs/follow-up-rules.md "The rules": Monday to Friday unless changed). */
  workingWeek: z.array(weekday).min(1).max(7),
  /** Business days to wait after the employer's decision date before the status check (0 to 7). */
  graceBusinessDays: z.number().int().min(0).max(7),
  /** With no decision date: days after the round before the status check (a week: "Creating an Effective Follow-Up Strategy Post-Interview"). */
  noDecisionDateDays: z.number().int().min(2).max(21),
  /** One follow-up (default) or two (a call a week after an unanswered status check); never more. */
  followUps: z.union([z.literal(1), z.literal(2)]),
  /** Days after an unanswered status check before the optional call (after a week or two, the same article, step 4). */
  callAfterDays: z.number().int().min(3).max(21),
  /** Days of silence after the last follow-up before suggesting to move on ("Is It Bad to Follow Up After an Interview?"). */
  moveOnAfterDays: z.number().int().min(7).max(60),
  /** Stay in touch: first check-in after closing, then every N days. */
  stayInTouchFirstDays: z.number().int().min(7).max(180),
  stayInTouchEveryDays: z.number().int().min(14).max(365),
});
export type PlannerSettings = z.infer<typeof plannerSettingsSchema>;

export const PRESET_NAMES = ['standard', 'patient'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/**
 * The presets (docs/follow-up-rules.md "Presets"): a name for a set of values. Choosing one sets
 * them; a set of values that is not a preset's is "custom". The working week is not part of a
 * preset: it is where the user works, not how patient they are, and choosing a preset keeps it.
 */
export const PLANNER_PRESETS: Record<PresetName, PlannerSettings> = {
  standard: {
    preset: 'standard',
    workingWeek: [1, 2, 3, 4, 5],
    graceBusinessDays: 0,
    noDecisionDateDays: 7,
    followUps: 1,
    callAfterDays: 7,
    moveOnAfterDays: 14,
    stayInTouchFirstDays: 30,
    stayInTouchEveryDays: 90,
  },
  // "What to Do After a Job Interview": wait about a week after the expected date; with no date,
  // a week, as "Effective Follow-Up Etiquette After a Job Interview" caps the wait at a week.
  patient: {
    preset: 'patient',
    workingWeek: [1, 2, 3, 4, 5],
    graceBusinessDays: 5,
    noDecisionDateDays: 7,
    followUps: 1,
    callAfterDays: 10,
    moveOnAfterDays: 21,
    stayInTouchFirstDays: 30,
    stayInTouchEveryDays: 90,
  },
};

/** What each preset does, in a line for the settings screen. */
export const PRESET_TITLES: Record<PlannerSettings['preset'], string> = {
  standard: 'Standard: the first business day after their date, or a week after the round',
  patient: 'Patient: about a week after their date, or a week after the round',
  custom: 'Custom: your own values',
};

const sameValues = (a: PlannerSettings, b: PlannerSettings): boolean =>
  a.graceBusinessDays === b.graceBusinessDays &&
  a.noDecisionDateDays === b.noDecisionDateDays &&
  a.followUps === b.followUps &&
  a.callAfterDays === b.callAfterDays &&
  a.moveOnAfterDays === b.moveOnAfterDays &&
  a.stayInTouchFirstDays === b.stayInTouchFirstDays &&
  a.stayInTouchEveryDays === b.stayInTouchEveryDays;

/** The name a set of values goes by: the preset whose values they are, or "custom". */
export function presetOf(values: PlannerSettings): PlannerSettings['preset'] {
  return PRESET_NAMES.find((name) => sameValues(values, PLANNER_PRESETS[name])) ?? 'custom';
}

/** Values as stored, with the name their values give (a hand-edited file cannot contradict itself). */
export const normalisePlanner = (values: PlannerSettings): PlannerSettings => ({ ...values, preset: presetOf(values) });

/** A change to the planner: a preset by name (`{ preset: 'patient' }`), or some values. */
export const plannerPatchSchema = plannerSettingsSchema.partial();
export type PlannerPatch = z.infer<typeof plannerPatchSchema>;

/**
 * Applies a change: a preset named alone sets its values (keeping the working week); values
 * change what they name, and the name follows the values. A preset named with values it does not
 * have is refused with the reason, rather than saved as a name that contradicts its values.
 */
export function applyPlannerPatch(current: PlannerSettings, patch: PlannerPatch): { ok: true; value: PlannerSettings } | { ok: false; message: string } {
  const { preset, ...values } = patch;
  const base = preset && preset !== 'custom' ? { ...PLANNER_PRESETS[preset], workingWeek: current.workingWeek } : current;
  const next = { ...base, ...values };
  const name = presetOf(next);
  if (preset && preset !== 'custom' && name !== preset) {
    return { ok: false, message: `The ${preset} preset has its own values: choose it alone, or change the values without naming a preset (they are then "custom").` };
  }
  return { ok: true, value: { ...next, preset: name } };
}

export const DEFAULT_PLANNER_SETTINGS = PLANNER_PRESETS.standard;

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 21:00');

/** The choice that follows the machine's own zone (read at each start), whatever it is. */
export const SYSTEM_TIME_ZONE = 'system';

/** A zone this system knows (UTC included), or "system". */
export const timeZoneSchema = z.string().max(100).refine(
  (tz) => {
    if (tz === SYSTEM_TIME_ZONE) return true;
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'is not a time zone this system knows' },
);

/** Every setting, each with its own validator so one bad value falls back alone (issue: corrupt settings). */
export const settingsShape = {
  planner: plannerSettingsSchema,
  timeZone: timeZoneSchema,
  quietHours: z.strictObject({ start: timeOfDay, end: timeOfDay }),
  notifications: z.boolean(),
  closeToTray: z.boolean(),
  closeToTrayHintShown: z.boolean(),
  launchAtLogin: z.boolean(),
  userName: z.string().max(200),
  signature: z.string().max(2000),
  /** The sender's address block on a printed letter page (lines as the user writes them). */
  senderAddress: z.string().max(1000),
  englishVariant: z.enum(['en-US', 'en-GB']),
  linkedinPremium: z.boolean(),
  paperSize: z.enum(['auto', 'letter', 'a4']),
  /** The first start's setup was finished or skipped: it is not offered again. */
  setupDone: z.boolean(),
} as const;

export const settingsSchema = z.strictObject(settingsShape);
export type Settings = z.infer<typeof settingsSchema>;

export const systemTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export const defaultSettings = (): Settings => ({
  planner: DEFAULT_PLANNER_SETTINGS,
  timeZone: systemTimeZone(),
  quietHours: { start: '21:00', end: '08:00' },
  notifications: true,
  closeToTray: true,
  closeToTrayHintShown: false,
  launchAtLogin: false,
  userName: '',
  signature: '',
  senderAddress: '',
  englishVariant: 'en-US',
  linkedinPremium: false,
  paperSize: 'auto',
  setupDone: false,
});

/**
 * A partial update from the settings screen: any subset of keys, each validated. The planner's
 * values may be given in part, or as a preset's name alone (see `applyPlannerPatch`).
 */
export const settingsPatchSchema = z.strictObject({
  ...(Object.fromEntries(Object.entries(settingsShape).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof settingsShape]: z.ZodOptional<(typeof settingsShape)[K]>;
  }),
  planner: plannerPatchSchema.optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
