/**
 * Browser mode on SIGTERM/SIGINT: the calls in flight finish (and answer) before the server
 * closes, so a write the page was told about is in the journal; calls that arrive after the
 * shutdown began are refused with a clear code, never half-run.
 */
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import { startWebServer } from '../../src/main/web/http-transport';
import { tempDir } from './helpers';

function post(port: number, secret: string, name: string, input: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(input);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/call/${name}`,
        headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json', Authorization: `Bearer ${secret}`, Connection: 'close' },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('browser mode drains its calls before it closes', () => {
  it('answers the call in flight, writes it to the journal, then closes; a later call is refused', async () => {
    const dataDir = tempDir();
    const core = createCore({ dataDir, transport: 'http' });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const inCall = new Promise<void>((r) => (started = r));
    const server = await startWebServer({
      core: {
        // The create waits at the gate: it is in flight when the shutdown starts.
        call: async (name, input) => {
          if (name === 'opportunities.create') {
            started();
            await gate;
          }
          return core.call(name, input);
        },
        subscribe: (listener) => core.subscribe(listener),
      },
      rendererDir: path.join(dataDir, 'no-renderer'),
    });

    const answer = post(server.port, server.secret, 'opportunities.create', { company: 'Globex', role: 'Analyst' });
    await inCall;
    let closed = false;
    const closing = server.close().then(() => (closed = true));
    // A call that arrives while closing is refused, not run.
    const late = await post(server.port, server.secret, 'opportunities.create', { company: 'Late Co', role: 'Analyst' }).catch((e: Error) => ({ status: 0, body: e.message }));
    expect(late.status === 503 ? JSON.parse(late.body).error.code : 'connection refused').toMatch(/shutting_down|connection refused/);
    expect(closed).toBe(false);

    release();
    const response = await answer;
    await closing;
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, value: { company: 'Globex' } });
    core.close();

    const reopened = createCore({ dataDir, transport: 'http' });
    const list = await reopened.call('opportunities.list', undefined);
    expect(list.ok && list.value).toEqual([expect.objectContaining({ company: 'Globex' })]);
    reopened.close();
  });
});
