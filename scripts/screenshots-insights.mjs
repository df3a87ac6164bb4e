#!/usr/bin/env node
// Screenshots of Insights on the demo journal, light and dark, at 1440x900, in Debian's Chromium
// (the flags of playwright.config.ts): docs/screenshots/insights-light.png and insights-dark.png.
// Run after a build (`npm run build`): node scripts/screenshots-insights.mjs
import path from 'node:path';
import { launchChromium, root, serve } from './browser-mode.mjs';

const { server, url: address } = serve(['--demo']);
const url = await address;
const browser = await launchChromium();
try {
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: scheme });
    await page.goto(url);
    await page.getByRole('button', { name: 'Insights' }).click();
    await page.getByRole('table', { name: 'From added to offer' }).waitFor();
    const file = path.join(root, `docs/screenshots/insights-${scheme}.png`);
    await page.screenshot({ path: file });
    console.log(`written: ${path.relative(root, file)}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
