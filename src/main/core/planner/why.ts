/**
 * The "why this date" sentences (docs/follow-up-rules.md "Explanations"). Each one is written from
 * the same facts the planner computed the date from, never from the rule's wording alone, so it
 * cannot say something the date does not do: every sentence opens with the date it explains
 * ("Due Monday 16 March", "Due by 15:00 on Saturday 12 March"), names any move it made ("moved
 * from Saturday 14 March, not a business day"), and cites its source by the article's title.
 * "Business day" is said for a Monday-to-Friday week, "working day" for any other.
 */
import type { CalendarDate } from '../../../shared/domain';
import type { SourceId } from '../../../shared/sources';
import { cite, SOURCE_IDS } from '../../../shared/sources';
import { describeDate, describeTime, isMondayToFriday, localDate, localHour } from './calendar';

/** The dates a step of the calendar produced: where it landed, and where it would have without the working week. */
export interface DateStep {
  /** The date the rule gives before the working week is applied. */
  readonly natural: CalendarDate;
  /** The working day it became (the same date when `natural` is a working day). */
  readonly date: CalendarDate;
}

const dayWord = (week: readonly number[]) => (isMondayToFriday(week) ? 'business day' : 'working day');

/** "Due by 15:00 on Saturday 12 March" for an instant in the zone. */
const byTime = (instant: Date, zone: string) => `by ${describeTime(instant, zone)} on ${describeDate(localDate(instant, zone))}`;

/** "; moved from Saturday 14 March, which is not a business day," or nothing. */
function moved(step: DateStep, week: readonly number[]): string {
  return step.natural === step.date ? '' : ` (moved from ${describeDate(step.natural)}, which is not a ${dayWord(week)})`;
}

/** Each source as a sentence cites it, written once (the planner writes tens of thousands of sentences for a large board). */
const T = Object.fromEntries(SOURCE_IDS.map((id) => [id, cite(id)])) as Readonly<Record<SourceId, string>>;

export function askNextStepsWhy(f: { round: number; due: Date; zone: string }): string {
  return (
    `Due ${byTime(f.due, f.zone)}, an hour before round ${f.round} starts: plan to ask who to follow up with and by when they will decide, ` +
    `since the status check is dated from their answer (${T['strategy-post-interview']}, step 1).`
  );
}

export function reflectionWhy(f: { round: number; end: Date; due: Date; zone: string }): string {
  const sameDay = localDate(f.due, f.zone) === localDate(f.end, f.zone);
  const evening = sameDay && localHour(f.due, f.zone) >= 17;
  const when = evening
    ? `Due the same evening, ${byTime(f.due, f.zone)}`
    : `Due ${byTime(f.due, f.zone)}, two hours after round ${f.round} ended`;
  return (
    `${when}, and at the latest 24 hours after the round: write down the questions, your answers, what went well and what to improve ` +
    `while it is fresh (${T['after-interview']}, step 5; the evening is ${T['our-judgement']}).`
  );
}

export function thankYouWhy(f: { round: number; due: Date; latest: Date; zone: string; several: boolean }): string {
  return (
    `Due ${byTime(f.due, f.zone)}, 24 hours after round ${f.round} ended, and still worth sending until ${describeTime(f.latest, f.zone)} on ` +
    `${describeDate(localDate(f.latest, f.zone))}, 48 hours after it. Within 24 hours: ${T['after-interview']}; 24 to 48 hours: ${T['strategies'] + ' and ' + T['is-it-bad']}.` +
    (f.several ? ` One personal note to each interviewer, not the same text to all (${T['strategy-post-interview']}, step 2).` : '')
  );
}

export function cardWhy(f: { due: Date; zone: string }): string {
  return (
    `Due ${byTime(f.due, f.zone)}: you met in person, and a mailed card on top of the email shows extra effort and stands out (${T['etiquette']}). ` +
    `Posting it within two days of the round, so it arrives while the interview is fresh, is ${T['our-judgement']}: the article sets no deadline.`
  );
}

export function linkedinWhy(f: { due: Date; zone: string; afterSent: boolean; limit: number; premium: boolean }): string {
  return (
    `Due ${byTime(f.due, f.zone)}, 2 days after ${f.afterSent ? 'your thank-you' : 'the thank-you’s window closed'}: a connection request with a personal note ` +
    `mentioning something you talked about (${T['strategy-post-interview']}, step 3; ${T['after-interview']}, step 3). ` +
    `Your note can have at most ${f.limit} characters${f.premium ? ' with LinkedIn Premium' : ' (300 with LinkedIn Premium)'} (${T['linkedin-help']}).`
  );
}

export function missedWhy(f: { what: 'thank-you' | 'reflection'; due: Date; latest: Date; zone: string }): string {
  const window = f.what === 'thank-you' ? '48 hours' : '24 hours';
  return (
    `Was due ${byTime(f.due, f.zone)}; its window closed at ${describeTime(f.latest, f.zone)} on ${describeDate(localDate(f.latest, f.zone))}, ${window} after the round, ` +
    `with nothing recorded, so it is kept here as missed. ` +
    (f.what === 'thank-you'
      ? `If you sent it after all, mark it done: a late note is still better than none (${T['is-it-bad']}).`
      : `If you wrote it after all, mark it done; notes written later still help you prepare (${T['after-interview']}, step 5).`)
  );
}

const channelWhy = (channel: 'email' | 'phone', video: boolean) =>
  ` By ${channel === 'phone' ? 'phone, as the process ran by phone' : video ? 'email to whoever arranged the interview, as it was a video round' : 'email, as the process ran by email'} (${T['etiquette']}).`;

export interface StatusCheckFacts {
  readonly week: readonly number[];
  readonly roundDay: CalendarDate;
  readonly channel: 'email' | 'phone';
  readonly video: boolean;
  readonly date: CalendarDate;
  readonly decision:
    | { readonly kind: 'none'; readonly days: number; readonly step: DateStep }
    | {
        readonly kind: 'stated';
        readonly decisionDate: CalendarDate;
        /** The first working day after the decision date. */
        readonly firstAfter: DateStep;
        readonly grace: number;
        /** The date had passed (or was the round's own day): the first working day after the round instead. */
        readonly afterRound: DateStep | null;
      };
}

export function statusCheckWhy(f: StatusCheckFacts): string {
  const day = dayWord(f.week);
  const d = f.decision;
  let reason: string;
  if (d.kind === 'none') {
    const source =
      d.days === 7
        ? `${T['strategy-post-interview']}: wait at least a week; ${T['etiquette']}: no more than a week`
        : d.days > 7
          ? `your setting; ${T['strategy-post-interview']} says to wait at least a week`
          : `your setting; ${T['etiquette']} says to wait at least 2 to 3 days`;
    reason = `Due ${describeDate(f.date)}${moved(d.step, f.week)}: no decision date was given, so the status check comes ${d.days === 7 ? 'a week' : `${d.days} days`} after the round (${source}).`;
  } else if (d.afterRound) {
    const when = d.decisionDate < f.roundDay ? `had already passed at the round on ${describeDate(f.roundDay)}` : `was the round’s own day`;
    reason =
      `Due ${describeDate(f.date)}${moved(d.afterRound, f.week)}: they said they would decide by ${describeDate(d.decisionDate)}, which ${when}, ` +
      `so the status check is the first ${day} after the round, never the same day (${T['etiquette']}).`;
  } else if (d.grace === 0) {
    reason =
      `Due ${describeDate(f.date)}${moved(d.firstAfter, f.week)}: they said they would decide by ${describeDate(d.decisionDate)}, ` +
      `so the status check is the first ${day} after that (${T['after-interview']}: follow up once the date has passed).`;
  } else {
    const source = d.grace === 5 ? `${T['after-interview']}: about a week after the expected date` : `your setting; ${T['after-interview']} suggests about a week after the expected date`;
    reason =
      `Due ${describeDate(f.date)}: they said they would decide by ${describeDate(d.decisionDate)}; the first ${day} after it is ${describeDate(d.firstAfter.date)}${moved(d.firstAfter, f.week)}, ` +
      `and your plan waits ${d.grace} ${day}${d.grace === 1 ? '' : 's'} more (${source}).`;
  }
  return reason + channelWhy(f.channel, f.video);
}

export function phoneCallWhy(f: { step: DateStep; days: number; week: readonly number[] }): string {
  const source = f.days >= 7 && f.days <= 14 ? `${T['strategy-post-interview']}, step 4: after a week or two` : `your setting; ${T['strategy-post-interview']}, step 4, suggests a week or two`;
  return (
    `Due ${describeDate(f.step.date)}${moved(f.step, f.week)}: your settings allow a second follow-up, a polite call ${f.days} days after the unanswered status check (${source}). ` +
    `This is the last contact: there is no third.`
  );
}

export function moveOnWhy(f: { due: Date; zone: string; days: number; company: string; after: 'status check' | 'follow-up call' | null }): string {
  const date = describeDate(localDate(f.due, f.zone));
  return f.after
    ? `Due ${date}, ${f.days} days without an answer to your ${f.after}: time to close this card politely and put your energy elsewhere. One follow-up is enough; more would become pressure (${T['is-it-bad']}).`
    : `Due ${date}, if ${f.company} stays silent ${f.days} days after the follow-up was due: close this card politely and move on (${T['is-it-bad']}: one follow-up is enough).`;
}

export function stayInTouchWhy(f: { step: DateStep; days: number; first: boolean; week: readonly number[] }): string {
  const date = `Due ${describeDate(f.step.date)}${moved(f.step, f.week)}`;
  if (f.first) {
    const month = f.days >= 28 && f.days <= 31 ? `about a month after closing (the month is ${T['career-advice']})` : `${f.days} days after closing, as your settings ask`;
    return `${date}: ${month}, a short note keeps you in mind for the next opening (${T['strategy-post-interview']}, step 5).`;
  }
  const rhythm = f.days === 90 ? `every three months; that rhythm is ${T['our-judgement']}, not a rule: change it in Settings` : `every ${f.days} days, as your settings ask`;
  return `${date}: keep the relationship warm with a short check-in ${rhythm} (${T['strategy-post-interview']}, step 5).`;
}
