import fs from 'node:fs';
import mammoth from 'mammoth';
import { callApi } from './http-client';
import { card, expect, test } from './fixtures';

test('letters: two thank-yous drafted, a placeholder caught and fixed, cards exported, one sent and the plan moves on', async ({ page, server }) => {
  const api = async (name: string, input: unknown) => JSON.parse((await callApi(server.port, server.token, name, input)).body).value;
  await api('settings.update', { userName: 'Sam Lee' });
  const alice = await api('contacts.create', { name: 'Alice Ng', email: 'alice@northwind.example' });
  const bob = await api('contacts.create', { name: 'Bob Ortiz' });
  const opportunity = await api('opportunities.create', {
    company: 'Northwind',
    role: 'Product Designer',
    firstRound: { startsAt: new Date(Date.now() - 3 * 3_600_000).toISOString(), format: 'in-person', interviewerIds: [alice.id, bob.id] },
  });
  // The reflection is written (the planner's first action), so the thank-yous come next.
  await api('events.record', { opportunityId: opportunity.id, roundId: opportunity.rounds[0].id, kind: 'reflection_written' });

  await page.goto(server.url);
  await expect(card(page, 'Northwind')).toContainText('Thank-you: Alice Ng');
  await card(page, 'Northwind').click();
  await page.getByRole('button', { name: 'Letters for round 1' }).click();
  const letters = page.getByRole('region', { name: 'Letters' });
  await letters.getByRole('button', { name: 'Draft' }).click();

  const toAlice = letters.getByRole('article', { name: 'Letter to Alice Ng' });
  const toBob = letters.getByRole('article', { name: 'Letter to Bob Ortiz' });
  await expect(toAlice.getByLabel('Text')).toHaveValue(/^Dear Alice,/);
  await expect(toBob.getByLabel('Text')).toHaveValue(/^Dear Bob,/);

  // No reflection yet: the detail is a placeholder, and the checks say so, as an error.
  const checks = toAlice.getByRole('list', { name: 'Checks for the letter to Alice Ng' });
  await expect(checks).toContainText('Fix before sending: “[One sentence about a moment from');
  await expect(checks).toContainText('A template placeholder is still in the text');
  const text = await toAlice.getByLabel('Text').inputValue();
  await toAlice.getByLabel('Text').fill(text.replace('[One sentence about a moment from your conversation.]', 'I especially enjoyed our conversation about the redesign of the onboarding flow in Dagstr.'));
  // A word the dictionary lacks is a suggestion the user can settle: it is right, add it.
  await expect(checks).toContainText('Suggestion: “Dagstr” "Dagstr" is not in the dictionary');
  await checks.getByRole('button', { name: 'Add “Dagstr” to my dictionary' }).click();
  await expect(toAlice.getByText('No problems found.')).toBeVisible();
  await expect(toAlice.getByRole('link', { name: 'Open in mail' })).toHaveAttribute('href', /^mailto:alice@northwind\.example\?subject=.*&body=Dear%20Alice%2C%0D%0A%0D%0AThank%20you/);

  // Bob has no address: no mail link, a message and a way to add one.
  await expect(toBob.getByRole('link', { name: 'Open in mail' })).toHaveCount(0);
  await expect(toBob).toContainText('The journal has no email address for Bob Ortiz');
  await toBob.getByRole('textbox', { name: 'Email address for Bob Ortiz' }).fill('bob@northwind.example');
  await toBob.getByRole('button', { name: 'Save address' }).click();
  await expect(toBob.getByRole('link', { name: 'Open in mail' })).toHaveAttribute('href', /^mailto:bob@northwind\.example\?/);

  // Bob's letter made the same as Alice's: Alice's checks refresh too, though her letter did not change.
  await toBob.getByLabel('Text').fill((await toAlice.getByLabel('Text').inputValue()).replace('Dear Alice,', 'Dear Bob,'));
  await expect(checks).toContainText('This is almost the same letter as the one to Bob Ortiz');
  await toBob.getByLabel('Text').fill('Dear Bob,\n\nThank you for walking me through your research practice and the diary studies; I would love to help the team run them.\n\nBest regards,\nSam Lee');
  await expect(toAlice.getByText('No problems found.')).toBeVisible();

  // Print the thank-you cards (an in-person round): one .docx with a card each.
  await letters.getByRole('combobox', { name: 'Letter kind' }).selectOption('thank-you-card');
  await letters.getByRole('button', { name: 'Draft' }).click();
  await expect(letters.getByRole('article')).toHaveCount(2);
  // The print options fit the panel: the font choice's long names once pushed it into a sideways scroll.
  const print = letters.getByRole('group', { name: 'Print as .docx' });
  await print.scrollIntoViewIfNeeded();
  expect(await print.evaluate((group) => group.closest('.panel-body')!.scrollWidth - group.closest('.panel-body')!.clientWidth)).toBeLessThanOrEqual(0);
  const download = page.waitForEvent('download');
  await letters.getByRole('button', { name: 'Export these 2 letters (.docx)' }).click();
  const file = await (await download).path();
  const { value: docText } = await mammoth.extractRawText({ buffer: fs.readFileSync(file) });
  expect(docText).toContain('Dear Alice,');
  expect(docText).toContain('Dear Bob,');

  // Back to the emails: mark Alice's as sent; the planner's next action moves on to Bob.
  await letters.getByRole('combobox', { name: 'Letter kind' }).selectOption('thank-you-email');
  await toAlice.getByRole('button', { name: 'Mark the letter to Alice Ng as sent' }).click();
  await expect(toAlice.getByText('✓ Sent')).toBeVisible();
  const detail = page.getByRole('region', { name: 'Northwind: Product Designer' });
  await expect(detail.getByRole('list', { name: 'Timeline' })).toContainText('Thank-you sent to Alice Ng (email)');
  await detail.getByRole('button', { name: 'Close' }).click();
  await expect(card(page, 'Northwind')).toContainText('Thank-you: Bob Ortiz');
});
