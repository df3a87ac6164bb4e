/**
 * The core's events, turned into cache updates. A change another window (or the app itself, a
 * reminder, a restore) made: the board asks for just the changed cards and patches them; the
 * other answers that mention them are marked stale. This page's own changes are skipped: their
 * answers carried the same effects already.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { CoreEvent } from '../../../shared/events';
import { bridge } from '../api/bridge';
import { patchBoard } from './board-cache';
import { keyOf, run } from './calls';
import { invalidateFor, patchDueLists } from './effects';

const mine = (origin: string | null): boolean => origin !== null && origin.endsWith(`:${bridge.clientId}`);

/** Cards to read again, gathered over one animation frame so a burst of changes is one call. */
function cardReader(client: QueryClient): (ids: readonly number[]) => void {
  const waiting = new Set<number>();
  let scheduled = false;
  return (ids) => {
    for (const id of ids) waiting.add(id);
    if (scheduled || waiting.size === 0) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      const batch = [...waiting];
      waiting.clear();
      // Only a page that shows the board needs its cards (and its due list, patched from the same
      // answer); elsewhere a due list kept from before is asked again when it shows.
      if (!client.getQueryData(keyOf('board.get'))) return void client.invalidateQueries({ queryKey: ['actions.inRange'] });
      for (let i = 0; i < batch.length; i += 500) {
        run('board.cards', { ids: batch.slice(i, i + 500) }).then(
          (patch) => {
            patchBoard(client, patch);
            patchDueLists(client, patch);
          },
          // A failed patch: the board keeps what it had and is read again in the background.
          () => void client.invalidateQueries({ queryKey: keyOf('board.get') }),
        );
      }
    });
  };
}

export function connectCoreEvents(client: QueryClient, onEvent?: (event: CoreEvent) => void): () => void {
  const readCards = cardReader(client);
  let connectedOnce = false;
  return bridge.onEvent((event) => {
    switch (event.type) {
      case 'journal.changed':
        if (mine(event.origin)) break;
        invalidateFor(client, event);
        readCards(event.opportunityIds);
        if (event.contactIds.length > 0) void client.invalidateQueries({ queryKey: keyOf('board.get') });
        break;
      case 'settings.changed':
        if (mine(event.origin)) break;
        void client.invalidateQueries();
        break;
      case 'reminder':
        // Time moved an action along (it came due, a snooze ended): that card, and the due lists.
        if (event.notice.opportunityId !== null) readCards([event.notice.opportunityId]);
        else void client.invalidateQueries({ queryKey: keyOf('board.get') });
        void client.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'reminders.due' || q.queryKey[0] === 'actions.inRange' });
        break;
      case 'hello':
        // The event stream (re)connected: changes made while it was down were not heard. Read
        // again what is on screen (not the first time: the page has just read it).
        if (connectedOnce) void client.invalidateQueries();
        connectedOnce = true;
        break;
      case 'export.progress':
      case 'open-card':
      case 'open-view':
        break;
      default: {
        const never: never = event;
        return never;
      }
    }
    onEvent?.(event);
  });
}
