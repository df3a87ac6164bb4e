/**
 * The answers a user gives a move dialog are the answers recorded, whatever happens around it.
 *
 * The bug this guards (issue "Green from any fresh clone"): the close dialog recorded "Rejected"
 * although the user had checked "I withdrew". Cause: dnd-kit's pointer sensor swallows every
 * click at the document (capture phase) until 50 ms after a drop, to keep the drop from clicking
 * the card; the dialog opens at the drop, so a quick first choice changed the radio in the page
 * while React never heard of it, and the dialog's preselected default was sent. The test holds
 * the page's clock still over the drop, so that window stays open for as long as the test needs:
 * the reproduction is deterministic, not a race.
 */
import type { Page } from '@playwright/test';
import { callApi } from './http-client';
import { column, dragCard, expect, test } from './fixtures';
import type { RunningServer } from './web-server';

async function seed(server: RunningServer, company: string, interviewers: readonly string[]): Promise<number> {
  const ids: number[] = [];
  for (const name of interviewers) {
    const created = await callApi(server.port, server.token, 'contacts.create', { name });
    ids.push((JSON.parse(created.body) as { value: { id: number } }).value.id);
  }
  const startsAt = new Date(Date.now() - 5 * 3_600_000).toISOString();
  const response = await callApi(server.port, server.token, 'opportunities.create', {
    company,
    role: 'Engineer',
    firstRound: { startsAt, format: 'video', interviewerIds: ids },
  });
  return (JSON.parse(response.body) as { value: { id: number } }).value.id;
}

/** Drags a card to a column with the mouse, and freezes the page's timers at the drop. */
const dropWithClockHeld = (page: Page, company: string, to: string): Promise<void> =>
  dragCard(page, company, to, () => page.clock.pauseAt(new Date(Date.now() + 1_000)));

async function eventsOf(server: RunningServer, opportunityId: number): Promise<{ kind: string; contactId: number | null }[]> {
  const response = await callApi(server.port, server.token, 'events.list', { opportunityId });
  return (JSON.parse(response.body) as { value: { kind: string; contactId: number | null; undoneAt: string | null }[] }).value.filter((e) => !e.undoneAt);
}

test('the close dialog records the outcome the user chose, even when it is chosen at the instant of the drop', async ({ page, server }) => {
  const id = await seed(server, 'Hooli', ['Carla Diaz']);
  await page.clock.install();
  await page.goto(server.url);
  await expect(column(page, 'Interviewed')).toContainText('Hooli');

  await dropWithClockHeld(page, 'Hooli', 'Closed');
  const why = page.getByRole('dialog', { name: 'Why is Hooli closed?' });
  // No outcome is chosen for the user, so nothing can be recorded by default.
  for (const label of ['Rejected', 'I moved on', 'I withdrew', 'I accepted another offer']) await expect(why.getByLabel(label)).not.toBeChecked();
  await expect(why.getByRole('button', { name: 'Move to Closed' })).toBeDisabled();

  await why.getByLabel('I withdrew').check();
  await page.clock.resume();
  await expect(why.getByRole('button', { name: 'Move to Closed' })).toBeEnabled();
  await why.getByRole('button', { name: 'Move to Closed' }).click();
  await expect(page.getByRole('status', { name: 'Board changes' })).toContainText('Saved: Hooli moved to Closed');

  expect((await eventsOf(server, id)).map((e) => e.kind)).toContain('withdrawn');
  expect((await eventsOf(server, id)).map((e) => e.kind)).not.toContain('rejected');
});

test('the thank-you dialog records exactly the people the user left checked', async ({ page, server }) => {
  const id = await seed(server, 'Initech', ['Alice Ng', 'Bob Ortiz']);
  await page.clock.install();
  await page.goto(server.url);
  await expect(column(page, 'Interviewed')).toContainText('Initech');

  await dropWithClockHeld(page, 'Initech', 'Thanked');
  const who = page.getByRole('dialog', { name: 'Who did you thank at Initech?' });
  await who.getByLabel('Bob Ortiz').uncheck();
  await page.clock.resume();
  await expect(who.getByLabel('Alice Ng')).toBeChecked();
  await expect(who.getByLabel('Bob Ortiz')).not.toBeChecked();
  await who.getByRole('button', { name: 'Move to Thanked' }).click();
  // Bob is not thanked yet: the card stays in Interviewed, and the status line says so (it said
  // "moved to Thanked" while the card stayed where it was).
  await expect(page.getByRole('status', { name: 'Board changes' })).toContainText('Saved: the thank-yous are recorded; Initech stays in Interviewed until everyone you met is thanked.');
  await expect(column(page, 'Interviewed')).toContainText('Initech');
  await expect(column(page, 'Thanked')).not.toContainText('Initech');

  const contacts = JSON.parse((await callApi(server.port, server.token, 'contacts.list')).body) as { value: { id: number; name: string }[] };
  const bob = contacts.value.find((c) => c.name === 'Bob Ortiz')!.id;
  const thanked = (await eventsOf(server, id)).filter((e) => e.kind === 'thank_you_sent').map((e) => e.contactId);
  expect(thanked).toHaveLength(1);
  expect(thanked).not.toContain(bob);
});
