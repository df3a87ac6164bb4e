/**
 * Browser mode's calls over one WebSocket (RFC 6455), beside the HTTP endpoint. A call over
 * HTTP from Chromium costs 6-10 ms on this loopback whatever it does (measured: a call that
 * answers at once took 9 ms through `fetch` and 2 ms as a message on an open socket), and a move
 * on the board is one call: the socket is what lets its answer arrive within a frame.
 *
 * The socket is held to the same rules as a call over HTTP (see http-transport.ts): the upgrade
 * must name this server in Host, come from its own origin when the browser says where from, not
 * be cross-site, and present the per-launch secret. A browser cannot set headers on a WebSocket,
 * so the secret and the page's client id travel in the subprotocol list
 * (`afterword.v1, afterword.secret.<secret>, afterword.client.<id>`); the server answers with
 * `afterword.v1`. A message is one call, `{"id":1,"name":"board.move","input":{...}}`, and its
 * answer is `{"id":1,"result":<the Result>}`, the same Result the HTTP endpoint sends.
 *
 * Only what browsers send is accepted: masked text frames, with no extension, at most
 * MAX_BODY_BYTES a message (an import goes over HTTP, which has its own larger limit).
 */
import crypto from 'node:crypto';
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { Result } from '../../shared/result';

export const API_SOCKET_PATH = '/api/socket';
export const SOCKET_PROTOCOL = 'afterword.v1';
const SECRET_PREFIX = 'afterword.secret.';
const CLIENT_PREFIX = 'afterword.client.';
const HANDSHAKE_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** Close codes (RFC 6455 section 7.4.1). */
const CLOSE = { normal: 1000, goingAway: 1001, protocol: 1002, unsupported: 1003, invalidData: 1007, tooBig: 1009 } as const;

export interface SocketCallOptions {
  /** The largest message a client may send (bytes). */
  readonly maxMessageBytes: number;
  /** Runs one call; `clientId` is the page's id from the handshake (or null). */
  call(name: string, input: unknown, clientId: string | null): Promise<Result<unknown>>;
  /** Is the server closing? A call then is answered `shutting_down` and not run. */
  draining(): boolean;
  /** Each call's work, so that closing can wait for the calls in flight. */
  track(work: Promise<void>): void;
}

/** The secret and client id a handshake offers in its subprotocol list, and whether it speaks ours. */
export function offeredProtocols(header: string | undefined): { speaks: boolean; secret: string | undefined; clientId: string | null } {
  const offered = (header ?? '').split(',').map((p) => p.trim());
  return {
    speaks: offered.includes(SOCKET_PROTOCOL),
    secret: offered.find((p) => p.startsWith(SECRET_PREFIX))?.slice(SECRET_PREFIX.length),
    clientId: offered.find((p) => p.startsWith(CLIENT_PREFIX))?.slice(CLIENT_PREFIX.length) ?? null,
  };
}

/** Refuses an upgrade with an HTTP status (the browser's WebSocket then fails to open). */
export function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  const body = JSON.stringify({ ok: false, error: { code: status === 401 ? 'unauthorized' : 'forbidden', message: reason } });
  socket.end(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : status === 503 ? 'Service Unavailable' : status === 400 ? 'Bad Request' : 'Forbidden'}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

/** An open socket: `close` ends it (after the calls in flight answered, which the caller waits for). */
export interface CallSocket {
  close(code?: number): void;
}

/**
 * Completes the handshake (the request was checked by the caller) and serves calls on the socket
 * until either side closes it.
 */
export function acceptCallSocket(req: http.IncomingMessage, socket: Duplex, head: Buffer, clientId: string | null, options: SocketCallOptions): CallSocket | null {
  const key = req.headers['sec-websocket-key'];
  if (req.headers['sec-websocket-version'] !== '13' || typeof key !== 'string' || Buffer.from(key, 'base64').length !== 16) {
    refuseUpgrade(socket, 400, 'Not a WebSocket handshake this server speaks (version 13).');
    return null;
  }
  const accept = crypto.createHash('sha1').update(key + HANDSHAKE_GUID).digest('base64');
  socket.write(
    `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\nSec-WebSocket-Protocol: ${SOCKET_PROTOCOL}\r\n\r\n`,
  );
  if ('setNoDelay' in socket && typeof socket.setNoDelay === 'function') (socket as unknown as { setNoDelay(on: boolean): void }).setNoDelay(true);

  let buffered: Buffer[] = [];
  let bufferedBytes = 0;
  /** The fragments of a message not finished yet (FIN unset). */
  let fragments: Buffer[] | null = null;
  let fragmentBytes = 0;
  let closed = false;
  const isClosed = () => closed;

  const send = (opcode: number, payload: Buffer): void => {
    if (closed || socket.destroyed) return;
    socket.write(Buffer.concat([frameHead(opcode, payload.length), payload]));
  };
  const close = (code: number = CLOSE.normal): void => {
    if (closed) return;
    const payload = Buffer.alloc(2);
    payload.writeUInt16BE(code);
    send(0x8, payload);
    closed = true;
    socket.end();
    // A client that never answers the close is let go of after a second.
    setTimeout(() => socket.destroy(), 1_000).unref();
  };

  const answer = (id: number | null, result: Result<unknown>): void => {
    // The Result is built by the core and never holds a cycle; the id is a number or null.
    send(0x1, Buffer.from(`{"id":${id === null ? 'null' : String(id)},"result":${JSON.stringify(result)}}`, 'utf8'));
  };

  const onMessage = (text: string): void => {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      answer(null, refusal('invalid_input', 'The message is not valid JSON.'));
      return;
    }
    const { id, name, input } = (typeof message === 'object' && message !== null ? message : {}) as { id?: unknown; name?: unknown; input?: unknown };
    if (typeof id !== 'number' || !Number.isSafeInteger(id)) {
      answer(null, refusal('invalid_input', 'A call needs a numeric id.'));
      return;
    }
    if (typeof name !== 'string') {
      answer(id, refusal('invalid_input', 'A call needs a name.'));
      return;
    }
    if (options.draining()) {
      answer(id, refusal('shutting_down', 'Afterword is closing; this call was not run.'));
      return;
    }
    const work = options.call(name, input, clientId).then(
      (result) => answer(id, result),
      (error: unknown) => {
        console.error('Browser mode: a call over the socket failed', error);
        answer(id, refusal('internal', 'Internal error.'));
      },
    );
    options.track(work);
  };

  const onFrame = (fin: boolean, opcode: number, payload: Buffer): void => {
    if (opcode >= 0x8) {
      // Control frames: never fragmented, at most 125 bytes.
      if (!fin || payload.length > 125) { close(CLOSE.protocol); return; }
      if (opcode === 0x8) { close(CLOSE.normal); return; }
      if (opcode === 0x9) { send(0xa, payload); return; }
      if (opcode === 0xa) return;
      close(CLOSE.protocol); return;
    }
    if (opcode === 0x2) { close(CLOSE.unsupported); return; }
    if (opcode === 0x1) {
      if (fragments !== null) { close(CLOSE.protocol); return; }
      if (fin) { onMessage(payload.toString('utf8')); return; }
      fragments = [payload];
      fragmentBytes = payload.length;
      return;
    }
    if (opcode === 0x0) {
      if (fragments === null) { close(CLOSE.protocol); return; }
      fragments.push(payload);
      fragmentBytes += payload.length;
      if (fragmentBytes > options.maxMessageBytes) { close(CLOSE.tooBig); return; }
      if (fin) {
        const whole = Buffer.concat(fragments).toString('utf8');
        fragments = null;
        fragmentBytes = 0;
        onMessage(whole);
      }
      return;
    }
    close(CLOSE.protocol);
  };

  const onData = (chunk: Buffer): void => {
    if (closed) return;
    buffered.push(chunk);
    bufferedBytes += chunk.length;
    let data = buffered.length === 1 ? buffered[0]! : Buffer.concat(buffered);
    for (;;) {
      const frame = readFrame(data, options.maxMessageBytes);
      if (frame === 'incomplete') break;
      if (typeof frame === 'number') {
        close(frame);
        return;
      }
      data = data.subarray(frame.size);
      onFrame(frame.fin, frame.opcode, frame.payload);
      // A frame can close the socket (a close frame, a refused one): read no further.
      if (isClosed()) return;
    }
    buffered = data.length > 0 ? [data] : [];
    bufferedBytes = data.length;
    if (bufferedBytes > options.maxMessageBytes + 14) close(CLOSE.tooBig);
  };
  socket.on('data', onData);
  // Bytes a client sent right behind its handshake arrive with the upgrade, not as data.
  if (head.length > 0) onData(head);
  socket.on('error', () => socket.destroy());
  socket.on('close', () => {
    closed = true;
  });
  return { close };
}

const refusal = (code: string, message: string): Result<unknown> => ({ ok: false, error: { code, message } }) as Result<unknown>;

/** A server frame's head: FIN set, no mask, the length in 7, 16 or 64 bits. */
function frameHead(opcode: number, length: number): Buffer {
  if (length < 126) return Buffer.from([0x80 | opcode, length]);
  if (length < 65_536) {
    const head = Buffer.alloc(4);
    head[0] = 0x80 | opcode;
    head[1] = 126;
    head.writeUInt16BE(length, 2);
    return head;
  }
  const head = Buffer.alloc(10);
  head[0] = 0x80 | opcode;
  head[1] = 127;
  head.writeBigUInt64BE(BigInt(length), 2);
  return head;
}

/**
 * One client frame from the start of `data`: 'incomplete' when more bytes are needed, a close
 * code when the frame is refused (unmasked, reserved bits set, or larger than the limit).
 */
export function readFrame(data: Buffer, maxBytes: number): 'incomplete' | number | { fin: boolean; opcode: number; payload: Buffer; size: number } {
  if (data.length < 2) return 'incomplete';
  const first = data[0]!;
  const second = data[1]!;
  if ((first & 0x70) !== 0) return CLOSE.protocol; // no extension was agreed
  if ((second & 0x80) === 0) return CLOSE.protocol; // a client's frames are masked
  let length = second & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (data.length < 4) return 'incomplete';
    length = data.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (data.length < 10) return 'incomplete';
    const long = data.readBigUInt64BE(2);
    if (long > BigInt(maxBytes)) return CLOSE.tooBig;
    length = Number(long);
    offset = 10;
  }
  if (length > maxBytes) return CLOSE.tooBig;
  if (data.length < offset + 4 + length) return 'incomplete';
  const mask = data.subarray(offset, offset + 4);
  const payload = Buffer.from(data.subarray(offset + 4, offset + 4 + length));
  for (let i = 0; i < payload.length; i++) payload[i] = payload[i]! ^ mask[i & 3]!;
  return { fin: (first & 0x80) !== 0, opcode: first & 0x0f, payload, size: offset + 4 + length };
}
