/**
 * The benchmark harness: run a piece of work several times, keep the median and the spread, and
 * say whether a target is met and how the time grows with the journal's size.
 */
export interface Sample {
  readonly name: string;
  readonly size: number | null;
  readonly runs: number;
  readonly medianMs: number;
  readonly p10Ms: number;
  readonly p90Ms: number;
  readonly targetMs?: number;
  /** The size the target applies to (2,000 unless said). */
  readonly targetSize?: number | null;
}

export function summarise(name: string, size: number | null, times: readonly number[], target?: { ms: number; size: number | null }): Sample {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]!;
  return {
    name,
    size,
    runs: times.length,
    medianMs: at(0.5),
    p10Ms: at(0.1),
    p90Ms: at(0.9),
    ...(target ? { targetMs: target.ms, targetSize: target.size } : {}),
  };
}

export async function measure(runs: number, work: () => unknown | Promise<unknown>, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times;
}

/** "linear or better" when 10x the data costs at most ~12x the time; else the exponent shows. */
export function growth(samples: readonly Sample[]): string {
  const sized = samples.filter((s) => s.size !== null).sort((a, b) => a.size! - b.size!);
  if (sized.length < 2) return '';
  const first = sized[0]!;
  const last = sized.at(-1)!;
  const floor = 0.05; // below 50 µs the clock's noise dominates
  const exponent = Math.log(Math.max(last.medianMs, floor) / Math.max(first.medianMs, floor)) / Math.log(last.size! / first.size!);
  const verdict = exponent <= 1.1 ? 'linear or better' : exponent <= 1.3 ? 'about linear' : 'worse than linear';
  return `${verdict} (time ~ n^${exponent.toFixed(2)} from ${first.size} to ${last.size})`;
}

export const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

export function table(samples: readonly Sample[]): string {
  const rows = [['benchmark', 'size', 'runs', 'median ms', 'p10-p90 ms', 'target', 'met']];
  for (const s of samples) {
    const applies = s.targetMs !== undefined && (s.targetSize === null || s.targetSize === s.size);
    rows.push([
      s.name,
      s.size === null ? '-' : s.size.toLocaleString('en-US'),
      String(s.runs),
      fmt(s.medianMs),
      `${fmt(s.p10Ms)}-${fmt(s.p90Ms)}`,
      applies ? `< ${s.targetMs} ms` : '',
      applies ? (s.medianMs < s.targetMs! ? 'yes' : 'NO') : '',
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}
