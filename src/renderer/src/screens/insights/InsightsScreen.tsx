import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { INSIGHTS_PERIOD_LABELS, INSIGHTS_PERIODS } from '../../../../shared/calls/insights-calls';
import type { Insights, InsightsPeriodKind } from '../../../../shared/calls/insights-calls';
import { FigureCard } from './FigureCard';
import {
  activityFigure,
  funnelFigure,
  moveOnFigure,
  questionsFigure,
  responseShareFigure,
  responseTimeFigure,
  statusCheckEffectFigure,
  statusCheckFigure,
  thankYouFigure,
} from './figures';
import type { ResponseGrouping } from './figures';
import { useFormat } from '../../format';
import { useInsights } from './use-insights';
import type { InsightsQuery } from './use-insights';
import './insights.css';

const longDate = (date: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString('en-US', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** What the search is telling you: the figures of a period, as charts with their tables. */
export function InsightsScreen(props: { onBack: () => void; onOpen: (opportunityId: number) => void }) {
  const [kind, setKind] = useState<InsightsPeriodKind>('last-90-days');
  const [custom, setCustom] = useState({ from: '', to: '' });
  const customReady = custom.from !== '' && custom.to !== '' && custom.from <= custom.to;
  const query: InsightsQuery = kind === 'custom' ? (customReady ? { period: 'custom', ...custom } : { period: 'last-90-days' }) : { period: kind };
  const { data: value, error, loading } = useInsights(query);
  const [grouping, setGrouping] = useState<ResponseGrouping>('source');

  return (
    <div className="insights-screen">
      <div className="insights-top">
        <h2>Insights</h2>
        <fieldset className="period">
          <legend className="visually-hidden">Period</legend>
          <label className="inline">
            Period
            <select value={kind} onChange={(e) => setKind(e.target.value as InsightsPeriodKind)}>
              {INSIGHTS_PERIODS.map((p) => (
                <option key={p} value={p}>
                  {INSIGHTS_PERIOD_LABELS[p]}
                </option>
              ))}
            </select>
          </label>
          {kind === 'custom' && (
            <>
              <label className="inline">
                From
                <input type="date" value={custom.from} max={custom.to || undefined} onChange={(e) => setCustom({ ...custom, from: e.target.value })} />
              </label>
              <label className="inline">
                To
                <input type="date" value={custom.to} min={custom.from || undefined} onChange={(e) => setCustom({ ...custom, to: e.target.value })} />
              </label>
              {!customReady && <span className="hint">Choose the first and last day; until then, the last 90 days.</span>}
            </>
          )}
        </fieldset>
        <button type="button" className="secondary" onClick={props.onBack}>
          Back to the board
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          Insights could not be computed: {error.message}
        </p>
      )}
      {!value && loading && <p className="status-line">Counting…</p>}
      {value && <Figures insights={value} grouping={grouping} onGrouping={setGrouping} onOpen={props.onOpen} />}
    </div>
  );
}

function Figures(props: { insights: Insights; grouping: ResponseGrouping; onGrouping: (g: ResponseGrouping) => void; onOpen: (id: number) => void }) {
  const format = useFormat();
  const { insights, grouping } = props;
  const { period } = insights;
  const periodText = `${longDate(period.from)} to ${longDate(period.to)} (${period.timeZone.replace(/_/g, ' ')} time)`;
  const stem = `afterword-insights-${period.from}-to-${period.to}`;
  const figures = useMemo(
    () => ({
      funnel: funnelFigure(insights),
      share: responseShareFigure(insights, grouping),
      time: responseTimeFigure(insights, grouping),
      thanks: thankYouFigure(insights),
      checks: statusCheckFigure(insights),
      effect: statusCheckEffectFigure(insights),
      moveOn: moveOnFigure(insights),
      activity: activityFigure(insights),
      questions: questionsFigure(insights),
    }),
    [insights, grouping],
  );
  const card = (figure: (typeof figures)[keyof typeof figures], children?: ReactNode) => (
    <FigureCard figure={figure} period={periodText} fileStem={stem}>
      {children}
    </FigureCard>
  );
  const missed = insights.thankYous.recentMissed;

  return (
    <>
      <p className="insights-period muted">
        {periodText}. Fewer than {insights.minimumToCompare} cases are counted but not compared. Computed {format.dateTime(insights.computedAt)}.
      </p>
      <section className="insights-group" aria-label="Funnel and answers">
        <div className="insights-group-head">
          <h2 className="insights-group-title">Where the applications went</h2>
          <label className="inline small-label">
            Answers by
            <select value={grouping} onChange={(e) => props.onGrouping(e.target.value as ResponseGrouping)}>
              <option value="source">source</option>
              <option value="companySize">company size</option>
            </select>
          </label>
        </div>
        <div className="figures">
          {card(figures.funnel)}
          {card(figures.share)}
          {card(figures.time)}
        </div>
      </section>
      <section className="insights-group" aria-label="The follow-up itself">
        <h2 className="insights-group-title">The follow-up itself</h2>
        <div className="figures">
          {card(
            figures.thanks,
            missed.length > 0 ? (
                <details className="missed">
                  <summary>Missed recently ({missed.length})</summary>
                  <ul>
                    {missed.map((m) => (
                      <li key={`${m.opportunityId}-${m.roundNumber}-${m.interviewer ?? ''}`}>
                        <button type="button" className="link" onClick={() => props.onOpen(m.opportunityId)}>
                          {m.company}, round {m.roundNumber}
                        </button>
                        : {m.interviewer ?? 'your interviewer'}, window closed {format.dateTime(m.closedAt)}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null,
          )}
          {card(figures.checks)}
          {card(figures.effect)}
          {card(figures.moveOn)}
        </div>
      </section>
      <section className="insights-group" aria-label="Activity and reflections">
        <h2 className="insights-group-title">Week by week, and what they asked</h2>
        <div className="figures">
          {card(figures.activity)}
          {card(figures.questions)}
        </div>
      </section>
    </>
  );
}
