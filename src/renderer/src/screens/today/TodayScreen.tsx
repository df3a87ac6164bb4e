/**
 * Today: the user's to-do list. What is due today, then what is overdue, then the rest of the
 * week, each grouped by company; every line acts in place (Done, Snooze, open the letter or the
 * reflection, open the card). The tray's list and the notifications open here.
 */
import { useEffect, useRef, useState } from 'react';
import type { DueAction } from '../../../../shared/calls/planner-calls';
import type { CallInput } from '../../../../shared/contract';
import type { ActionKind } from '../../../../shared/domain';
import { ACTION_TITLES, effectiveDue } from '../../../../shared/domain';
import { SnoozeSelect } from '../../components/SnoozeSelect';
import { call } from '../../data/calls';
import { useCall } from '../../data/hooks';
import { countdown, useFormat } from '../../format';
import { useDueList } from './use-due-list';
import './today.css';

/** Where a line's main button takes the user. */
export type TodayTarget = { readonly opportunityId: number; readonly letters?: { roundId: number }; readonly reflection?: { roundId: number } };

const LETTER_KINDS: ReadonlySet<ActionKind> = new Set(['thank-you', 'thank-you-card', 'linkedin-note', 'status-check', 'stay-in-touch', 'phone-call']);

/**
 * "Why this date", read when opened: the due list carries no explanations (they were most of its
 * text); the card's actions do, and the detail shows the same ones.
 */
function WhyThisDate({ action }: { action: DueAction }) {
  const [open, setOpen] = useState(false);
  const actions = useCall('actions.forOpportunity', { opportunityId: action.opportunityId }, { enabled: open });
  const why = actions.data?.find((a) => a.key === action.key)?.why;
  return (
    <details className="today-why" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Why this date</summary>
      {open &&
        (why ?? (actions.error ? <span className="error">The explanation could not be read: {actions.error.message}</span> : actions.data ? 'This action has changed since the list was read.' : <span className="muted">Reading…</span>))}
    </details>
  );
}

interface Group {
  readonly opportunityId: number;
  readonly company: string;
  readonly role: string;
  readonly actions: readonly DueAction[];
}

/**
 * How many lines a section shows at first, and more with each "Show more": a week of hundreds
 * stays quick to draw and to Tab through, and every line is one press away.
 */
const TODAY_PAGE = 40;

/** The whole groups that fit in `limit` lines (at least one group, however long). */
function firstGroups(groups: readonly Group[], limit: number): { shown: readonly Group[]; lines: number } {
  const shown: Group[] = [];
  let lines = 0;
  for (const group of groups) {
    if (shown.length > 0 && lines + group.actions.length > limit) break;
    shown.push(group);
    lines += group.actions.length;
  }
  return { shown, lines };
}

/**
 * Scrolls the nearest scrolling ancestor so `element` is at its top. (scrollIntoView would also
 * scroll the window and push the app's rail and header out of view.)
 */
function scrollToTop(element: HTMLElement): void {
  for (let box = element.parentElement; box; box = box.parentElement) {
    const { overflowY } = getComputedStyle(box);
    if (overflowY === 'auto' || overflowY === 'scroll') {
      box.scrollTop += element.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
      return;
    }
  }
}

function groupByCompany(actions: readonly DueAction[]): Group[] {
  const groups = new Map<number, Group & { actions: DueAction[] }>();
  for (const a of actions) {
    const group = groups.get(a.opportunityId) ?? { opportunityId: a.opportunityId, company: a.company, role: a.role, actions: [] };
    group.actions.push(a);
    groups.set(a.opportunityId, group);
  }
  return [...groups.values()].sort((x, y) => x.company.localeCompare(y.company) || x.role.localeCompare(y.role));
}

export function TodayScreen({ onOpen }: { onOpen: (target: TodayTarget) => void }) {
  const format = useFormat();
  const due = useDueList();
  const { now } = due;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [limits, setLimits] = useState<Record<string, number>>({});
  // After "Show more", the focus goes to the first line it brought (the button may be gone).
  const [reveal, setReveal] = useState<string | null>(null);
  const list = useRef<HTMLElement>(null);
  const leaving = useRef<{ line: Element; after: Element[]; heading: HTMLElement | null } | null>(null);
  // Once the line acted on is gone (the change has been drawn), the focus moves on, unless the
  // user has put it somewhere already.
  useEffect(() => {
    const left = leaving.current;
    if (!left || left.line.isConnected) return;
    leaving.current = null;
    if (document.activeElement && document.activeElement !== document.body) return;
    const next = left.after.find((l) => l.isConnected)?.querySelector<HTMLElement>('button, select');
    (next ?? left.heading)?.focus();
  });
  useEffect(() => {
    if (!reveal) return;
    list.current?.querySelector<HTMLElement>(`[data-group="${reveal}"] h3 button`)?.focus();
    setReveal(null);
  }, [reveal]);
  const sections = [
    // "else" only when something overdue is listed too (it read oddly over an empty day).
    { id: 'today', title: 'Due today', empty: due.overdue.length > 0 ? 'Nothing else is due today.' : 'Nothing is due today.', actions: due.today },
    { id: 'overdue', title: 'Overdue', empty: 'Nothing is overdue.', actions: due.overdue },
    { id: 'week', title: 'Later this week', empty: 'Nothing more this week.', actions: due.week },
  ];

  async function act<K extends 'actions.complete' | 'actions.snooze' | 'actions.skip'>(name: K, input: CallInput<K>, label: string, from: HTMLElement) {
    setError(null);
    setBusy(`${input.opportunityId}:${input.key}`);
    // The line acted on leaves the list: the focus goes to the line after it (or its part's
    // heading). Done can settle the lines after it too, as a status check done does its move-on:
    // the first of the following lines still there after the change.
    const line = from.closest('li');
    const part = from.closest('.today-section');
    const lines = part ? [...part.querySelectorAll('.today-item')] : [];
    const at = line ? lines.indexOf(line) : -1;
    leaving.current = line ? { line, after: lines.slice(at + 1, at + 8), heading: part?.querySelector<HTMLElement>('h2') ?? null } : null;
    const result = await call(name, input);
    setBusy(null);
    if (!result.ok) {
      leaving.current = null;
      setError(`${label}: ${result.error.message}`);
    }
  }

  const total = sections.reduce((n, s) => n + s.actions.length, 0);
  return (
    <section ref={list} className="today" aria-labelledby="today-title">
      <p id="today-title" className="muted today-total">
        {due.loaded ? `${total} ${total === 1 ? 'thing' : 'things'} to do this week` : 'Reading your list…'}
      </p>
      {due.error && (
        <p role="alert" className="error">
          The list could not be read: {due.error.message}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {due.loaded && total > 0 && (
        // The way to each part of a long list without scrolling through the parts before it.
        <nav className="today-jump" aria-label="Parts of the list">
          {sections.map((section) => (
            <button
              key={section.id}
              type="button"
              className={`secondary small${section.id === 'overdue' && section.actions.length > 0 ? ' overdue-jump' : ''}`}
              disabled={section.actions.length === 0}
              onClick={() => {
                const heading = document.getElementById(`today-${section.id}`);
                if (heading) scrollToTop(heading);
                heading?.focus({ preventScroll: true });
              }}
            >
              {section.id === 'overdue' && section.actions.length > 0 && <span aria-hidden="true">⚠ </span>}
              {section.title} <span className="count">{section.actions.length}</span>
            </button>
          ))}
        </nav>
      )}
      {due.loaded &&
        sections.map((section) => {
          const groups = groupByCompany(section.actions);
          const { shown, lines } = firstGroups(groups, limits[section.id] ?? TODAY_PAGE);
          const rest = section.actions.length - lines;
          return (
            <section key={section.id} className={`today-section ${section.id}`} aria-labelledby={`today-${section.id}`}>
              <h2 id={`today-${section.id}`} tabIndex={-1}>
                {section.id === 'overdue' && section.actions.length > 0 && <span aria-hidden="true">⚠ </span>}
                {section.title} <span className="count">{section.actions.length}</span>
              </h2>
              {section.actions.length === 0 ? (
                <p className="muted">{section.empty}</p>
              ) : (
                shown.map((group) => (
                  <div key={group.opportunityId} className="today-group" data-group={`${section.id}:${group.opportunityId}`}>
                    <h3>
                      <button type="button" className="link" onClick={() => onOpen({ opportunityId: group.opportunityId })}>
                        {group.company}
                      </button>{' '}
                      <span className="muted">{group.role}</span>
                      {group.actions.length > 1 && <span className="count">{group.actions.length} things</span>}
                    </h3>
                    <ul aria-label={`${group.company}: ${section.title}`}>
                      {group.actions.map((a) => {
                        const title = a.recipient ? `${ACTION_TITLES[a.kind]}: ${a.recipient.name}` : ACTION_TITLES[a.kind];
                        const overdue = section.id === 'overdue';
                        // Overdue: since it was due; otherwise when it is due (or back from a snooze).
                        const when = overdue ? a.due : effectiveDue(a);
                        const working = busy === `${a.opportunityId}:${a.key}`;
                        return (
                          <li key={a.key} className={overdue ? 'today-item overdue' : 'today-item'}>
                            <div className="today-what">
                              <strong>{title}</strong>
                              <span className="today-when">
                                {overdue ? <span className="overdue-label">Overdue since </span> : a.status === 'snoozed' ? 'Snoozed until ' : 'Due '}
                                <time dateTime={when}>{format.dateTime(when)}</time> ({countdown(when, now)})
                              </span>
                              <WhyThisDate action={a} />
                            </div>
                            <div className="today-acts">
                              {LETTER_KINDS.has(a.kind) && a.roundId !== null && (
                                <button type="button" className="secondary" onClick={() => onOpen({ opportunityId: a.opportunityId, letters: { roundId: a.roundId! } })}>
                                  Open the letter<span className="visually-hidden">: {title}, {a.company}</span>
                                </button>
                              )}
                              {a.kind === 'write-reflection' && a.roundId !== null && (
                                <button type="button" className="secondary" onClick={() => onOpen({ opportunityId: a.opportunityId, reflection: { roundId: a.roundId! } })}>
                                  Write it<span className="visually-hidden">: {title}, {a.company}</span>
                                </button>
                              )}
                              <button type="button" disabled={working} onClick={(e) => void act('actions.complete', { opportunityId: a.opportunityId, key: a.key }, title, e.currentTarget)}>
                                Done<span className="visually-hidden">: {title}, {a.company}</span>
                              </button>
                              <SnoozeSelect
                                label={`${title}, ${a.company}`}
                                disabled={working}
                                notDueYet={Date.parse(effectiveDue(a)) > now}
                                onChoose={(choice, select) => void act('actions.snooze', { opportunityId: a.opportunityId, key: a.key, choice }, title, select)}
                              />
                            </div>
                          </li>
                        );
                      })}
                    </ul>
                  </div>
                ))
              )}
              {rest > 0 && (
                <button
                  type="button"
                  className="secondary today-more"
                  onClick={() => {
                    setLimits((l) => ({ ...l, [section.id]: lines + TODAY_PAGE }));
                    const next = groups[shown.length];
                    if (next) setReveal(`${section.id}:${next.opportunityId}`);
                  }}
                >
                  Show more: {rest} more in {section.title}
                </button>
              )}
            </section>
          );
        })}
    </section>
  );
}
