/**
 * What a change in the journal means for the cached answers: the board is patched in place (its
 * changed cards arrive planned), so is the due strip when a write's answer carries what it needs,
 * and the other answers that mention what changed are marked stale (TanStack Query asks again
 * only for those a screen shows). The same rules serve a write's own answer and another window's
 * event.
 */
import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';
import { hashKey } from '@tanstack/react-query';
import type { BoardPatch } from '../../../shared/contract';
import type { Action } from '../../../shared/domain';
import { effectiveDue } from '../../../shared/domain';
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

/**
 * Whether a write's patch brings the due lists up to date by itself: it carries the open actions
 * of every card the write changed (a renamed person or new settings change more than that).
 */
function patchesDueLists(effects: CallEffects): effects is CallEffects & { patch: BoardPatch; changes: JournalChanges } {
  const { patch, changes } = effects;
  if (!patch || patch.reload || !changes || changes.settings || changes.contactIds.length > 0) return false;
  const carried = new Set([...patch.actions.map((a) => a.opportunityId), ...patch.removed]);
  return changes.opportunityIds.every((id) => carried.has(id));
}

/**
 * The due lists on the page (`actions.inRange`, the due strip), patched in place: the actions of
 * the changed cards are replaced by their open actions now. A move is then one call, not a call
 * and a reload of the due strip. Returns the keys it patched.
 */
function patchDueLists(client: QueryClient, patch: BoardPatch): QueryKey[] {
  const changed = new Set([...patch.actions.map((a) => a.opportunityId), ...patch.removed]);
  const open = patch.actions.flatMap((a) => a.actions).filter((a) => a.status === 'pending' || a.status === 'snoozed');
  const patched: QueryKey[] = [];
  for (const query of client.getQueryCache().findAll({ queryKey: ['actions.inRange'] })) {
    const range = query.queryKey[1] as { from: string; to: string } | null;
    if (!range) continue;
    patched.push(query.queryKey);
    client.setQueryData<readonly Action[]>(query.queryKey, (list) => {
      if (!list) return list;
      const within = open.filter((a) => effectiveDue(a) >= range.from && effectiveDue(a) <= range.to);
      // The core's order: by due time.
      return [...list.filter((a) => !changed.has(a.opportunityId)), ...within].sort((a, b) => (a.due < b.due ? -1 : 1));
    });
  }
  return patched;
}

export function applyEffects(client: QueryClient, effects: CallEffects, options: RunOptions): void {
  if (effects.patch) patchBoard(client, effects.patch, options.ownCards ?? []);
  const patched = patchesDueLists(effects) ? patchDueLists(client, effects.patch) : [];
  if (effects.changes) invalidateFor(client, effects.changes, [...(options.keep ?? []), ...patched]);
}
