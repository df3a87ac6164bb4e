// Builds the benchmarks (and the crash test's writer) like the app's main process is built
// (rolldown, no keep-names helpers), so they run the code users run, and start fast.
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    ssr: true,
    outDir: 'out/bench',
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    rollupOptions: {
      input: {
        run: resolve(import.meta.dirname, 'bench/run.ts'),
        memory: resolve(import.meta.dirname, 'bench/memory.ts'),
        open: resolve(import.meta.dirname, 'bench/open.ts'),
        'load-clients': resolve(import.meta.dirname, 'bench/load-clients.ts'),
        'crash-writer': resolve(import.meta.dirname, 'test/crash/writer.ts'),
        'crash-backup-writer': resolve(import.meta.dirname, 'test/crash/backup-writer.ts'),
      },
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`), /^[^./]/],
      output: { format: 'es', entryFileNames: '[name].mjs' },
    },
  },
});
