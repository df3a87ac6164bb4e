#!/usr/bin/env node
// Screenshots of the contacts view and a person's history (on the demo journal) and of the first
// start (on an empty journal), light and dark, at 1440x900, in Debian's Chromium with the flags of
// playwright.config.ts: docs/screenshots/people-*.png, person-history-*.png, first-start-*.png.
// Run after a build (`npm run build`): node scripts/screenshots-people.mjs
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium, root, serve } from './browser-mode.mjs';

/** Calls the core as the page does (the per-launch secret is in the address's fragment). */
async function callCore(url, name, input) {
  const { origin, hash } = new URL(url);
  const response = await fetch(`${origin}/api/call/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${hash.replace('#token=', '')}` },
    body: input === undefined ? '' : JSON.stringify(input),
  });
  const body = await response.json();
  if (!body.ok) throw new Error(`${name}: ${body.error.message}`);
  return body.value;
}

const browser = await launchChromium();
const written = (file) => console.log(`written: ${path.relative(root, file)}`);
const demo = serve(['--demo']);
const empty = serve(['--data-dir', fs.mkdtempSync(path.join(os.tmpdir(), 'afterword-first-start-'))]);
try {
  // The person with the longest contact log in the demo journal.
  const demoUrl = await demo.url;
  const contacts = await callCore(demoUrl, 'contacts.list');
  let best = null;
  for (const c of contacts.slice(0, 80)) {
    const history = await callCore(demoUrl, 'contacts.history', { id: c.id });
    // The list tells namesakes apart by title and company (or email), as the button's name does.
    const label = `${c.name} ${[c.title, c.company].filter(Boolean).join(', ') || c.email || ''}`.trim();
    if (!best || history.entries.length + history.rounds.length > best.size) best = { name: c.name, label, size: history.entries.length + history.rounds.length };
  }
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: scheme });
    await page.goto(demoUrl);
    await page.getByRole('button', { name: 'Contacts', exact: true }).click();
    await page.getByRole('list', { name: 'People' }).getByRole('button', { name: best.label, exact: true }).click();
    const person = page.getByRole('article', { name: best.name });
    await person.getByRole('table').waitFor();
    await page.mouse.move(0, 899); // no hover on the list in the picture
    const file = path.join(root, `docs/screenshots/people-${scheme}.png`);
    await page.screenshot({ path: file });
    written(file);
    await person.getByRole('heading', { name: 'Contact log' }).scrollIntoViewIfNeeded();
    const history = path.join(root, `docs/screenshots/person-history-${scheme}.png`);
    await page.locator('.person-detail').screenshot({ path: history });
    written(history);
    await page.close();
  }

  const emptyUrl = await empty.url;
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: scheme });
    await page.goto(emptyUrl);
    const welcome = page.getByRole('dialog', { name: 'Welcome to Afterword' });
    await welcome.getByLabel('Your name').fill('Jordan Avery');
    const file = path.join(root, `docs/screenshots/first-start-${scheme}.png`);
    await page.screenshot({ path: file });
    written(file);
    await page.close();
  }
  // The second step, once (the answers of the first are saved when it is passed).
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
  await page.goto(emptyUrl);
  const welcome = page.getByRole('dialog', { name: 'Welcome to Afterword' });
  await welcome.getByLabel('Your name').fill('Jordan Avery');
  await welcome.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('dialog', { name: 'How the board works' }).waitFor();
  const tour = path.join(root, 'docs/screenshots/first-start-board.png');
  await page.screenshot({ path: tour });
  written(tour);
  await page.close();
} finally {
  await browser.close();
  demo.server.kill('SIGTERM');
  empty.server.kill('SIGTERM');
}
