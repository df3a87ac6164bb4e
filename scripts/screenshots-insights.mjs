#!/usr/bin/env node
// Screenshots of Insights on the demo journal, light and dark, at 1440x900, in Debian's Chromium
// (the flags of playwright.config.ts): docs/screenshots/insights-light.png and insights-dark.png.
// Run after a build (`npm run build`): node scripts/screenshots-insights.mjs
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const node = fs.existsSync(path.join(root, 'node_modules/.bin/node')) ? path.join(root, 'node_modules/.bin/node') : process.execPath;
const server = spawn(node, [path.join(root, 'out/main/web.js'), '--demo', '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (chunk) => {
    out += chunk;
    const line = out.split('\n').find((l) => l.startsWith('http://127.0.0.1:'));
    if (line) resolve(line.trim());
  });
  server.on('exit', (code) => reject(new Error(`browser mode exited with ${code}`)));
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
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
