/**
 * Browser mode's stand-in for the preload: the same bridge shape, carried over loopback HTTP.
 * The per-launch secret arrives in the address's fragment (`#token=...`); it is kept in session
 * storage and removed from the visible address.
 */
import { CALL_NAMES } from '../../../shared/call-names';
import type { AfterwordBridge } from '../../../shared/bridge';
import type { Api } from '../../../shared/contract';
import type { CoreEvent } from '../../../shared/events';
import type { Result } from '../../../shared/result';

const TOKEN_KEY = 'afterword.token';

export function takeToken(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export function createHttpBridge(token: string | null): AfterwordBridge {
  const clientId = crypto.randomUUID();
  const headers = (): Record<string, string> => ({
    'Content-Type': 'application/json',
    'X-Afterword-Client': clientId,
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
  });

  async function call(name: string, input: unknown): Promise<Result<unknown>> {
    try {
      const body = input === undefined ? '' : JSON.stringify(input);
      const response = await fetch(`/api/call/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: headers(),
        body,
        // A call made while the page is going away (the last autosave of a note as the tab
        // closes) must outlive it. Only then: a keepalive request takes a slower path in the browser.
        keepalive: document.visibilityState === 'hidden' && body.length < 60_000,
      });
      return (await response.json()) as Result<unknown>;
    } catch (error) {
      return {
        ok: false,
        error: { code: 'internal', message: `Afterword's browser-mode server cannot be reached. Is it still running? (${String(error)})` },
      };
    }
  }

  const calls = Object.fromEntries(CALL_NAMES.map((name) => [name, (input: unknown) => call(name, input)])) as unknown as Api;

  // One event stream for the whole page, shared by every listener: a browser allows only six
  // connections to a host, so a stream per component would starve the calls themselves.
  const listeners = new Set<(event: CoreEvent) => void>();
  let controller: AbortController | null = null;
  return {
    calls,
    clientId,
    onEvent(listener) {
      listeners.add(listener);
      if (!controller) {
        controller = new AbortController();
        void streamEvents(headers, (event) => listeners.forEach((l) => l(event)), controller.signal);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          controller?.abort();
          controller = null;
        }
      };
    },
  };
}

/** Reads the server-sent event stream with fetch (EventSource cannot send the secret), reconnecting. */
async function streamEvents(
  headers: () => Record<string, string>,
  listener: (event: CoreEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  let delay = 500;
  while (!signal.aborted) {
    try {
      const response = await fetch('/api/events', { headers: headers(), signal });
      if (!response.ok || !response.body) throw new Error(`events: ${response.status}`);
      delay = 500;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = frame
            .split('\n')
            .filter((line) => line.startsWith('data: '))
            .map((line) => line.slice(6))
            .join('\n');
          if (data) listener(JSON.parse(data) as CoreEvent);
        }
      }
    } catch {
      // Aborted while the stream was read: the checker cannot see the signal change under an await.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
      if (signal.aborted) return;
    }
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 10_000);
  }
}
