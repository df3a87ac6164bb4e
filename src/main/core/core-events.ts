/**
 * The core's events: what the transports pass to the page (the journal changed, a reminder, the
 * progress of an export) and what the reminder scheduler listens to. Sending one never changes
 * what the core knows: caches are kept in step by the stores that write, not by events.
 *
 * A call runs in a scope (`inCall`) that says which page made it (its origin) and collects what
 * the call changed: the call's answer carries the changes (so the page that made it patches its
 * own screens without asking again), and one `journal.changed` event per call tells every other
 * page, stamped with the origin so the page that made the call can skip it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { CoreEvent, CoreEventListener, JournalChanges } from '../../shared/events';

interface CallScope {
  readonly origin: string | null;
  readonly changes: MutableChanges;
}

interface MutableChanges {
  readonly opportunityIds: Set<number>;
  readonly contactIds: Set<number>;
  readonly reflectionRoundIds: Set<number>;
  templates: boolean;
  settings: boolean;
}

export type ChangeNote = Partial<{
  opportunityIds: readonly number[];
  contactIds: readonly number[];
  reflectionRoundIds: readonly number[];
  templates: boolean;
  settings: boolean;
}>;

const emptyChanges = (): MutableChanges => ({ opportunityIds: new Set(), contactIds: new Set(), reflectionRoundIds: new Set(), templates: false, settings: false });

const frozen = (c: MutableChanges): JournalChanges => ({
  opportunityIds: [...c.opportunityIds],
  contactIds: [...c.contactIds],
  reflectionRoundIds: [...c.reflectionRoundIds],
  templates: c.templates,
  settings: c.settings,
});

const isEmpty = (c: MutableChanges): boolean =>
  c.opportunityIds.size === 0 && c.contactIds.size === 0 && c.reflectionRoundIds.size === 0 && !c.templates && !c.settings;

export class CoreEvents {
  private readonly listeners = new Set<CoreEventListener>();
  private readonly scope = new AsyncLocalStorage<CallScope>();
  private lastVersion = 0;

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

  /**
   * The journal's version: it grows with every change, also across restarts (it is never less
   * than the clock in milliseconds), so a page can tell a newer answer from an older one.
   */
  version(): number {
    return this.lastVersion;
  }

  private nextVersion(): number {
    this.lastVersion = Math.max(this.lastVersion + 1, Date.now());
    return this.lastVersion;
  }

  /** Notes what a write changed: collected for the call's answer and event, or sent at once outside a call. */
  note(changes: ChangeNote): void {
    const into = this.scope.getStore()?.changes ?? emptyChanges();
    for (const id of changes.opportunityIds ?? []) into.opportunityIds.add(id);
    for (const id of changes.contactIds ?? []) into.contactIds.add(id);
    for (const id of changes.reflectionRoundIds ?? []) into.reflectionRoundIds.add(id);
    if (changes.templates) into.templates = true;
    if (changes.settings) into.settings = true;
    if (!this.scope.getStore()) this.send(into, null);
  }

  /** Says that the journal changed for a card, and passes a handler's answer through. */
  changed<T>(opportunityId: number, value: T): T {
    this.note({ opportunityIds: [opportunityId] });
    return value;
  }

  /**
   * Runs one call in its scope; afterwards sends one event for what it changed (if anything) and
   * returns the changes with the journal's version, for the call's answer.
   */
  async inCall<T>(origin: string | null, work: () => Promise<T>): Promise<{ value: T; changes: JournalChanges | null; version: number }> {
    const scope: CallScope = { origin, changes: emptyChanges() };
    let value: T;
    try {
      value = await this.scope.run(scope, work);
    } catch (error) {
      // Sent even when the call failed after a write (each write is all or nothing, but a call
      // may make several): the pages must never miss a change.
      if (!isEmpty(scope.changes)) this.send(scope.changes, origin);
      throw error;
    }
    if (isEmpty(scope.changes)) return { value, changes: null, version: this.lastVersion };
    return { value, changes: frozen(scope.changes), version: this.send(scope.changes, origin) };
  }

  private send(changes: MutableChanges, origin: string | null): number {
    const version = this.nextVersion();
    const all = frozen(changes);
    if (changes.settings) this.emit({ type: 'settings.changed', version, origin });
    if (all.opportunityIds.length || all.contactIds.length || all.reflectionRoundIds.length || all.templates) {
      this.emit({ type: 'journal.changed', ...all, version, origin });
    }
    return version;
  }

  clear(): void {
    this.listeners.clear();
  }
}
