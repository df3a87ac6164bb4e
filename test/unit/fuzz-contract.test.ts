/**
 * Every call of the contract, fed random and malformed input through the same handler layer both
 * transports use: no crash, an error answer for each bad input, and the journal's content byte
 * for byte unchanged by every rejected call.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import type { Core } from '../../src/main/core/core';
import { generateJournal } from '../../src/main/core/demo/journal-generator';
import { CALL_NAMES } from '../../src/shared/call-names';
import { contract } from '../../src/shared/contract';
import { tempDir } from './helpers';

const CASES = 1_000;
let core: Core;
let walFile: string;
/** Rows changed by this connection since it opened, and the size of the write-ahead log. */
const writes = () => ({
  rows: core.db.prepare('SELECT total_changes()').pluck().get() as number,
  wal: fs.existsSync(walFile) ? fs.statSync(walFile).size : 0,
});
const tally = { calls: 0, cases: 0, rejected: 0, accepted: 0 };

/** Inputs that look almost right: real field names with wrong types, out-of-range numbers, junk strings. */
const nearMiss = fc.oneof(
  fc.record(
    {
      id: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double(), fc.string(), fc.constant(null), fc.constant(Number.MAX_SAFE_INTEGER + 2)),
      opportunityId: fc.oneof(fc.integer({ min: -5, max: 99999 }), fc.string()),
      roundId: fc.oneof(fc.integer({ min: -5, max: 99999 }), fc.string()),
      company: fc.oneof(fc.string({ maxLength: 300 }), fc.integer(), fc.constant('')),
      role: fc.oneof(fc.string(), fc.constant(null)),
      startsAt: fc.oneof(fc.string(), fc.constant('2026-02-30T10:00:00Z'), fc.constant('2026-11-20T10:00:00'), fc.date({ noInvalidDate: false }).map(String)),
      format: fc.oneof(fc.constant('telepathy'), fc.string()),
      key: fc.oneof(fc.string(), fc.constant('')),
      until: fc.oneof(fc.string(), fc.constant('1999-01-01T00:00:00Z')),
      body: fc.oneof(fc.string(), fc.integer()),
      query: fc.oneof(fc.string({ maxLength: 300 }), fc.object()),
      ids: fc.oneof(fc.array(fc.integer({ min: -3, max: 3 })), fc.string()),
      size: fc.oneof(fc.constant('b5'), fc.string()),
      kind: fc.oneof(fc.constant('love-letter'), fc.string()),
      patch: fc.oneof(fc.constant({}), fc.object(), fc.constant(null)),
      minutes: fc.oneof(fc.integer({ min: -100, max: 4 }), fc.double()),
      __proto__: fc.constant({ polluted: true }),
    },
    { requiredKeys: [] },
  ),
  fc.anything(),
  fc.string(),
  fc.constant(null),
  fc.array(fc.anything(), { maxLength: 3 }),
);

beforeAll(() => {
  const dir = tempDir();
  walFile = path.join(dir, 'journal.sqlite3-wal');
  core = createCore({ dataDir: dir, transport: 'http', now: () => new Date('2026-11-20T15:00:00Z') });
  generateJournal(core.db, { opportunities: 12, seed: 9, now: new Date('2026-11-20T15:00:00Z') });
});

afterAll(() => {
  core.close();
  console.log(`contract fuzzing: ${tally.calls} calls x ${CASES} cases = ${tally.cases} inputs (${tally.rejected} rejected, ${tally.accepted} accepted)`);
});

describe('every call of the contract rejects bad input and changes nothing', () => {
  it.each(CALL_NAMES.map((n) => [n]))('%s', async (name) => {
    tally.calls++;
    const schema = contract[name].input;
    await fc.assert(
      fc.asyncProperty(nearMiss, async (input) => {
        tally.cases++;
        const valid = schema.safeParse(input).success;
        // Byte for byte: the whole database image on a sample of the cases (it is costly), and
        // on every case the row-change counter and the WAL's size, which any write would move.
        const full = tally.cases % 25 === 0;
        const before = full ? core.db.serialize() : null;
        const writesBefore = writes();
        let result: Awaited<ReturnType<Core['call']>>;
        try {
          result = await core.call(name, input);
        } catch (error) {
          throw new Error(`${name} threw instead of answering: ${String(error)}`);
        }
        // Every answer is a Result: a value, or an error with a code and a sentence for the user.
        if (result.ok) expect(result).toHaveProperty('value');
        else expect(result.error).toMatchObject({ code: expect.stringMatching(/^[a-z_]+$/), message: expect.stringMatching(/\S.{8,}/) });
        if (!valid) {
          tally.rejected++;
          expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
          expect(writes(), `${name} wrote to the journal on a rejected input`).toEqual(writesBefore);
          if (before) expect(Buffer.compare(before, core.db.serialize()), `${name} changed the journal on a rejected input`).toBe(0);
        } else {
          tally.accepted++;
          // A valid shape may still be refused (no such id): then nothing may change either.
          if (!result.ok) expect(writes()).toEqual(writesBefore);
        }
      }),
      { numRuns: CASES, seed: 20261122 },
    );
  }, 120_000);

  it('an unknown call name is refused', async () => {
    for (const name of ['', 'constructor', '__proto__', 'opportunities.drop', 'x'.repeat(10_000)]) {
      expect(await core.call(name, {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    }
  });
});
