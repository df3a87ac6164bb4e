/**
 * What a change in the journal means for the cached answers: the board is patched in place (its
 * changed cards arrive planned), and the other answers that mention what changed are marked
 * stale (TanStack Query asks again only for those a screen shows). The same rules serve a
 * write's own answer and another window's event.
 */
import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';
import { hashKey } from '@tanstack/react-query';
import type { JournalChanges } from '../../../shared/events';
import type { CallEffects } from '../../../shared/result';
import { patchBoard } from './board-cache';
import type { RunOptions } from './calls';

/** Answers about one card, by the input field that names it. */
const BY_OPPORTUNITY: Readonly<Record<string, 'id' | 'opportunityId'>> = {
  'opportunities.get': 'id',
  'actions.forOpportunity': 'opportunityId',
  'events.list': 'opportunityId',
  'rounds.list': 'opportunityId',
  'letters.list': 'opportunityId',
};
/** Answers that gather across cards: any card's change may change them. */
const ACROSS_CARDS = new Set(['opportunities.list', 'reminders.due', 'actions.inRange', 'rounds.get', 'reflections.search', 'reflections.questions']);
const BY_REFLECTION = new Set(['reflections.get', 'reflections.versions']);

function touched(key: QueryKey, changes: JournalChanges): boolean {
  const [name, input] = key as readonly [string, Record<string, unknown> | null];
  // The board (and the Closed column's pages) is patched, never asked again for a change it was told about.
  if (name === 'board.get' || name === 'board.cards' || name === 'board.closed') return false;
  if (changes.settings) return true;
  // A person's name is on the cards, actions and letters they appear in: rare, so ask all again.
  if (changes.contactIds.length > 0) return true;
  const field = BY_OPPORTUNITY[name];
  if (field) return input !== null && changes.opportunityIds.includes(input[field] as number);
  if (ACROSS_CARDS.has(name)) return changes.opportunityIds.length > 0 || (changes.reflectionRoundIds.length > 0 && name.startsWith('reflections.'));
  if (BY_REFLECTION.has(name)) return input !== null && changes.reflectionRoundIds.includes(input.roundId as number);
  if (name === 'letters.templates') return changes.templates;
  return false;
}

export function invalidateFor(client: QueryClient, changes: JournalChanges, keep: readonly QueryKey[] = []): void {
  const kept = new Set(keep.map((k) => hashKey(k)));
  void client.invalidateQueries({ predicate: (q: Query) => !kept.has(q.queryHash) && touched(q.queryKey, changes) });
}

export function applyEffects(client: QueryClient, effects: CallEffects, options: RunOptions): void {
  if (effects.patch) patchBoard(client, effects.patch, options.ownCards ?? []);
  if (effects.changes) invalidateFor(client, effects.changes, options.keep);
}
