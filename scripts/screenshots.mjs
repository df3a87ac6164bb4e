#!/usr/bin/env node
// The README's and docs' screenshots of the everyday screens, at 1440x900 and 1024x700, light and
// dark, in Debian's Chromium with the flags of playwright.config.ts, on generated journals: the
// board (a journal of 200 opportunities), Today (500: a few hundred things to do), the command
// palette and the reflection pane. Written to docs/screenshots/<screen>-<width>-<theme>.png.
// Run after a build (`npm run build`): node scripts/screenshots.mjs
import path from 'node:path';
import { launchChromium, root, serve } from './browser-mode.mjs';

const out = path.join(root, 'docs/screenshots');
const browser = await launchChromium();
const board = serve(['--demo', '--demo-size', '200']);
const busy = serve(['--demo', '--demo-size', '500']);
const sizes = [
  [1440, 900],
  [1024, 700],
];
try {
  const [boardUrl, busyUrl] = await Promise.all([board.url, busy.url]);
  for (const [width, height] of sizes) {
    for (const theme of ['light', 'dark']) {
      const page = await browser.newPage({ viewport: { width, height }, colorScheme: theme });
      const shot = async (name) => {
        const file = path.join(out, `${name}-${width}-${theme}.png`);
        await page.screenshot({ path: file });
        console.log(`written: ${path.relative(root, file)}`);
      };
      // The board, as it opens.
      await page.goto(boardUrl);
      await page.getByRole('region', { name: 'Due today' }).waitFor();
      await shot('board');
      // The command palette, a company typed.
      await page.keyboard.press('Control+K');
      const palette = page.getByRole('dialog', { name: 'Go to or do' });
      await palette.waitFor();
      await page.keyboard.type('pi');
      await page.waitForTimeout(200);
      await shot('palette');
      await page.keyboard.press('Escape');
      // The reflection pane: the first card of Thanked, its first round's reflection.
      await page.locator('section[data-column="thanked"] .card-open').first().click();
      await page.getByRole('button', { name: /^Reflection/ }).first().click();
      await page.getByRole('textbox', { name: 'Reflection' }).waitFor();
      await page.waitForTimeout(300);
      await shot('reflection');
      // Today, on a journal with a few hundred things to do.
      await page.goto(busyUrl);
      await page.getByRole('button', { name: /^Today/ }).first().click();
      await page.getByRole('heading', { name: /^Overdue/ }).first().waitFor();
      await page.waitForTimeout(300);
      await shot('today');
      await page.close();
    }
  }
} finally {
  await browser.close();
  board.server.kill();
  busy.server.kill();
}
