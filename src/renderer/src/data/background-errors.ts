/**
 * Background refreshes that failed: the screen keeps what it had, and one quiet notice says so
 * (with a way to try again). Never a modal, never a blank screen.
 */
import type { QueryKey } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';

export interface BackgroundError {
  readonly key: string;
  readonly what: string;
  readonly message: string;
}

let errors: readonly BackgroundError[] = [];
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

const WHAT: Record<string, string> = {
  'board.get': 'the board',
  'board.cards': 'some cards',
  'board.closed': 'the closed cards',
  'opportunities.get': 'this card',
  'actions.forOpportunity': 'the card’s actions',
  'actions.guidance': 'what to do next',
  'events.list': 'the timeline',
  'contacts.list': 'your contacts',
  'letters.list': 'the letters',
  'reflections.get': 'the reflection',
  'actions.inRange': 'the due list',
  'settings.get': 'the settings',
};

export function reportBackgroundError(key: QueryKey, error: unknown): void {
  const name = String(key[0]);
  const entry = { key: JSON.stringify(key), what: WHAT[name] ?? 'part of the page', message: error instanceof Error ? error.message : String(error) };
  errors = [...errors.filter((e) => e.key !== entry.key), entry].slice(-3);
  notify();
}

export function clearBackgroundErrors(): void {
  errors = [];
  notify();
}

export function useBackgroundErrors(): readonly BackgroundError[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => errors,
  );
}
