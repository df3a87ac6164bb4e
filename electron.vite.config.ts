import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      // electron-store is ESM-only and imports electron: bundle it (left external, the built main
      // failed with "Store is not a constructor").
      externalizeDeps: { exclude: ['electron-store'] },
      rollupOptions: {
        input: {
          // The Electron shell.
          index: resolve(import.meta.dirname, 'src/main/shell/index.ts'),
          // Browser mode: the same core in plain Node, never importing electron.
          web: resolve(import.meta.dirname, 'src/main/web/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        // A sandboxed preload cannot load ES modules: one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    build: {
      minify: true,
      // The editor (Lexical) and React make one ~650 kB bundle, loaded from disk, not a network.
      chunkSizeWarningLimit: 1024,
      rollupOptions: { input: resolve(import.meta.dirname, 'src/renderer/index.html') },
    },
    plugins: [react()],
  },
});
