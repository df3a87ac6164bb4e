/**
 * `npm run bench`: how fast Afterword is, and how it grows as the search goes on. Generates
 * journals of 100, 2,000 and 20,000 opportunities (deterministic, seed 2026) as a steady search:
 * the latest 2,000 as one dense search of eight months, and everything before them closed
 * history (a journal only grows, and almost all of it is closed). Runs every benchmark several
 * times, prints a table with median, spread and CPU time, says which targets are met and how each
 * benchmark grows, then a load run through browser mode's HTTP, and writes it all to
 * bench/results/latest.json.
 *
 * `--quick` skips the 20,000 journal (and the load run); `--planner` times only the planner's
 * benchmarks (no browser); `--insights` only the Insights figures (on the dense journals they were
 * measured on before: one search of eight months); `--load` only the load run.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BOARD_QUERY } from '../src/main/core/board/board';
import { createCore } from '../src/main/core/core';
import { generateJournal, STEADY_RECENT } from '../src/main/core/demo/journal-generator';
import { closeJournal, JOURNAL_FILE_NAME, openJournal } from '../src/main/core/journal/database';
import { checkJournalNow, checksRunning } from '../src/main/core/journal/journal-check';
import { ReflectionStore } from '../src/main/core/reflections/reflection-store';
import { loadPlanInputs, planAll } from '../src/main/core/planner/plan-journal';
import { planOpportunity } from '../src/main/core/planner/plan';
import { FIGURES, insightsContext } from '../src/main/core/insights/insights';
import { startWebServer } from '../src/main/web/http-transport';
import { DEFAULT_PLANNER_SETTINGS } from '../src/shared/settings';
import { afterJournalCheck, browserBenchmarks, startBrowserMode } from './browser';
import { growth, growthBetween, measure, missed, quantile, summarise, table } from './harness';
import type { Sample, Target } from './harness';
import { lostWrites, resultFromJson } from './load';
import type { LoadResult } from './load';
import { writesAgainstRawSql } from './writes';

// Runs from out/bench/ (built like the app) or from bench/ (tsx): the project root is two or one up.
const ROOT = fs.existsSync(path.resolve(import.meta.dirname, '../package.json'))
  ? path.resolve(import.meta.dirname, '..')
  : path.resolve(import.meta.dirname, '../..');
const quick = process.argv.includes('--quick');
const plannerOnly = process.argv.includes('--planner');
const insightsOnly = process.argv.includes('--insights');
const loadOnly = process.argv.includes('--load');
const only = plannerOnly || insightsOnly || loadOnly;
const SIZES = loadOnly ? [20_000] : plannerOnly ? [2_000, 20_000] : quick ? [100, 2_000] : [100, 2_000, 20_000];
const NOW = new Date('2026-11-20T15:00:00Z');
const LOAD = { clients: 20, callsPerClient: 2_000, seed: 2026 };
const samples: Sample[] = [];
const notes: string[] = [];
/** Targets that are not a median time: the load run, memory, the calls a move makes, growth. */
const otherMisses: string[] = [];
const log = (line: string) => process.stdout.write(`${line}\n`);

const at = (ms: number, size: number | null = 2_000): Target => ({ ms, size });

async function journalOf(size: number, span: 'steady' | 'eight-months' = 'steady'): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `afterword-bench-${size}-`));
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ timeZone: 'America/New_York' }));
  const started = performance.now();
  const { db } = openJournal(path.join(dir, JOURNAL_FILE_NAME));
  const counts = generateJournal(db, { opportunities: size, seed: 2026, now: NOW, span });
  const stages = db.prepare("SELECT sum(stage = 'closed'), sum(stage <> 'closed') FROM opportunities").raw().get() as [number, number];
  db.pragma('wal_checkpoint(TRUNCATE)');
  closeJournal(db);
  const mb = fs.statSync(path.join(dir, JOURNAL_FILE_NAME)).size / 1e6;
  notes.push(
    `journal ${size}${span === 'steady' ? '' : ` (${span})`}: ${counts.rounds} rounds, ${counts.contacts} contacts, ${counts.events} events, ${counts.reflections} reflections, ${counts.letters} letters; ${stages[1]} cards not closed, ${stages[0]} closed; ${mb.toFixed(1)} MB, generated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  log(notes.at(-1)!);
  return dir;
}

/** Runs a built benchmark entry in a fresh process and returns what it prints. */
/**
 * Runs a benchmark's own process with the V8 flags the app's core runs with (`npm start` and
 * `npm run web` give it 8 MB semi-spaces; see scripts/start.mjs): its memory and its opening
 * time are the app's, not those of Node's defaults.
 */
const CORE_FLAGS = ['--max-semi-space-size=8'];

function child(entry: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...CORE_FLAGS, path.join(ROOT, `out/bench/${entry}.mjs`), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
    proc.on('exit', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`${entry} exited ${code}`))));
  });
}

async function coreBenchmarks(size: number, dir: string): Promise<void> {
  const file = path.join(dir, JOURNAL_FILE_NAME);
  const core = createCore({ dataDir: dir, transport: 'http', now: () => NOW });
  const ctx = { settings: DEFAULT_PLANNER_SETTINGS, timeZone: 'America/New_York', now: NOW };
  // The journal's first opening after it was generated plans every open card and settles the
  // closed ones (as after an import); the plans are kept when the core closes.
  await core.call('board.get', undefined);

  if (!plannerOnly) {
    samples.push(summarise('open journal (existing file; its check deferred)', size, await measure(15, () => closeJournal(openJournal(file, { deferCheck: true }).db)), at(100)));
    samples.push(summarise('journal check (quick_check; in the background)', size, await measure(5, () => checkJournalNow(file))));
    samples.push(summarise('board query (SQL; the cards not closed)', size, await measure(15, () => core.db.prepare(BOARD_QUERY).all()), at(20)));
  }
  samples.push(summarise('plan every open card (read + plan, cold)', size, await measure(15, () => planAll(core.db, ctx)), at(50)));
  // The pure planner alone, as the board and the reminders use it: the open actions of every card.
  const inputs = loadPlanInputs(core.db, 'all');
  const open = { ...ctx, openOnly: true };
  samples.push(summarise('planner only (every card, inputs in memory)', size, await measure(15, () => inputs.map((i) => planOpportunity(i, open)))));
  if (inputs.length >= 10_000) {
    const latest = inputs.slice(-10_000);
    samples.push(summarise('planner only: 10,000 opportunities in memory (the latest)', null, await measure(15, () => latest.map((i) => planOpportunity(i, open))), at(50, null)));
  }
  if (plannerOnly) return core.close();

  // board.get as the UI makes it: in a new process (the plans read back from the journal, the
  // board's cards read), with nothing planned yet (every open card planned), after one change.
  samples.push(
    summarise('board.get, a new core (plans read back)', size, await measure(5, async () => {
      // As the app opens it: the journal's check deferred (it would otherwise read the whole file first).
      const fresh = createCore({ dataDir: dir, transport: 'http', now: () => NOW, journalCheck: 'deferred' });
      await fresh.call('board.get', undefined);
      fresh.close();
    })),
  );
  samples.push(
    summarise('board.get, nothing planned yet (every open card)', size, await measure(5, async () => {
      core.db.prepare("UPDATE card_plans SET valid_until = '' WHERE opportunity_id IN (SELECT id FROM opportunities WHERE stage <> 'closed')").run();
      core.planner.invalidate();
      await core.call('board.get', undefined);
    })),
  );
  const someone = (core.db.prepare("SELECT id FROM opportunities WHERE stage <> 'closed' ORDER BY id DESC LIMIT 1").pluck().get() as number | undefined) ?? 1;
  const change = () => core.call('events.record', { opportunityId: someone, kind: 'note', note: 'bench' });
  samples.push(summarise('board.get after one card changed', size, await measure(25, () => core.call('board.get', undefined), 1, change), [at(10), at(20, 20_000)]));
  // As this row was measured before (the write that changed the card timed too).
  samples.push(
    summarise('a write, then board.get (both timed)', size, await measure(25, async () => {
      await change();
      await core.call('board.get', undefined);
    })),
  );
  samples.push(summarise('board.get, nothing changed', size, await measure(25, () => core.call('board.get', undefined))));
  const some = (core.db.prepare("SELECT id FROM opportunities WHERE stage <> 'closed' ORDER BY id DESC LIMIT 3").pluck().all() as number[]);
  samples.push(summarise('board.cards (3 cards, as another window asks)', size, await measure(25, () => core.call('board.cards', { ids: some }))));
  samples.push(summarise('board.closed (a page of 50 closed cards)', size, await measure(25, () => core.call('board.closed', { limit: 50 }))));
  const window = { from: new Date(NOW.getTime() - 61 * 86_400_000).toISOString(), to: new Date(NOW.getTime() + 9 * 3_600_000).toISOString() };
  samples.push(summarise('actions.inRange (the due strip)', size, await measure(25, () => core.call('actions.inRange', window))));
  samples.push(summarise('reminders.due (what is due now)', size, await measure(15, () => core.call('reminders.due', undefined))));

  const reflections = new ReflectionStore(core.db, () => NOW);
  const queries = ['concurrency bug', 'design system', 'mentoring junior', 'incidents reviewed', 'numbers', 'search cluster'];
  let q = 0;
  samples.push(summarise('full-text search of reflections', size, await measure(30, () => reflections.search(queries[q++ % queries.length]!, 50)), at(50, 20_000)));

  const server = await startWebServer({ core, rendererDir: path.join(ROOT, 'out/renderer'), port: 0 });
  const url = `http://127.0.0.1:${server.port}/api/call/opportunities.get`;
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${server.secret}` };
  samples.push(
    summarise('HTTP round trip (opportunities.get)', size, await measure(200, async () => {
      const response = await fetch(url, { method: 'POST', headers, body: '{"id":1}' });
      await response.json();
    }, 20), at(5)),
  );
  await server.close();

  await writeBenchmarks(core, file, size);
  if (size === 2_000) await exportBenchmarks(core);
  if (size === 2_000) await transferBenchmarks(core);
  core.close();

  // Opening the journal to a usable board, in a fresh process each time (as the app starts).
  const opens: { totalMs: number; openMs: number; boardMs: number; jsonMs: number; cards: number; bytes: number }[] = [];
  for (let i = 0; i < 7; i++) opens.push(JSON.parse(await child('open', [dir, NOW.toISOString()])) as (typeof opens)[number]);
  const used = opens.slice(1); // the first warms the file cache
  const sample = summarise('open the journal to a usable board (new process)', size, used.map((o) => o.totalMs), at(150, 20_000));
  samples.push(sample);
  notes.push(
    `opening at ${size.toLocaleString('en-US')}: core ${quantile(used.map((o) => o.openMs), 0.5).toFixed(1)} ms, first board.get ${quantile(used.map((o) => o.boardMs), 0.5).toFixed(1)} ms, its JSON ${quantile(used.map((o) => o.jsonMs), 0.5).toFixed(1)} ms (${used[0]!.cards} cards, ${(used[0]!.bytes / 1e6).toFixed(2)} MB)`,
  );
}

/** A move, an event and a reflection save, through the core and as raw SQL (see writes.ts). */
async function writeBenchmarks(core: ReturnType<typeof createCore>, file: string, size: number): Promise<void> {
  // The cores opened and closed above (board.get in a new core) leave their journal checks
  // reading the file for up to a second each (SQLite's quick_check cannot be stopped midway):
  // the writes are timed once those are done, or they would be timed against 150 MB of reading.
  const waited = performance.now();
  while (checksRunning() > 0) await new Promise((done) => setTimeout(done, 20));
  notes.push(`writes at ${size.toLocaleString('en-US')}: timed after ${(performance.now() - waited).toFixed(0)} ms of waiting for the closed cores' journal checks to stop`);
  const mover = core.db.prepare("SELECT id FROM opportunities WHERE stage = 'thanked' ORDER BY id DESC LIMIT 1").pluck().get() as number | undefined;
  const someone = core.db.prepare("SELECT id FROM opportunities WHERE stage <> 'closed' ORDER BY id DESC LIMIT 1").pluck().get() as number;
  const roundId = core.db.prepare('SELECT round_id FROM reflections ORDER BY round_id DESC LIMIT 1').pluck().get() as number;
  const moves: { eventIds: number[] }[] = [];
  // An editor opened on the stored text saves over its revision, then in order (see reflection-store.ts).
  const opened = await core.call('reflections.get', { roundId });
  const revision = opened.ok ? (opened.value as { revision: number }).revision : 0;
  let seq = 0;
  const { samples: written, notes: said } = await writesAgainstRawSql(core, file, size, [
    ...(mover === undefined
      ? []
      : [
          {
            name: 'a move (Thanked to Followed up)',
            write: async () => {
              const moved = await core.call('board.move', { opportunityId: mover, to: 'followed_up' });
              if (moved.ok) moves.push(moved.value as { eventIds: number[] });
            },
            after: async () => {
              const move = moves.shift();
              if (move) await core.call('board.undoMove', { opportunityId: mover, eventIds: move.eventIds, roundId: null });
            },
          },
        ]),
    { name: 'an event (a note)', write: () => core.call('events.record', { opportunityId: someone, kind: 'note', note: 'bench' }) },
    {
      name: "a reflection's autosave",
      write: () => core.call('reflections.save', { roundId, body: `# Benchmark\n\nSave ${++seq}: ${'text '.repeat(200)}`, revision, session: 'bench-editor-0001', seq }),
    },
  ]);
  samples.push(...written);
  notes.push(...said);
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
  samples.push(summarise('export the journal as JSON', 2_000, await measure(5, exportOnce), at(2_000)));
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
  samples.push(summarise('import that JSON into an empty journal (backup included)', 2_000, importTimes, at(2_000)));
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
      const times = await measure(15, () => compute(insightsContext(source, { period }, false)));
      const sample = summarise(`insights: ${name} (${label})`, size, times, at(50, 20_000));
      samples.push(sample);
      cpu.push(`${name} ${sample.cpuMs?.toFixed(1)}`);
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
  samples.push(summarise('export one card (.docx)', null, await measure(10, () => core.call('letters.export', { ids: ids.slice(0, 1), ...options })), at(100, null)));
  samples.push(summarise('export 100 cards into one .docx', null, await measure(5, () => core.call('letters.export', { ids: ids.slice(0, 100), ...options })), at(2_000, null)));
}

/** The same 10,000 opportunities the planner benchmark used before (one dense search of eight months): for comparison. */
async function densePlanner(): Promise<void> {
  const dir = await journalOf(10_000, 'eight-months');
  const core = createCore({ dataDir: dir, transport: 'http', now: () => NOW });
  const inputs = loadPlanInputs(core.db, 'all');
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const open = { settings: DEFAULT_PLANNER_SETTINGS, timeZone: 'America/New_York', now: NOW, openOnly: true };
  const actions = inputs.reduce((n, i) => n + planOpportunity(i, open).length, 0);
  const upcoming = inputs.filter((i) => (i.rounds.at(-1)?.startsAt ?? '') > NOW.toISOString()).length;
  samples.push(summarise('planner only: 10,000 in memory, one dense search (as before)', null, await measure(15, () => inputs.map((i) => planOpportunity(i, open)))));
  notes.push(`the dense 10,000 (eight months): ${upcoming} cards with a round in the next three weeks, ${actions} open actions to plan`);
}

/** Peak resident memory of a fresh core process that opens the journal and does the board's work. */
async function peakMemory(dir: string): Promise<number> {
  return Number(await child('memory', [dir])) / 1024;
}

/** 20 clients x 2,000 calls through browser mode's HTTP; then every acknowledged write looked for in the file. */
async function loadBenchmark(size: number, dir: string): Promise<void> {
  const { url, server } = await startBrowserMode(ROOT, dir);
  let result: LoadResult;
  try {
    await afterJournalCheck(url);
    // The clients run in a fresh process: a pause of this process's collector (it holds what the
    // earlier parts read) would be counted as the server's latency.
    result = resultFromJson(await child('load-clients', [url, String(server.pid!), String(LOAD.clients), String(LOAD.callsPerClient), String(LOAD.seed)]));
  } finally {
    server.kill('SIGTERM');
    await new Promise((done) => (server.exitCode !== null ? done(null) : server.once('exit', done)));
  }
  const { writes, lost } = lostWrites(path.join(dir, JOURNAL_FILE_NAME), result.expected);
  const growthMb = result.rssAfterMb - result.rssBeforeMb;
  notes.push(
    `load run at ${size.toLocaleString('en-US')} (${LOAD.clients} clients x ${LOAD.callsPerClient.toLocaleString('en-US')} calls, seed ${LOAD.seed}, each client with an event stream): ` +
      `${result.calls.toLocaleString('en-US')} calls in ${result.seconds.toFixed(1)} s (${(result.calls / result.seconds).toFixed(0)}/s), p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms, max ${result.maxMs.toFixed(0)} ms; server CPU ${result.serverCpuPerCallMs.toFixed(2)} ms a call; ` +
      `${result.errors.length} errors; ${writes.toLocaleString('en-US')} writes acknowledged, ${lost.length} not found in the journal; ` +
      `server RSS ${result.rssBeforeMb.toFixed(0)} MB before, ${result.rssAfterMb.toFixed(0)} MB after (${growthMb >= 0 ? '+' : ''}${growthMb.toFixed(0)} MB), peak ${result.peakRssMb.toFixed(0)} MB`,
  );
  notes.push(`load run, per call (p50 / p99 ms): ${result.perCall.map((c) => `${c.name} ${c.p50Ms.toFixed(1)}/${c.p99Ms.toFixed(1)} (${c.n})`).join(', ')}`);
  if (result.errors.length > 0) notes.push(`load run errors (first 5): ${result.errors.slice(0, 5).join('; ')}`);
  if (lost.length > 0) notes.push(`load run: not in the journal (first 10): ${lost.slice(0, 10).join(', ')}`);
  if (result.p99Ms > 50) otherMisses.push(`load run p99 ${result.p99Ms.toFixed(1)} ms (target 50)`);
  if (result.errors.length > 0) otherMisses.push(`load run: ${result.errors.length} errors`);
  if (lost.length > 0) otherMisses.push(`load run: ${lost.length} lost writes`);
  if (growthMb > 100) otherMisses.push(`load run: RSS grew ${growthMb.toFixed(0)} MB (target 100)`);
}

async function main(): Promise<void> {
  const started = performance.now();
  fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  log(`Afterword benchmarks on ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores), Node ${process.version}${quick ? ', quick' : ''}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  if (!only) {
    samples.push(
      summarise('create + migrate a new journal', null, await measure(15, () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'afterword-bench-new-'));
        closeJournal(openJournal(path.join(dir, JOURNAL_FILE_NAME)).db);
        fs.rmSync(dir, { recursive: true, force: true });
      })),
    );
  }
  const dirs = new Map<number, string>();
  for (const size of SIZES) {
    const dir = await journalOf(size);
    dirs.set(size, dir);
    if (loadOnly) continue;
    if (!insightsOnly) await coreBenchmarks(size, dir);
    if (plannerOnly) continue;
    // Insights reads the history for its periods: measured on the dense journal it was measured
    // on before (the same up to 2,000), so its figures stay comparable.
    if (size <= STEADY_RECENT) await insightsBenchmarks(size, dir);
    else {
      const dense = await journalOf(size, 'eight-months');
      await insightsBenchmarks(size, dense);
      fs.rmSync(dense, { recursive: true, force: true });
    }
  }
  if (plannerOnly || (!only && !quick)) await densePlanner();
  const callsPerMove: number[] = [];
  const callsPerAutosave: number[] = [];
  if (!only) {
    for (const size of SIZES) {
      const result = await browserBenchmarks(ROOT, size, dirs.get(size)!, {
        render: size === 2_000 ? 1_000 : size === 20_000 ? 300 : null,
        move: size === 2_000 ? 16 : size === 20_000 ? 25 : null,
      });
      samples.push(...result.samples);
      notes.push(...result.notes);
      callsPerMove.push(...result.callsPerMove);
      if (result.callsPerAutosave !== null) callsPerAutosave.push(result.callsPerAutosave);
    }
    const biggest = SIZES.at(-1)!;
    const peakMb = await peakMemory(dirs.get(biggest)!);
    notes.push(`peak memory (max RSS) of a core process with the ${biggest.toLocaleString('en-US')} journal (run as the app runs it, with 8 MB semi-spaces) after the board, Closed, the due strip, what is due, planning every open card and a search: ${peakMb.toFixed(0)} MB`);
    if (biggest === 20_000 && peakMb > 256) otherMisses.push(`peak memory ${peakMb.toFixed(0)} MB at 20,000 (target 256)`);
    if (callsPerMove.some((n) => n !== 1)) otherMisses.push(`calls per move: ${callsPerMove.join(', ')} (target 1)`);
    if (callsPerAutosave.some((n) => n !== 1)) otherMisses.push(`calls per reflection autosave: ${callsPerAutosave.join(', ')} (target 1, the save alone)`);
  }
  if (loadOnly || (!only && !quick)) await loadBenchmark(20_000, dirs.get(20_000)!);

  log('');
  log(table(samples));
  log('');
  log('growth:');
  // "Flat": the calls the board makes, from 2,000 to 20,000 (a search ten times as long).
  const boardCalls = new Set([
    'board.get after one card changed',
    'board.get, nothing changed',
    'board.cards (3 cards, as another window asks)',
    'board.closed (a page of 50 closed cards)',
    'actions.inRange (the due strip)',
    'write: a move (Thanked to Followed up), through the core',
    'open the journal to a usable board (new process)',
    'Chromium: first full render of the board',
    'Chromium: a move, drop to saved and painted',
  ]);
  for (const name of [...new Set(samples.filter((s) => s.size !== null).map((s) => s.name))]) {
    const of = samples.filter((s) => s.name === name);
    const between = growthBetween(of, 2_000, 20_000);
    const flat = between === null ? '' : `; from 2,000 to 20,000 n^${between.toFixed(2)}${boardCalls.has(name) ? (between <= 0.3 ? ' (flat: met)' : ' (NOT flat: target n^0.3)') : ''}`;
    log(`  ${name}: ${growth(of)}${flat}`);
    if (boardCalls.has(name) && between !== null && between > 0.3) otherMisses.push(`${name} grows as n^${between.toFixed(2)} from 2,000 to 20,000 (target n^0.3)`);
  }
  if (callsPerMove.length > 0) log(`calls per move: ${callsPerMove.join(', ')}; per reflection autosave: ${callsPerAutosave.join(', ')}`);
  for (const note of notes) log(note);
  const missedTargets = [...samples.filter(missed).map((s) => (s.size === null ? s.name : `${s.name} at ${s.size}`)), ...otherMisses];
  log(missedTargets.length === 0 ? 'all targets met' : `targets missed: ${missedTargets.join('; ')}`);
  log(`load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; total ${((performance.now() - started) / 1000).toFixed(0)} s`);

  const out = path.join(ROOT, 'bench/results');
  const name = plannerOnly ? 'planner' : insightsOnly ? 'insights' : loadOnly ? 'load' : 'latest';
  fs.writeFileSync(
    path.join(out, `${name}.json`),
    JSON.stringify(
      { at: new Date().toISOString(), machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverage: os.loadavg() }, samples, notes, missed: missedTargets },
      null,
      2,
    ),
  );
  log(`written: bench/results/${name}.json`);
  for (const dir of dirs.values()) fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
