import type { Api } from './contract';
import type { CoreEvent } from './events';

/** What the preload puts on `window.afterword` in the app. Browser mode builds the same shape over HTTP. */
export interface AfterwordBridge {
  readonly calls: Api;
  onEvent(listener: (event: CoreEvent) => void): () => void;
}
