/** Prints the peak resident memory (KiB) of a process that opens a journal and does the board's work. */
import { createCore } from '../src/main/core/core';
import { ReflectionStore } from '../src/main/core/reflections/reflection-store';

const dir = process.argv[2]!;
const core = createCore({ dataDir: dir, transport: 'http', now: () => new Date('2026-11-20T15:00:00Z') });
await core.call('board.get', undefined);
core.planEverything();
new ReflectionStore(core.db, () => new Date()).search('design system');
await core.call('board.get', undefined);
core.close();
process.stdout.write(`${process.resourceUsage().maxRSS}\n`);
