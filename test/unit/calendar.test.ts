/**
 * The planner's fast date paths (calendar.ts) give exactly what @date-fns/tz and date-fns give,
 * in zones with every kind of daylight-saving change (an hour, half an hour, at midnight, none,
 * +14:00), on random instants and on the very days the clocks change (found by `tzScan`).
 */
import { TZDate, tz, tzScan } from '@date-fns/tz';
import { addDays as addDaysFns, format, getDay } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, atLocalTime, describeDate, localDate, localHour, weekdayOf } from '../../src/main/core/planner/calendar';
import { quietEnd } from '../../src/main/core/reminders/quiet-hours';

const SEED = 20261122;
console.log(`calendar properties: fast-check seed ${SEED}`);

const ZONES = [
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe', // half an hour
  'America/Sao_Paulo', // at midnight, until 2019
  'Asia/Kolkata', // +05:30, no change
  'Pacific/Chatham', // +12:45 / +13:45
  'Pacific/Kiritimati', // +14:00
  'UTC',
];
const FROM = Date.UTC(2015, 0, 1);
const TO = Date.UTC(2032, 0, 1);
const utc = tz('UTC');

const zone = fc.constantFrom(...ZONES);
const instant = fc.integer({ min: FROM, max: TO });
const calendarDate = fc.integer({ min: FROM / 86_400_000, max: TO / 86_400_000 }).map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
const ymd = (date: string) => [Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))] as const;

/** Every day a zone's clocks change, with the local hours around the change. */
const changeDays = ZONES.flatMap((z) =>
  tzScan(z, { start: new Date(FROM), end: new Date(TO) }).map((c) => ({ zone: z, date: format(new TZDate(c.date, z), 'yyyy-MM-dd'), at: c.date.getTime() })),
);

/**
 * The instant `TZDate.tz` gives for a wall-clock time, except that a time which happens twice is
 * the first: TZDate picks the first in New York but the second in London (it goes through the
 * process's own zone), where the planner wants one rule everywhere (Temporal's "compatible").
 */
function firstInstant(z: string, date: string, hour: number, minute: number): number {
  const t = TZDate.tz(z, ...ymd(date), hour, minute).getTime();
  for (const shift of [30, 60, 120]) {
    const earlier = new TZDate(t - shift * 60_000, z);
    if (format(earlier, 'yyyy-MM-dd') === date && earlier.getHours() === hour && earlier.getMinutes() === minute) return earlier.getTime();
  }
  return t;
}

describe('the planner calendar agrees with @date-fns/tz', () => {
  it('finds clock changes to check in every zone that has them', () => {
    expect(new Set(changeDays.map((c) => c.zone))).toEqual(new Set(['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'America/Sao_Paulo', 'Pacific/Chatham']));
  });

  it('on the local date and hour of any instant', () => {
    fc.assert(
      fc.property(zone, instant, (z, ms) => {
        const local = new TZDate(ms, z);
        expect(localDate(new Date(ms), z)).toBe(format(local, 'yyyy-MM-dd'));
        expect(localHour(new Date(ms), z)).toBe(local.getHours() + local.getMinutes() / 60);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('on the local date and hour of every minute around each clock change', () => {
    for (const change of changeDays) {
      for (let minute = -90; minute <= 90; minute += 15) {
        const ms = change.at + minute * 60_000;
        const local = new TZDate(ms, change.zone);
        expect(localDate(new Date(ms), change.zone), `${change.zone} ${new Date(ms).toISOString()}`).toBe(format(local, 'yyyy-MM-dd'));
        expect(localHour(new Date(ms), change.zone)).toBe(local.getHours() + local.getMinutes() / 60);
      }
    }
  });

  it('on the instant of a wall-clock time, also one that is skipped or happens twice', () => {
    const check = (z: string, date: string, hour: number, minute: number): void => {
      expect(atLocalTime(date, hour, minute, z).getTime(), `${z} ${date} ${hour}:${minute}`).toBe(firstInstant(z, date, hour, minute));
    };
    fc.assert(
      fc.property(zone, calendarDate, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (z, date, hour, minute) => {
        check(z, date, hour, minute);
      }),
      { seed: SEED, numRuns: 2000 },
    );
    for (const change of changeDays) for (let hour = 0; hour < 24; hour++) for (const minute of [0, 30, 45]) check(change.zone, change.date, hour, minute);
  });

  it('on calendar arithmetic, weekdays and the names of dates', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: -400, max: 400 }), (date, n) => {
        const day = new TZDate(...ymd(date), 'UTC');
        expect(addDays(date, n)).toBe(format(addDaysFns(day, n, { in: utc }), 'yyyy-MM-dd', { in: utc }));
        expect(weekdayOf(date)).toBe(getDay(day, { in: utc }));
        expect(describeDate(date)).toBe(format(day, 'EEEE d MMMM', { in: utc }));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('quiet hours end at their end time, in the zone, after the moment asked about', () => {
    // quiet-hours.ts builds on calendar.ts; here it is checked against the library on its own.
    fc.assert(
      fc.property(zone, instant, fc.integer({ min: 0, max: 23 }), (z, ms, endHour) => {
        const end = quietEnd(new Date(ms), { start: '22:00', end: `${String(endHour).padStart(2, '0')}:00` }, z);
        const local = new TZDate(ms, z);
        const day = local.getHours() < endHour ? format(local, 'yyyy-MM-dd') : format(addDaysFns(local, 1), 'yyyy-MM-dd');
        expect(end.getTime(), `${z} ${local.toString()}`).toBe(firstInstant(z, day, endHour, 0));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});
