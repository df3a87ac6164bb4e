import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];

/** A fresh temporary folder, removed after the test. */
export function tempDir(prefix = 'afterword-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export const sha256 = async (file: string): Promise<string> => {
  const { createHash } = await import('node:crypto');
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
};

/** Saves a reflection over its current revision, as a newly opened editor does. */
export async function saveReflection(core: { call(name: string, input: unknown): Promise<unknown> }, roundId: number, body: string): Promise<unknown> {
  const current = (await core.call('reflections.get', { roundId })) as { ok: boolean; value?: { revision: number } };
  return core.call('reflections.save', { roundId, body, revision: current.value?.revision ?? 0, session: `test-editor-${Math.random().toString(36).slice(2, 10)}`, seq: 1 });
}
