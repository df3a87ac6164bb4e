/**
 * `npm run web`: Afterword in browser mode. The same core as the app, in plain Node, served on
 * loopback to any browser. Prints the address to open (with its per-launch secret) on a line of
 * its own that starts with `http://127.0.0.1:`.
 *
 * Options: --port N (0 or absent: a free port), --data-dir DIR (or AFTERWORD_DATA_DIR),
 * --demo (a generated journal in a temporary folder; --demo-size N, --seed S).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCoreHost } from '../core/host';
import { readOption, resolveDataDir } from '../core/data-dir';
import { generateJournal } from '../core/demo/journal-generator';
import { CoreError } from '../core/errors';
import { startWebServer } from './http-transport';

async function main(argv: readonly string[]): Promise<void> {
  const portText = readOption(argv, 'port');
  const port = portText === undefined ? 0 : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CoreError('invalid_input', `--port must be a number from 0 to 65535, not "${portText}".`);
  }
  // --demo [N]: a generated journal of N opportunities (default 60) in a temporary folder.
  const demo = argv.includes('--demo');
  const demoSize = Number(readOption(argv, 'demo-size') ?? 60);
  const dataDir = demo ? fs.mkdtempSync(path.join(os.tmpdir(), 'afterword-demo-')) : resolveDataDir(argv);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const rendererDir = readOption(argv, 'renderer-dir') ?? path.resolve(here, '../renderer');

  const core = openCoreHost({ dataDir, transport: 'http', dailyBackups: !demo, calendarFeed: true });
  const journal = core.current();
  if (!journal) {
    const status = await core.call('recovery.status', undefined);
    const problem = status.ok ? (status.value as { problem: { message: string } | null }).problem : null;
    console.error(`Afterword could not open its journal: ${problem?.message ?? 'unknown problem'} The page explains and offers the newest good backup.`);
  }
  if (demo && journal) {
    const counts = generateJournal(journal.db, { opportunities: demoSize, seed: Number(readOption(argv, 'seed') ?? 7) });
    console.log(`Demo journal: ${counts.opportunities} opportunities, ${counts.rounds} rounds, ${counts.events} events, ${counts.reflections} reflections.`);
  }
  const server = await startWebServer({ core, rendererDir, port });
  // Reminders in browser mode: the same scheduler; the page shows them (Web Notifications).
  core.startReminders((notice) => core.publish({ type: 'reminder', notice }));

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`Afterword: ${signal}, closing the journal.`);
    void server.close().finally(() => {
      core.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  console.log(`Afterword is running in browser mode. Journal: ${path.join(dataDir, 'journal.sqlite3')}`);
  console.log('Open this address in your browser (it holds this launch\'s secret; keep it to yourself):');
  console.log(server.url);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`Afterword could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
