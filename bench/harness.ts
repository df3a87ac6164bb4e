/**
 * The benchmark harness: run a piece of work several times, keep the median and the spread of
 * the wall clock and of the process's CPU time, say whether a target is met and how the time
 * grows with the journal's size. The machine is shared: the CPU time (what the work itself
 * costs) moves less than the wall clock when other processes run.
 */
export interface Target {
  readonly ms: number;
  /** The size the target applies to (null: a benchmark with no size). */
  readonly size: number | null;
}

export interface Sample {
  readonly name: string;
  readonly size: number | null;
  readonly runs: number;
  readonly medianMs: number;
  readonly p10Ms: number;
  readonly p90Ms: number;
  /** The median CPU time of this process (all its threads) per run, when measured here. */
  readonly cpuMs?: number;
  readonly targetMs?: number;
  /** The size the target applies to. */
  readonly targetSize?: number | null;
}

/** Wall-clock times (ms) of the runs, with the process's CPU time of each beside them when known. */
export type Timings = number[] & { cpu?: number[] };

export const quantile = (values: readonly number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]!;
};

export function summarise(name: string, size: number | null, times: Timings, targets: Target | readonly Target[] = []): Sample {
  const target = (Array.isArray(targets) ? targets : [targets]).find((t: Target) => t.size === null || t.size === size);
  return {
    name,
    size,
    runs: times.length,
    medianMs: quantile(times, 0.5),
    p10Ms: quantile(times, 0.1),
    p90Ms: quantile(times, 0.9),
    ...(times.cpu && times.cpu.length > 0 ? { cpuMs: quantile(times.cpu, 0.5) } : {}),
    ...(target ? { targetMs: target.ms, targetSize: target.size } : {}),
  };
}

/** Times `work` `runs` times (after `warmup` runs); `before`, if given, runs before each, untimed. */
export async function measure(runs: number, work: () => unknown | Promise<unknown>, warmup = 1, before?: () => unknown | Promise<unknown>): Promise<Timings> {
  for (let i = 0; i < warmup; i++) {
    await before?.();
    await work();
  }
  const times: Timings = [];
  times.cpu = [];
  for (let i = 0; i < runs; i++) {
    await before?.();
    const cpu = process.cpuUsage();
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    times.cpu.push((used.user + used.system) / 1000);
  }
  return times;
}

const exponent = (first: Sample, last: Sample): number => {
  const floor = 0.05; // below 50 µs the clock's noise dominates
  return Math.log(Math.max(last.medianMs, floor) / Math.max(first.medianMs, floor)) / Math.log(last.size! / first.size!);
};

/** "linear or better" when 10x the data costs at most ~12x the time; else the exponent shows. */
export function growth(samples: readonly Sample[]): string {
  const sized = samples.filter((s) => s.size !== null).sort((a, b) => a.size! - b.size!);
  if (sized.length < 2) return '';
  const first = sized[0]!;
  const last = sized.at(-1)!;
  const e = exponent(first, last);
  const verdict = e <= 0.3 ? 'flat' : e <= 1.1 ? 'linear or better' : e <= 1.3 ? 'about linear' : 'worse than linear';
  return `${verdict} (time ~ n^${e.toFixed(2)} from ${first.size} to ${last.size})`;
}

/** The exponent of the growth between two sizes (time ~ n^x), or null when one is missing. */
export function growthBetween(samples: readonly Sample[], from: number, to: number): number | null {
  const first = samples.find((s) => s.size === from);
  const last = samples.find((s) => s.size === to);
  return first && last ? exponent(first, last) : null;
}

export const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

export const applies = (s: Sample): boolean => s.targetMs !== undefined && (s.targetSize === null || s.targetSize === s.size);
export const missed = (s: Sample): boolean => applies(s) && s.medianMs > s.targetMs!;

export function table(samples: readonly Sample[]): string {
  const rows = [['benchmark', 'size', 'runs', 'median ms', 'p10-p90 ms', 'cpu ms', 'target', 'met']];
  for (const s of samples) {
    rows.push([
      s.name,
      s.size === null ? '-' : s.size.toLocaleString('en-US'),
      String(s.runs),
      fmt(s.medianMs),
      `${fmt(s.p10Ms)}-${fmt(s.p90Ms)}`,
      s.cpuMs === undefined ? '' : fmt(s.cpuMs),
      applies(s) ? `<= ${s.targetMs} ms` : '',
      applies(s) ? (missed(s) ? 'NO' : 'yes') : '',
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}
