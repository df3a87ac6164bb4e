import { card, column, dragCard, expect, keyboardMove, localInput, test } from './fixtures';
import type { Page } from '@playwright/test';
import { callApi } from './http-client';
import { routeCalls } from './page-calls';
import { startServer, tempDataDir } from './web-server';

async function createWithInterviewers(page: Page, company: string, role: string, interviewers: string[]) {
  await page.keyboard.press('n');
  const form = page.getByRole('dialog', { name: 'New opportunity' });
  await form.getByLabel('Company').fill(company);
  await form.getByLabel('Role').fill(role);
  await form.getByLabel('Date and time').fill(await localInput(page, -5));
  const picker = form.getByRole('group', { name: 'Interviewers' });
  for (const name of interviewers) {
    await picker.getByLabel('Name').fill(name);
    await picker.getByRole('button', { name: /Add interviewer/ }).click();
    await expect(picker.getByRole('list', { name: 'Interviewers: chosen' })).toContainText(name);
  }
  await form.getByRole('button', { name: 'Create opportunity' }).click();
  await page.getByRole('region', { name: `${company}: ${role}` }).getByRole('button', { name: 'Close' }).click();
}


test('cards move by mouse and by keyboard, the moves record their facts, and the board survives a restart', async ({ page, server, restart }) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Your board is empty' })).toBeVisible();
  await createWithInterviewers(page, 'Initech', 'Staff Engineer', ['Alice Ng', 'Bob Ortiz']);
  await createWithInterviewers(page, 'Hooli', 'Product Designer', ['Carla Diaz']);
  await expect(column(page, 'Interviewed')).toContainText('Initech');
  await expect(column(page, 'Interviewed')).toContainText('Hooli');

  // Mouse: drag Initech to Thanked; the move asks who was thanked.
  await dragCard(page, 'Initech', 'Thanked');
  const who = page.getByRole('dialog', { name: 'Who did you thank at Initech?' });
  await expect(who.getByLabel('Alice Ng')).toBeChecked();
  await expect(who.getByLabel('Bob Ortiz')).toBeChecked();
  await who.getByRole('button', { name: 'Move to Thanked' }).click();
  await expect(column(page, 'Thanked')).toContainText('Initech');
  await expect(page.getByRole('status', { name: 'Board changes' })).toContainText('Saved: Initech moved to Thanked');

  // Keyboard: pick up Hooli (the card itself), arrow right two columns to Followed up via Thanked.
  await keyboardMove(page, 'Hooli', 2, { name: 'Hooli, Product Designer', over: 'Followed up' });
  await expect(column(page, 'Followed up')).toContainText('Hooli');

  // Undo the last move: Hooli goes back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(column(page, 'Interviewed')).toContainText('Hooli');
  // The Undo button went with the move: the focus is on the card, not lost to the page.
  await expect(card(page, 'Hooli')).toBeFocused();

  // Mouse: close Hooli; the move asks why. Closed is collapsed but counts it.
  await dragCard(page, 'Hooli', 'Closed');
  const why = page.getByRole('dialog', { name: 'Why is Hooli closed?' });
  await why.getByLabel('I withdrew').check();
  await why.getByRole('button', { name: 'Move to Closed' }).click();
  await expect(page.getByRole('button', { name: /^Closed\s*1$/ })).toBeVisible();
  // The card moves at once; the restart waits for the journal's answer, not for the picture.
  await expect(page.getByRole('status', { name: 'Board changes' })).toContainText('Saved: Hooli moved to Closed');

  const next = await restart();
  await page.goto(next.url);
  await expect(column(page, 'Thanked')).toContainText('Initech');
  await expect(column(page, 'Interviewed')).not.toContainText('Hooli');
  await page.getByRole('button', { name: /^Closed\s*1$/ }).click();
  await expect(column(page, 'Closed')).toContainText('Hooli');
  await expect(column(page, 'Closed')).toContainText('Withdrawn');
  await card(page, 'Initech').click();
  await expect(page.getByRole('list', { name: 'Timeline' })).toContainText('Thank-you sent to Alice Ng');
  await expect(page.getByRole('list', { name: 'Timeline' })).toContainText('Thank-you sent to Bob Ortiz');
});

test('search and filters narrow the board; / focuses search', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Your board is empty' })).toBeVisible();
  await createWithInterviewers(page, 'Initech', 'Staff Engineer', ['Alice Ng']);
  await createWithInterviewers(page, 'Hooli', 'Product Designer', ['Carla Diaz']);
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search' })).toBeFocused();
  await page.keyboard.type('carla');
  await expect(card(page, 'Hooli')).toBeVisible();
  await expect(card(page, 'Initech')).toHaveCount(0);
  await page.getByRole('searchbox', { name: 'Search' }).fill('');
  await page.getByLabel('Stage').selectOption('thanked');
  await expect(page.getByText('0 of 2 cards')).toBeVisible();
});

test('a search shows every board card whose reflection matches, not only the best-ranked passages', async ({ page }) => {
  const server = await startServer(tempDataDir(), ['--demo', '--demo-size', '2000']);
  try {
    const api = async <T>(name: string, input?: unknown): Promise<T> => (JSON.parse((await callApi(server.port, server.token, name, input)).body) as { value: T }).value;
    const board = await api<{ cards: { id: number; company: string; role: string; people: string }[] }>('board.get');
    // A word many reflections use: more board cards match it than the ranked search's 50 best passages name.
    const word = 'design';
    const matching = new Set(await api<number[]>('reflections.matchingCards', { query: word }));
    const ranked = new Set((await api<{ opportunityId: number }[]>('reflections.search', { query: word, limit: 50 })).map((h) => h.opportunityId));
    const onBoard = board.cards.filter((c) => matching.has(c.id));
    expect(onBoard.filter((c) => !ranked.has(c.id)).length).toBeGreaterThan(10);
    const expected = board.cards.filter((c) => matching.has(c.id) || `${c.company} ${c.role} ${c.people}`.toLowerCase().includes(word)).length;

    await page.goto(server.url);
    await page.getByRole('searchbox', { name: 'Search' }).fill(word);
    const total = (await api<{ closedCount: number }>('board.get')).closedCount + board.cards.length;
    await expect(page.getByText(`${expected} of ${total} cards`)).toBeVisible();
    // The best passages are listed above the board.
    await expect(page.getByRole('region', { name: 'Found in reflections' }).getByRole('listitem')).toHaveCount(6);
  } finally {
    await server.stop();
  }
});

test('while a longer search is read, the cards the last one found stay on the board', async ({ page }) => {
  const server = await startServer(tempDataDir(), ['--demo', '--demo-size', '2000']);
  try {
    const api = async <T>(name: string, input?: unknown): Promise<T> => (JSON.parse((await callApi(server.port, server.token, name, input)).body) as { value: T }).value;
    const board = await api<{ cards: { id: number; company: string; role: string; people: string }[]; closedCount: number }>('board.get');
    const total = board.cards.length + board.closedCount;
    const shown = async (word: string) => {
      const matching = new Set(await api<number[]>('reflections.matchingCards', { query: word }));
      return board.cards.filter((c) => matching.has(c.id) || `${c.company} ${c.role} ${c.people}`.toLowerCase().includes(word)).length;
    };
    const [before, after] = [await shown('desig'), await shown('design')];
    const calls = await routeCalls(page);
    await page.goto(server.url);
    const search = page.getByRole('searchbox', { name: 'Search' });
    await search.fill('desig');
    await expect(page.getByText(`${before} of ${total} cards`)).toBeVisible();
    // The next answer is held back: until it comes, the board keeps what the last one found.
    const release = calls.hold('reflections.matchingCards');
    await search.press('n');
    await expect(search).toHaveValue('design');
    await page.waitForTimeout(500);
    await expect(page.getByText(`${before} of ${total} cards`)).toBeVisible();
    release();
    await expect(page.getByText(`${after} of ${total} cards`)).toBeVisible();
  } finally {
    await server.stop();
  }
});
