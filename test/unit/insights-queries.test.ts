/**
 * Insights' queries use the indexes of migration 8 (asserted from `EXPLAIN QUERY PLAN`, as the
 * board's query is; migrations/migration-8.test.ts checks the migration itself), the company size travels
 * through the contract, and small counts are never turned into shares or medians.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import { generateJournal } from '../../src/main/core/demo/journal-generator';
import { ACTIVITY_QUERY, IN_PLAY_QUERY } from '../../src/main/core/insights/activity';
import { STATUS_CHECK_QUERY, THANK_YOU_SLOTS, THANK_YOUS_SINCE } from '../../src/main/core/insights/follow-up';
import { COHORT_ROUNDS, FUNNEL_ENDS_QUERY } from '../../src/main/core/insights/funnel';
import { QUESTIONS_QUERY } from '../../src/main/core/insights/questions';
import { OPPORTUNITY_GROUPS } from '../../src/main/core/insights/response';
import { eventsSince, ROUNDS_SINCE, roundsWithQuery } from '../../src/main/core/insights/round-facts';
import { medianDays, share } from '../../src/main/core/insights/statistics';
import { closeJournal, openJournal } from '../../src/main/core/journal/database';
import { tempDir } from './helpers';

const NOW = new Date('2026-11-20T15:00:00Z');

describe('the heavy queries go through indexes', () => {
  const queries: [string, string, RegExp[]][] = [
    ['funnel', COHORT_ROUNDS, [/o USING COVERING INDEX opportunities_by_created/, /r USING INDEX (rounds_by_opportunity|sqlite_autoindex_rounds_1) \(opportunity_id=\?\)/]],
    ['funnel ends', FUNNEL_ENDS_QUERY, [/e USING COVERING INDEX events_by_kind/]],
    ['thank-yous: one per interviewer', THANK_YOU_SLOTS, [/r USING COVERING INDEX rounds_by_time/, /ri USING PRIMARY KEY \(round_id=\?\)/]],
    ['thank-yous sent', THANK_YOUS_SINCE, [/events USING COVERING INDEX events_by_kind \(kind=\? AND undone_at=\? AND occurred_at>\?\)/]],
    ['status checks', STATUS_CHECK_QUERY, [/e USING COVERING INDEX events_by_kind \(kind=\? AND undone_at=\? AND occurred_at>\?\)/, /r USING INTEGER PRIMARY KEY/]],
    ['activity', ACTIVITY_QUERY, [/rounds USING COVERING INDEX rounds_by_time/, /events USING COVERING INDEX events_by_kind \(kind=\? AND undone_at=\? AND occurred_at>\? AND occurred_at<\?\)/, /opportunities USING COVERING INDEX opportunities_by_created/]],
    ['in play', IN_PLAY_QUERY, [/events USING COVERING INDEX events_by_kind/, /r USING COVERING INDEX rounds_by_time/]],
    ['questions', QUESTIONS_QUERY, [/r USING COVERING INDEX rounds_by_time/, /f USING (COVERING )?INDEX reflections_questions/]],
    ['rounds of the period', ROUNDS_SINCE, [/USING COVERING INDEX rounds_by_time/]],
    ['opportunity groups', OPPORTUNITY_GROUPS, [/o USING INTEGER PRIMARY KEY/]],
    ['rounds thanked since a day', roundsWithQuery(['thank_you_sent']), [/events USING COVERING INDEX events_by_kind \(kind=\? AND undone_at=\? AND occurred_at>\?\)/]],
    ['answers since the period began', eventsSince(['reply_received', 'rejected']), [/events USING COVERING INDEX events_by_kind \(kind=\? AND undone_at=\? AND occurred_at>\?\)/]],
  ];
  it.each(queries)('%s', (_name, sql, expected) => {
    const { db } = openJournal(path.join(tempDir(), 'journal.sqlite3'));
    generateJournal(db, { opportunities: 40, seed: 3, now: NOW });
    db.exec('ANALYZE'); // a planner with statistics must still choose these indexes
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ from: '', to: '', now: '', nowMs: 0, day: 0, buckets: '[]', ids: '[]' }) as { detail: string }[])
      .map((p) => p.detail)
      .join('\n');
    for (const pattern of expected) expect(plan, `the plan should match ${pattern}`).toMatch(pattern);
    // Never a pass over a whole table of the journal (the query's own virtual tables excepted).
    expect(plan, 'no query may scan a table of the journal').not.toMatch(/^SCAN (events|rounds|opportunities|reflections|round_interviewers|r|e|o|f|ri)\b/m);
    closeJournal(db);
  });

});

describe('company size through the contract', () => {
  it('is stored on create, changed or cleared by update, and a made-up size is refused with nothing changed', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'settings.json'), '{}');
    const core = createCore({ dataDir: dir, transport: 'http', now: () => NOW });
    const created = await core.call('opportunities.create', { company: 'Acme', role: 'Engineer', companySize: '11-50' });
    expect(created).toMatchObject({ ok: true, value: { companySize: '11-50' } });
    const id = (created as { value: { id: number } }).value.id;
    expect(await core.call('opportunities.create', { company: 'Initech', role: 'Engineer' })).toMatchObject({ ok: true, value: { companySize: null } });
    expect(await core.call('opportunities.update', { id, patch: { companySize: '1001+' } })).toMatchObject({ ok: true, value: { companySize: '1001+' } });
    expect(await core.call('opportunities.update', { id, patch: { companySize: 'enormous' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/companySize/) },
    });
    expect(await core.call('opportunities.get', { id })).toMatchObject({ ok: true, value: { companySize: '1001+' } });
    expect(await core.call('opportunities.update', { id, patch: { companySize: null } })).toMatchObject({ ok: true, value: { companySize: null } });
    core.close();
  });
});

describe('honest numbers', () => {
  it('gives no share and no median under five cases, and says how many there were', () => {
    expect(share(3, 4)).toEqual({ count: 3, of: 4, share: null });
    expect(share(2, 5)).toEqual({ count: 2, of: 5, share: 0.4 });
    expect(medianDays([1, 2, 3].map((d) => d * 86_400_000))).toEqual({ n: 3, days: null });
    expect(medianDays([1, 9, 2, 8, 3].map((d) => d * 86_400_000))).toEqual({ n: 5, days: 3 });
    // An even count: the middle two, averaged, to a tenth of a day.
    expect(medianDays([1, 2, 3, 4, 5, 6.25].map((d) => d * 86_400_000))).toEqual({ n: 6, days: 3.5 });
  });
});
