// Builds the benchmarks like the app's main process is built (rolldown, no keep-names helpers),
// so the numbers measure the code users run, not a development transpiler's overhead.
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
      input: { run: resolve(import.meta.dirname, 'bench/run.ts'), memory: resolve(import.meta.dirname, 'bench/memory.ts') },
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`), /^[^./]/],
      output: { format: 'es', entryFileNames: '[name].mjs' },
    },
  },
});
