import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/main/core/journal/migrations';

describe('the migrations', () => {
  it('each has its own test that seeds rows at the version before and checks them after', () => {
    const files = new Set(fs.readdirSync(import.meta.dirname));
    for (const m of MIGRATIONS) {
      expect(
        files.has(`migration-${m.version}.test.ts`),
        `Migration ${m.version} ("${m.name}") needs test/unit/migrations/migration-${m.version}.test.ts: ` +
          `a journal people cannot afford to lose is only migrated by steps that were seen to keep its rows (journalAt(${m.version - 1}), seed, migrateTo(${m.version})).`,
      ).toBe(true);
    }
  });

  it('are listed in order of version, none twice', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
  });
});
