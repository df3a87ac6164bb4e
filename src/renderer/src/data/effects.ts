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
import type { DueAction } from '../../../shared/calls/planner-calls';
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
  'opportunities.contents': 'id',
};
/**
 * Answers that gather across cards: any card's change may change them. Not the due list
 * (`actions.inRange`): every change comes with the changed cards' open actions, and it is patched
 * from those (see patchDueLists), so a move stays one call.
 */
const ACROSS_CARDS = new Set([
  // Guidance on an offer names the user's other offers.
  'actions.guidance',
  'opportunities.list',
  'reminders.due',
  'rounds.get',
  'reflections.search',
  'reflections.matchingCards',
  'reflections.questions',
  // A person's history gathers their rounds, letters and events across cards.
  'contacts.history',
  'opportunities.archived',
  'opportunities.deleted',
]);
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

/**
 * Marks stale what the change touched, and asks again for what a screen shows. `keep`: answers the
 * caller has brought up to date itself (left alone), or a call's name alone (`['reflections.questions']`):
 * its answers are marked stale but not asked again now (the next screen to show one asks).
 */
export function invalidateFor(client: QueryClient, changes: JournalChanges, keep: readonly QueryKey[] = []): void {
  const kept = new Set(keep.filter((k) => k.length > 1).map((k) => hashKey(k)));
  const later = new Set(keep.filter((k) => k.length === 1).map((k) => k[0]));
  void client.invalidateQueries({ predicate: (q: Query) => !kept.has(q.queryHash) && !later.has(q.queryKey[0]) && touched(q.queryKey, changes) });
  if (later.size > 0) void client.invalidateQueries({ predicate: (q: Query) => later.has(q.queryKey[0]) && touched(q.queryKey, changes), refetchType: 'none' });
}

/**
 * The due lists (`actions.inRange` answers) with the changed cards' open actions put in place:
 * each list drops what it had of those cards and takes their actions that fall in its range.
 */
export function patchDueLists(client: QueryClient, patch: BoardPatch): void {
  if (patch.reload) return void client.invalidateQueries({ queryKey: ['actions.inRange'] });
  const cards = new Map(patch.cards.map((c) => [c.id, c]));
  const changed = new Map(
    // As the due list carries them: without the explanation (Today reads it when asked).
    patch.actions.map((a) => [a.opportunityId, a.actions.map(({ why: _why, ...action }) => ({ ...action, company: cards.get(a.opportunityId)?.company ?? '', role: cards.get(a.opportunityId)?.role ?? '' }))]),
  );
  for (const id of patch.removed) changed.set(id, []);
  if (changed.size === 0) return;
  for (const query of client.getQueryCache().findAll({ queryKey: ['actions.inRange'] })) {
    const range = query.queryKey[1] as { from: string; to: string } | null;
    if (!range) continue;
    client.setQueryData<readonly DueAction[]>(query.queryKey, (list) => {
      if (!list) return list;
      const kept = list.filter((a) => !changed.has(a.opportunityId));
      const added = [...changed.values()].flat().filter((a) => {
        if (a.status !== 'pending' && a.status !== 'snoozed') return false;
        const at = effectiveDue(a);
        return at >= range.from && at <= range.to;
      });
      return [...kept, ...added].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
    });
  }
}

export function applyEffects(client: QueryClient, effects: CallEffects, options: RunOptions): void {
  if (effects.patch) {
    patchBoard(client, effects.patch, options.ownCards ?? []);
    patchDueLists(client, effects.patch);
  }
  if (effects.changes) invalidateFor(client, effects.changes, options.keep);
}
