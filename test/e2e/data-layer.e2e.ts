/**
 * The renderer's data layer as a user meets it: an answer given to a dialog survives another
 * window's change and a failed reload; the board never blanks; times read in the journal's zone,
 * not the browser's; a reflection typed without a pause survives the server's death but for its
 * last second.
 */
import { callApi } from './http-client';
import { routeCalls } from './page-calls';
import { card, column, dragCard, expect, test } from './fixtures';
import { startServer } from './web-server';
import type { RunningServer } from './web-server';

const value = <T>(response: { body: string }): T => (JSON.parse(response.body) as { value: T }).value;

async function seedInterviewed(server: RunningServer, company: string, startsAt: string, interviewers: readonly string[] = ['Carla Diaz']) {
  const ids: number[] = [];
  for (const name of interviewers) ids.push(value<{ id: number }>(await callApi(server.port, server.token, 'contacts.create', { name })).id);
  return value<{ id: number; rounds: { id: number }[] }>(
    await callApi(server.port, server.token, 'opportunities.create', { company, role: 'Engineer', firstRound: { startsAt, format: 'video', interviewerIds: ids } }),
  );
}


test('the close dialog keeps the answer through another window’s change and failed reloads; the board never blanks', async ({ page, server }) => {
  const hooli = await seedInterviewed(server, 'Hooli', new Date(Date.now() - 5 * 3_600_000).toISOString());
  const calls = await routeCalls(page);
  await page.goto(server.url);
  await expect(column(page, 'Interviewed')).toContainText('Hooli');

  await dragCard(page, 'Hooli', 'Closed');
  const why = page.getByRole('dialog', { name: 'Why is Hooli closed?' });
  await why.getByLabel('I withdrew').check();

  // Another window adds a card while the dialog is open, and every read the page makes about it fails.
  const patches = calls.failNext('board.cards', 1);
  const reloads = calls.failNext('board.get', 2);
  await callApi(server.port, server.token, 'opportunities.create', { company: 'Initech', role: 'Analyst' });
  await expect.poll(reloads).toBe(2);
  expect(patches()).toBe(1);

  // A quiet notice says so; the board is still there, and so is the user's answer.
  await expect(page.getByRole('status', { name: 'Refresh problems' })).toContainText('Could not refresh the board');
  await expect(column(page, 'Interviewed')).toContainText('Hooli');
  await expect(why.getByLabel('I withdrew')).toBeChecked();
  await why.getByRole('button', { name: 'Move to Closed' }).click();
  await expect(page.getByRole('status', { name: 'Board changes' })).toContainText('Saved: Hooli moved to Closed');

  const events = value<{ kind: string; undoneAt: string | null }[]>(await callApi(server.port, server.token, 'events.list', { opportunityId: hooli.id }));
  expect(events.filter((e) => !e.undoneAt).map((e) => e.kind)).toEqual(['withdrawn']);

  // Retry: the reads work again, and the other window's card arrives.
  await page.getByRole('status', { name: 'Refresh problems' }).getByRole('button', { name: 'Retry' }).click();
  await expect(column(page, 'Upcoming')).toContainText('Initech');
});

test.describe('times in the journal’s zone', () => {
  // The browser in UTC, the journal in Auckland (UTC+13 in November): far apart on purpose.
  test.use({ timezoneId: 'UTC', locale: 'en-US' });
  const zone = 'Pacific/Auckland';
  const inZone = (iso: string | Date) =>
    new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
  const inUtc = (iso: string | Date) =>
    new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' }).format(new Date(iso));

  /** The instant when it is `hour`:00 on `day` (YYYY-MM-DD) in Auckland, whatever its offset that day. */
  function inAuckland(day: string, hour: number): Date {
    const offset = (at: number) => {
      const p = Object.fromEntries(
        new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
          .formatToParts(at)
          .map((x) => [x.type, Number(x.value)]),
      ) as Record<string, number>;
      return Date.UTC(p.year!, p.month! - 1, p.day, p.hour, p.minute) - at;
    };
    const wall = Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
    return new Date(wall - offset(wall - offset(wall)));
  }
  const aucklandDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  const aucklandHour = (at: Date) => Number(new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', hourCycle: 'h23' }).format(at));
  test('the card and its detail read in Auckland time; "tomorrow morning" is Auckland’s morning', async ({ page, server }) => {
    await callApi(server.port, server.token, 'settings.update', { timeZone: zone });
    // Two hours ago, at any time of day: its reflection is then still to write, never missed.
    const round = new Date(Math.floor((Date.now() - 2 * 3_600_000) / 60_000) * 60_000);
    await seedInterviewed(server, 'Kiwi Bank', round.toISOString(), ['Aroha Ngata']);
    await page.goto(server.url);

    const face = card(page, 'Kiwi Bank');
    await expect(face).toContainText(inZone(round));
    await expect(face).not.toContainText(inUtc(round));
    await face.click();
    const detail = page.getByRole('region', { name: 'Kiwi Bank: Engineer' });
    // The reflection is due "the same evening": 21:00 in Auckland (not in the browser's zone), or
    // two hours after a round that ends at 19:00 or later.
    const end = new Date(round.getTime() + 3_600_000);
    const evening = aucklandHour(end) >= 19 ? new Date(end.getTime() + 2 * 3_600_000) : inAuckland(aucklandDay(end), 21);
    const reflection = detail.getByRole('listitem', { name: 'Write the reflection' });
    await expect(reflection).toContainText(`Due ${inZone(evening)}`);
    await expect(detail.getByRole('list', { name: 'Timeline' }).or(detail.getByText('Nothing recorded yet.'))).toBeVisible();

    await reflection.getByRole('combobox', { name: /^Snooze/ }).selectOption('tomorrow-morning');
    // Tomorrow, Auckland's tomorrow, at 08:00 Auckland time.
    const tomorrow = inAuckland(aucklandDay(new Date(Date.now() + 86_400_000)), 8);
    await expect(reflection).toContainText(`Snoozed until ${inZone(tomorrow)}`);
    expect(inZone(tomorrow)).toContain('8:00 AM');
  });
});

test('a reflection typed without a pause: after the server dies, everything typed more than a second before is there', async ({ page, server }) => {
  const opportunity = await seedInterviewed(server, 'Umbrella Health', new Date(Date.now() - 3 * 3_600_000).toISOString());
  await page.goto(server.url);
  await card(page, 'Umbrella Health').click();
  await page.getByRole('button', { name: 'Reflection on round 1' }).click();
  const editor = page.getByRole('region', { name: 'Reflection: Umbrella Health, round 1' }).getByRole('textbox', { name: 'Reflection' });
  await expect(editor).toContainText('Questions asked');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+End');

  // A key every 60 ms, never a pause; the time each word was finished is noted.
  const words = Array.from({ length: 120 }, (_, i) => `w${i}`);
  const typedAt: { text: string; at: number }[] = [];
  let typed = '';
  let stop = false;
  const typing = (async () => {
    for (const word of words) {
      if (stop) break;
      await page.keyboard.type(`${word} `, { delay: 60 });
      typed += `${word} `;
      typedAt.push({ text: typed, at: Date.now() });
    }
  })();
  await expect.poll(() => typedAt.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(12);
  const killedAt = Date.now();
  expect(await server.stop('SIGKILL')).toBeNull();
  stop = true;
  await typing.catch(() => undefined);

  const promised = [...typedAt].reverse().find((t) => t.at <= killedAt - 1_000);
  expect(promised, 'some words were typed more than a second before the kill').toBeDefined();
  const again = await startServer(server.dataDir);
  try {
    const round = opportunity.rounds[0]!.id;
    const stored = value<{ body: string }>(await callApi(again.port, again.token, 'reflections.get', { roundId: round }));
    expect(stored.body.replace(/\s+/g, ' ')).toContain(promised!.text.trim());
  } finally {
    await again.stop();
  }
});
