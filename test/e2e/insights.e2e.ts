import fs from 'node:fs';
import { callApi } from './http-client';
import { expect, test } from './fixtures';

const HOUR = 3_600_000;

test('insights: a figure read by its name, its table, the exports, and no style refused by the CSP', async ({ page, server }) => {
  const api = async (name: string, input: unknown) => JSON.parse((await callApi(server.port, server.token, name, input)).body).value;
  const refused: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
  });

  // Two interviews this week: Alice thanked two hours after, Bob never (his window closed a day
  // ago), Carla thanked 30 hours after.
  const [alice, bob, carla] = await Promise.all(['Alice Ng', 'Bob Ortiz', 'Carla Diaz'].map((name) => api('contacts.create', { name })));
  const iso = (ms: number) => new Date(ms).toISOString();
  const firstStart = Date.now() - 72 * HOUR;
  const northwind = await api('opportunities.create', {
    company: 'Northwind',
    role: 'Designer',
    source: 'Referral',
    firstRound: { startsAt: iso(firstStart), durationMinutes: 60, format: 'video', interviewerIds: [alice.id, bob.id] },
  });
  await api('events.record', { opportunityId: northwind.id, roundId: northwind.rounds[0].id, contactId: alice.id, kind: 'thank_you_sent', occurredAt: iso(firstStart + 3 * HOUR) });
  const secondStart = Date.now() - 120 * HOUR;
  const globex = await api('opportunities.create', {
    company: 'Globex',
    role: 'Analyst',
    firstRound: { startsAt: iso(secondStart), durationMinutes: 60, format: 'phone', interviewerIds: [carla.id] },
  });
  await api('events.record', { opportunityId: globex.id, roundId: globex.rounds[0].id, contactId: carla.id, kind: 'thank_you_sent', occurredAt: iso(secondStart + 31 * HOUR) });

  await page.goto(server.url);
  await page.getByRole('button', { name: 'Insights' }).click();

  const thanks = page.getByRole('region', { name: 'Thank-yous', exact: true });
  await expect(thanks.getByText('2 of 3 thank-yous went out within 48 hours of the round (1 within 24); 1 was missed. 3 thank-yous due: too few to compare.')).toBeVisible();
  await expect(thanks.getByRole('img', { name: /^Thank-yous:/ })).toBeVisible();
  const table = page.getByRole('table', { name: 'Thank-yous' });
  await expect(table.getByRole('row', { name: /Within 24 hours/ }).getByRole('cell').first()).toHaveText('1');
  await expect(table.getByRole('row', { name: /24 to 48 hours/ }).getByRole('cell').first()).toHaveText('1');
  await expect(table.getByRole('row', { name: /^Missed/ }).getByRole('cell').first()).toHaveText('1');
  await expect(page.getByRole('table', { name: 'From added to offer' }).getByRole('row', { name: /^Added/ }).getByRole('cell').first()).toHaveText('2');

  // The missed one is listed and opens its card.
  await thanks.getByText('Missed recently (1)').click();
  await thanks.getByRole('button', { name: 'Northwind, round 1' }).click();
  await expect(page.getByRole('region', { name: 'Northwind: Designer' })).toBeVisible();
  await page.getByRole('region', { name: 'Northwind: Designer' }).getByRole('button', { name: 'Close' }).click();

  // The same numbers as CSV, and the chart as a PNG.
  let download = page.waitForEvent('download');
  await thanks.getByRole('button', { name: 'Export Thank-yous as CSV' }).click();
  const csv = fs.readFileSync(await (await download).path(), 'utf8');
  expect(csv).toContain('When it was sent,Thank-yous,Of those due\r\n');
  expect(csv).toContain('Within 24 hours,1,');
  expect(csv).toContain('Missed,1,');
  download = page.waitForEvent('download');
  await thanks.getByRole('button', { name: 'Export Thank-yous as PNG' }).click();
  const png = await download;
  expect(png.suggestedFilename()).toMatch(/^afterword-insights-.*-thank-yous\.png$/);
  expect(fs.readFileSync(await png.path()).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

  // A custom period that leaves both interviews out.
  await page.getByLabel('Period').selectOption('custom');
  await page.getByLabel('From', { exact: true }).fill('2020-01-01');
  await page.getByLabel('To', { exact: true }).fill('2020-12-31');
  await expect(thanks.getByText('No thank-you was due in this period.')).toBeVisible();

  await page.getByRole('button', { name: 'Back to the board' }).click();
  await expect(page.getByRole('region', { name: 'Upcoming', exact: true })).toBeVisible();
  expect(refused, 'the charts must not need any style the CSP refuses').toEqual([]);
});
