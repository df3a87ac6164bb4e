/**
 * Starts the real browser-mode server (the built `out/main/web.js`) on its own data folder and
 * waits for its readiness line, the address that starts with `http://127.0.0.1:`. Never sleeps.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const NODE = path.join(ROOT, 'node_modules/.bin/node');

export interface RunningServer {
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  readonly dataDir: string;
  readonly process: ChildProcess;
  readonly output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Marks the first start's setup as done, as a returning user has it: tests that are not about the
 * setup start on the board. (The setup is shown for an empty journal with no name given.)
 */
export async function skipFirstStart(server: Pick<RunningServer, 'port' | 'token'>): Promise<void> {
  const { callApi } = await import('./http-client');
  const response = await callApi(server.port, server.token, 'settings.update', { setupDone: true });
  if (response.status !== 200) throw new Error(`could not skip the first start: ${response.status} ${response.body}`);
}

export function tempDataDir(prefix = 'afterword-e2e-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function startServer(dataDir: string, extraArgs: readonly string[] = [], port = 0): Promise<RunningServer> {
  // As `npm run web` and `npm start` launch it (see scripts/start.mjs for the flag).
  const child = spawn(fs.existsSync(NODE) ? NODE : process.execPath, ['--max-semi-space-size=8', path.join(ROOT, 'out/main/web.js'), '--data-dir', dataDir, '--port', String(port), ...extraArgs], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith('http://127.0.0.1:'));
      if (!line) return;
      clearTimeout(timer);
      const url = line.trim();
      const parsed = new URL(url);
      resolve({
        url,
        origin: parsed.origin,
        port: Number(parsed.port),
        token: parsed.hash.replace('#token=', ''),
        dataDir,
        process: child,
        output: () => output,
        stop: (signal = 'SIGTERM') =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done(child.exitCode);
            child.once('exit', (code) => done(code));
            child.kill(signal);
          }),
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}:\n${output}`));
    });
  });
}
