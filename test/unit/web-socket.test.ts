/**
 * Browser mode's call socket (src/main/web/call-socket.ts) against a real core and journal: the
 * upgrade passes the same checks as a call over HTTP (Host, Origin, cross-site, the secret), a
 * message is a call answered with its id, and what a browser never sends (an unmasked frame, a
 * binary message, a message over the limit) closes the socket without running anything. Frames
 * are written by hand here, byte for byte, as a browser writes them.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import type { Socket } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import type { Core } from '../../src/main/core/core';
import { MAX_BODY_BYTES, startWebServer } from '../../src/main/web/http-transport';
import type { WebServer } from '../../src/main/web/http-transport';
import { tempDir } from './helpers';

interface Open {
  readonly socket: Socket;
  readonly protocol: string | undefined;
  /** The next message the server sends (text), or the close code when it closes. */
  next(): Promise<{ text: string } | { close: number | null }>;
}

/** Frames a client message: FIN, the opcode, masked (as every client frame must be). */
function clientFrame(payload: Buffer, { opcode = 0x1, fin = true, masked = true } = {}): Buffer {
  const mask = crypto.randomBytes(4);
  const length = payload.length;
  const head = length < 126 ? Buffer.from([(fin ? 0x80 : 0) | opcode, (masked ? 0x80 : 0) | length]) : length < 65_536 ? Buffer.alloc(4) : Buffer.alloc(10);
  if (length >= 126) {
    head[0] = (fin ? 0x80 : 0) | opcode;
    head[1] = (masked ? 0x80 : 0) | (length < 65_536 ? 126 : 127);
    if (length < 65_536) head.writeUInt16BE(length, 2);
    else head.writeBigUInt64BE(BigInt(length), 2);
  }
  if (!masked) return Buffer.concat([head, payload]);
  const body = Buffer.from(payload);
  for (let i = 0; i < body.length; i++) body[i] = body[i]! ^ mask[i & 3]!;
  return Buffer.concat([head, mask, body]);
}

/** The server's frames, read from the raw socket (they are never masked). */
function reader(socket: Socket, head: Buffer) {
  let data = head;
  const waiting: ((frame: { text: string } | { close: number | null }) => void)[] = [];
  const ready: ({ text: string } | { close: number | null })[] = [];
  const deliver = (frame: { text: string } | { close: number | null }) => {
    const take = waiting.shift();
    if (take) take(frame);
    else ready.push(frame);
  };
  const drain = () => {
    for (;;) {
      if (data.length < 2) return;
      let length = data[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (data.length < 4) return;
        length = data.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (data.length < 10) return;
        length = Number(data.readBigUInt64BE(2));
        offset = 10;
      }
      if (data.length < offset + length) return;
      const opcode = data[0]! & 0x0f;
      const payload = data.subarray(offset, offset + length);
      data = data.subarray(offset + length);
      if (opcode === 0x1) deliver({ text: payload.toString('utf8') });
      if (opcode === 0x8) deliver({ close: payload.length >= 2 ? payload.readUInt16BE(0) : null });
    }
  };
  socket.on('data', (chunk: Buffer) => {
    data = Buffer.concat([data, chunk]);
    drain();
  });
  socket.on('close', () => deliver({ close: null }));
  drain();
  return () => new Promise<{ text: string } | { close: number | null }>((resolve) => (ready.length > 0 ? resolve(ready.shift()!) : waiting.push(resolve)));
}

/** Asks for the upgrade; resolves with the open socket, or with the HTTP status of the refusal. */
function upgrade(port: number, headers: Record<string, string>, target = '/api/socket'): Promise<Open | { status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      path: target,
      headers: {
        Host: `127.0.0.1:${port}`,
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': crypto.randomBytes(16).toString('base64'),
        ...headers,
      },
    });
    req.on('upgrade', (res, socket, head) => {
      resolve({ socket, protocol: res.headers['sec-websocket-protocol'], next: reader(socket, head) });
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const opened = (result: Open | { status: number }): Open => {
  if (!('socket' in result)) throw new Error(`the upgrade was refused: ${result.status}`);
  return result;
};

describe('browser mode: calls over the socket', () => {
  let core: Core;
  let server: WebServer;
  const sockets: Socket[] = [];
  const protocols = (secret: string) => `afterword.v1, afterword.secret.${secret}, afterword.client.${crypto.randomUUID()}`;

  async function start() {
    const dataDir = tempDir();
    core = createCore({ dataDir, transport: 'http' });
    server = await startWebServer({ core, rendererDir: path.join(dataDir, 'no-renderer') });
  }
  async function connect(extra: Record<string, string> = {}): Promise<Open> {
    const open = opened(await upgrade(server.port, { Origin: `http://127.0.0.1:${server.port}`, 'Sec-WebSocket-Protocol': protocols(server.secret), ...extra }));
    sockets.push(open.socket);
    return open;
  }
  const send = (open: Open, message: unknown) => open.socket.write(clientFrame(Buffer.from(JSON.stringify(message))));
  const answer = async (open: Open) => {
    const frame = await open.next();
    if (!('text' in frame)) throw new Error(`closed: ${frame.close}`);
    return JSON.parse(frame.text) as { id: number | null; result: { ok: boolean; value?: unknown; error?: { code: string; message: string } } };
  };

  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy();
    await server.close();
    core.close();
  });

  it('answers each call with its id, as the HTTP endpoint answers it, and writes to the journal', async () => {
    await start();
    const open = await connect();
    expect(open.protocol).toBe('afterword.v1');
    send(open, { id: 7, name: 'opportunities.create', input: { company: 'Globex', role: 'Analyst' } });
    const created = await answer(open);
    expect(created).toMatchObject({ id: 7, result: { ok: true, value: { company: 'Globex' } } });
    // Two calls in one write, and a third split across two writes: each answered, in order.
    const two = Buffer.concat([clientFrame(Buffer.from(JSON.stringify({ id: 8, name: 'opportunities.list' }))), clientFrame(Buffer.from(JSON.stringify({ id: 9, name: 'board.get' })))]);
    open.socket.write(two);
    expect((await answer(open)).id).toBe(8);
    const board = await answer(open);
    expect(board.id).toBe(9);
    expect(board.result.value).toMatchObject({ cards: [expect.objectContaining({ company: 'Globex' })] });
    const split = clientFrame(Buffer.from(JSON.stringify({ id: 10, name: 'opportunities.get', input: { id: (created.result.value as { id: number }).id } })));
    open.socket.write(split.subarray(0, 5));
    await new Promise((r) => setTimeout(r, 20));
    open.socket.write(split.subarray(5));
    expect(await answer(open)).toMatchObject({ id: 10, result: { ok: true, value: { company: 'Globex' } } });
    // A message in two fragments.
    const text = Buffer.from(JSON.stringify({ id: 11, name: 'opportunities.list' }));
    open.socket.write(Buffer.concat([clientFrame(text.subarray(0, 10), { fin: false }), clientFrame(text.subarray(10), { opcode: 0x0 })]));
    expect(await answer(open)).toMatchObject({ id: 11, result: { ok: true } });
    // The same call over HTTP answers the same.
    const list = await core.call('opportunities.list', undefined);
    expect(list.ok && list.value).toEqual([expect.objectContaining({ company: 'Globex' })]);
  });

  it('reads a call sent in the same packet as the handshake', async () => {
    await start();
    const socket = net.connect(server.port, '127.0.0.1');
    sockets.push(socket);
    await new Promise((done) => socket.once('connect', done));
    const frame = clientFrame(Buffer.from(JSON.stringify({ id: 1, name: 'opportunities.list' })));
    const handshake =
      `GET /api/socket HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: http://127.0.0.1:${server.port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
      `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${crypto.randomBytes(16).toString('base64')}\r\nSec-WebSocket-Protocol: ${protocols(server.secret)}\r\n\r\n`;
    socket.write(Buffer.concat([Buffer.from(handshake), frame]));
    let received = Buffer.alloc(0);
    const text = await new Promise<string>((resolve) =>
      socket.on('data', (chunk: Buffer) => {
        received = Buffer.concat([received, chunk]);
        const end = received.indexOf('\r\n\r\n');
        // The answer's frame: a two-byte head (a short text) and its payload, whole.
        if (end < 0 || received.length < end + 4 + 2) return;
        const length = received[end + 5]! & 0x7f;
        if (received.length >= end + 6 + length) resolve(received.subarray(end + 6, end + 6 + length).toString('utf8'));
      }),
    );
    expect(received.toString('utf8')).toMatch(/^HTTP\/1\.1 101 /);
    expect(JSON.parse(text)).toMatchObject({ id: 1, result: { ok: true, value: [] } });
  });

  it('refuses an upgrade without the secret, from another site, to another host or path: nothing opens', async () => {
    await start();
    const origin = `http://127.0.0.1:${server.port}`;
    const refused = async (headers: Record<string, string>, target?: string) => {
      const result = await upgrade(server.port, headers, target);
      if ('socket' in result) {
        sockets.push(result.socket);
        return 101;
      }
      return result.status;
    };
    expect(await refused({ Origin: origin, 'Sec-WebSocket-Protocol': 'afterword.v1' })).toBe(401);
    expect(await refused({ Origin: origin, 'Sec-WebSocket-Protocol': protocols('not-the-secret') })).toBe(401);
    expect(await refused({ Origin: origin, 'Sec-WebSocket-Protocol': `afterword.secret.${server.secret}` })).toBe(401);
    expect(await refused({ Origin: 'http://evil.example', 'Sec-WebSocket-Protocol': protocols(server.secret) })).toBe(403);
    expect(await refused({ Origin: origin, 'Sec-Fetch-Site': 'cross-site', 'Sec-WebSocket-Protocol': protocols(server.secret) })).toBe(403);
    expect(await refused({ Host: 'evil.example', Origin: origin, 'Sec-WebSocket-Protocol': protocols(server.secret) })).toBe(403);
    expect(await refused({ Origin: origin, 'Sec-WebSocket-Protocol': protocols(server.secret) }, '/api/elsewhere')).toBe(400);
    expect(await refused({ Origin: origin, 'Sec-WebSocket-Version': '8', 'Sec-WebSocket-Protocol': protocols(server.secret) })).toBe(400);
    // And with all of it right, it opens.
    expect(await refused({ Origin: origin, 'Sec-WebSocket-Protocol': protocols(server.secret) })).toBe(101);
  });

  it('answers a malformed call with a clear code, and closes on what a browser never sends; nothing is written', async () => {
    await start();
    const open = await connect();
    open.socket.write(clientFrame(Buffer.from('{not json')));
    expect(await answer(open)).toMatchObject({ id: null, result: { ok: false, error: { code: 'invalid_input' } } });
    send(open, { name: 'opportunities.list' });
    expect(await answer(open)).toMatchObject({ id: null, result: { ok: false, error: { code: 'invalid_input' } } });
    send(open, { id: 3 });
    expect(await answer(open)).toMatchObject({ id: 3, result: { ok: false, error: { code: 'invalid_input' } } });
    send(open, { id: 4, name: 'no.such.call' });
    expect((await answer(open)).result.ok).toBe(false);
    send(open, { id: 5, name: 'opportunities.create', input: { company: '', role: 42 } });
    expect(await answer(open)).toMatchObject({ id: 5, result: { ok: false, error: { code: 'invalid_input' } } });

    // Unmasked: a protocol error (1002).
    open.socket.write(clientFrame(Buffer.from(JSON.stringify({ id: 6, name: 'opportunities.create', input: { company: 'Unmasked', role: 'x' } })), { masked: false }));
    expect(await open.next()).toEqual({ close: 1002 });

    const binary = await connect();
    binary.socket.write(clientFrame(Buffer.from(JSON.stringify({ id: 1, name: 'opportunities.create', input: { company: 'Binary', role: 'x' } })), { opcode: 0x2 }));
    expect(await binary.next()).toEqual({ close: 1003 });

    const large = await connect();
    const huge = JSON.stringify({ id: 1, name: 'opportunities.create', input: { company: 'Huge', role: 'x', notes: 'x'.repeat(MAX_BODY_BYTES) } });
    large.socket.write(clientFrame(Buffer.from(huge)));
    expect(await large.next()).toEqual({ close: 1009 });

    const list = await core.call('opportunities.list', undefined);
    expect(list.ok && list.value).toEqual([]);
  });

  it('answers the calls in flight before it closes; a call after the shutdown began is refused, not run', async () => {
    const dataDir = tempDir();
    core = createCore({ dataDir, transport: 'http' });
    // The create waits at the gate: it is in flight when the shutdown starts.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const inCall = new Promise<void>((r) => (started = r));
    server = await startWebServer({
      core: {
        call: async (name, input, origin) => {
          if (name === 'opportunities.create') {
            started();
            await gate;
          }
          return core.call(name, input, origin);
        },
        subscribe: (listener) => core.subscribe(listener),
      },
      rendererDir: path.join(dataDir, 'no-renderer'),
    });
    const open = await connect();
    send(open, { id: 1, name: 'opportunities.create', input: { company: 'Initech', role: 'Analyst' } });
    await inCall;
    let closed = false;
    const closing = server.close().then(() => (closed = true));
    send(open, { id: 2, name: 'opportunities.list' });
    // Refused while closing, not run; the call in flight is not cut off.
    expect(await answer(open)).toMatchObject({ id: 2, result: { ok: false, error: { code: 'shutting_down' } } });
    expect(closed).toBe(false);
    release();
    expect(await answer(open)).toMatchObject({ id: 1, result: { ok: true, value: { company: 'Initech' } } });
    // Then the socket is closed (1001: going away), and the server with it.
    expect(await open.next()).toEqual({ close: 1001 });
    await closing;
    const list = await core.call('opportunities.list', undefined);
    expect(list.ok && (list.value as { company: string }[]).map((o) => o.company)).toEqual(['Initech']);
    // afterEach closes the server again: a second close must be harmless.
  });
});
