/**
 * Today with hundreds of things to do: each part shows a page of lines and the rest on request,
 * the buttons at the top go to each part, and a line acts in place.
 */
import { expect, test } from './fixtures';
import { callApi } from './http-client';
import { startServer, tempDataDir } from './web-server';

test('Today pages a long week, jumps to each part, and acts on a line in place', async ({ page }) => {
  const server = await startServer(tempDataDir(), ['--demo', '--demo-size', '500']);
  try {
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.goto(server.url);
    await page.getByRole('navigation', { name: 'Afterword' }).getByRole('button', { name: /^Today/ }).click();
    await expect(page.locator('.today-total')).toHaveText(/^\d+ things to do this week$/);
    const parts = page.getByRole('navigation', { name: 'Parts of the list' });
    const overdueJump = parts.getByRole('button', { name: /Overdue \d+$/ });
    const overdueCount = Number((await overdueJump.textContent())!.match(/(\d+)$/)![1]);
    expect(overdueCount).toBeGreaterThan(60);

    // The jump: Overdue's heading has the focus and is at the top of the view.
    await overdueJump.click();
    const heading = page.getByRole('heading', { name: /Overdue \d+/, level: 2 });
    await expect(heading).toBeFocused();
    await expect(heading).toBeInViewport();
    // The rail stays in place (only the list scrolled).
    await expect(page.getByRole('navigation', { name: 'Afterword' }).getByRole('button', { name: /^Board/ })).toBeInViewport();

    // A page of lines (whole companies), then the rest on request.
    const overdue = page.getByRole('region', { name: /^Overdue/ });
    const shown = await overdue.locator('.today-item').count();
    expect(shown).toBeLessThanOrEqual(60);
    expect(shown).toBeGreaterThan(0);
    const groupsBefore = await overdue.locator('.today-group').count();
    const more = overdue.getByRole('button', { name: `Show more: ${overdueCount - shown} more in Overdue` });
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => overdue.locator('.today-item').count()).toBeGreaterThan(shown);
    // The focus is on the first company the button brought, not lost to the page.
    await expect(overdue.locator('.today-group').nth(groupsBefore).getByRole('heading', { level: 3 }).getByRole('button')).toBeFocused();

    // "Why this date", opened by keyboard on a line: the planner's explanation of that line's
    // date, the same the card's detail gives (read when asked: the list does not carry it).
    const first = overdue.locator('.today-item').first();
    const why = first.locator('details.today-why');
    await why.getByText('Why this date').focus();
    await page.keyboard.press('Enter');
    await expect(why).toHaveJSProperty('open', true);
    // The explanation, read when opened (not the line's placeholder while it is read).
    await expect(why).toHaveText(/^Why this date(?!Reading)\S.{60,}$/s);
    const explained = (await why.textContent())!.replace('Why this date', '');
    expect(explained.length).toBeGreaterThan(60);
    const opportunityId = Number((await overdue.locator('.today-group').first().getAttribute('data-group'))!.split(':')[1]);
    const own = JSON.parse((await callApi(server.port, server.token, 'actions.forOpportunity', { opportunityId })).body) as { value: { why: string }[] };
    expect(own.value.map((a) => a.why)).toContain(explained);

    // Done on a line: it leaves the list and the count drops, on the spot.
    const line = overdue.locator('.today-item').first();
    const what = (await line.locator('strong').textContent())!;
    const group = overdue.locator('.today-group').first();
    const company = (await group.getByRole('heading', { level: 3 }).getByRole('button').textContent())!;
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const done = overdue.getByRole('button', { name: new RegExp(`^Done ?: ${escape(what)}, ${escape(company)}$`) });
    await done.focus();
    await page.keyboard.press('Enter');
    await expect(done).toHaveCount(0);
    // The focus is not dropped with the line: it is on the next line's first button, in Overdue.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.today-item') !== null && document.activeElement?.closest('.today-section.overdue') !== null)).toBe(true);
    // (Done can settle more than the line: a status check done replans the move-on after it.)
    await expect.poll(async () => Number((await overdueJump.textContent())!.match(/(\d+)$/)![1])).toBeLessThan(overdueCount);
  } finally {
    await server.stop();
  }
});
