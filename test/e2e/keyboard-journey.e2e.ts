/**
 * A whole journey by keyboard alone, no mouse: the command palette to a card, one interviewer's
 * thank-you written and marked sent, the card moved to Thanked from its panel (the same question as
 * a drop on the board), and the panel closed. After every dialog and panel closes,
 * the focus is where it came from, named by role and name.
 */
import type { Locator, Page } from '@playwright/test';
import { callApi } from './http-client';
import { card, column, expect, test } from './fixtures';

/** Tab (or Shift+Tab, backwards) until the element has the focus: how a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', most = 80): Promise<void> {
  for (let i = 0; i < most; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

test('keyboard only: palette to the card, write and send a thank-you, move it to Thanked, close; the focus is returned each time', async ({ page, server }) => {
  const api = async <T>(name: string, input?: unknown) => (JSON.parse((await callApi(server.port, server.token, name, input)).body) as { value: T }).value;
  const alice = await api<{ id: number }>('contacts.create', { name: 'Alice Ng', email: 'alice@initech.example' });
  const bob = await api<{ id: number }>('contacts.create', { name: 'Bob Ortiz', email: 'bob@initech.example' });
  await api('opportunities.create', {
    company: 'Initech',
    role: 'Engineer',
    firstRound: { startsAt: new Date(Date.now() - 3 * 3_600_000).toISOString(), format: 'video', interviewerIds: [alice.id, bob.id] },
  });
  await page.goto(server.url);
  await expect(column(page, 'Interviewed')).toContainText('Initech');

  // The palette: Ctrl+K, the company's name, Enter opens its card in the panel, focus on its title.
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('combobox', { name: 'Command or name' });
  await expect(palette).toBeFocused();
  await page.keyboard.type('Initech');
  await expect(page.getByRole('option', { name: /Initech/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: 'Initech: Engineer' });
  await expect(panel).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(panel.getByRole('heading', { name: 'Initech: Engineer' })).toBeFocused();

  // Bob's thank-you: its line's primary action opens the letters on it.
  const write = panel.getByRole('button', { name: 'Write it: Thank-you: Bob Ortiz' });
  await tabTo(page, write);
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('heading', { name: 'Letters for round 1' })).toBeFocused();
  await expect(panel.getByRole('combobox', { name: 'Letter kind' })).toHaveValue('thank-you-email');
  await tabTo(page, panel.getByRole('button', { name: 'Draft', exact: true }));
  await page.keyboard.press('Enter');
  const letter = panel.getByRole('article', { name: 'Letter to Bob Ortiz' });
  await expect(letter.getByRole('textbox', { name: 'Text' })).toContainText('Dear Bob');
  await tabTo(page, letter.getByRole('button', { name: 'Mark the letter to Bob Ortiz as sent' }));
  await page.keyboard.press('Enter');
  await expect(letter.getByRole('status')).toHaveText('Marked as sent: recorded in the timeline.');
  await expect(letter.getByRole('heading', { name: 'To Bob Ortiz' })).toBeFocused();
  await expect(panel.getByRole('list', { name: 'Timeline' })).toContainText('to Bob Ortiz');

  // Alice was thanked by hand: the card moves to Thanked from the panel, by the column's name, with
  // the same question as a drop on the board.
  const moveTo = panel.getByRole('combobox', { name: 'Move to' });
  await tabTo(page, moveTo, 'Shift+Tab'); // it sits above the letters
  await page.keyboard.type('Thanked');
  await expect(moveTo).toHaveValue('thanked');
  const move = panel.getByRole('button', { name: 'Move', exact: true });
  await page.keyboard.press('Tab');
  await expect(move).toBeFocused();
  await page.keyboard.press('Enter');
  const who = page.getByRole('dialog', { name: 'Who did you thank at Initech?' });
  await expect(who).toBeVisible();
  // Both are offered, checked: Bob's letter went from here, Alice's thank-you by hand.
  await expect(who.getByRole('checkbox', { name: 'Alice Ng' })).toBeChecked();
  await expect(who.getByRole('checkbox', { name: 'Bob Ortiz' })).toBeChecked();
  await tabTo(page, who.getByRole('button', { name: 'Move to Thanked' }));
  await page.keyboard.press('Enter');
  await expect(who).toHaveCount(0);
  await expect(move).toBeFocused(); // back on what opened the dialog
  await expect(panel).toContainText('In Thanked');
  await expect(column(page, 'Thanked')).toContainText('Initech');

  // Escape closes the panel; the focus goes to the card on the board (the palette opened it).
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(card(page, 'Initech Engineer')).toBeFocused();
});
