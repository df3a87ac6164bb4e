/** The .zip of reflections, read back by Python's zipfile (a strict reader), not by our own code. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { zip } from '../../src/main/core/reflections/markdown-export';
import { tempDir } from './helpers';

function readBack(buffer: Buffer): { names: string[]; texts: string[]; flags: number[]; dates: number[][] } {
  const file = path.join(tempDir(), 'export.zip');
  fs.writeFileSync(file, buffer);
  const script = [
    'import json, sys, zipfile',
    'z = zipfile.ZipFile(sys.argv[1])',
    'assert z.testzip() is None',
    'infos = z.infolist()',
    'print(json.dumps({"names": [i.filename for i in infos], "texts": [z.read(i).decode("utf-8") for i in infos], "flags": [i.flag_bits for i in infos], "dates": [list(i.date_time) for i in infos]}))',
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' })) as ReturnType<typeof readBack>;
}

describe('the reflections .zip', () => {
  it('holds every file with its text, names in UTF-8, dated when it was made', () => {
    const at = new Date(2026, 10, 20, 15, 42, 10);
    const read = readBack(zip([{ name: '2026-11-20-acme-round-1.md', content: '# Acme\n\nÉtienne asked about ==caching==.\n' }, { name: 'réflexion.md', content: 'x'.repeat(5000) }], at));
    expect(read.names).toEqual(['2026-11-20-acme-round-1.md', 'réflexion.md']);
    expect(read.texts).toEqual(['# Acme\n\nÉtienne asked about ==caching==.\n', 'x'.repeat(5000)]);
    expect(read.flags[1]! & 0x800, 'the UTF-8 flag, so every unzip tool reads the accent').toBe(0x800);
    expect(read.dates[0]).toEqual([2026, 11, 20, 15, 42, 10]);
  });

  it('keeps two files of the same name, the second as -2', () => {
    const read = readBack(zip([{ name: 'a.md', content: 'first' }, { name: 'a.md', content: 'second' }, { name: 'a.md', content: 'third' }]));
    expect(read.names).toEqual(['a.md', 'a-2.md', 'a-3.md']);
    expect(read.texts).toEqual(['first', 'second', 'third']);
  });

  it('compresses Markdown (deflate), unlike the stored zip it replaces', () => {
    const content = 'The interviewer asked about the payment queue. '.repeat(200);
    expect(zip([{ name: 'a.md', content }]).length).toBeLessThan(content.length / 5);
  });
});
