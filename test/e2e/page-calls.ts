/**
 * The page's calls to the core, seen and steered from a test. The page makes them on one
 * WebSocket (`/api/socket`, a message per call) and over HTTP (`/api/call/<name>`) when the socket
 * cannot be had: both are watched, and both are steered, so a test means the call whichever way
 * it went.
 */
import type { Page, Route } from '@playwright/test';

/** The names of the calls the page makes from now on, in the order sent; `overHttp`, those not made on the socket. */
export function recordCalls(page: Page): string[] & { readonly overHttp: string[] } {
  const names = Object.assign([] as string[], { overHttp: [] as string[] });
  page.on('request', (request) => {
    if (!request.url().includes('/api/call/')) return;
    names.push(request.url().split('/api/call/')[1]!);
    names.overHttp.push(names.at(-1)!);
  });
  page.on('websocket', (socket) => {
    socket.on('framesent', ({ payload }) => {
      const name = typeof payload === 'string' ? (JSON.parse(payload) as { name?: unknown }).name : undefined;
      if (typeof name === 'string') names.push(name);
    });
  });
  return names;
}

type Rule = (call: { readonly answer: (result: unknown) => void; readonly forward: () => void }) => void;

export interface CallRoutes {
  /** Answers the next `times` calls of `name` with a failure, as a broken transport would; returns how many it failed so far. */
  failNext(name: string, times: number): () => number;
  /** Holds the calls of `name` until `release` is called (the calls held then go on, and the later ones are not held). */
  hold(name: string): () => void;
}

/**
 * Puts the page's calls through rules a test sets as it goes. It must be installed before the page
 * opens (a socket already open is not routed); until a rule is set, every call goes through.
 */
export async function routeCalls(page: Page): Promise<CallRoutes> {
  const rules = new Map<string, Rule>();
  await page.routeWebSocket(/\/api\/socket$/, (socket) => {
    const server = socket.connectToServer();
    socket.onMessage((message) => {
      if (typeof message !== 'string') return server.send(message);
      const { id, name } = JSON.parse(message) as { id: number; name: string };
      const rule = rules.get(name);
      if (!rule) return server.send(message);
      rule({ answer: (result) => socket.send(JSON.stringify({ id, result })), forward: () => server.send(message) });
    });
  });
  await page.route('**/api/call/**', async (route: Route) => {
    const rule = rules.get(route.request().url().split('/api/call/')[1]!);
    if (!rule) return route.fallback();
    await new Promise<void>((done) =>
      rule({
        answer: (result) => void route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(result) }).then(done),
        forward: () => void route.fallback().then(done),
      }),
    );
  });
  return {
    failNext(name, times) {
      let failed = 0;
      rules.set(name, (call) => {
        if (failed >= times) return call.forward();
        failed++;
        call.answer({ ok: false, error: { code: 'internal', message: 'Injected failure' } });
      });
      return () => failed;
    },
    hold(name) {
      const held: (() => void)[] = [];
      rules.set(name, (call) => held.push(call.forward));
      return () => {
        rules.delete(name);
        for (const forward of held.splice(0)) forward();
      };
    },
  };
}
