/**
 * The board in Chromium, through browser mode: the first full render, a keyboard move until saved
 * and painted, and how many calls a move and a reflection's autosave make (requests to
 * /api/call/, counted by Playwright).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { summarise } from './harness';
import type { Sample } from './harness';

export interface BrowserResult {
  readonly samples: Sample[];
  readonly notes: string[];
  /** Calls per move (each move's count), and per autosave. */
  readonly callsPerMove: number[];
  readonly callsPerAutosave: number | null;
}

/** Starts browser mode (the built app) on a data folder; resolves with its address once it prints it. */
export function startBrowserMode(root: string, dir: string): Promise<{ url: string; server: ChildProcess }> {
  // As `npm run web` and `npm start` launch it (see scripts/start.mjs for the flag).
  const server = spawn(path.join(root, 'node_modules/.bin/node'), ['--max-semi-space-size=8', path.join(root, 'out/main/web.js'), '--data-dir', dir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('http://127.0.0.1:'));
      if (line) resolve({ url: line.trim(), server });
    });
    server.on('exit', (code) => reject(new Error(`browser mode exited ${code}`)));
  });
}

/** Resolves once browser mode's journal check has passed (backups.list waits for it). */
export async function afterJournalCheck(url: string): Promise<void> {
  const { origin, hash } = new URL(url);
  await fetch(`${origin}/api/call/backups.list`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${hash.replace('#token=', '')}` }, body: '' });
}

/**
 * The names of the calls the page makes from now on: on its socket (a message each), or over HTTP
 * when it cannot have one. `answered` lists them again as their answers arrive.
 */
function recordCalls(page: Page): string[] & { readonly answered: string[] } {
  const names = Object.assign([] as string[], { answered: [] as string[] });
  page.on('request', (r) => {
    if (r.url().includes('/api/call/')) names.push(r.url().split('/api/call/')[1]!);
  });
  page.on('response', (r) => {
    if (r.url().includes('/api/call/')) names.answered.push(r.url().split('/api/call/')[1]!);
  });
  page.on('websocket', (socket) => {
    const byId = new Map<number, string>();
    socket.on('framesent', ({ payload }) => {
      const { id, name } = typeof payload === 'string' ? (JSON.parse(payload) as { id?: number; name?: unknown }) : {};
      if (typeof name !== 'string') return;
      names.push(name);
      if (typeof id === 'number') byId.set(id, name);
    });
    socket.on('framereceived', ({ payload }) => {
      const id = typeof payload === 'string' ? (JSON.parse(payload) as { id?: unknown }).id : undefined;
      const name = typeof id === 'number' ? byId.get(id) : undefined;
      if (name !== undefined) names.answered.push(name);
    });
  });
  return names;
}

/** The names of the calls the page makes while `work` runs, and until two frames and a moment after (what the answer set off). */
async function callsDuring(page: Page, recorded: readonly string[], work: () => Promise<void>): Promise<string[]> {
  const from = recorded.length;
  await work();
  // Follow-up reads start as soon as an answer's effects are applied: give them two frames and a moment to be sent.
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100))))');
  return recorded.slice(from);
}

const count = (names: readonly string[]): string =>
  Object.entries(names.reduce<Record<string, number>>((m, n) => ({ ...m, [n]: (m[n] ?? 0) + 1 }), {}))
    .map(([n, k]) => `${n} x${k}`)
    .join(', ');

export async function browserBenchmarks(root: string, size: number, dir: string, targets: { render: number | null; move: number | null }): Promise<BrowserResult> {
  const { url, server } = await startBrowserMode(root, dir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const samples: Sample[] = [];
  const notes: string[] = [];
  const callsPerMove: number[] = [];
  let callsPerAutosave: number | null = null;
  try {
    const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
    const recorded = recordCalls(page);
    const renders: number[] = [];
    for (let i = 0; i < 6; i++) {
      await page.goto(i === 0 ? url : url.replace(/#.*/, ''));
      await page.waitForFunction(() => performance.getEntriesByName('afterword:board-rendered').length > 0, undefined, { timeout: 60_000 });
      const t = await page.evaluate(() => performance.getEntriesByName('afterword:board-rendered')[0]!.startTime);
      if (i > 0) renders.push(t); // the first load warms the server and the browser's caches
      // The journal's check runs in the background after the first board (a second's work on a
      // core at 20,000): a call that waits for it (every call not in the first screen's reads
      // does) lets the measured loads run after it, as a user's later page loads do.
      if (i === 0) await afterJournalCheck(url);
    }
    samples.push(summarise('Chromium: first full render of the board', size, renders, targets.render === null ? [] : { ms: targets.render, size }));

    const moves: number[] = [];
    for (let i = 0; i < 7; i++) {
      // The card itself is what the keyboard picks up (Space), as a user does.
      const handle = page.locator('section[data-column="thanked"] .card-open').first();
      if ((await handle.count()) === 0) break;
      await page.evaluate(() => performance.clearMeasures('afterword:move-saved'));
      // Pick the card up and wait until the board shows it lifted (the readiness signal), once more if needed.
      const pickedUp = () =>
        page
          .locator('.card.dragging')
          .first()
          .waitFor({ timeout: 3_000 })
          .then(() => true)
          .catch(() => false);
      let held = false;
      for (let attempt = 0; attempt < 3 && !held; attempt++) {
        await handle.focus();
        await page.keyboard.press('Space');
        held = await pickedUp();
      }
      if (!held) {
        notes.push(`a move at ${size}: the card could not be picked up with the keyboard`);
        break;
      }
      await page.keyboard.press('ArrowRight');
      let saved = true;
      const calls = await callsDuring(page, recorded, async () => {
        await page.keyboard.press('Space');
        try {
          await page.waitForFunction(() => performance.getEntriesByName('afterword:move-saved').length > 0, undefined, { timeout: 15_000 });
        } catch {
          saved = false;
        }
      });
      if (!saved) {
        const said = await page.locator('.status-line, [role=alert], dialog[open]').allTextContents();
        notes.push(`a move at ${size} did not complete: ${said.join(' | ').slice(0, 300)}`);
        await page.screenshot({ path: path.join(root, `bench/results/move-failed-${size}.png`) });
        break;
      }
      const t = await page.evaluate(() => performance.getEntriesByName('afterword:move-saved')[0]!.duration);
      if (i > 0) {
        moves.push(t);
        callsPerMove.push(calls.length);
      }
      if (i === 1) notes.push(`a move at ${size.toLocaleString('en-US')} makes ${calls.length} call(s): ${count(calls)}`);
    }
    if (moves.length > 0) samples.push(summarise('Chromium: a move, drop to saved and painted', size, moves, targets.move === null ? [] : { ms: targets.move, size }));

    // A reflection's autosave: type into a round's reflection, and count what the save sets off.
    const opened = page.locator('section[data-column="interviewed"] .card-open').first();
    if ((await opened.count()) > 0) {
      await opened.click();
      await page.getByRole('button', { name: /^Reflection on round/ }).first().click();
      // The reflection opens as a full pane (a region named after the round).
      const dialog = page.getByRole('region', { name: /^Reflection:/ });
      const editor = dialog.getByRole('textbox', { name: 'Reflection' });
      await editor.waitFor();
      await editor.click();
      await page.keyboard.press('ControlOrMeta+End');
      const status = dialog.getByRole('status', { name: 'Save status' });
      const calls = await callsDuring(page, recorded, async () => {
        const before = recorded.answered.filter((n) => n === 'reflections.save').length;
        await page.keyboard.type(' benchmark note');
        // Until the save's answer has arrived (on the socket, or over HTTP).
        for (let waited = 0; recorded.answered.filter((n) => n === 'reflections.save').length === before; waited += 20) {
          if (waited > 15_000) throw new Error('the autosave was not answered within 15 s');
          await page.waitForTimeout(20);
        }
      });
      const saves = calls.filter((c) => c === 'reflections.save').length;
      callsPerAutosave = saves > 0 ? calls.length / saves : null;
      notes.push(`a reflection's autosave at ${size.toLocaleString('en-US')}: ${calls.length} call(s) for ${saves} save(s): ${count(calls)} (${(await status.textContent()) ?? ''})`);
    }
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    await new Promise((done) => (server.exitCode !== null ? done(null) : server.once('exit', done)));
  }
  return { samples, notes, callsPerMove, callsPerAutosave };
}
