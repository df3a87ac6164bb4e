/**
 * A card the user can change and remove: archived (off the board, found in the Archive, restored),
 * deleted with a statement of what it holds and brought back by Undo, closed from its detail, and
 * added by quick add with no date, when it asks for one.
 */
import { callApi } from './http-client';
import { expectAccessible } from './axe';
import { card, column, expect, test } from './fixtures';
import type { RunningServer } from './web-server';

const api = async <T>(server: RunningServer, name: string, input?: unknown): Promise<T> => {
  const body = JSON.parse((await callApi(server.port, server.token, name, input)).body) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${name}: ${body.error?.message}`);
  return body.value;
};

async function seed(server: RunningServer) {
  const bob = await api<{ id: number }>(server, 'contacts.create', { name: 'Bob Ortiz' });
  return api<{ id: number; rounds: { id: number }[] }>(server, 'opportunities.create', {
    company: 'Globex',
    role: 'Analyst',
    firstRound: { startsAt: new Date(Date.now() - 5 * 3_600_000).toISOString(), format: 'video', interviewerIds: [bob.id] },
  });
}

test('archive, restore, delete and undo an opportunity', async ({ page, server }) => {
  const globex = await seed(server);
  await api(server, 'opportunities.create', { company: 'Initech', role: 'TPS' });
  await page.goto(server.url);
  const notice = page.getByRole('status', { name: 'What just happened' });

  // Archive: off the board, through the board's own patch (no reload).
  await card(page, 'Globex').click();
  const detail = page.getByRole('region', { name: 'Globex: Analyst' });
  await detail.getByRole('button', { name: 'Archive', exact: true }).click();
  await expect(notice).toContainText('Archived Globex (Analyst): it is off the board and its reminders stop.');
  await expect(detail.getByRole('note')).toContainText('Archived');
  await detail.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(card(page, 'Globex')).toHaveCount(0);
  await expect(card(page, 'Initech')).toBeVisible();

  // Found in the Archive, and restored from there.
  await page.getByRole('button', { name: 'Archive', exact: true }).click();
  const archive = page.getByRole('dialog', { name: 'Archive' });
  await expect(archive.getByRole('list', { name: 'Archived opportunities' })).toContainText('Globex, Analyst');
  await expectAccessible(page, 'the archive', 'dialog[open]');
  await archive.getByRole('button', { name: 'Restore Globex, Analyst, to the board' }).click();
  await expect(notice).toContainText('Restored Globex (Analyst) to the board.');
  await expect(archive.getByText('Nothing archived.')).toBeVisible();
  await archive.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(card(page, 'Globex')).toBeVisible();

  // Delete: the dialog says what goes with the card, in words.
  await card(page, 'Globex').click();
  await detail.getByRole('button', { name: 'Delete…' }).click();
  const ask = page.getByRole('dialog', { name: 'Delete Globex (Analyst)?' });
  await expect(ask).toContainText('This deletes the card for Globex (Analyst) with 1 round, 0 timeline entries and 0 letters. The people stay in your contacts.');
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectAccessible(page, 'the delete dialog', 'dialog[open]:last-of-type');
  await ask.getByRole('button', { name: 'Delete Globex' }).click();
  await expect(detail).toHaveCount(0);
  await expect(notice).toContainText('Deleted Globex (Analyst) with 1 round');
  await expect(card(page, 'Globex')).toHaveCount(0);
  expect(await api<unknown[]>(server, 'opportunities.list')).toHaveLength(1);

  // Undo brings it all back: the card, its round and its interviewer.
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(notice).toContainText('Restored Globex (Analyst), with everything it held.');
  await expect(card(page, 'Globex')).toBeVisible();
  const back = await api<{ id: number; rounds: { id: number; interviewerIds: number[] }[] }>(server, 'opportunities.get', { id: globex.id });
  expect(back.rounds.map((r) => r.id)).toEqual([globex.rounds[0]!.id]);
  expect(back.rounds[0]!.interviewerIds).toHaveLength(1);
});

test('close, withdraw or record a rejection from the card detail, with Undo', async ({ page, server }) => {
  const globex = await seed(server);
  await page.goto(server.url);
  const notice = page.getByRole('status', { name: 'What just happened' });
  await card(page, 'Globex').click();
  const detail = page.getByRole('region', { name: 'Globex: Analyst' });
  await detail.getByRole('button', { name: 'Record a rejection' }).click();
  await expect(notice).toContainText('Globex: a rejection recorded.');
  await expect(detail).toContainText('Closed: rejected.');
  const kinds = async () => (await api<{ kind: string; undoneAt: string | null }[]>(server, 'events.list', { opportunityId: globex.id })).filter((e) => !e.undoneAt).map((e) => e.kind);
  expect(await kinds()).toEqual(['rejected']);
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(notice).toContainText('Undone: Globex is open again.');
  expect(await kinds()).toEqual([]);

  await detail.getByRole('button', { name: 'Record an outcome…' }).click();
  const why = page.getByRole('dialog', { name: 'The outcome at Globex' });
  // Nothing is chosen for the user.
  await expect(why.getByRole('button', { name: 'Record it and close the card' })).toBeDisabled();
  await why.getByLabel('I accepted another offer').check();
  await why.getByRole('button', { name: 'Record it and close the card' }).click();
  await expect(notice).toContainText('Globex: closed: you accepted another offer.');
  expect(await kinds()).toEqual(['accepted_elsewhere']);
  await detail.getByRole('button', { name: 'Close', exact: true }).click();
  await page.getByRole('button', { name: /^Closed/ }).click();
  await expect(column(page, 'Closed')).toContainText('Accepted elsewhere');
});

test('quick add: visible labels, nothing carried over, and a card with no date asks for it', async ({ page, server }) => {
  await page.goto(server.url);
  const quickAdd = page.getByRole('form', { name: 'Quick add' });
  // Each field has a label the user can read, not a placeholder that disappears.
  const fields = [['textbox', 'Company'], ['textbox', 'Role'], ['textbox', 'Round date and time (optional)'], ['combobox', 'Format']] as const;
  for (const [role, label] of fields) {
    await expect(quickAdd.locator('label').filter({ hasText: label }).first()).toBeVisible();
    await expect(quickAdd.getByRole(role, { name: label, exact: true })).not.toHaveAttribute('placeholder');
  }

  await quickAdd.getByLabel('Company').fill('Hooli');
  await quickAdd.getByLabel('Role').fill('Designer');
  await quickAdd.getByLabel('Round date and time').fill('2030-11-20T14:30');
  await quickAdd.getByLabel('Format').selectOption('in-person');
  await quickAdd.getByRole('button', { name: 'Add' }).click();
  await expect(column(page, 'Upcoming')).toContainText('Round 1 · In person');
  // The next card starts blank: the last format does not carry over.
  await expect(quickAdd.getByLabel('Format')).toHaveValue('video');
  await expect(quickAdd.getByLabel('Company')).toHaveValue('');

  await quickAdd.getByLabel('Company').fill('Pied Piper');
  await quickAdd.getByLabel('Role').fill('Engineer');
  await quickAdd.getByRole('button', { name: 'Add' }).click();
  await expect(quickAdd.getByRole('status')).toHaveText('Added Pied Piper with no round yet: its card asks for the date.');
  await expect(card(page, 'Pied Piper')).toContainText('Add the date of the interview');

  await card(page, 'Pied Piper').click();
  const detail = page.getByRole('region', { name: 'Pied Piper: Engineer' });
  const ask = detail.getByRole('listitem', { name: 'Add the date of the interview' });
  await expect(ask).toContainText('no interview date yet');
  await ask.getByRole('button', { name: 'Add the date', exact: true }).click();
  await detail.getByLabel('Date and time').fill('2030-12-01T09:00');
  await detail.getByRole('button', { name: 'Save round' }).click();
  await expect(detail.getByRole('listitem', { name: 'Add the date of the interview' })).toHaveCount(0);
  await expect(detail.getByRole('listitem', { name: 'Ask about next steps' })).toBeVisible();
});
