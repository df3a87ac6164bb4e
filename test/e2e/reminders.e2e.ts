import { callApi } from './http-client';
import { expect, test } from './fixtures';

test('an action that comes due while the page is open shows in Today, on the board and as a Web Notification', async ({ page, server }) => {
  // Record every Web Notification the page shows (headless Chromium has no notification centre).
  await page.addInitScript(() => {
    const shown: { title: string; body: string }[] = [];
    (window as unknown as { shownNotifications: typeof shown }).shownNotifications = shown;
    class RecordingNotification {
      static permission = 'granted';
      static requestPermission = async () => 'granted';
      onclick: (() => void) | null = null;
      constructor(title: string, options: { body?: string } = {}) {
        shown.push({ title, body: options.body ?? '' });
      }
    }
    Object.defineProperty(window, 'Notification', { value: RecordingNotification });
  });
  const api = async (name: string, input: unknown) => JSON.parse((await callApi(server.port, server.token, name, input)).body);
  expect((await api('settings.update', { quietHours: { start: '00:00', end: '00:00' } })).ok).toBe(true);
  const alice = (await api('contacts.create', { name: 'Alice Ng' })).value;
  const opp = (
    await api('opportunities.create', {
      company: 'Hooli',
      role: 'Designer',
      // Ended 26 hours ago: the thank-you is overdue (still offered until 48 hours).
      firstRound: { startsAt: new Date(Date.now() - 27 * 3_600_000).toISOString(), format: 'video', interviewerIds: [alice.id] },
    })
  ).value;
  const thanks = (await api('actions.forOpportunity', { opportunityId: opp.id })).value.find((a: { kind: string }) => a.kind === 'thank-you');
  // The user snoozed it a few seconds ago for a few seconds: it comes due again while we watch.
  expect((await api('actions.snooze', { opportunityId: opp.id, key: thanks.key, until: new Date(Date.now() + 4_000).toISOString() })).ok).toBe(true);

  await page.goto(server.url);
  const dueLine = page.getByRole('region', { name: 'Due today' });
  await expect(dueLine).toBeVisible();
  await expect(dueLine).not.toContainText('overdue');
  await page.getByRole('button', { name: 'Open Today' }).click();
  const overdue = page.getByRole('region', { name: /^Overdue/ });
  await expect(overdue).toContainText('Nothing is overdue.');

  // The snooze ends: the reminder comes, Today lists it as overdue, and so does the board's line.
  await expect(page.getByRole('region', { name: 'Reminders' })).toContainText('Thank-you: Alice Ng', { timeout: 15_000 });
  const hooli = overdue.getByRole('list', { name: 'Hooli: Overdue' });
  await expect(hooli).toContainText('Thank-you: Alice Ng');
  await expect(hooli).toContainText('Overdue since');
  await expect(page.getByRole('button', { name: /^Today ?, 1 due or overdue$/ })).toBeVisible();
  await page.getByRole('button', { name: /^Board/ }).click();
  await expect(dueLine).toContainText('1 overdue');
  const shown = await page.evaluate(() => (window as unknown as { shownNotifications: { title: string; body: string }[] }).shownNotifications);
  expect(shown).toEqual([{ title: 'Thank-you: Alice Ng', body: expect.stringContaining('Hooli, Designer') }]);
});

test('settings survive a restart; a corrupt settings file starts the app with a clear message and is kept', async ({ page, server, restart }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Your name').fill('Sam Lee');
  await dialog.getByLabel('Preset').selectOption('patient');
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Saved.');

  let next = await restart();
  await page.goto(next.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' }).getByLabel('Your name')).toHaveValue('Sam Lee');
  await expect(page.getByRole('dialog', { name: 'Settings' }).getByLabel('Preset')).toHaveValue('patient');

  const fs = await import('node:fs');
  const path = await import('node:path');
  await next.stop();
  fs.writeFileSync(path.join(server.dataDir, 'settings.json'), '{"userName": "Sam", oops');
  next = await restart();
  await page.goto(next.url);
  await expect(page.getByRole('alert')).toContainText('The settings file could not be read, so Afterword started with its default settings.');
  const kept = fs.readdirSync(server.dataDir).filter((f) => f.startsWith('settings.json.broken-'));
  expect(kept).toHaveLength(1);
  expect(fs.readFileSync(path.join(server.dataDir, kept[0]!), 'utf8')).toBe('{"userName": "Sam", oops');
});
