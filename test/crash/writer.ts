/**
 * The crash test's writer: opens the journal as the app does and writes a burst of changes, one
 * transaction each, printing the id of each change only after its commit returned. The test
 * kills this process with SIGKILL at a random moment.
 */
import path from 'node:path';
import { createCore } from '../../src/main/core/core';

const dir = process.argv[2]!;
const core = createCore({ dataDir: path.resolve(dir), transport: 'http' });
let n = 0;
const write = async () => {
  for (;;) {
    n++;
    const result = await core.call('opportunities.create', {
      company: `Company ${process.pid}-${n}`,
      role: 'Role',
      firstRound: { startsAt: '2026-11-20T15:00:00Z', format: 'video' },
    });
    if (!result.ok) throw new Error(result.error.message);
    const id = (result.value as { id: number }).id;
    // A new round's reflection is at revision 0: this is its first save.
    await core.call('reflections.save', { roundId: (result.value as { rounds: { id: number }[] }).rounds[0]!.id, body: `Notes ${id} `.repeat(50), revision: 0, session: `crash-writer-${process.pid}`, seq: id });
    process.stdout.write(`committed ${id}\n`);
  }
};
process.stdout.write('ready\n');
void write();
