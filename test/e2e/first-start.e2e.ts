/**
 * The first start: a new journal asks the user's name (and signature, time zone, English), shows
 * how the board works with an example card the user can remove, and the first letter drafted is
 * signed with the name given. The issue this guards: every draft said "[your name]".
 */
import { callApi } from './http-client';
import { expectAccessible } from './axe';
import { card, column, expect, test } from './fixtures';
import type { RunningServer } from './web-server';

test.use({ firstStart: true });

const api = async <T>(server: RunningServer, name: string, input?: unknown): Promise<T> => {
  const body = JSON.parse((await callApi(server.port, server.token, name, input)).body) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${name}: ${body.error?.message}`);
  return body.value;
};

test('the first start asks the name, explains the board with an example card, and the first draft is signed with the name', async ({ page, server }) => {
  await page.goto(server.url);
  const welcome = page.getByRole('dialog', { name: 'Welcome to Afterword' });
  await expect(welcome.getByLabel('Your name')).toBeFocused();
  await welcome.getByLabel('Your name').fill('Jordan Avery');
  // The signature follows the name until the user writes their own.
  await expect(welcome.getByLabel('Signature')).toHaveValue('Best regards,\nJordan Avery');
  // The time zone is the system's unless chosen (it follows the machine when it travels).
  await expect(welcome.getByLabel('Time zone')).toHaveValue('system');
  // Zones by their current names (Chromium lists some by old ones: Asia/Calcutta, Europe/Kiev).
  const zones = await welcome.getByLabel('Time zone').locator('option').allTextContents();
  expect(zones).toEqual(expect.arrayContaining(['Asia/Kolkata', 'Europe/Kyiv', 'Asia/Ho Chi Minh']));
  expect(zones).not.toContain('Asia/Calcutta');
  await welcome.getByLabel('English').selectOption('en-GB');
  await expectAccessible(page, 'the first start', 'dialog[open]');
  await welcome.getByRole('button', { name: 'Continue' }).click();

  const tour = page.getByRole('dialog', { name: 'How the board works' });
  await expect(tour).toContainText('One card per job.');
  await expect(tour.getByLabel(/Keep the example card on the board/)).toBeChecked();
  // The example is on the board already, behind the explanation.
  await expect(column(page, 'Upcoming')).toContainText('Example company');
  // Each step takes the focus (it fell to the page): Back to the name, Continue to the next step's button.
  await expect(tour.getByRole('button', { name: 'Show me the board' })).toBeFocused();
  await tour.getByRole('button', { name: 'Back' }).click();
  await expect(welcome.getByLabel('Your name')).toBeFocused();
  await expect(welcome.getByLabel('Your name')).toHaveValue('Jordan Avery');
  await welcome.getByRole('button', { name: 'Continue' }).click();
  await expect(tour.getByRole('button', { name: 'Show me the board' })).toBeFocused();
  await expect(column(page, 'Upcoming').getByText('Example company')).toHaveCount(1);
  await tour.getByRole('button', { name: 'Show me the board' }).click();
  await expect(tour).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'What just happened' })).toContainText('Welcome, Jordan Avery!');
  await expect(column(page, 'Upcoming')).toContainText('Example company');

  const state = await api<{ settings: Record<string, unknown> }>(server, 'settings.get');
  expect(state.settings).toMatchObject({ userName: 'Jordan Avery', signature: 'Best regards,\nJordan Avery', timeZone: 'system', englishVariant: 'en-GB', setupDone: true });

  // The example card goes like any other, with a statement of what it takes with it.
  await card(page, 'Example company').click();
  const example = page.getByRole('region', { name: 'Example company: Product designer' });
  await example.getByRole('button', { name: 'Delete…' }).click();
  // The welcome said before this dialog opened is not repeated inside it.
  const deleting = page.getByRole('dialog', { name: 'Delete Example company (Product designer)?' });
  await expect(deleting).toBeVisible();
  await expect(deleting).not.toContainText('Welcome, Jordan Avery!');
  await deleting.getByRole('button', { name: 'Delete Example company' }).click();
  await expect(card(page, 'Example company')).toHaveCount(0);

  // A real card, then its first thank-you draft: signed with the name given at the first start.
  const alice = await api<{ id: number }>(server, 'contacts.create', { name: 'Alice Ng', email: 'alice@northwind.example' });
  await api(server, 'opportunities.create', {
    company: 'Northwind',
    role: 'Designer',
    firstRound: { startsAt: new Date(Date.now() - 3 * 3_600_000).toISOString(), format: 'video', interviewerIds: [alice.id] },
  });
  await page.reload();
  await card(page, 'Northwind').click();
  await page.getByRole('button', { name: 'Letters for round 1' }).click();
  const letters = page.getByRole('region', { name: 'Letters' });
  await letters.getByRole('button', { name: 'Draft' }).click();
  const text = letters.getByRole('article', { name: 'Letter to Alice Ng' }).getByLabel('Text');
  await expect(text).toHaveValue(/Jordan Avery\s*$/);
  await expect(text).not.toHaveValue(/\[your name\]/);

  // Done once: a reload does not ask again.
  await page.reload();
  await expect(card(page, 'Northwind')).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Welcome to Afterword' })).toHaveCount(0);
});

test('the setup can be skipped, and is not asked again', async ({ page, server }) => {
  await page.goto(server.url);
  const welcome = page.getByRole('dialog', { name: 'Welcome to Afterword' });
  await welcome.getByRole('button', { name: 'Skip the setup' }).click();
  await expect(welcome).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'What just happened' })).toContainText('Setup skipped.');
  await expect(page.getByRole('heading', { name: 'Your board is empty' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your board is empty' })).toBeVisible();
  await expect(welcome).toHaveCount(0);
  expect((await api<{ settings: { setupDone: boolean; userName: string } }>(server, 'settings.get')).settings).toMatchObject({ setupDone: true, userName: '' });
});
