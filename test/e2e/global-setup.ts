import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** The end-to-end tests drive the built app: build it once per run. */
export default function globalSetup(): void {
  const root = path.resolve(import.meta.dirname, '../..');
  execFileSync(path.join(root, 'node_modules/.bin/electron-vite'), ['build'], { cwd: root, stdio: 'inherit' });
}
