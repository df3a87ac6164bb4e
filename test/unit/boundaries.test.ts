import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mts)$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

const importsOf = (file: string): string[] =>
  [...fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);

describe('process boundaries', () => {
  it('only the shell and the preload import electron (tests must never load it: requiring it in plain Node tries to download its binary)', () => {
    const offenders = [...sourceFiles('src'), ...sourceFiles('test'), ...sourceFiles('scripts')]
      .filter((f) => !f.startsWith('src/main/shell/') && !f.startsWith('src/preload/'))
      .filter((f) => importsOf(f).some((i) => i === 'electron' || i === 'electron-store'));
    expect(offenders, 'electron may be imported only in src/main/shell and src/preload').toEqual([]);
  });

  it('the renderer never imports main or preload code', () => {
    const offenders = sourceFiles('src/renderer').filter((f) => importsOf(f).some((i) => /\/(main|preload)\//.test(i) || i === 'better-sqlite3'));
    expect(offenders, 'the renderer talks to the core only through src/shared and the bridge').toEqual([]);
  });

  it('the core does not know about its shells', () => {
    const offenders = sourceFiles('src/main/core').filter((f) => importsOf(f).some((i) => /\/(shell|web)\//.test(i)));
    expect(offenders).toEqual([]);
  });
});
