/**
 * The board and Today under axe on realistic journals, light and dark: a generated journal of
 * 200 opportunities with Closed opened, and Today with hundreds of things to do (a journal of 500).
 */
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { startServer, tempDataDir } from './web-server';

const SCHEMES = ['light', 'dark'] as const;

test('the board, Closed open, has no axe violations on a journal of 200, light and dark', async ({ page }) => {
  const server = await startServer(tempDataDir(), ['--demo', '--demo-size', '200']);
  try {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(server.url);
    await expect(page.locator('.card').first()).toBeVisible();
    await page.getByRole('button', { name: /^Closed\s*\d+$/ }).click();
    await expect(page.getByRole('list', { name: 'Closed cards' }).getByRole('listitem').first()).toBeVisible();
    // Overdue cards are among them (said in words, not by colour alone).
    await expect(page.locator('.card.is-overdue').first()).toContainText('Overdue');
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      await expectAccessible(page, `the board, Closed open (${scheme})`);
    }
  } finally {
    await server.stop();
  }
});

test('Today with hundreds of things to do has no axe violations, light and dark', async ({ page }) => {
  const server = await startServer(tempDataDir(), ['--demo', '--demo-size', '500']);
  try {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(server.url);
    await page.getByRole('navigation', { name: 'Afterword' }).getByRole('button', { name: /^Today/ }).click();
    const total = page.locator('.today-total');
    await expect(total).toHaveText(/^\d+ things? to do this week$/);
    expect(Number((await total.textContent())!.split(' ')[0])).toBeGreaterThanOrEqual(200);
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      await expectAccessible(page, `Today (${scheme})`);
    }
  } finally {
    await server.stop();
  }
});
