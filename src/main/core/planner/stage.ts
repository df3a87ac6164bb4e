/**
 * The stage a card is in (docs/follow-up-rules.md "The board"), from its timeline. Pure: the event store calls it after
 * every change and keeps the result in `opportunities.stage` for the board's indexed query.
 */
import type { ClosedReason, StoredStage, TimelineEvent } from '../../../shared/domain';

export interface StageRound {
  readonly id: number;
  readonly createdAt: string;
  readonly interviewerIds: readonly number[];
}

export interface DerivedStage {
  readonly stage: StoredStage;
  readonly closedReason: ClosedReason | null;
  /** When the timeline entered this stage (the event's time), or null for `scheduled` from a round. */
  readonly since: string | null;
}

const CLOSING: ReadonlySet<string> = new Set(['rejected', 'moved_on', 'withdrawn', 'accepted_elsewhere']);

/**
 * Replays the timeline in order. A new round moves the card back to scheduled (Upcoming), so
 * only what happened since the latest round was added counts for Thanked and Followed up.
 */
export function deriveStage(rounds: readonly StageRound[], events: readonly TimelineEvent[]): DerivedStage {
  type Step = { at: string; order: number; apply: () => void };
  let stage: StoredStage = 'scheduled';
  let closedReason: ClosedReason | null = null;
  let since: string | null = null;
  const thanked = new Set<number | null>();
  let currentRound: StageRound | undefined;

  const steps: Step[] = [];
  for (const round of rounds) {
    steps.push({
      at: round.createdAt,
      order: 0,
      apply: () => {
        currentRound = round;
        thanked.clear();
        stage = 'scheduled';
        closedReason = null;
        since = null;
      },
    });
  }
  const roundCreated = new Map(rounds.map((r) => [r.id, r.createdAt]));
  for (const event of events) {
    if (event.undoneAt) continue;
    // An event about a round comes after that round was recorded, even when the user entered
    // the round late and back-dated the event.
    const ofRound = event.roundId === null ? undefined : roundCreated.get(event.roundId);
    steps.push({
      at: ofRound && ofRound > event.occurredAt ? ofRound : event.occurredAt,
      order: event.id,
      apply: () => {
        const set = (next: StoredStage, reason: ClosedReason | null = null): void => {
          stage = next;
          closedReason = reason;
          since = event.occurredAt;
        };
        switch (event.kind) {
          case 'thank_you_sent': {
            if (stage !== 'scheduled') return;
            if (currentRound && event.roundId !== null && event.roundId !== currentRound.id) return;
            thanked.add(event.contactId);
            const everyone = currentRound?.interviewerIds ?? [];
            const all = everyone.length === 0 ? thanked.size > 0 : everyone.every((id) => thanked.has(id));
            if (all) set('thanked');
            return;
          }
          case 'status_check_sent':
          case 'call_made':
            if (stage === 'scheduled' || stage === 'thanked') set('followed_up');
            return;
          case 'offer_received':
            { set('offer'); return; }
          case 'rejected':
          case 'moved_on':
          case 'withdrawn':
          case 'accepted_elsewhere':
            { set('closed', event.kind); return; }
          case 'stay_in_touch_started':
            { set('staying_in_touch'); return; }
          case 'reopened':
            thanked.clear();
            { set('scheduled'); return; }
          default:
            return;
        }
      },
    });
  }
  // Order by when it happened; a round and an event at the same instant: the round first.
  steps.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.order - b.order));
  for (const step of steps) step.apply();
  return { stage, closedReason, since };
}

export const isClosingKind = (kind: string): boolean => CLOSING.has(kind);
