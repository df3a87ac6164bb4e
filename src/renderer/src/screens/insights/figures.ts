/**
 * From the core's Insights answer to what the screen draws: for each figure a chart, the same
 * numbers as a table (what a screen reader reads, and what the CSV export holds), and a sentence
 * that says what the figure shows. Small counts are said, never drawn as a share or a median.
 * Pure: no DOM, no React.
 */
import type {
  ActivityFigure,
  CheckGroup,
  FunnelStep,
  Insights,
  MedianDays,
  ResponseGroup,
  Share,
} from '../../../../shared/calls/insights-calls';
import type { Cell } from './csv';

/** Chart colours by meaning; the stylesheet gives each a light and a dark value. */
export type ChartColor = 'series-1' | 'series-2' | 'series-3' | 'series-4' | 'good' | 'fair' | 'poor' | 'bad' | 'muted';

export interface ChartSpec {
  readonly labels: readonly string[];
  readonly datasets: readonly {
    readonly label: string;
    readonly data: readonly (number | null)[];
    /** One colour for the dataset, or one per bar. */
    readonly color: ChartColor | readonly ChartColor[];
    readonly kind?: 'bar' | 'line';
  }[];
  /** Bars across (long labels: stages, questions) rather than up. */
  readonly horizontal?: boolean;
  readonly unit: 'count' | 'percent' | 'days';
}

export interface TableSpec {
  readonly columns: readonly string[];
  /** Raw values (for the CSV) and what the table shows. */
  readonly rows: readonly { readonly cells: readonly Cell[]; readonly shown: readonly string[] }[];
}

export interface FigureSpec {
  readonly id: string;
  readonly title: string;
  /** What the figure says, in one or two sentences, with its counts. */
  readonly headline: string;
  /** How it is counted. */
  readonly about: string;
  readonly chart: ChartSpec;
  readonly table: TableSpec;
  /** Nothing to show in the period: the chart is left out and the headline says so. */
  readonly empty: boolean;
}

// ---- wording -----------------------------------------------------------------------------------

export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
export const percent = (share: number): string => `${Math.round(share * 100)}%`;
export const days = (d: number): string => `${d.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${d === 1 ? 'day' : 'days'}`;

/** "4 of 9 (44%)", or "2 of 3" when there are too few to give a share. */
export function shareText(s: Share): string {
  const base = `${s.count.toLocaleString('en-US')} of ${s.of.toLocaleString('en-US')}`;
  return s.share === null ? base : `${base} (${percent(s.share)})`;
}

/** " 3 thank-yous: too few to compare." after a sentence whose share was left out. */
export const fewNote = (s: Share, one: string, many = `${one}s`): string =>
  s.share === null && s.of > 0 ? ` ${plural(s.of, one, many)}: too few to compare.` : '';

/** "11 days (5 answers)", or "3 answers: too few to compare". */
export function medianText(m: MedianDays, noun: string): string {
  if (m.n === 0) return `no ${noun}s`;
  return m.days === null ? `${plural(m.n, noun)}: too few to compare` : `${days(m.days)} (${plural(m.n, noun)})`;
}

const shareValue = (s: Share): number | null => (s.share === null ? null : Math.round(s.share * 1000) / 10);

// ---- the figures -------------------------------------------------------------------------------

const STAGE_NAMES: Record<FunnelStep['stage'], string> = {
  added: 'Added',
  interviewed: 'interviewed',
  thanked: 'thanked',
  replied: 'answered',
  offer: 'Offer',
};

const roundName = (n: number) => (n >= 3 ? 'Round 3+' : `Round ${n}`);
const stepLabel = (s: FunnelStep) => (s.round === null ? STAGE_NAMES[s.stage] : `${roundName(s.round)}: ${STAGE_NAMES[s.stage]}`);
const STAGE_COLOR: Record<FunnelStep['stage'], ChartColor> = {
  added: 'muted',
  interviewed: 'series-1',
  thanked: 'series-2',
  replied: 'series-3',
  offer: 'good',
};

export function funnelFigure(insights: Insights): FigureSpec {
  const { added, steps } = insights.funnel;
  const offer = steps.find((s) => s.stage === 'offer')?.count ?? 0;
  const interviewed = steps.find((s) => s.stage === 'interviewed' && s.round === 1)?.count ?? 0;
  return {
    id: 'funnel',
    title: 'From added to offer',
    headline:
      added === 0
        ? 'No opportunity was added in this period.'
        : `Of ${plural(added, 'opportunity', 'opportunities')} added, ${interviewed.toLocaleString('en-US')} reached an interview; ${plural(offer, 'offer')} so far.`,
    about:
      'Opportunities added in the period, and how far each got, round by round. Answered: a reply, an invitation to the next round, an offer or a rejection.',
    empty: added === 0,
    chart: {
      horizontal: true,
      unit: 'count',
      labels: steps.map(stepLabel),
      datasets: [{ label: 'Opportunities', data: steps.map((s) => s.count), color: steps.map((s) => STAGE_COLOR[s.stage]) }],
    },
    table: {
      columns: ['Stage', 'Opportunities', 'Of the step before'],
      rows: steps.map((s, i) => {
        const before = i === 0 ? null : steps[i - 1]!.count;
        const ratio = before ? s.count / before : null;
        return {
          cells: [stepLabel(s), s.count, ratio === null ? null : Math.round(ratio * 1000) / 10],
          shown: [stepLabel(s), s.count.toLocaleString('en-US'), ratio === null ? '' : percent(ratio)],
        };
      }),
    },
  };
}

export type ResponseGrouping = 'source' | 'companySize';

function responseGroups(insights: Insights, by: ResponseGrouping): readonly ResponseGroup[] {
  return by === 'source' ? insights.response.bySource : insights.response.byCompanySize;
}
const groupName = (g: ResponseGroup, by: ResponseGrouping) => g.group ?? (by === 'source' ? 'Source not recorded' : 'Size not recorded');
/** A chart label says when its bar is left out for too few cases (the table gives the counts). */
const tooFewLabel = (name: string, drawn: boolean) => (drawn ? name : `${name} (too few)`);

export function responseShareFigure(insights: Insights, by: ResponseGrouping): FigureSpec {
  const { overall, companySizeUnknown } = insights.response;
  const groups = responseGroups(insights, by);
  const tooFew = groups.filter((g) => g.replied.share === null).map((g) => `${groupName(g, by)}: ${plural(g.replied.of, 'opportunity', 'opportunities')}`);
  return {
    id: `response-${by}`,
    title: by === 'source' ? 'Answers by source' : 'Answers by company size',
    headline:
      overall.replied.of === 0
        ? 'No interview took place in this period.'
        : `${shareText(overall.replied)} opportunities interviewed got an answer.${fewNote(overall.replied, 'opportunity', 'opportunities')}` +
          (tooFew.length > 0 && overall.replied.share !== null ? ` Too few to compare: ${tooFew.join('; ')}.` : ''),
    about:
      'Opportunities with a round in the period, and the share that got an answer: a reply, an invitation to the next round, an offer or a rejection.' +
      (by === 'companySize' ? ` Only where you recorded the size (${plural(companySizeUnknown, 'opportunity', 'opportunities')} without it).` : ''),
    empty: groups.length === 0,
    chart: {
      unit: 'percent',
      labels: groups.map((g) => tooFewLabel(groupName(g, by), g.replied.share !== null)),
      datasets: [{ label: 'Share with an answer', data: groups.map((g) => shareValue(g.replied)), color: 'series-1' }],
    },
    table: {
      columns: [by === 'source' ? 'Source' : 'Company size', 'Opportunities', 'With an answer', 'Share'],
      rows: groups.map((g) => ({
        cells: [groupName(g, by), g.replied.of, g.replied.count, shareValue(g.replied)],
        shown: [
          groupName(g, by),
          g.replied.of.toLocaleString('en-US'),
          g.replied.count.toLocaleString('en-US'),
          g.replied.share === null ? 'too few to compare' : percent(g.replied.share),
        ],
      })),
    },
  };
}

export function responseTimeFigure(insights: Insights, by: ResponseGrouping): FigureSpec {
  const { overall } = insights.response;
  const groups = responseGroups(insights, by);
  const median = (m: MedianDays) => m.days;
  const shown = (m: MedianDays) => (m.n === 0 ? '' : m.days === null ? `${plural(m.n, 'answer')}: too few to compare` : `${days(m.days)} (${m.n})`);
  return {
    id: `response-time-${by}`,
    title: by === 'source' ? 'Days to an answer, by source' : 'Days to an answer, by company size',
    headline:
      `Median from the round to the answer: ${medianText(overall.daysFromRound, 'answer')}. ` +
      `From the status check: ${medianText(overall.daysFromStatusCheck, 'answer')}.`,
    about: 'The median wait, in days, from the end of the round (and from the status check, when one was sent before the answer) to the answer.',
    empty: overall.daysFromRound.n === 0,
    chart: {
      unit: 'days',
      labels: groups.map((g) => tooFewLabel(groupName(g, by), g.daysFromRound.days !== null || g.daysFromStatusCheck.days !== null)),
      datasets: [
        { label: 'From the round', data: groups.map((g) => median(g.daysFromRound)), color: 'series-1' },
        { label: 'From the status check', data: groups.map((g) => median(g.daysFromStatusCheck)), color: 'series-3' },
      ],
    },
    table: {
      columns: [by === 'source' ? 'Source' : 'Company size', 'Median days from the round', 'Answers', 'Median days from the status check', 'Answers after a check'],
      rows: groups.map((g) => ({
        cells: [groupName(g, by), g.daysFromRound.days, g.daysFromRound.n, g.daysFromStatusCheck.days, g.daysFromStatusCheck.n],
        shown: [groupName(g, by), shown(g.daysFromRound), String(g.daysFromRound.n), shown(g.daysFromStatusCheck), String(g.daysFromStatusCheck.n)],
      })),
    },
  };
}

export function thankYouFigure(insights: Insights): FigureSpec {
  const t = insights.thankYous;
  const due = t.within24h + t.within48h + t.late + t.missed;
  const rows: [string, number, ChartColor][] = [
    ['Within 24 hours', t.within24h, 'good'],
    ['24 to 48 hours', t.within48h, 'fair'],
    ['Late (after 48 hours)', t.late, 'poor'],
    ['Missed', t.missed, 'bad'],
    ['Window still open', t.open, 'muted'],
  ];
  const timely = { count: t.within24h + t.within48h, of: due, share: due >= insights.minimumToCompare ? (t.within24h + t.within48h) / due : null };
  return {
    id: 'thank-yous',
    title: 'Thank-yous',
    headline:
      due === 0
        ? t.open > 0
          ? `${plural(t.open, 'thank-you')} still in ${t.open === 1 ? 'its' : 'their'} window; none due yet.`
          : 'No thank-you was due in this period.'
        : `${shareText(timely)} thank-yous went out within 48 hours of the round (${t.within24h.toLocaleString('en-US')} within 24); ${t.missed.toLocaleString('en-US')} ${t.missed === 1 ? 'was' : 'were'} missed.${fewNote(timely, 'thank-you due', 'thank-yous due')}`,
    about: 'One per interviewer of each round of the period: the playbook asks for each within 24 hours of the round, and no later than 48.',
    empty: due + t.open === 0,
    chart: {
      horizontal: true,
      unit: 'count',
      labels: rows.map(([label]) => label),
      datasets: [{ label: 'Thank-yous', data: rows.map(([, n]) => n), color: rows.map(([, , c]) => c) }],
    },
    table: {
      columns: ['When it was sent', 'Thank-yous', 'Of those due'],
      rows: rows.map(([label, n], i) => ({
        cells: [label, n, i < 4 && due > 0 ? Math.round((n / due) * 1000) / 10 : null],
        shown: [label, n.toLocaleString('en-US'), i < 4 && due >= insights.minimumToCompare ? percent(n / due) : ''],
      })),
    },
  };
}

export function statusCheckFigure(insights: Insights): FigureSpec {
  const s = insights.statusChecks;
  const rows: [string, number, ChartColor][] = [
    ['Before the planned day', s.early, 'fair'],
    ['On the planned day', s.onPlannedDay, 'good'],
    ['1 or 2 days after', s.oneOrTwoDaysLate, 'fair'],
    ['Later than that', s.laterThanThat, 'poor'],
  ];
  const onTheDay = { count: s.onPlannedDay, of: s.sent, share: s.sent >= insights.minimumToCompare ? s.onPlannedDay / s.sent : null };
  return {
    id: 'status-checks',
    title: 'Status checks on the planned day',
    headline:
      s.sent === 0
        ? 'No status check was sent for the rounds of this period.'
        : `${shareText(onTheDay)} status checks went out on the day the planner gave.${fewNote(onTheDay, 'status check')}`,
    about: 'The first status check after each round of the period, against the day the planner gives it with your current settings, in your time zone.',
    empty: s.sent === 0,
    chart: { horizontal: true, unit: 'count', labels: rows.map(([l]) => l), datasets: [{ label: 'Status checks', data: rows.map(([, n]) => n), color: rows.map(([, , c]) => c) }] },
    table: {
      columns: ['Sent', 'Status checks'],
      rows: rows.map(([label, n]) => ({ cells: [label, n], shown: [label, n.toLocaleString('en-US')] })),
    },
  };
}

export function statusCheckEffectFigure(insights: Insights): FigureSpec {
  const e = insights.statusCheckEffect;
  const rows: [string, CheckGroup][] = [
    ['With a status check', e.withCheck],
    ['Without one', e.withoutCheck],
  ];
  return {
    id: 'status-check-effect',
    title: 'Answers after a status check, and without one',
    headline:
      e.withCheck.rounds + e.withoutCheck.rounds === 0
        ? `No round was still unanswered ${plural(e.afterDays, 'day')} after it in this period.`
        : `Rounds still unanswered ${plural(e.afterDays, 'day')} after: with a status check, ${shareText(e.withCheck.answered)} got an answer; without, ${shareText(e.withoutCheck.answered)}.` +
          (e.withCheck.answered.share === null || e.withoutCheck.answered.share === null ? ' Too few to compare.' : ''),
    about: `Only rounds with no answer ${plural(e.afterDays, 'day')} after they ended (the planner's wait when no decision date was given). Employers differ: this shows what happened, not what a check causes.`,
    empty: e.withCheck.rounds + e.withoutCheck.rounds === 0,
    chart: { unit: 'percent', labels: rows.map(([l, g]) => tooFewLabel(l, g.answered.share !== null)), datasets: [{ label: 'Share answered', data: rows.map(([, g]) => shareValue(g.answered)), color: ['series-1', 'muted'] }] },
    table: {
      columns: ['Rounds', 'Unanswered after the wait', 'Answered later', 'Share', 'Median days to the answer'],
      rows: rows.map(([label, g]) => ({
        cells: [label, g.rounds, g.answered.count, shareValue(g.answered), g.daysToAnswer.days],
        shown: [
          label,
          g.rounds.toLocaleString('en-US'),
          g.answered.count.toLocaleString('en-US'),
          g.answered.share === null ? 'too few to compare' : percent(g.answered.share),
          g.daysToAnswer.n === 0 ? '' : g.daysToAnswer.days === null ? `${plural(g.daysToAnswer.n, 'answer')}: too few` : days(g.daysToAnswer.days),
        ],
      })),
    },
  };
}

export function moveOnFigure(insights: Insights): FigureSpec {
  const m = insights.moveOn;
  const taken = { count: m.taken, of: m.given, share: m.given >= insights.minimumToCompare ? m.taken / m.given : null };
  const rows: [string, number, ChartColor][] = [
    ['Took the advice', m.taken, 'series-1'],
    ['An answer came after all', m.answeredAfterAll, 'good'],
    ['Closed another way', m.closedOtherwise, 'series-4'],
    ['Skipped the advice', m.skipped, 'fair'],
    ['Still open', m.stillOpen, 'muted'],
  ];
  return {
    id: 'move-on',
    title: 'The "move on" advice',
    headline:
      m.given === 0
        ? 'The "move on" advice did not come up for the rounds of this period.'
        : `The advice came up ${plural(m.given, 'time')}: taken ${shareText(taken)}; an answer came later ${plural(m.answeredAfterAll, 'time')}.${m.given < insights.minimumToCompare ? ' Too few to compare.' : ''}`,
    about: `Suggested ${plural(m.afterDays, 'day')} after the last follow-up went unanswered ("one follow-up is enough", from "Is It Bad to Follow Up After an Interview?"), and what happened first after that.`,
    empty: m.given === 0,
    chart: { horizontal: true, unit: 'count', labels: rows.map(([l]) => l), datasets: [{ label: 'Rounds', data: rows.map(([, n]) => n), color: rows.map(([, , c]) => c) }] },
    table: {
      columns: ['What happened', 'Rounds'],
      rows: rows.map(([label, n]) => ({ cells: [label, n], shown: [label, n.toLocaleString('en-US')] })),
    },
  };
}

const monthDay = (date: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const monthName = (date: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });

export function activityFigure(insights: Insights): FigureSpec {
  const a: ActivityFigure = insights.activity;
  const label = (start: string) => (a.unit === 'week' ? monthDay(start) : monthName(start));
  const waiting = a.buckets.filter((b) => b.inPlay > 0);
  const keptGoing = waiting.filter((b) => b.newOpportunities + b.rounds > 0).length;
  const most = Math.max(0, ...a.buckets.map((b) => b.inPlay));
  const unit = a.unit === 'week' ? 'week' : 'month';
  return {
    id: 'activity',
    title: `Activity per ${unit}`,
    headline:
      waiting.length === 0
        ? `Nothing was waiting for an answer at the end of any ${unit} of this period.`
        : `Up to ${plural(most, 'application')} in play at once. In ${keptGoing} of the ${plural(waiting.length, unit)} with something in play, you also added an opportunity or had an interview.`,
    about: `Rounds, letters sent (thank-yous, cards, LinkedIn notes, status checks, calls, check-ins) and opportunities added per ${unit}; the line: applications in play at its end (interviewed, no decision yet). "Keep searching while you wait" comes from "What to Do After a Job Interview".`,
    empty: a.buckets.every((b) => b.rounds + b.lettersSent + b.newOpportunities + b.inPlay === 0),
    chart: {
      unit: 'count',
      labels: a.buckets.map((b) => label(b.start)),
      datasets: [
        { label: 'Rounds', data: a.buckets.map((b) => b.rounds), color: 'series-1' },
        { label: 'Letters sent', data: a.buckets.map((b) => b.lettersSent), color: 'series-2' },
        { label: 'Opportunities added', data: a.buckets.map((b) => b.newOpportunities), color: 'series-3' },
        { label: 'In play at the end', data: a.buckets.map((b) => b.inPlay), color: 'series-4', kind: 'line' },
      ],
    },
    table: {
      columns: [a.unit === 'week' ? 'Week of' : 'Month', 'Rounds', 'Letters sent', 'Opportunities added', 'In play at the end'],
      rows: a.buckets.map((b) => ({
        cells: [b.start, b.rounds, b.lettersSent, b.newOpportunities, b.inPlay],
        shown: [label(b.start), String(b.rounds), String(b.lettersSent), String(b.newOpportunities), String(b.inPlay)],
      })),
    },
  };
}

export function questionsFigure(insights: Insights): FigureSpec {
  const q = insights.questions;
  return {
    id: 'questions',
    title: 'Questions asked most',
    headline:
      q.roundsWithQuestions === 0
        ? 'No reflection of this period lists the questions asked.'
        : q.top.length === 0
          ? `${plural(q.roundsWithQuestions, 'reflection')} list questions; none came up twice yet.`
          : `"${q.top[0]!.question}" came up in ${plural(q.top[0]!.rounds, 'round')} of the ${q.roundsWithQuestions.toLocaleString('en-US')} whose reflection lists questions.`,
    about: 'From the "Questions asked" section of your reflections (the question bank), each question counted once per round; only those asked in two rounds or more.',
    empty: q.top.length === 0,
    chart: {
      horizontal: true,
      unit: 'count',
      labels: q.top.map((t) => (t.question.length > 48 ? `${t.question.slice(0, 46)}…` : t.question)),
      datasets: [{ label: 'Rounds', data: q.top.map((t) => t.rounds), color: 'series-2' }],
    },
    table: {
      columns: ['Question', 'Rounds', 'Opportunities'],
      rows: q.top.map((t) => ({ cells: [t.question, t.rounds, t.opportunities], shown: [t.question, String(t.rounds), String(t.opportunities)] })),
    },
  };
}
