import type { Api } from './contract';
import type { CoreEvent } from './events';

/** What the preload puts on `window.afterword` in the app. Browser mode builds the same shape over HTTP. */
export interface AfterwordBridge {
  readonly calls: Api;
  /**
   * This page's name for the core (random per page load). The core marks the events a call of
   * this page caused with it, so the page skips what it has already applied from the answer.
   */
  readonly clientId: string;
  onEvent(listener: (event: CoreEvent) => void): () => void;
}

/** A client id as the transports accept it (anything else is ignored, never trusted). */
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9-]{8,64}$/;
export const originOf = (transport: 'ipc' | 'http', clientId: unknown): string | null =>
  typeof clientId === 'string' && CLIENT_ID_PATTERN.test(clientId) ? `${transport}:${clientId}` : null;
