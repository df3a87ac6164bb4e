import { useEffect, useState } from 'react';
import type { SubmitEvent } from 'react';
import type { PlannerPatch, PlannerSettings, Settings } from '../../../../shared/settings';
import { PLANNER_PRESETS, PRESET_TITLES, presetOf } from '../../../../shared/settings';
import { Dialog } from '../../components/Dialog';
import { BackupsSection } from './BackupsSection';
import { YourData } from '../data/YourData';
import { call } from '../../data/calls';
import { TimeZoneSelect } from '../../components/TimeZoneSelect';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function NumberField({ label, value, min, max, onChange, hint }: { label: string; value: number; min: number; max: number; onChange: (n: number) => void; hint?: string }) {
  return (
    <label>
      {label}
      <input type="number" min={min} max={max} value={value} onChange={(e) => onChange(Number(e.target.value))} />
      {hint && <span className="hint">{hint}</span>}
    </label>
  );
}

/** Every setting: reminders, the planner's preset and values, and what letters are signed with. */
export function SettingsDialog({ onClose, inApp }: { onClose: () => void; inApp: boolean }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [systemZone, setSystemZone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [yourData, setYourData] = useState(false);

  useEffect(() => {
    void call('settings.get', undefined).then((r) => {
      if (!r.ok) { setError(r.error.message); return; }
      setSettings(r.value.settings);
      // What "system" means where the core runs (the zone it uses when the setting says so).
      if (r.value.settings.timeZone === 'system') setSystemZone(r.value.timeZone);
    });
  }, []);
  if (!settings) return null;

  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => {
    setSaved(false);
    setSettings({ ...settings, [key]: value });
  };
  // Changing a value names the set by its values (a preset's, or custom); the working week is no
  // part of a preset.
  const setPlanner = <K extends keyof PlannerSettings>(key: K, value: PlannerSettings[K]) => {
    const next = { ...settings.planner, [key]: value };
    set('planner', { ...next, preset: presetOf(next) });
  };

  async function save(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!settings) return;
    // A preset is chosen by its name: the core sets its values.
    const { preset, ...values } = settings.planner;
    const planner: PlannerPatch = preset === 'custom' ? values : { preset, workingWeek: values.workingWeek };
    const result = await call('settings.update', { ...settings, planner });
    if (!result.ok) { setError(result.error.message); return; }
    setError(null);
    setSaved(true);
  }

  const p = settings.planner;
  return (
    // Your data shows in this dialog in place of the settings (what was changed here waits, unsaved
    // but kept), and closing it comes back: never one dialog over another.
    <Dialog title={yourData ? 'Your data' : 'Settings'} onClose={yourData ? () => setYourData(false) : onClose} wide>
      {yourData ? (
        <YourData />
      ) : (
      <form className="settings stack" onSubmit={save}>
        <fieldset>
          <legend>Reminders</legend>
          <label className="inline">
            <input type="checkbox" checked={settings.notifications} onChange={(e) => set('notifications', e.target.checked)} /> Notifications
          </label>
          <div className="fields">
            <label>
              Quiet hours from
              <input type="time" value={settings.quietHours.start} onChange={(e) => set('quietHours', { ...settings.quietHours, start: e.target.value })} />
            </label>
            <label>
              until
              <input type="time" value={settings.quietHours.end} onChange={(e) => set('quietHours', { ...settings.quietHours, end: e.target.value })} />
            </label>
            <label>
              Time zone
              <TimeZoneSelect value={settings.timeZone} systemZone={systemZone} onChange={(zone) => set('timeZone', zone)} />
            </label>
          </div>
          <label className="inline">
            <input type="checkbox" checked={settings.closeToTray} onChange={(e) => set('closeToTray', e.target.checked)} /> Closing the window keeps Afterword in the tray
          </label>
          <label className="inline">
            <input type="checkbox" checked={settings.launchAtLogin} onChange={(e) => set('launchAtLogin', e.target.checked)} /> Start Afterword when I log in
          </label>
          {!inApp && <p className="hint">The tray and starting at login belong to the desktop app; in browser mode the page shows your reminders.</p>}
        </fieldset>

        <fieldset>
          <legend>Follow-up plan</legend>
          <div className="fields">
            <label className="span-row">
              Preset
              <select
                value={p.preset}
                onChange={(e) => {
                  const preset = e.target.value as PlannerSettings['preset'];
                  if (preset === 'custom') set('planner', { ...p, preset: 'custom' });
                  else set('planner', { ...PLANNER_PRESETS[preset], workingWeek: p.workingWeek });
                }}
              >
                {(['standard', 'patient', 'custom'] as const).map((name) => (
                  <option key={name} value={name}>
                    {PRESET_TITLES[name]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Follow-ups
              <select value={p.followUps} onChange={(e) => setPlanner('followUps', Number(e.target.value) as 1 | 2)}>
                <option value={1}>One: a status check (recommended)</option>
                <option value={2}>Two: a status check, then a call</option>
              </select>
            </label>
          </div>
          <fieldset className="inline-set">
            <legend>Working week (when employers are contacted)</legend>
            {DAYS.map((day, i) => (
              <label key={day} className="inline">
                <input
                  type="checkbox"
                  checked={p.workingWeek.includes(i)}
                  onChange={(e) => {
                    const next = e.target.checked ? [...p.workingWeek, i].sort() : p.workingWeek.filter((d) => d !== i);
                    if (next.length > 0) set('planner', { ...p, workingWeek: next });
                  }}
                />{' '}
                {day}
              </label>
            ))}
          </fieldset>
          <div className="fields">
            <NumberField label="Grace after their date (business days)" min={0} max={7} value={p.graceBusinessDays} onChange={(n) => setPlanner('graceBusinessDays', n)} />
            <NumberField label="No date given: check after (days)" min={2} max={21} value={p.noDecisionDateDays} onChange={(n) => setPlanner('noDecisionDateDays', n)} />
            <NumberField label="Call after (days)" min={3} max={21} value={p.callAfterDays} onChange={(n) => setPlanner('callAfterDays', n)} />
            <NumberField label="Move on after (days of silence)" min={7} max={60} value={p.moveOnAfterDays} onChange={(n) => setPlanner('moveOnAfterDays', n)} />
            <NumberField label="Stay in touch: first (days)" min={7} max={180} value={p.stayInTouchFirstDays} onChange={(n) => setPlanner('stayInTouchFirstDays', n)} />
            <NumberField
              label="then every (days)"
              min={14}
              max={365}
              value={p.stayInTouchEveryDays}
              onChange={(n) => setPlanner('stayInTouchEveryDays', n)}
              hint="Three months is our judgement, not a rule."
            />
          </div>
        </fieldset>

        <fieldset>
          <legend>Letters</legend>
          <div className="fields">
            <label>
              Your name
              <input value={settings.userName} onChange={(e) => set('userName', e.target.value)} maxLength={200} />
            </label>
            <label>
              English
              <select value={settings.englishVariant} onChange={(e) => set('englishVariant', e.target.value as Settings['englishVariant'])}>
                <option value="en-US">US English</option>
                <option value="en-GB">UK English</option>
              </select>
            </label>
            <label>
              Paper for letters
              <select value={settings.paperSize} onChange={(e) => set('paperSize', e.target.value as Settings['paperSize'])}>
                <option value="auto">By my locale</option>
                <option value="letter">US Letter</option>
                <option value="a4">A4</option>
              </select>
            </label>
          </div>
          <label className="inline">
            <input type="checkbox" checked={settings.linkedinPremium} onChange={(e) => set('linkedinPremium', e.target.checked)} /> LinkedIn Premium (300-character notes)
          </label>
          <label>
            Signature
            <textarea rows={3} value={settings.signature} onChange={(e) => set('signature', e.target.value)} placeholder={'Best regards,\nYour Name'} />
          </label>
          <label>
            Your address (printed at the top of a letter page)
            <textarea rows={3} value={settings.senderAddress} onChange={(e) => set('senderAddress', e.target.value)} maxLength={1000} />
          </label>
        </fieldset>
        <fieldset>
          <legend>Your data</legend>
          <p className="hint">Export your journal (JSON, CSV, calendar), import one or a spreadsheet, and subscribe to your calendar.</p>
          <div className="buttons">
            <button type="button" className="secondary" onClick={() => setYourData(true)}>
              Your data: export, import, calendar
            </button>
          </div>
        </fieldset>
        <BackupsSection />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="buttons">
          <button type="submit">Save settings</button>
          {saved && <span role="status">Saved.</span>}
        </div>
      </form>
      )}
    </Dialog>
  );
}
