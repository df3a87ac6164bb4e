/**
 * The writes a user makes (a move, an event, a reflection save), each timed through the core
 * beside the same SQL statements run raw with better-sqlite3 on the same file in the same run:
 * the ratio is what the core adds (validation, planning the changed card, the board's patch, the
 * answer) to what SQLite must do anyway (the statements, the transaction, the flush to disk).
 *
 * The statements are recorded from one call of each kind (every statement the call ran, reads
 * included, with its parameters, grouped by transaction), then replayed: prepared beforehand, and
 * each transaction of the call one transaction of the replay, with the journal's pragmas.
 */
import BetterSqlite3 from 'better-sqlite3';
import type { Database, Statement } from 'better-sqlite3';
import type { createCore } from '../src/main/core/core';
import { measure, summarise } from './harness';
import type { Sample, Timings } from './harness';

type Core = ReturnType<typeof createCore>;

interface Recorded {
  readonly sql: string;
  readonly method: 'run' | 'get' | 'all' | 'iterate';
  readonly args: unknown[];
  /** The transaction it ran in (numbered), or null for one on its own. */
  readonly transaction: number | null;
}

/** Records every statement `db` runs while `work` runs (its own statements and the transactions around them). */
async function record(db: Database, work: () => Promise<unknown>): Promise<Recorded[]> {
  const statementProto = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<string, (...args: unknown[]) => unknown>;
  const methods = ['run', 'get', 'all', 'iterate'] as const;
  const originals = new Map(methods.map((m) => [m, statementProto[m]!]));
  const transaction = db.transaction;
  const out: Recorded[] = [];
  let depth = 0;
  let current: number | null = null;
  let count = 0;
  for (const method of methods) {
    statementProto[method] = function (this: Statement, ...args: unknown[]) {
      if (this.database === db) out.push({ sql: this.source, method, args, transaction: current });
      return originals.get(method)!.apply(this, args);
    };
  }
  db.transaction = ((fn: (...args: unknown[]) => unknown) =>
    transaction.call(db, function (this: unknown, ...args: unknown[]) {
      if (depth++ === 0) current = ++count;
      try {
        return fn.apply(this, args);
      } finally {
        if (--depth === 0) current = null;
      }
    })) as Database['transaction'];
  try {
    await work();
  } finally {
    for (const method of methods) statementProto[method] = originals.get(method)!;
    db.transaction = transaction;
  }
  return out;
}

/** The recorded statements as a function that runs them again on `raw`, prepared once. */
function replayer(raw: Database, recorded: readonly Recorded[]): () => void {
  const prepared = new Map<string, Statement>();
  const steps = recorded.map((r) => {
    let statement = prepared.get(r.sql);
    if (!statement) prepared.set(r.sql, (statement = raw.prepare(r.sql)));
    const s = statement;
    const run = r.method === 'run' ? () => s.run(...r.args) : r.method === 'get' ? () => s.raw(true).get(...r.args) : () => s.raw(true).all(...r.args);
    return { run, transaction: r.transaction };
  });
  // Contiguous steps of one transaction run as one.
  const groups: { transaction: number | null; runs: (() => unknown)[] }[] = [];
  for (const step of steps) {
    const last = groups.at(-1);
    if (last && step.transaction !== null && last.transaction === step.transaction) last.runs.push(step.run);
    else groups.push({ transaction: step.transaction, runs: [step.run] });
  }
  const runs = groups.map((g) => (g.transaction === null ? g.runs[0]! : () => raw.transaction(() => g.runs.forEach((run) => run())).immediate()));
  return () => runs.forEach((run) => run());
}

export interface WriteKind {
  readonly name: string;
  /** One write through the core (a new one each time). */
  readonly write: () => Promise<unknown>;
  /** Put back what the write did, untimed (a move is undone), or nothing. */
  readonly after?: () => Promise<unknown>;
}

/** Times each write through the core and its statements raw; returns the samples and a line per write with the ratio. */
export async function writesAgainstRawSql(core: Core, file: string, size: number, kinds: readonly WriteKind[], runs = 25): Promise<{ samples: Sample[]; notes: string[] }> {
  const raw = new BetterSqlite3(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  const samples: Sample[] = [];
  const notes: string[] = [];
  try {
    for (const kind of kinds) {
      const recorded = await record(core.db, async () => {
        await kind.write();
      });
      await kind.after?.();
      const replay = replayer(raw, recorded);
      // The undo of a move is not part of the write: it runs after the clock stopped.
      const coreTimes: Timings = [];
      coreTimes.cpu = [];
      for (let i = 0; i <= runs; i++) {
        const cpu = process.cpuUsage();
        const start = performance.now();
        await kind.write();
        const wall = performance.now() - start;
        const used = process.cpuUsage(cpu);
        if (i > 0) {
          coreTimes.push(wall);
          coreTimes.cpu.push((used.user + used.system) / 1000);
        }
        await kind.after?.();
      }
      const rawTimes = await measure(runs, replay);
      const through = summarise(`write: ${kind.name}, through the core`, size, coreTimes);
      const bare = summarise(`write: ${kind.name}, its SQL raw (better-sqlite3)`, size, rawTimes);
      samples.push(through, bare);
      const transactions = new Set(recorded.map((r) => r.transaction).filter((t) => t !== null)).size;
      notes.push(
        `${kind.name} at ${size.toLocaleString('en-US')}: core ${through.medianMs.toFixed(2)} ms (cpu ${through.cpuMs?.toFixed(2)}), the same ${recorded.length} statements in ${transactions} transaction(s) raw ${bare.medianMs.toFixed(2)} ms (cpu ${bare.cpuMs?.toFixed(2)}): ratio ${(through.medianMs / bare.medianMs).toFixed(1)}x wall, ${((through.cpuMs ?? 0) / Math.max(bare.cpuMs ?? 0, 0.001)).toFixed(1)}x cpu`,
      );
    }
  } finally {
    raw.close();
  }
  return { samples, notes };
}
