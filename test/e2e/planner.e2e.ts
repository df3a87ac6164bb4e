import { card, column, expect, localInput, test } from './fixtures';

test('a round entered through the UI: the thank-you is due with its reason; Done moves the card on to the status check', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Add your first opportunity' }).click();
  const form = page.getByRole('dialog', { name: 'New opportunity' });
  await form.getByLabel('Company').fill('Globex');
  await form.getByLabel('Role').fill('Data Analyst');
  // The round ended 25 hours ago: the reflection window has passed, the thank-you is overdue.
  await form.getByLabel('Date and time').fill(await localInput(page, -26));
  await form.getByLabel('Format').selectOption('video');
  await form.getByRole('button', { name: 'Create opportunity' }).click();

  // Creating opens the card's detail.
  const detail = page.getByRole('region', { name: 'Globex: Data Analyst' });
  const thanks = detail.getByRole('listitem', { name: 'Thank-you: your interviewer' });
  await expect(thanks).toContainText('Overdue');
  await expect(thanks).toContainText('24 hours after round 1 ended');
  await expect(thanks).toContainText('“What to Do After a Job Interview”');
  await expect(thanks).not.toContainText('seed');
  // The reflection's window (24 hours) closed: it is kept as missed, in the actions and the timeline.
  await expect(detail.getByRole('list', { name: 'Missed' }).getByRole('listitem', { name: 'Write the reflection' })).toContainText('Missed: the window closed');
  await expect(detail.getByRole('list', { name: 'Timeline' })).toContainText('Missed: Write the reflection');
  await detail.getByRole('button', { name: 'Close' }).click();

  const globex = card(page, 'Globex');
  await expect(globex).toContainText('Overdue: Thank-you');
  await expect(column(page, 'Interviewed')).toContainText('Globex');

  await globex.click();
  await page.getByRole('button', { name: 'Done: Thank-you: your interviewer' }).click();
  await expect(detail.getByRole('listitem', { name: 'Status check' })).toContainText('no decision date was given');
  await expect(detail.getByRole('list', { name: 'Timeline' })).toContainText('Thank-you sent');
  await detail.getByRole('button', { name: 'Close' }).click();

  await expect(globex).toContainText('Status check');
  await expect(globex).not.toContainText('Overdue');
  await expect(column(page, 'Thanked')).toContainText('Globex');

  // They said they would decide by a date: edit the round, and the status check follows it.
  await globex.click();
  await detail.getByRole('button', { name: 'Edit round 1' }).click();
  const decision = await page.evaluate(() => {
    const d = new Date(Date.now() + 10 * 86_400_000);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await detail.getByLabel('Decision date').fill(decision);
  await detail.getByRole('button', { name: 'Save round' }).click();
  await expect(detail.getByRole('listitem', { name: 'Status check' })).toContainText('they said they would decide by');
  // The form is gone with the button that was pressed: the focus is on the round's Edit button.
  await expect(detail.getByRole('button', { name: 'Edit round 1' })).toBeFocused();
});
