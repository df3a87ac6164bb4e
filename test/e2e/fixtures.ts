import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { skipFirstStart, startServer, tempDataDir } from './web-server';
import type { RunningServer } from './web-server';

/**
 * Each test gets its own browser-mode server on its own data folder, as a returning user (the
 * first start's setup done) unless it says `test.use({ firstStart: true })`.
 */
export const test = base.extend<{ firstStart: boolean; server: RunningServer; restart: () => Promise<RunningServer> }>({
  firstStart: [false, { option: true }],
  server: async ({ firstStart }, use) => {
    const server = await startServer(tempDataDir());
    if (!firstStart) await skipFirstStart(server);
    await use(server);
    await server.stop();
  },
  restart: async ({ server }, use) => {
    let current = server;
    await use(async () => {
      expect(await current.stop()).toBe(0);
      current = await startServer(server.dataDir);
      return current;
    });
    await current.stop();
  },
});
export { expect };

/** A local `YYYY-MM-DDTHH:mm` for datetime-local inputs, `hours` from now (in the browser's zone). */
export async function localInput(page: Page, hours: number): Promise<string> {
  return page.evaluate((h) => {
    const d = new Date(Date.now() + h * 3_600_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }, hours);
}

export const column = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
export const card = (page: Page, company: string) => page.getByRole('button', { name: new RegExp(`^Open ${company}`) });

/**
 * Moves a card with the keyboard as a person does: focus it, Space picks it up, the arrows go
 * `right` columns to the right, and Space drops it once the screen reader says it is over `over`
 * (`name`: the card's spoken name, "Company, Role"). Readiness signals, not sleeps.
 */
export async function keyboardMove(page: Page, company: string, right: number, spoken: { name: string; over: string }): Promise<void> {
  await card(page, company).focus();
  await page.keyboard.press('Space');
  await expect(page.locator('.card.dragging')).toHaveCount(1);
  for (let i = 0; i < right; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByText(`${spoken.name} is over ${spoken.over}.`)).toBeAttached();
  await page.keyboard.press('Space');
}

/**
 * Drags a card to a column with the mouse as a person does: press on the card, a small move that
 * starts the drag, then over the column, and release. `beforeDrop` runs with the button still down
 * (a test that freezes the page's timers at the instant of the drop).
 */
export async function dragCard(page: Page, company: string, to: string, beforeDrop?: () => Promise<void>): Promise<void> {
  const source = page.locator('.card', { has: card(page, company) });
  const target = column(page, to);
  await target.scrollIntoViewIfNeeded();
  const from = (await source.boundingBox())!;
  const dest = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + 20);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + 30, { steps: 3 });
  await page.mouse.move(dest.x + dest.width / 2, dest.y + 120, { steps: 12 });
  if (beforeDrop) await beforeDrop();
  await page.mouse.up();
}
