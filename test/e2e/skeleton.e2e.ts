import { expect, test } from '@playwright/test';
import { callApi, rawRequest } from './http-client';
import { skipFirstStart, startServer, tempDataDir } from './web-server';

test('an opportunity created in the UI is still there after the server restarts', async ({ page }) => {
  const dataDir = tempDataDir();
  let server = await startServer(dataDir);
  try {
    await skipFirstStart(server);
    await page.goto(server.url);
    const quickAdd = page.getByRole('form', { name: 'Quick add' });
    await expect(quickAdd).toBeVisible();
    // The secret leaves the visible address once the page has it.
    await expect.poll(() => page.url()).not.toContain('token=');

    await quickAdd.getByLabel('Company').fill('Northwind Traders');
    await quickAdd.getByLabel('Role').fill('Staff Engineer');
    await quickAdd.getByLabel('Round date and time').fill('2030-11-20T14:30');
    await quickAdd.getByLabel('Format').selectOption('in-person');
    await quickAdd.getByRole('button', { name: 'Add' }).click();

    const upcoming = page.getByRole('region', { name: 'Upcoming', exact: true });
    await expect(upcoming.getByText('Northwind Traders')).toBeVisible();
    await expect(upcoming.getByText(/Round 1 · In person/)).toBeVisible();

    expect(await server.stop()).toBe(0);
    server = await startServer(dataDir);
    await page.goto(server.url);
    await expect(page.getByRole('region', { name: 'Upcoming', exact: true }).getByText('Northwind Traders')).toBeVisible();
    await expect(page.getByText('Staff Engineer')).toBeVisible();
  } finally {
    await server.stop();
  }
});

test('browser mode refuses calls without the secret, from a foreign Host or Origin, and changes nothing', async () => {
  const server = await startServer(tempDataDir());
  try {
    const create = { company: 'Intruder Inc', role: 'None' };
    const noSecret = await callApi(server.port, null, 'opportunities.create', create);
    expect(noSecret.status).toBe(401);
    const wrongSecret = await callApi(server.port, 'not-the-secret', 'opportunities.create', create);
    expect(wrongSecret.status).toBe(401);
    const foreignHost = await callApi(server.port, server.token, 'opportunities.create', create, { Host: 'evil.example' });
    expect(foreignHost.status).toBe(403);
    const rebinding = await callApi(server.port, server.token, 'opportunities.create', create, { Host: `evil.example:${server.port}` });
    expect(rebinding.status).toBe(403);
    const foreignOrigin = await callApi(server.port, server.token, 'opportunities.create', create, { Origin: 'https://evil.example' });
    expect(foreignOrigin.status).toBe(403);
    expect(foreignOrigin.headers['access-control-allow-origin']).toBeUndefined();

    // Static files come only from the renderer folder: the journal next door is out of reach.
    for (const attempt of ['/../journal.sqlite3', '/%2e%2e/%2e%2e/package.json', '/assets/..%2f..%2fjournal.sqlite3', '/..\\journal.sqlite3']) {
      const response = await rawRequest(server.port, { path: attempt, headers: { Host: `127.0.0.1:${server.port}` } });
      expect(response.status, attempt).toBe(404);
      expect(response.body).not.toContain('SQLite format');
    }
    // A call may not carry more than 1 MiB; a simple cross-site form post is refused.
    const huge = await callApi(server.port, server.token, 'opportunities.create', { company: 'x'.repeat(2 * 1024 * 1024), role: 'y' });
    expect(huge.status).toBe(413);
    const form = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/call/opportunities.create',
      headers: { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'text/plain', Authorization: `Bearer ${server.token}` },
      body: '{"company":"Form","role":"Post"}',
    });
    expect(form.status).toBe(415);

    const list = await callApi(server.port, server.token, 'opportunities.list');
    expect(JSON.parse(list.body)).toEqual({ ok: true, value: [] });

    const created = await callApi(server.port, server.token, 'opportunities.create', { company: 'Acme', role: 'Engineer' }, { Origin: server.origin });
    expect(JSON.parse(created.body).ok).toBe(true);
    const after = JSON.parse((await callApi(server.port, server.token, 'opportunities.list')).body);
    expect(after.value.map((o: { company: string }) => o.company)).toEqual(['Acme']);
  } finally {
    await server.stop();
  }
});

test('a malformed request target or an undecodable call name is a 400 with a reason, not a 500', async () => {
  const server = await startServer(tempDataDir());
  try {
    const headers = { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` };
    for (const target of ['/api/call/%E0%A4%A', '/api/call/%', '/api/call/opportunities.list%FF']) {
      const response = await rawRequest(server.port, { method: 'POST', path: target, headers, body: '' });
      expect(response.status, target).toBe(400);
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/percent-encoding/) } });
    }
    const malformed = await rawRequest(server.port, { method: 'GET', path: '//[oops', headers: { Host: `127.0.0.1:${server.port}` } });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/not a valid address/) } });
    // The server is still answering, and nothing was written.
    expect(JSON.parse((await callApi(server.port, server.token, 'opportunities.list')).body)).toEqual({ ok: true, value: [] });
  } finally {
    await server.stop();
  }
});

test('an import may carry a file larger than the 1 MiB every other call is held to', async () => {
  const server = await startServer(tempDataDir());
  try {
    const rows = Array.from({ length: 30_000 }, (_, i) => `Company ${i},Engineer,2026-11-${String((i % 28) + 1).padStart(2, '0')},Applied`);
    const csv = ['Company,Role,Date applied,Status', ...rows].join('\r\n');
    const base64 = Buffer.from(csv).toString('base64');
    expect(base64.length).toBeGreaterThan(1024 * 1024);
    const preview = await callApi(server.port, server.token, 'transfer.previewCsv', { base64 });
    expect(preview.status).toBe(200);
    expect(JSON.parse(preview.body)).toMatchObject({ ok: true, value: { rows: 30_000, importable: 30_000, problems: [] } });
    const other = await callApi(server.port, server.token, 'reflections.save', { roundId: 1, body: base64 });
    expect(other.status).toBe(413);
  } finally {
    await server.stop();
  }
});
