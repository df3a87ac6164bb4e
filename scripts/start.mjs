#!/usr/bin/env node
// `npm start`: build, then launch the Electron app. Where Electron's binary cannot be had (it is
// downloaded from the internet on first use, which some machines cannot reach), say so in one
// line and start browser mode instead. Extra arguments go to the app (e.g. -- --data-dir DIR).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const args = process.argv.slice(2);

const build = spawnSync(bin('electron-vite'), ['build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);

// require('electron') answers the binary's path, downloading it first if needed; it throws where
// the download is impossible. Done in a child so a slow download cannot hang this script forever.
const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
  cwd: root,
  encoding: 'utf8',
  timeout: 300_000,
});
const electronPath = probe.status === 0 ? probe.stdout.trim() : '';
const launched = electronPath ? spawnSync(electronPath, ['--version'], { encoding: 'utf8', timeout: 30_000 }) : undefined;

let child;
if (launched && launched.status === 0) {
  // The main process (the core) gets the same young generation as browser mode (below); the
  // switch must be given at launch to reach the main process.
  child = spawn(electronPath, ['--js-flags=--max-semi-space-size=8', '.', ...args], { cwd: root, stdio: 'inherit' });
} else {
  const why = (probe.stderr || launched?.stderr || 'not found').split('\n').find((l) => l.trim()) ?? 'not found';
  console.log(`Electron's binary cannot be found or launched here (${why.trim().slice(0, 160)}); starting browser mode instead.`);
  // A young generation of 8 MB semi-spaces: Node's default grows it to 128 MB under a burst of
  // calls, which a desktop app kept open all week should not hold (docs/benchmarks.md, the load run).
  child = spawn(process.execPath, ['--max-semi-space-size=8', path.join(root, 'out/main/web.js'), ...args], { cwd: root, stdio: 'inherit' });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
