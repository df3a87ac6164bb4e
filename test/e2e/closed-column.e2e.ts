/**
 * The Closed column of a long search: the board is read without its closed cards, Closed loads
 * only when it is opened, a page at a time, and a card moved there shows there at once; undo
 * brings it back. And a move is one call: the due strip follows it without asking again.
 */
import { callApi } from './http-client';
import { recordCalls } from './page-calls';
import { card, column, expect, test } from './fixtures';
import { startServer, tempDataDir } from './web-server';

test('Closed loads on demand, a page at a time; a card moved there shows there, and undo brings it back', async ({ page }) => {
  // A generated journal of 200 opportunities, about a third of them closed.
  const server = await startServer(tempDataDir(), ['--demo', '--demo-size', '200']);
  try {
    const board = (JSON.parse((await callApi(server.port, server.token, 'board.get')).body) as { value: { cards: { column: string }[]; closedCount: number } }).value;
    expect(board.cards.some((c) => c.column === 'closed'), 'the board is read without its closed cards').toBe(false);
    const closedCount = board.closedCount;
    expect(closedCount).toBeGreaterThan(50); // more than a page

    const asked = recordCalls(page);
    await page.goto(server.url);
    const toggle = page.getByRole('button', { name: new RegExp(`^Closed\\s*${closedCount}$`) });
    await expect(toggle).toBeVisible();
    expect(asked, 'Closed is not read while it is folded').not.toContain('board.closed');

    await toggle.click();
    const closed = page.getByRole('list', { name: 'Closed cards' });
    await expect(closed.getByRole('listitem').first()).toBeVisible();
    expect(asked.filter((name) => name === 'board.closed')).toHaveLength(1);
    // Its end in view (by keyboard: the button that loads more), the next page comes.
    const more = closed.getByRole('button', { name: 'Show more closed cards' });
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => asked.filter((name) => name === 'board.closed').length).toBeGreaterThanOrEqual(2);

    // A card staying in touch, closed by keyboard: one column to the right.
    const moving = page.locator('section[data-column="staying_in_touch"] .card').first();
    const id = await moving.getAttribute('data-card-id');
    const company = (await moving.locator('.company').textContent())!;
    const name = `${company}, ${(await moving.locator('.role').textContent())!}`;
    await moving.getByRole('button').focus();
    await page.keyboard.press('Space');
    await expect(page.locator('.card.dragging')).toHaveCount(1);
    await page.keyboard.press('ArrowRight');
    await expect(page.getByText(`${name} is over Closed.`)).toBeAttached();
    await page.keyboard.press('Space');
    const why = page.getByRole('dialog', { name: `Why is ${company} closed?` });
    await why.getByLabel('I withdrew').check();
    await why.getByRole('button', { name: 'Move to Closed' }).click();
    await expect(page.getByRole('status', { name: 'Board changes' })).toContainText(`Saved: ${company} moved to Closed`);
    // In Closed, first (the latest closed), and counted; no longer staying in touch.
    await closed.evaluate((list) => list.scrollTo({ top: 0 }));
    const inClosed = page.locator(`section[data-column="closed"] .card[data-card-id="${id}"]`);
    await expect(inClosed).toBeVisible();
    await expect(closed.getByRole('listitem').first()).toContainText(company);
    await expect(inClosed).toContainText('Withdrawn');
    await expect(page.getByRole('button', { name: new RegExp(`^Closed\\s*${closedCount + 1}$`) })).toBeVisible();
    await expect(page.locator(`section[data-column="staying_in_touch"] .card[data-card-id="${id}"]`)).toHaveCount(0);

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.locator(`section[data-column="staying_in_touch"] .card[data-card-id="${id}"]`)).toBeVisible();
    await expect(inClosed).toHaveCount(0);
    await expect(page.getByRole('button', { name: new RegExp(`^Closed\\s*${closedCount}$`) })).toBeVisible();
    // The journal agrees: open again, not among the closed.
    const after = (JSON.parse((await callApi(server.port, server.token, 'board.get')).body) as { value: { cards: { id: number; column: string }[] } }).value;
    expect(after.cards.find((c) => c.id === Number(id))?.column).toBe('staying_in_touch');
  } finally {
    await server.stop();
  }
});

test('a move is one call: the card and the due strip follow its answer, nothing is asked again', async ({ page, server }) => {
  const alice = JSON.parse((await callApi(server.port, server.token, 'contacts.create', { name: 'Alice Ng' })).body) as { value: { id: number } };
  await callApi(server.port, server.token, 'opportunities.create', {
    company: 'Initech',
    role: 'Engineer',
    // A day and a half ago: the thank-you is overdue (due within 24 hours, open until 48).
    firstRound: { startsAt: new Date(Date.now() - 30 * 3_600_000).toISOString(), format: 'video', interviewerIds: [alice.value.id] },
  });
  const recorded = recordCalls(page);
  await page.goto(server.url);
  const due = page.getByRole('region', { name: 'Due today' });
  // The thank-you, a day and a half late; the rail's Today counts it too.
  await expect(due).toContainText('1 overdue');
  await expect(column(page, 'Interviewed')).toContainText('Initech');

  const [from, httpFrom] = [recorded.length, recorded.overHttp.length];
  await card(page, 'Initech').focus();
  await page.keyboard.press('Space');
  await expect(page.locator('.card.dragging')).toHaveCount(1);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('Initech, Engineer is over Thanked.')).toBeAttached();
  await page.keyboard.press('Space');
  await page.getByRole('dialog', { name: 'Who did you thank at Initech?' }).getByRole('button', { name: 'Move to Thanked' }).click();
  await expect(page.getByRole('status', { name: 'Board changes' })).toContainText('Saved: Initech moved to Thanked');
  await expect(column(page, 'Thanked')).toContainText('Initech');
  // The thank-you is done: gone from the due strip, from the move's own answer.
  await expect(due).toContainText('Nothing is due today.');
  // What the answer set off has had two frames to start: nothing did.
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
  expect(recorded.slice(from)).toEqual(['board.move']);
  // On the page's socket, not over HTTP (a few milliseconds less: see src/main/web/call-socket.ts).
  expect(recorded.overHttp.slice(httpFrom)).toEqual([]);
});
