/**
 * Browser mode's transport: the contract over loopback HTTP, plus the built renderer as static
 * files. It is part of the product, so it is as strict as the Electron window:
 * - it listens on 127.0.0.1 only;
 * - every request must name this server in its Host header (127.0.0.1 or localhost with our
 *   port), which defeats DNS rebinding;
 * - a call must carry the per-launch secret (compared in constant time) and, when the browser
 *   sends an Origin, come from this server's own origin; cross-site requests are refused;
 * - the page's calls also go over one WebSocket (call-socket.ts: a call there costs a fraction
 *   of an HTTP request's time), whose upgrade passes the same checks, the secret included;
 * - no CORS headers are ever sent; bodies are size-limited; static files come only from the
 *   renderer folder.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import { originOf } from '../../shared/bridge';
import type { CoreEvent } from '../../shared/events';
import type { Result } from '../../shared/result';
import { resolveStaticPath } from '../common/static-path';
import { LARGE_BODY_CALLS, MAX_IMPORT_BYTES } from '../../shared/calls/transfer-calls';
import { acceptCallSocket, API_SOCKET_PATH, offeredProtocols, refuseUpgrade } from './call-socket';
import type { CallSocket } from './call-socket';

export const API_CALL_PREFIX = '/api/call/';
export const API_EVENTS_PATH = '/api/events';
export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * An import carries a whole file (base64) in one call: the limit is raised for those calls only,
 * and only after the secret was checked. One request keeps an import atomic with no upload state
 * to keep or expire on the server; the limit still bounds what a call can make the server hold.
 */
export const MAX_IMPORT_BODY_BYTES = Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 64 * 1024;

export interface WebTransportCore {
  call(name: string, input: unknown, origin?: string | null): Promise<Result<unknown>>;
  subscribe(listener: (event: CoreEvent) => void): () => void;
}

export interface WebServerOptions {
  readonly core: WebTransportCore;
  readonly rendererDir: string;
  /** 0 or absent: a free port. */
  readonly port?: number;
  /** Tests pass a fixed secret; the app makes a new one per launch. */
  readonly secret?: string;
}

export interface WebServer {
  readonly port: number;
  readonly secret: string;
  /** The address to open, secret included (in the fragment, so it never reaches a log or a Referer). */
  readonly url: string;
  /**
   * Stops taking calls and finishes the ones in flight before it resolves (a write the page was
   * told about is a write in the journal): new calls are refused, then the answers of the calls
   * already running are sent, then the connections close.
   */
  close(): Promise<void>;
}

/** How long `close` waits for calls in flight before it closes their connections anyway. */
export const DRAIN_TIMEOUT_MS = 10_000;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

/** Constant-time comparison of a presented secret with the real one (digests equalise lengths). */
export function secretMatches(presented: string | undefined, secret: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = crypto.createHash('sha256').update(presented).digest();
  const b = crypto.createHash('sha256').update(secret).digest();
  return crypto.timingSafeEqual(a, b);
}

export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const secret = options.secret ?? crypto.randomBytes(32).toString('base64url');
  const rendererDir = path.resolve(options.rendererDir);
  const streams = new Set<http.ServerResponse>();
  const inFlight = new Set<Promise<void>>();
  let draining = false;
  let port = 0;

  const server = http.createServer((req, res) => {
    const work = handle(req, res).catch((error: unknown) => {
      console.error('Browser mode: a request failed', error);
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'internal', message: 'Internal error.' } });
      else res.destroy();
    });
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  });
  server.headersTimeout = 10_000;

  // The page's calls over one socket: the same checks as a call over HTTP, before the handshake.
  const sockets = new Set<CallSocket>();
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    if (!hostAllowed(req.headers.host, port)) { refuseUpgrade(socket, 403, 'This server answers only to 127.0.0.1 and localhost.'); return; }
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', `http://127.0.0.1:${port}`).pathname;
    } catch {
      refuseUpgrade(socket, 400, 'The request target is not a valid address.'); return;
    }
    if (pathname !== API_SOCKET_PATH || (req.headers.upgrade ?? '').toLowerCase() !== 'websocket') { refuseUpgrade(socket, 400, 'No such endpoint.'); return; }
    const offered = offeredProtocols(req.headers['sec-websocket-protocol']);
    const refused = callRefusal(req, offered.speaks ? offered.secret : undefined);
    if (refused) { refuseUpgrade(socket, refused.status, refused.message); return; }
    const open = acceptCallSocket(req, socket, head, offered.clientId, {
      maxMessageBytes: MAX_BODY_BYTES,
      call: (name, input, clientId) => options.core.call(name, input, originOf('http', clientId)),
      draining: () => draining,
      track: (work) => {
        inFlight.add(work);
        void work.finally(() => inFlight.delete(work));
      },
    });
    if (open) {
      sockets.add(open);
      socket.on('close', () => sockets.delete(open));
    }
  });
  server.requestTimeout = 30_000;

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host, port)) {
      send(res, 403, refusal('forbidden', 'This server answers only to 127.0.0.1 and localhost.')); return;
    }
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', `http://127.0.0.1:${port}`).pathname;
    } catch {
      send(res, 400, refusal('invalid_input', 'The request target is not a valid address.')); return;
    }

    if (pathname.startsWith('/api/')) {
      const refused = callRefusal(req, bearer(req.headers.authorization));
      if (refused) {
        send(res, refused.status, refusal(refused.code, refused.message), refused.status === 503 ? { Connection: 'close' } : {});
        return;
      }
      if (pathname === API_EVENTS_PATH && req.method === 'GET') { openEventStream(res); return; }
      if (pathname.startsWith(API_CALL_PREFIX)) {
        if (req.method !== 'POST') {
          send(res, 405, refusal('invalid_input', 'Calls are made with POST.'), { Allow: 'POST' });
          return;
        }
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
          send(res, 415, refusal('invalid_input', 'Calls are sent as application/json.')); return;
        }
        let name: string;
        try {
          name = decodeURIComponent(pathname.slice(API_CALL_PREFIX.length));
        } catch {
          send(res, 400, refusal('invalid_input', 'The call name in the address is not valid percent-encoding.')); return;
        }
        const limit = LARGE_BODY_CALLS.has(name) ? MAX_IMPORT_BODY_BYTES : MAX_BODY_BYTES;
        const body = await readBody(req, limit);
        if (body === 'too-large') {
          send(res, 413, refusal('too_large', `This call may carry at most ${limit} bytes.`));
          return;
        }
        let input: unknown;
        try {
          input = body.length === 0 ? undefined : JSON.parse(body);
        } catch {
          send(res, 400, refusal('invalid_input', 'The body is not valid JSON.')); return;
        }
        const result = await options.core.call(name, input, originOf('http', req.headers['x-afterword-client']));
        // Errors are data: the status is 200 for every answered call, as over IPC.
        send(res, 200, result); return;
      }
      send(res, 404, refusal('unknown_call', 'No such endpoint.')); return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, refusal('invalid_input', 'Only GET.'));
      return;
    }
    serveStatic(pathname, req, res);
  }

  /**
   * Why a call (over HTTP, or the socket's upgrade) is refused, or null: from another site, without
   * the secret, or while closing. One place for both ways in, so they cannot drift apart.
   */
  function callRefusal(req: http.IncomingMessage, presented: string | undefined): { status: number; code: string; message: string } | null {
    const origin = req.headers.origin;
    if ((origin !== undefined && !originAllowed(origin, port)) || req.headers['sec-fetch-site'] === 'cross-site') {
      return { status: 403, code: 'forbidden', message: 'Calls from other sites are refused.' };
    }
    if (!secretMatches(presented, secret)) return { status: 401, code: 'unauthorized', message: 'This call needs the secret printed when browser mode started.' };
    if (draining) return { status: 503, code: 'shutting_down', message: 'Afterword is closing; this call was not run.' };
    return null;
  }

  function openEventStream(res: http.ServerResponse): void {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    streams.add(res);
    res.write(`data: ${JSON.stringify({ type: 'hello' } satisfies CoreEvent)}\n\n`);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 20_000);
    res.on('close', () => {
      clearInterval(heartbeat);
      streams.delete(res);
    });
  }

  const unsubscribe = options.core.subscribe((event) => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const stream of streams) stream.write(frame);
  });

  function serveStatic(pathname: string, req: http.IncomingMessage, res: http.ServerResponse): void {
    const file = resolveStaticPath(rendererDir, pathname);
    if (!file) {
      send(res, 404, refusal('not_found', 'Not found.'));
      return;
    }
    fs.stat(file, (error, stat) => {
      if (error || !stat.isFile()) {
        send(res, 404, refusal('not_found', 'Not found.'));
        return;
      }
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Content-Length': stat.size,
        'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
      });
      if (req.method === 'HEAD') return void res.end();
      fs.createReadStream(file).pipe(res);
    });
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        port,
        secret,
        url: `http://127.0.0.1:${port}/#token=${secret}`,
        async close() {
          draining = true;
          unsubscribe();
          for (const stream of streams) stream.end();
          const closed = new Promise<void>((done) => server.close(() => done()));
          server.closeIdleConnections();
          let timer: ReturnType<typeof setTimeout> | undefined;
          const timeout = new Promise<void>((done) => (timer = setTimeout(done, DRAIN_TIMEOUT_MS)));
          await Promise.race([Promise.allSettled([...inFlight]), timeout]);
          clearTimeout(timer);
          for (const socket of sockets) socket.close(1001);
          server.closeAllConnections();
          await closed;
        },
      });
    });
  });
}

export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

export function originAllowed(origin: string, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

function bearer(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer (\S+)$/.exec(header);
  return m?.[1];
}

const refusal = (code: string, message: string) => ({ ok: false, error: { code, message } });

function send(res: http.ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  // Encoded once: the length and the bytes sent come from the same buffer (a due list or a board
  // is hundreds of kilobytes, and measuring the text and then encoding it was two passes).
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...extra,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': bytes.length,
    'Cache-Control': 'no-store',
  });
  res.end(bytes);
}

// 'too-large' is spelt out for the reader: the body was refused, not read.
// eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents
function readBody(req: http.IncomingMessage, limit: number): Promise<string | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      resolve('too-large'); return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
