/**
 * The backup and restore crash tests' writer. `backup DIR`: opens the journal as the app does and
 * makes backups one after another, printing each name only after it is finished. `restore DIR A B`:
 * restores backup A, then B, then A, ... through the app's host, adding one opportunity after each
 * restore and printing what it did around every step. The test kills it with SIGKILL at a moment
 * drawn from a seeded generator.
 */
import path from 'node:path';
import { createCore } from '../../src/main/core/core';
import { openCoreHost } from '../../src/main/core/host';
import { backupNow } from '../../src/main/core/journal/backups';

const [mode, dirArg, ...names] = process.argv.slice(2);
const dir = path.resolve(dirArg!);
const say = (line: string) => process.stdout.write(`${line}\n`);

async function backups(): Promise<void> {
  const core = createCore({ dataDir: dir, transport: 'http' });
  say('ready');
  for (;;) {
    const made = await backupNow(core.db, dir, 'manual', new Date());
    say(`backup ${made.name}`);
  }
}

async function restores(): Promise<void> {
  const host = openCoreHost({ dataDir: dir, transport: 'http' });
  say('ready');
  for (let k = 1; ; k++) {
    const name = names[k % names.length]!;
    say(`restoring ${name}`);
    const restored = await host.call('backups.restore', { name });
    if (!restored.ok) throw new Error(restored.error.message);
    say(`restored ${name}`);
    const created = await host.call('opportunities.create', { company: `Marker-${k}`, role: 'Marker' });
    if (!created.ok) throw new Error(created.error.message);
    say(`committed ${k}`);
  }
}

void (mode === 'backup' ? backups() : restores()).catch((error: unknown) => {
  console.error(error);
  process.exit(3);
});
