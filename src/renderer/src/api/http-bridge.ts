/**
 * Browser mode's stand-in for the preload: the same bridge shape, carried over loopback: the calls
 * on one WebSocket (HTTP when it cannot be had), the core's events on a server-sent stream.
 * The per-launch secret arrives in the address's fragment (`#token=...`); it is kept in session
 * storage and removed from the visible address.
 */
import { CALL_NAMES } from '../../../shared/call-names';
import { LARGE_BODY_CALLS } from '../../../shared/calls/transfer-calls';
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

  const socket = token ? callSocket(token, clientId) : null;

  async function call(name: string, input: unknown): Promise<Result<unknown>> {
    // On the socket when it can be had (a few milliseconds less a call); over HTTP when it cannot,
    // for an import (its own larger limit), and while the page is going away (see keepalive).
    if (socket && document.visibilityState !== 'hidden' && !LARGE_BODY_CALLS.has(name) && !BULK_ANSWERS.has(name)) {
      const answer = await socket.call(name, input);
      if (answer !== null) return answer;
    }
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

/**
 * Calls whose answer is large (the whole board, a page of Closed, the due lists, every figure, an
 * export): over HTTP, whose connections the browser reads side by side. On the one socket they
 * queued the small answers behind them and made the first board at 20,000 later by a fifth
 * (measured: 350-400 against 450-520 ms); the socket is for the quick calls a person waits on.
 */
const BULK_ANSWERS: ReadonlySet<string> = new Set([
  'board.get',
  'board.closed',
  'actions.inRange',
  'insights.get',
  'opportunities.list',
  'contacts.list',
  'reflections.export',
  'letters.export',
  'letters.exportDueCards',
  'transfer.exportJson',
  'transfer.exportCsv',
  'transfer.calendar',
  'transfer.calendarFeed',
]);

/** After the socket could not be opened, how long calls go over HTTP before it is tried again. */
const SOCKET_RETRY_MS = 5_000;

/**
 * The page's calls over one WebSocket (see src/main/web/call-socket.ts): a message per call, each
 * answered with its id. The secret and the client id go in the subprotocol list (a WebSocket
 * cannot carry headers). `call` resolves null when no socket can be had (the caller then uses
 * HTTP); a call already sent when the socket closes is answered as a call that could not reach
 * the server (it may have run: it is not sent again). While the socket is not open (the page has
 * just started, or the server went away and came back), calls go over HTTP and it is opened again.
 */
function callSocket(token: string, clientId: string): { call(name: string, input: unknown): Promise<Result<unknown> | null> } {
  /** The socket calls go on, with the calls sent on it and not answered yet. */
  let open: { readonly ws: WebSocket; readonly pending: Map<number, (result: Result<unknown>) => void> } | null = null;
  let opening = false;
  let failedAt = -Infinity;
  let nextId = 1;

  const lost = (): Result<unknown> => ({
    ok: false,
    error: { code: 'internal', message: "Afterword's browser-mode server cannot be reached. Is it still running? (the connection closed)" },
  });

  /** Opens a socket unless one is open or opening, or the last try failed less than SOCKET_RETRY_MS ago. */
  function connect(): void {
    if (open || opening || performance.now() - failedAt < SOCKET_RETRY_MS) return;
    let ws: WebSocket;
    try {
      ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/socket`, ['afterword.v1', `afterword.secret.${token}`, `afterword.client.${clientId}`]);
    } catch {
      failedAt = performance.now();
      return;
    }
    opening = true;
    // Each socket has its own calls: one closing never answers the calls of the next.
    const pending = new Map<number, (result: Result<unknown>) => void>();
    ws.onopen = () => {
      opening = false;
      open = { ws, pending };
    };
    ws.onmessage = (event: MessageEvent<string>) => {
      const { id, result } = JSON.parse(event.data) as { id: number | null; result: Result<unknown> };
      if (id === null) return;
      pending.get(id)?.(result);
      pending.delete(id);
    };
    ws.onclose = () => {
      if (open?.ws === ws) open = null;
      else {
        // It never opened: HTTP for a while.
        opening = false;
        failedAt = performance.now();
      }
      for (const settle of pending.values()) settle(lost());
      pending.clear();
    };
  }

  // Opened at once, in the background: the first screen's reads do not wait for the handshake
  // (they go over HTTP until the socket is open; measured, waiting for it made the first board at
  // 20,000 later by a tenth).
  connect();

  return {
    call(name, input) {
      const socket = open?.ws.readyState === WebSocket.OPEN ? open : null;
      if (!socket) {
        connect();
        return Promise.resolve(null);
      }
      const id = nextId++;
      return new Promise<Result<unknown>>((resolve) => {
        socket.pending.set(id, resolve);
        try {
          socket.ws.send(JSON.stringify(input === undefined ? { id, name } : { id, name, input }));
        } catch {
          socket.pending.delete(id);
          resolve(lost());
        }
      });
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
