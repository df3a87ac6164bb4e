/**
 * `npm run bench`: how fast Afterword is, and how it grows. Generates journals of 100, 2,000 and
 * 20,000 opportunities (deterministic), runs every benchmark several times, prints a table with
 * median and spread, says which targets are met and how each benchmark grows, and writes it all
 * to bench/results/latest.json. `--quick` skips the 20,000 journal. `--planner` times only the
 * planner's benchmarks (2,000 and 20,000 journals, no browser), for changes to the planner;
 * `--insights` runs only the Insights figures (on every size), which takes about a minute.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { BOARD_QUERY } from '../src/main/core/board/board';
import { createCore } from '../src/main/core/core';
import { generateJournal } from '../src/main/core/demo/journal-generator';
import { closeJournal, JOURNAL_FILE_NAME, openJournal } from '../src/main/core/journal/database';
import { ReflectionStore } from '../src/main/core/reflections/reflection-store';
import { loadPlanInputs, planAll } from '../src/main/core/planner/plan-journal';
import { planOpportunity } from '../src/main/core/planner/plan';
import { FIGURES, insightsContext } from '../src/main/core/insights/insights';
import { startWebServer } from '../src/main/web/http-transport';
import { DEFAULT_PLANNER_SETTINGS } from '../src/shared/settings';
import { growth, measure, summarise, table } from './harness';
import type { Sample } from './harness';

// Runs from out/bench/ (built like the app) or from bench/ (tsx): the project root is two or one up.
const ROOT = fs.existsSync(path.resolve(import.meta.dirname, '../package.json'))
  ? path.resolve(import.meta.dirname, '..')
  : path.resolve(import.meta.dirname, '../..');
const quick = process.argv.includes('--quick');
const plannerOnly = process.argv.includes('--planner');
const insightsOnly = process.argv.includes('--insights');
const only = plannerOnly || insightsOnly;
const SIZES = plannerOnly ? [2_000, 20_000] : quick ? [100, 2_000] : [100, 2_000, 20_000];
const NOW = new Date('2026-11-20T15:00:00Z');
const samples: Sample[] = [];
const notes: string[] = [];
const log = (line: string) => process.stdout.write(`${line}\n`);

const target = (ms: number, size: number | null = 2_000) => ({ ms, size });

async function journalOf(size: number): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `afterword-bench-${size}-`));
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ timeZone: 'America/New_York' }));
  const started = performance.now();
  const { db } = openJournal(path.join(dir, JOURNAL_FILE_NAME));
  const counts = generateJournal(db, { opportunities: size, seed: 2026, now: NOW });
  db.pragma('wal_checkpoint(TRUNCATE)');
  closeJournal(db);
  const mb = fs.statSync(path.join(dir, JOURNAL_FILE_NAME)).size / 1e6;
  notes.push(
    `journal ${size}: ${counts.rounds} rounds, ${counts.contacts} contacts, ${counts.events} events, ${counts.reflections} reflections, ${counts.letters} letters, ${mb.toFixed(1)} MB, generated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  log(notes.at(-1)!);
  return dir;
}

async function coreBenchmarks(size: number, dir: string): Promise<void> {
  const file = path.join(dir, JOURNAL_FILE_NAME);
  if (!plannerOnly) samples.push(summarise('open journal (existing file, migrated)', size, await measure(15, () => closeJournal(openJournal(file).db)), target(100)));

  const core = createCore({ dataDir: dir, transport: 'http', now: () => NOW });
  const board = core.db.prepare(BOARD_QUERY);
  if (!plannerOnly) samples.push(summarise('board query (SQL)', size, await measure(15, () => board.all()), target(20)));
  const ctx = { settings: DEFAULT_PLANNER_SETTINGS, timeZone: 'America/New_York', now: NOW };
  samples.push(summarise('plan every action (read + plan, cold)', size, await measure(15, () => planAll(core.db, ctx)), target(50)));
  // The pure planner alone, as the board and the reminders use it: the open actions of every card.
  const inputs = loadPlanInputs(core.db, 'all');
  const open = { ...ctx, openOnly: true };
  samples.push(
    summarise('planner only (every card, inputs in memory)', size, await measure(15, () => inputs.map((i) => planOpportunity(i, open)))),
  );
  if (inputs.length >= 10_000) {
    const tenThousand = inputs.slice(0, 10_000);
    samples.push(summarise('planner only: 10,000 opportunities in memory', null, await measure(10, () => tenThousand.map((i) => planOpportunity(i, open))), target(100, null)));
  }
  samples.push(summarise('board.get, cold (query + plan every card)', size, await measure(5, async () => {
    core.planner.invalidate(); // an empty plan cache
    await core.call('board.get', undefined);
  })));
  if (plannerOnly) return core.close();
  const someone = (core.db.prepare("SELECT id FROM opportunities WHERE stage <> 'closed' LIMIT 1").pluck().get() as number | undefined) ?? 1;
  samples.push(
    summarise('board.get after one card changed (plan cache)', size, await measure(15, async () => {
      await core.call('events.record', { opportunityId: someone, kind: 'note', note: 'bench' });
      await core.call('board.get', undefined);
    })),
  );

  const reflections = new ReflectionStore(core.db, () => NOW);
  const queries = ['concurrency bug', 'design system', 'mentoring junior', 'incidents reviewed', 'numbers', 'search cluster'];
  let q = 0;
  samples.push(
    summarise('full-text search of reflections', size, await measure(30, () => reflections.search(queries[q++ % queries.length]!, 50)), target(50, 20_000)),
  );

  const server = await startWebServer({ core, rendererDir: path.join(ROOT, 'out/renderer'), port: 0 });
  const url = `http://127.0.0.1:${server.port}/api/call/opportunities.get`;
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${server.secret}` };
  samples.push(
    summarise(
      'HTTP round trip (opportunities.get)',
      size,
      await measure(200, async () => {
        const response = await fetch(url, { method: 'POST', headers, body: '{"id":1}' });
        await response.json();
      }, 20),
      target(5),
    ),
  );
  await server.close();
  if (size === 2_000) await exportBenchmarks(core);
  if (size === 2_000) await transferBenchmarks(core);
  core.close();
}

/**
 * The journal as JSON: export of the whole journal, and import of that file into a new
 * empty journal (backup included, as the app does it); the export of the imported journal must be
 * the same bytes.
 */
async function transferBenchmarks(core: ReturnType<typeof createCore>): Promise<void> {
  const exportOnce = async () => {
    const result = await core.call('transfer.exportJson', undefined);
    if (!result.ok) throw new Error(result.error.message);
    return (result.value as { base64: string }).base64;
  };
  samples.push(summarise('export the journal as JSON', 2_000, await measure(5, exportOnce), target(2_000)));
  const base64 = await exportOnce();
  const importTimes: number[] = [];
  let identical = true;
  for (let i = 0; i < 5; i++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'afterword-bench-import-'));
    const target = createCore({ dataDir: dir, transport: 'http', now: () => NOW });
    const started = performance.now();
    const result = await target.call('transfer.importJson', { base64 });
    importTimes.push(performance.now() - started);
    if (!result.ok) throw new Error(result.error.message);
    if (i === 0) {
      const again = await target.call('transfer.exportJson', undefined);
      identical = again.ok && (again.value as { base64: string }).base64 === base64;
    }
    target.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  samples.push(summarise('import that JSON into an empty journal (backup included)', 2_000, importTimes, target(2_000)));
  notes.push(`JSON round trip at 2,000: ${(Buffer.byteLength(base64, 'base64') / 1e6).toFixed(1)} MB exported; export -> import -> export ${identical ? 'gives the same bytes' : 'DIFFERS'}`);
  if (!identical) throw new Error('the JSON round trip is not byte-identical');
}

/**
 * Insights: each figure alone, cold (nothing shared between figures), for the screen's
 * default period and for all time, then the whole call as the screen makes it.
 */
async function insightsBenchmarks(size: number, dir: string): Promise<void> {
  const core = createCore({ dataDir: dir, transport: 'http', now: () => NOW });
  const source = { db: core.db, now: NOW, timeZone: core.settings.get().timeZone, planner: core.settings.get().planner };
  for (const [period, label] of [['last-90-days', 'last 90 days'], ['all-time', 'all time']] as const) {
    const cpu: string[] = [];
    for (const [name, figure] of Object.entries(FIGURES)) {
      const compute = figure as (ctx: ReturnType<typeof insightsContext>) => unknown;
      samples.push(
        summarise(`insights: ${name} (${label})`, size, await measure(15, () => compute(insightsContext(source, { period }, false))), target(50, 20_000)),
      );
      // This machine's two cores are shared: the process's own CPU time says what the work costs
      // when others run, where the wall clock also counts the waits.
      const times: number[] = [];
      for (let i = 0; i < 15; i++) {
        const before = process.cpuUsage();
        compute(insightsContext(source, { period }, false));
        const used = process.cpuUsage(before);
        times.push((used.user + used.system) / 1000);
      }
      cpu.push(`${name} ${summarise(name, size, times).medianMs.toFixed(1)}`);
    }
    if (size === SIZES.at(-1)) notes.push(`insights at ${size.toLocaleString('en-US')}, ${label}, median CPU time ms: ${cpu.join(', ')}`);
    samples.push(summarise(`insights.get, every figure (${label})`, size, await measure(10, () => core.call('insights.get', { period }))));
  }
  core.close();
}

/** Printing: one card, and 100 cards in one .docx (size-independent, measured on the 2,000 journal). */
async function exportBenchmarks(core: ReturnType<typeof createCore>): Promise<void> {
  const rounds = core.db.prepare('SELECT DISTINCT round_id FROM round_interviewers LIMIT 60').pluck().all() as number[];
  const ids: number[] = [];
  for (const roundId of rounds) {
    const result = await core.call('letters.draft', { roundId, kind: 'thank-you-card' });
    if (result.ok) ids.push(...(result.value as { id: number }[]).map((l) => l.id));
    if (ids.length >= 100) break;
  }
  const options = { size: 'a2-card', layout: 'flat', font: 'Georgia' };
  samples.push(summarise('export one card (.docx)', null, await measure(10, () => core.call('letters.export', { ids: ids.slice(0, 1), ...options })), target(100, null)));
  samples.push(summarise('export 100 cards into one .docx', null, await measure(5, () => core.call('letters.export', { ids: ids.slice(0, 100), ...options })), target(2_000, null)));
}

function openNewJournal(): Promise<number[]> {
  return measure(15, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'afterword-bench-new-'));
    closeJournal(openJournal(path.join(dir, JOURNAL_FILE_NAME)).db);
    fs.rmSync(dir, { recursive: true, force: true });
  });
}

/** Peak resident memory of a fresh core process that opens the journal and does the board's work. */
function peakMemory(dir: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'out/bench/memory.mjs'), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(Number(out.trim())) : reject(new Error(`memory probe exited ${code}`))));
  });
}

/** The board in Chromium, through browser mode: first full render, and a keyboard move until saved and painted. */
/**
 * The calls an autosave of a reflection makes the page send: open a card's reflection, type, wait
 * for "Saved", count (target: the save alone, once per save).
 */
async function autosaveCalls(page: import('@playwright/test').Page, calls: string[], size: number): Promise<void> {
  await page.locator('.card-open').first().click();
  await page.getByRole('button', { name: /^Reflection on round/ }).first().click();
  const editor = page.getByRole('textbox', { name: 'Reflection' });
  await editor.waitFor();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  const before = calls.length;
  await page.keyboard.type(' A few words typed for the benchmark, then a pause.', { delay: 20 });
  await page.getByRole('status', { name: 'Save status' }).filter({ hasText: /Saved \w/ }).waitFor({ timeout: 15_000 });
  await page.waitForTimeout(500);
  const made = calls.slice(before);
  const saves = made.filter((c) => c === 'reflections.save').length;
  notes.push(`calls per reflection autosave at ${size}: ${made.length} calls for ${saves} save(s) (target: the saves alone): ${made.join(', ')}`);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
}

async function browserBenchmarks(size: number, dir: string): Promise<void> {
  const server = spawn(path.join(ROOT, 'node_modules/.bin/node'), [path.join(ROOT, 'out/main/web.js'), '--data-dir', dir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('http://127.0.0.1:'));
      if (line) resolve(line.trim());
    });
    server.on('exit', (code) => reject(new Error(`browser mode exited ${code}`)));
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
    const renders: number[] = [];
    for (let i = 0; i < 6; i++) {
      await page.goto(i === 0 ? url : url.replace(/#.*/, ''));
      await page.waitForFunction(() => performance.getEntriesByName('afterword:board-rendered').length > 0, undefined, { timeout: 60_000 });
      const t = await page.evaluate(() => performance.getEntriesByName('afterword:board-rendered')[0]!.startTime);
      if (i > 0) renders.push(t); // the first load warms the server's caches
    }
    samples.push(summarise('Chromium: first full render of the board', size, renders, target(1_000)));

    // Every call the page makes, by name: a move should make one (board.move), an autosave one.
    const calls: string[] = [];
    page.on('request', (r) => {
      const m = /\/api\/call\/([\w.]+)$/.exec(r.url());
      if (m) calls.push(m[1]!);
    });
    const moves: number[] = [];
    const callsPerMove: string[][] = [];
    for (let i = 0; i < 12; i++) {
      const handle = page.locator('section[data-column="thanked"] .card-handle').first();
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
      const before = calls.length;
      await page.keyboard.press('Space');
      try {
        await page.waitForFunction(() => performance.getEntriesByName('afterword:move-saved').length > 0, undefined, { timeout: 15_000 });
      } catch {
        const said = await page.locator('.status-line, [role=alert], dialog[open]').allTextContents();
        notes.push(`a move at ${size} did not complete: ${said.join(' | ').slice(0, 300)}`);
        await page.screenshot({ path: path.join(ROOT, `bench/results/move-failed-${size}.png`) });
        break;
      }
      const t = await page.evaluate(() => performance.getEntriesByName('afterword:move-saved')[0]!.duration);
      if (i > 0) moves.push(t);
      // Whatever a move makes the page ask for comes right after it: give it a moment to show.
      await page.waitForTimeout(300);
      callsPerMove.push(calls.slice(before));
    }
    if (moves.length > 0) samples.push(summarise('Chromium: a move, drop to saved and painted', size, moves, target(size >= 20_000 ? 25 : 16, size >= 20_000 ? 20_000 : 2_000)));
    if (callsPerMove.length > 0) {
      const counts = callsPerMove.map((c) => c.length);
      notes.push(`calls per move at ${size}: ${Math.min(...counts)}-${Math.max(...counts)} (target 1): ${[...new Set(callsPerMove.map((c) => c.join('+')))].join(', ')}`);
    }
    await autosaveCalls(page, calls, size);
  } finally {
    await browser.close();
    server.kill('SIGTERM');
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  log(`Afterword benchmarks on ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores), Node ${process.version}${quick ? ', quick' : ''}`);
  if (!only) samples.push(summarise('create + migrate a new journal', null, await openNewJournal()));
  const dirs = new Map<number, string>();
  for (const size of SIZES) {
    const dir = await journalOf(size);
    dirs.set(size, dir);
    if (!insightsOnly) await coreBenchmarks(size, dir);
    if (!plannerOnly) await insightsBenchmarks(size, dir);
  }
  if (!only) {
    for (const size of SIZES) await browserBenchmarks(size, dirs.get(size)!);
    const biggest = SIZES.at(-1)!;
    const peakMb = (await peakMemory(dirs.get(biggest)!)) / 1024;
    notes.push(`peak memory (max RSS) of a core process with the ${biggest.toLocaleString('en-US')} journal after board.get, planning and a search: ${peakMb.toFixed(0)} MB`);
  }

  log('');
  log(table(samples));
  log('');
  log('growth:');
  for (const name of [...new Set(samples.filter((s) => s.size !== null).map((s) => s.name))]) {
    log(`  ${name}: ${growth(samples.filter((s) => s.name === name))}`);
  }
  for (const note of notes) log(note);
  const missed = samples.filter((s) => s.targetMs !== undefined && (s.targetSize === null || s.targetSize === s.size) && s.medianMs >= s.targetMs);
  log(missed.length === 0 ? 'all targets met' : `targets missed: ${missed.map((s) => (s.size === null ? s.name : `${s.name} at ${s.size}`)).join('; ')}`);
  log(`total ${((performance.now() - started) / 1000).toFixed(0)} s`);

  const out = path.join(ROOT, 'bench/results');
  fs.writeFileSync(
    path.join(out, plannerOnly ? 'planner.json' : insightsOnly ? 'insights.json' : 'latest.json'),
    JSON.stringify({ at: new Date().toISOString(), machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version }, samples, notes }, null, 2),
  );
  log(`written: bench/results/${plannerOnly ? 'planner' : insightsOnly ? 'insights' : 'latest'}.json`);
  for (const dir of dirs.values()) fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
