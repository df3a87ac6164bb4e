import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { expect, test } from './fixtures';
import { startServer, tempDataDir } from './web-server';
import { callApi } from './http-client';

const hash = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

test('a corrupt journal and a corrupt settings file: the app explains, offers the newest good backup, and keeps the originals', async ({ page }) => {
  const dataDir = tempDataDir();
  // A real journal with a backup, then damaged.
  let server = await startServer(dataDir);
  await callApi(server.port, server.token, 'opportunities.create', { company: 'Saved Co', role: 'Designer' });
  await callApi(server.port, server.token, 'backups.create');
  await server.stop();
  const journal = path.join(dataDir, 'journal.sqlite3');
  const bytes = fs.readFileSync(journal);
  bytes.write('NOT A DATABASE ANY MORE', 0);
  fs.writeFileSync(journal, bytes);
  fs.writeFileSync(path.join(dataDir, 'settings.json'), '{ broken');
  const journalHash = hash(journal);

  server = await startServer(dataDir);
  try {
    expect(server.output()).toContain('Afterword could not open its journal');
    await page.goto(server.url);
    await expect(page.getByRole('heading', { name: 'Afterword cannot open your journal' })).toBeVisible();
    await expect(page.getByRole('alert').first()).toContainText('has not been changed');
    await expect(page.getByRole('list', { name: 'Backups' })).toContainText('the newest good backup');
    expect(hash(journal)).toBe(journalHash);

    await page.getByRole('button', { name: 'Restore this backup' }).first().click();
    // An app dialog (not the browser's) says what restoring does before it is done.
    const ask = page.getByRole('dialog', { name: 'Restore this journal?' });
    await expect(ask).toContainText('The damaged journal is not deleted');
    await ask.getByRole('button', { name: 'Restore it' }).click();
    await expect(page.getByRole('status', { name: 'What just happened' })).toContainText('The damaged journal is kept aside');
    await expect(page.getByRole('region', { name: 'Upcoming', exact: true })).toContainText('Saved Co'); // no round yet: Upcoming
    // The settings file was broken too: the app says so, and kept it.
    await expect(page.getByRole('alert')).toContainText('The settings file could not be read');
    const files = fs.readdirSync(dataDir);
    const kept = files.find((f) => f.startsWith('journal.sqlite3.before-restore-') && !f.endsWith('-wal') && !f.endsWith('-shm'))!;
    expect(hash(path.join(dataDir, kept))).toBe(journalHash);
    expect(files.some((f) => f.startsWith('settings.json.broken-'))).toBe(true);
  } finally {
    await server.stop();
  }
});
