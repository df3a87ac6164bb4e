/**
 * Prints (JSON) how long a fresh process takes from opening a journal to a usable board, the way
 * the app opens it: the journal opened with its check deferred, the core built, the first
 * `board.get` answered and turned into the JSON the page receives. The process's own start (Node,
 * loading the code) is not counted: the app's window takes that time anyway.
 */
import { createCore } from '../src/main/core/core';

const dir = process.argv[2]!;
const now = new Date(process.argv[3] ?? Date.now());
const start = performance.now();
const core = createCore({ dataDir: dir, transport: 'http', journalCheck: 'deferred', now: () => now });
const opened = performance.now();
const board = await core.call('board.get', undefined);
const answered = performance.now();
const json = JSON.stringify(board);
const sent = performance.now();
if (!board.ok) throw new Error(board.error.message);
// Leave the journal as the app leaves it (the plans made are kept), after the clock stopped.
await core.journalCheck;
core.close();
process.stdout.write(
  `${JSON.stringify({ openMs: opened - start, boardMs: answered - opened, jsonMs: sent - answered, totalMs: sent - start, cards: (board.value as { cards: unknown[] }).cards.length, bytes: json.length })}\n`,
);
