/**
 * The load run's clients in a process of their own: `node out/bench/load-clients.mjs URL PID
 * CLIENTS CALLS SEED` prints the result (JSON). The clients are what is timed against, so they
 * must not share a heap with the rest of the benchmark: in the benchmark's own process the
 * journals and answers held from the earlier parts made its collector pause the clients, and
 * every pause was counted as the server's latency (with 300 MB of objects held beside the clients,
 * the p99 went from 76 to 129 ms against the same server).
 */
import { loadRun, resultToJson } from './load';

const [url, pid, clients, calls, seed] = process.argv.slice(2);
const result = await loadRun({ url: url!, pid: Number(pid), clients: Number(clients), callsPerClient: Number(calls), seed: Number(seed) });
process.stdout.write(`${resultToJson(result)}\n`);
