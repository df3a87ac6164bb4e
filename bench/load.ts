/**
 * The load run: many clients at once through browser mode's HTTP, reads and writes mixed the way
 * pages use the journal, each client waiting for one answer before its next call. It reports the
 * latency (p50, p99, per call), the errors, the server's memory (RSS) before and after, and then
 * checks, in the journal file itself, that every write the server acknowledged is there.
 *
 * Each client works on its own cards (no two clients race for one), with its own seeded random
 * sequence; each also holds the event stream a page holds, so every write is sent to 20 streams.
 */
import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import http from 'node:http';
import { prng } from '../src/main/core/demo/journal-generator';
import { quantile } from './harness';

export interface LoadOptions {
  readonly url: string;
  readonly pid: number;
  readonly clients: number;
  readonly callsPerClient: number;
  readonly seed: number;
}

export interface LoadResult {
  readonly calls: number;
  readonly seconds: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly perCall: { readonly name: string; readonly n: number; readonly p50Ms: number; readonly p99Ms: number }[];
  readonly errors: string[];
  /** The server's CPU time per call (ms): steadier than the latency on a shared machine. */
  readonly serverCpuPerCallMs: number;
  readonly rssBeforeMb: number;
  readonly rssAfterMb: number;
  readonly peakRssMb: number;
  /** What the journal file must hold afterwards (checked by `lostWrites` once the server stopped). */
  readonly expected: Expected;
}

interface Expected {
  /** Events recorded: id -> note. */
  readonly events: Map<number, string>;
  /** Events of moves: id -> undone or not. */
  readonly moves: Map<number, boolean>;
  /** Reflections: round -> the last text saved. */
  readonly reflections: Map<number, string>;
  /** Opportunities: id -> the last salary notes written. */
  readonly notes: Map<number, string>;
}

/** The CPU time a process has used (ms), from /proc (user and system). */
function cpuOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 1/100 s
}

/** The resident and peak memory of a process (MB), from /proc. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

interface Card {
  readonly id: number;
  readonly column: string;
  readonly round: { readonly id: number; readonly startsAt: string } | null;
}

export async function loadRun(options: LoadOptions): Promise<LoadResult> {
  const base = new URL(options.url);
  const secret = base.hash.replace('#token=', '');
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${secret}` };
  // The clients share the machine with the server: an answer is parsed only when its value is used.
  // Node's http with kept-alive connections, not fetch: undici's fetch took 0.6 ms of the clients'
  // CPU a call, on the two cores the server has too, and its queue in the clients' one event loop
  // was counted as the server's latency. An answer is read whole and parsed only when it is used.
  const agent = new http.Agent({ keepAlive: true });
  const post = (name: string, body: string): Promise<{ status: number; text: string }> =>
    new Promise((resolve, reject) => {
      const request = http.request(
        { host: base.hostname, port: base.port, path: `/api/call/${name}`, method: 'POST', agent, headers: { ...headers, 'Content-Length': Buffer.byteLength(body) } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  const call = async (name: string, input?: unknown, parse = true): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> => {
    const response = await post(name, input === undefined ? '' : JSON.stringify(input));
    if (response.status !== 200) return { ok: false, error: { message: `HTTP ${response.status}` } };
    const text = response.text;
    if (!parse && text.startsWith('{"ok":true')) return { ok: true };
    return JSON.parse(text) as { ok: boolean; value?: unknown };
  };

  // What each client works on: every n-th open card, its past rounds (reflections), its Thanked cards (moves).
  const board = (await call('board.get')) as { value: { cards: Card[] } };
  const now = new Date().toISOString();
  const cards = board.value.cards;
  const clients = Array.from({ length: options.clients }, (_, c) => {
    const own = cards.filter((_, i) => i % options.clients === c);
    return {
      ids: own.map((card) => card.id),
      thanked: own.filter((card) => card.column === 'thanked').map((card) => card.id),
      rounds: own.filter((card) => card.round && card.round.startsAt < now).map((card) => card.round!.id),
    };
  });
  const revisions = new Map<number, number>();
  for (const client of clients) {
    for (const roundId of client.rounds.slice(0, 5)) {
      const view = (await call('reflections.get', { roundId })) as { value: { revision: number } };
      revisions.set(roundId, view.value.revision);
    }
  }

  // The event stream every page holds.
  const streams = Array.from(
    { length: options.clients },
    () =>
      new Promise<http.ClientRequest>((resolve) => {
        const request = http.get({ host: base.hostname, port: base.port, path: '/api/events', headers: { Authorization: `Bearer ${secret}` } }, (res) => {
          res.on('data', () => undefined);
          resolve(request);
        });
        request.on('error', () => undefined);
      }),
  );
  const opened = await Promise.all(streams);

  const expected: Expected = { events: new Map(), moves: new Map(), reflections: new Map(), notes: new Map() };
  const latencies = new Map<string, number[]>();
  const errors: string[] = [];
  const before = memoryOf(options.pid);
  const cpuBefore = cpuOf(options.pid);
  const started = performance.now();
  const searches = ['design system', 'concurrency bug', 'mentoring junior', 'numbers', 'search cluster'];

  await Promise.all(
    clients.map(async (client, c) => {
      const random = prng(options.seed + c);
      const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(random() * list.length)];
      const session = `load-client-${String(c).padStart(2, '0')}-${options.seed}`;
      let seq = 0;
      const pendingMoves: { opportunityId: number; eventIds: number[] }[] = [];
      const timed = async (name: string, input?: unknown, parse = false): Promise<unknown> => {
        const start = performance.now();
        let result: { ok: boolean; value?: unknown; error?: { message: string } };
        try {
          result = await call(name, input, parse);
        } catch (error) {
          result = { ok: false, error: { message: String(error) } };
        }
        const list = latencies.get(name) ?? [];
        list.push(performance.now() - start);
        latencies.set(name, list);
        if (!result.ok) errors.push(`${name}: ${result.error?.message ?? 'failed'}`);
        // An answer not parsed is `true`: the call succeeded.
        return result.ok ? (result.value ?? true) : undefined;
      };
      for (let i = 0; i < options.callsPerClient; i++) {
        const id = pick(client.ids) ?? 1;
        const r = random();
        // Reads (60%): what the board, the cards another window changed, a card's detail, the
        // due strip and a search ask.
        if (r < 0.02) await timed('board.get');
        else if (r < 0.15) await timed('board.cards', { ids: [id, pick(client.ids) ?? id, pick(client.ids) ?? id] });
        else if (r < 0.18) await timed('board.closed', { limit: 50 });
        else if (r < 0.33) await timed('opportunities.get', { id });
        else if (r < 0.43) await timed('actions.forOpportunity', { opportunityId: id });
        else if (r < 0.51) await timed('events.list', { opportunityId: id });
        else if (r < 0.54) await timed('actions.inRange', { from: new Date(Date.now() - 61 * 86_400_000).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() });
        else if (r < 0.57) await timed('reminders.due');
        else if (r < 0.6) {
          // A search, as the page makes it: the best passages, and which board cards match.
          const query = pick(searches)!;
          await timed('reflections.search', { query, limit: 6 });
          await timed('reflections.matchingCards', { query, closedIds: [] });
        }
        // Writes (40%): an event, a move (and its undo), a reflection's autosave, a card's notes.
        else if (r < 0.75) {
          const note = `load ${c}-${i}`;
          const event = (await timed('events.record', { opportunityId: id, kind: 'note', note }, true)) as { id: number } | undefined;
          if (event) expected.events.set(event.id, note);
        } else if (r < 0.83) {
          const undo = pendingMoves.shift();
          if (undo) {
            const done = await timed('board.undoMove', { opportunityId: undo.opportunityId, eventIds: undo.eventIds, roundId: null });
            if (done) for (const e of undo.eventIds) expected.moves.set(e, true);
          } else {
            const target = pick(client.thanked);
            if (target === undefined) {
              await timed('opportunities.get', { id });
              continue;
            }
            const moved = (await timed('board.move', { opportunityId: target, to: 'followed_up' }, true)) as { eventIds: number[] } | undefined;
            if (moved) {
              for (const e of moved.eventIds) expected.moves.set(e, false);
              pendingMoves.push({ opportunityId: target, eventIds: moved.eventIds });
            }
          }
        } else if (r < 0.95) {
          const roundId = pick(client.rounds.slice(0, 5));
          if (roundId === undefined) {
            await timed('opportunities.get', { id });
            continue;
          }
          const body = `# Load run\n\nClient ${c} saved this, save ${seq + 1}.`;
          const saved = (await timed('reflections.save', { roundId, body, revision: revisions.get(roundId) ?? 0, session, seq: ++seq }, true)) as { revision: number } | undefined;
          if (saved) {
            expected.reflections.set(roundId, body);
            revisions.set(roundId, saved.revision);
          }
        } else {
          const notes = `load ${c}-${i}`;
          if (await timed('opportunities.update', { id, patch: { salaryNotes: notes } })) expected.notes.set(id, notes);
        }
      }
      // Moves left pending are undone, so the journal ends as it began (these are writes too).
      for (const undo of pendingMoves) {
        if (await timed('board.undoMove', { opportunityId: undo.opportunityId, eventIds: undo.eventIds, roundId: null })) for (const e of undo.eventIds) expected.moves.set(e, true);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const after = memoryOf(options.pid);
  const cpuUsed = cpuOf(options.pid) - cpuBefore;
  for (const stream of opened) stream.destroy();
  agent.destroy();

  const all = [...latencies.values()].flat();
  return {
    calls: all.length,
    seconds,
    p50Ms: quantile(all, 0.5),
    p99Ms: quantile(all, 0.99),
    maxMs: Math.max(...all),
    perCall: [...latencies].map(([name, list]) => ({ name, n: list.length, p50Ms: quantile(list, 0.5), p99Ms: quantile(list, 0.99) })).sort((a, b) => b.p99Ms - a.p99Ms),
    errors,
    serverCpuPerCallMs: cpuUsed / all.length,
    rssBeforeMb: before.rss,
    rssAfterMb: after.rss,
    peakRssMb: after.peak,
    expected,
  };
}

/** The result as text for the process that runs the clients to hand back (the expected writes' maps as entries). */
export function resultToJson(result: LoadResult): string {
  const { events, moves, reflections, notes } = result.expected;
  return JSON.stringify({ ...result, expected: { events: [...events], moves: [...moves], reflections: [...reflections], notes: [...notes] } });
}

export function resultFromJson(text: string): LoadResult {
  const parsed = JSON.parse(text) as Omit<LoadResult, 'expected'> & { expected: Record<keyof Expected, [number, never][]> };
  const { events, moves, reflections, notes } = parsed.expected;
  return { ...parsed, expected: { events: new Map(events), moves: new Map(moves), reflections: new Map(reflections), notes: new Map(notes) } };
}

/** Every write the server acknowledged, looked for in the journal file (read after the server stopped). */
export function lostWrites(file: string, expected: Expected): { writes: number; lost: string[] } {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  const lost: string[] = [];
  try {
    const event = db.prepare('SELECT note, undone_at FROM events WHERE id = ?');
    for (const [id, note] of expected.events) {
      const row = event.get(id) as { note: string } | undefined;
      if (row?.note !== note) lost.push(`event ${id}`);
    }
    for (const [id, undone] of expected.moves) {
      const row = event.get(id) as { undone_at: string | null } | undefined;
      if (!row || (row.undone_at !== null) !== undone) lost.push(`move event ${id}${undone ? ' (undo)' : ''}`);
    }
    const reflection = db.prepare('SELECT body FROM reflections WHERE round_id = ?').pluck();
    for (const [roundId, body] of expected.reflections) if (reflection.get(roundId) !== body) lost.push(`reflection of round ${roundId}`);
    const notes = db.prepare('SELECT salary_notes FROM opportunities WHERE id = ?').pluck();
    for (const [id, text] of expected.notes) if (notes.get(id) !== text) lost.push(`notes of opportunity ${id}`);
  } finally {
    db.close();
  }
  return { writes: expected.events.size + expected.moves.size + expected.reflections.size + expected.notes.size, lost };
}
