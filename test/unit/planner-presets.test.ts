/**
 * Presets live in the core and are chosen by name through the contract (docs/follow-up-rules.md
 * "Presets"): the name sets the values; a value changed makes the set "custom"; a saved name can
 * never contradict its values, not even in a hand-edited settings file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import type { Action } from '../../src/shared/domain';
import type { PlannerSettings } from '../../src/shared/settings';
import { PLANNER_PRESETS } from '../../src/shared/settings';
import { tempDir } from './helpers';

type State = { settings: { planner: PlannerSettings } };
const value = <T>(r: unknown): T => {
  expect(r).toMatchObject({ ok: true });
  return (r as { value: T }).value;
};

function open(dir = tempDir(), settings: Record<string, unknown> = {}) {
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ timeZone: 'America/New_York', ...settings }));
  return { dir, core: createCore({ dataDir: dir, transport: 'http', now: () => new Date('2026-11-20T22:00:00Z') }) };
}

describe('planner presets, by name', () => {
  it('{ preset: "patient" } alone sets the Patient values, and the plan follows them', async () => {
    const { core } = open();
    const opp = value<{ id: number }>(
      await core.call('opportunities.create', { company: 'Acme', role: 'Dev', firstRound: { startsAt: '2026-11-20T20:00:00Z', format: 'video', decisionDate: '2026-12-02' } }),
    );
    const state = value<State>(await core.call('settings.update', { planner: { preset: 'patient' } }));
    expect(state.settings.planner).toEqual(PLANNER_PRESETS.patient);
    const status = value<Action[]>(await core.call('actions.forOpportunity', { opportunityId: opp.id })).find((a) => a.kind === 'status-check')!;
    // Thursday 3 December is the first business day after the date; five more: Thursday 10 December, 10:00 EST.
    expect(status.due).toBe('2026-12-10T15:00:00.000Z');
    expect(status.why).toMatch(/^Due Thursday 10 December: .*waits 5 business days more/);
    core.close();
  });

  it('without a decision date, Patient waits a week, as the article it cites says', async () => {
    const { core } = open();
    value(await core.call('settings.update', { planner: { preset: 'patient' } }));
    const opp = value<{ id: number }>(await core.call('opportunities.create', { company: 'Acme', role: 'Dev', firstRound: { startsAt: '2026-11-20T20:00:00Z', format: 'video' } }));
    const status = value<Action[]>(await core.call('actions.forOpportunity', { opportunityId: opp.id })).find((a) => a.kind === 'status-check')!;
    expect(status.due).toBe('2026-11-27T15:00:00.000Z');
    expect(status.why).toMatch(/a week after the round .*no more than a week/);
    core.close();
  });

  it('changing a value makes the set custom; values equal to a preset are that preset; the working week keeps the name', async () => {
    const { core } = open();
    expect(value<State>(await core.call('settings.update', { planner: { graceBusinessDays: 2 } })).settings.planner).toMatchObject({ preset: 'custom', graceBusinessDays: 2 });
    expect(value<State>(await core.call('settings.update', { planner: { graceBusinessDays: 0 } })).settings.planner.preset).toBe('standard');
    const week = value<State>(await core.call('settings.update', { planner: { preset: 'patient' } }));
    expect(week.settings.planner.preset).toBe('patient');
    const sundayToThursday = value<State>(await core.call('settings.update', { planner: { workingWeek: [0, 1, 2, 3, 4] } }));
    expect(sundayToThursday.settings.planner).toMatchObject({ preset: 'patient', workingWeek: [0, 1, 2, 3, 4] });
    // Choosing a preset keeps the working week.
    expect(value<State>(await core.call('settings.update', { planner: { preset: 'standard' } })).settings.planner).toMatchObject({ preset: 'standard', workingWeek: [0, 1, 2, 3, 4] });
    // A name sent with the values it has is accepted (the settings screen sends both).
    expect(value<State>(await core.call('settings.update', { planner: PLANNER_PRESETS.patient })).settings.planner.preset).toBe('patient');
    core.close();
  });

  it('a preset named with values it does not have is refused with the reason, and nothing changes', async () => {
    const { core } = open();
    const before = value<State>(await core.call('settings.get', undefined));
    const refused = await core.call('settings.update', { planner: { preset: 'standard', graceBusinessDays: 3 }, userName: 'Sam' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/standard preset has its own values/) } });
    expect(value<State>(await core.call('settings.get', undefined))).toEqual(before);
    core.close();
  });

  it('a settings file whose name contradicts its values is read by its values', async () => {
    const { core } = open(tempDir(), { planner: { ...PLANNER_PRESETS.standard, preset: 'patient' } });
    expect(value<State>(await core.call('settings.get', undefined)).settings.planner.preset).toBe('standard');
    core.close();
    const custom = open(tempDir(), { planner: { ...PLANNER_PRESETS.patient, moveOnAfterDays: 30, preset: 'patient' } });
    expect(value<State>(await custom.core.call('settings.get', undefined)).settings.planner.preset).toBe('custom');
    custom.core.close();
  });
});
