/** Prints the peak resident memory (KiB) of a process that opens a journal as the app does and does the board's work. */
import { createCore } from '../src/main/core/core';
import { ReflectionStore } from '../src/main/core/reflections/reflection-store';

const dir = process.argv[2]!;
const core = createCore({ dataDir: dir, transport: 'http', journalCheck: 'deferred', now: () => new Date('2026-11-20T15:00:00Z') });
await core.call('board.get', undefined);
await core.call('board.closed', { limit: 100 });
await core.call('actions.inRange', { from: '2026-09-20T00:00:00.000Z', to: '2026-11-21T05:00:00.000Z' });
await core.call('reminders.due', undefined);
core.planEverything();
new ReflectionStore(core.db, () => new Date()).search('design system');
await core.journalCheck;
await core.call('board.get', undefined);
core.close();
process.stdout.write(`${process.resourceUsage().maxRSS}\n`);
