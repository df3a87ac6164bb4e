/**
 * The core's events: what the transports pass to the page (the journal changed, a reminder, the
 * progress of an export) and what the reminder scheduler listens to. Sending one never changes
 * what the core knows: caches are kept in step by the stores that write, not by events.
 */
import type { CoreEvent, CoreEventListener } from '../../shared/events';

export class CoreEvents {
  private readonly listeners = new Set<CoreEventListener>();

  subscribe(listener: CoreEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: CoreEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error('An event listener failed', error);
      }
    }
  }

  /** Says that the journal changed for a card, and passes a handler's answer through. */
  changed<T>(opportunityId: number, value: T): T {
    this.emit({ type: 'journal.changed', entity: 'opportunity', id: opportunityId });
    return value;
  }

  clear(): void {
    this.listeners.clear();
  }
}
