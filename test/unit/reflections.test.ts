import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import { ftsQuery, plainSnippet } from '../../src/main/core/reflections/reflection-store';
import { mentionsOf, questionsOf, statedDecision } from '../../src/main/core/reflections/reflection-text';
import { tempDir, saveReflection } from './helpers';

const value = <T>(r: unknown): T => {
  expect(r).toMatchObject({ ok: true });
  return (r as { value: T }).value;
};

async function setup() {
  let now = new Date('2026-11-20T20:00:00Z');
  const core = createCore({ dataDir: tempDir(), transport: 'http', now: () => now });
  const create = async (company: string, role: string) =>
    value<{ id: number; rounds: { id: number }[] }>(
      await core.call('opportunities.create', { company, role, firstRound: { startsAt: '2026-11-20T15:00:00Z', format: 'video' } }),
    ).rounds[0]!.id;
  return { core, create, tick: (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000)) };
}

const ACME = `## Questions asked

- Tell me about a time you disagreed with a teammate.
  - I described the billing migration and how we settled on event sourcing.
- How would you design a URL shortener?

## My answers

- (see above)
- I started from the read path and the cache, then the ID scheme.

## Moments to mention in the thank-you

- ==Their on-call rotation and blameless post-mortems==
- I liked the team lead.

## Next steps and timeline they stated

They will decide by December 4 after a panel with the team.
`;

const GLOBEX = `## Questions asked

1. What is the hardest bug you have fixed?
2. How do you prioritise when everything is urgent?

## My answers

1. A race condition in the payment queue that only showed under load.
2. Impact first, then the cost of delay.

## What went well

The system design discussion about the search cluster went well; I drew the shards and replicas.
`;

describe('the reflection journal', () => {
  it('keeps earlier versions as the user writes over time, and restores one without losing the current text', async () => {
    const { core, create, tick } = await setup();
    const roundId = await create('Acme', 'Engineer');
    value(await saveReflection(core, roundId, 'First draft.'));
    tick(1);
    value(await saveReflection(core, roundId, 'First draft, a bit more.'));
    expect(value<unknown[]>(await core.call('reflections.versions', { roundId }))).toHaveLength(1); // the very first text
    tick(2);
    value(await saveReflection(core, roundId, 'First draft, a bit more, and more.'));
    expect(value<unknown[]>(await core.call('reflections.versions', { roundId }))).toHaveLength(1); // within five minutes: no new version
    tick(6);
    value(await saveReflection(core, roundId, 'A rewrite.'));
    const versions = value<{ id: number; body: string }[]>(await core.call('reflections.versions', { roundId }));
    expect(versions.map((v) => v.body)).toEqual(['First draft, a bit more, and more.', 'First draft.']);

    const restored = value<{ body: string }>(await core.call('reflections.restore', { versionId: versions[1]!.id }));
    expect(restored.body).toBe('First draft.');
    const after = value<{ body: string }[]>(await core.call('reflections.versions', { roundId }));
    expect(after[0]!.body).toBe('A rewrite.'); // what was there before the restore is kept
    core.close();
  });

  it('records "reflection written" for the planner once the user has written words of their own', async () => {
    const { core, create } = await setup();
    const roundId = await create('Acme', 'Engineer');
    const { REFLECTION_TEMPLATE } = await import('../../src/shared/reflection-prompts');
    value(await saveReflection(core, roundId, REFLECTION_TEMPLATE));
    const opportunityId = value<{ opportunityId: number }>(await core.call('reflections.get', { roundId })).opportunityId;
    expect(value<{ kind: string }[]>(await core.call('events.list', { opportunityId })).map((e) => e.kind)).not.toContain('reflection_written');
    value(await saveReflection(core, roundId, ACME));
    value(await saveReflection(core, roundId, `${ACME}\nMore.`));
    expect(value<{ kind: string }[]>(await core.call('events.list', { opportunityId })).filter((e) => e.kind === 'reflection_written')).toHaveLength(1);
    const actions = value<{ kind: string; status: string }[]>(await core.call('actions.forOpportunity', { opportunityId }));
    expect(actions.find((a) => a.kind === 'write-reflection')?.status).toBe('done');
    core.close();
  });

  it('offers the marked passages as the specific detail, and the stated decision date for the round', async () => {
    const { core, create } = await setup();
    const roundId = await create('Acme', 'Engineer');
    const view = value<{ mentions: string[]; stated: { decisionDate: string | null; nextStep: string | null } }>(
      await saveReflection(core, roundId, ACME),
    );
    expect(view.mentions).toEqual(['Their on-call rotation and blameless post-mortems']);
    expect(view.stated).toEqual({ decisionDate: '2026-12-04', nextStep: 'They will decide by December 4 after a panel with the team.' });
    value(await core.call('rounds.update', { id: roundId, patch: { decisionDate: '2026-12-04' } }));
    expect(value<{ stated: { decisionDate: string | null } }>(await core.call('reflections.get', { roundId })).stated.decisionDate).toBeNull();
    core.close();
  });

  it('builds a question bank across rounds, with the answers given, searchable', async () => {
    const { core, create } = await setup();
    value(await saveReflection(core, await create('Acme', 'Engineer'), ACME));
    value(await saveReflection(core, await create('Globex', 'Analyst'), GLOBEX));
    const all = value<{ question: string; answer: string | null; company: string; roundNumber: number }[]>(await core.call('reflections.questions', {}));
    expect(all).toHaveLength(4);
    expect(all.find((q) => q.question.startsWith('Tell me about a time'))).toMatchObject({
      company: 'Acme',
      roundNumber: 1,
      answer: 'I described the billing migration and how we settled on event sourcing.',
    });
    expect(all.find((q) => q.question.startsWith('How would you design'))!.answer).toBe('I started from the read path and the cache, then the ID scheme.');
    expect(all.find((q) => q.question.startsWith('What is the hardest bug'))!.answer).toBe('A race condition in the payment queue that only showed under load.');
    const found = value<{ company: string }[]>(await core.call('reflections.questions', { query: 'prioritise' }));
    expect(found.map((q) => q.company)).toEqual(['Globex']);
    core.close();
  });

  it('searches every reflection, best match first, with the matched words highlighted', async () => {
    const { core, create } = await setup();
    value(await saveReflection(core, await create('Acme', 'Engineer'), ACME));
    value(await saveReflection(core, await create('Globex', 'Analyst'), GLOBEX));
    value(await saveReflection(core, await create('Initech', 'Dev'), 'We talked about search: search relevance, search latency, and the search team.'));
    const hits = value<{ company: string; snippet: string }[]>(await core.call('reflections.search', { query: 'search' }));
    expect(hits.map((h) => h.company)).toEqual(['Initech', 'Globex']); // four mentions rank above one
    expect(hits[1]!.snippet).toContain('\u0002search\u0003');
    // Prefixes and stems: "migrat" finds "migration"; FTS syntax is searched for, not run.
    expect(value<{ company: string }[]>(await core.call('reflections.search', { query: 'migrat' })).map((h) => h.company)).toEqual(['Acme']);
    expect(value<unknown[]>(await core.call('reflections.search', { query: 'NEAR( " OR * AND' }))).toEqual([]);
    expect(ftsQuery('on-call "rotation"')).toBe('"on"* "call"* "rotation"*');
    // A passage reads as text: the Markdown it is stored in (a mark for the thank-you, emphasis) is not shown.
    value(await saveReflection(core, await create('Hooli', 'SRE'), '## Notes\n- We cut ==the Kafka consumer lag== in half, **twice**, with _care_.'));
    const kafka = value<{ snippet: string }[]>(await core.call('reflections.search', { query: 'kafka' }))[0]!.snippet;
    expect(kafka.replace(/[\u0002\u0003]/g, '')).toBe('Notes\nWe cut the Kafka consumer lag in half, twice, with care.');
    expect(plainSnippet('==d== `e` 3 * 4')).toBe('d e 3 * 4');
    core.close();
  });

  it("finds every board card with a matching reflection, not just the best-ranked ones; Closed ones only when asked about, archived ones never", async () => {
    const { core } = await setup();
    const ids: number[] = [];
    for (let i = 0; i < 60; i++) {
      const opp = value<{ id: number; rounds: { id: number }[] }>(
        await core.call('opportunities.create', { company: `Company ${i}`, role: 'Engineer', firstRound: { startsAt: '2026-11-20T15:00:00Z', format: 'video' } }),
      );
      // The first ten say it most: the ranked search's best.
      value(await saveReflection(core, opp.rounds[0]!.id, i < 10 ? 'Design, design and more design: the design review.' : `We covered the design of service ${i} and the team.`));
      ids.push(opp.id);
    }
    const other = value<{ id: number; rounds: { id: number }[] }>(await core.call('opportunities.create', { company: 'Elsewhere', role: 'Engineer', firstRound: { startsAt: '2026-11-20T15:00:00Z', format: 'video' } }));
    value(await saveReflection(core, other.rounds[0]!.id, 'Only the team and the offices.'));
    value(await core.call('board.move', { opportunityId: ids[20]!, to: 'closed', closedReason: 'rejected' }));
    value(await core.call('opportunities.archive', { id: ids[30]! }));

    const ranked = value<{ opportunityId: number }[]>(await core.call('reflections.search', { query: 'design', limit: 50 }));
    expect(ranked).toHaveLength(50); // the ranked search stops at its limit
    const onBoard = ids.filter((id) => id !== ids[20] && id !== ids[30]);
    const matching = value<number[]>(await core.call('reflections.matchingCards', { query: 'design' }));
    expect([...matching].sort((a, b) => a - b)).toEqual(onBoard);
    // The Closed card counts once the board has it loaded; the archived one never does.
    const withClosed = value<number[]>(await core.call('reflections.matchingCards', { query: 'design', closedIds: [ids[20]!, ids[30]!] }));
    expect([...withClosed].sort((a, b) => a - b)).toEqual([...onBoard, ids[20]!].sort((a, b) => a - b));
    expect(value<number[]>(await core.call('reflections.matchingCards', { query: 'offices' }))).toEqual([other.id]);
    expect(value<number[]>(await core.call('reflections.matchingCards', { query: 'NEAR( " OR * AND' }))).toEqual([]);
    expect(await core.call('reflections.matchingCards', { query: 'design', closedIds: ['1'] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    core.close();
  });

  it('exports one reflection as Markdown, and all of them as a zip of Markdown files', async () => {
    const { core, create } = await setup();
    const acme = await create('Acme', 'Engineer');
    value(await saveReflection(core, acme, ACME));
    value(await saveReflection(core, await create('Globex', 'Analyst'), GLOBEX));
    const one = value<{ fileName: string; base64: string }>(await core.call('reflections.export', { roundId: acme }));
    expect(one.fileName).toBe('2026-11-20-acme-engineer-round-1.md');
    expect(Buffer.from(one.base64, 'base64').toString('utf8')).toContain('==Their on-call rotation and blameless post-mortems==');
    const all = value<{ fileName: string; base64: string }>(await core.call('reflections.export', {}));
    const dir = tempDir();
    const file = path.join(dir, all.fileName);
    fs.writeFileSync(file, Buffer.from(all.base64, 'base64'));
    // Read back by Python's zipfile (a real, strict reader), not by our own code.
    const listing = execFileSync('python3', ['-c', 'import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print("\\n".join(z.namelist())); print(z.read(z.namelist()[1]).decode())', file], { encoding: 'utf8' });
    expect(listing).toContain('2026-11-20-acme-engineer-round-1.md');
    expect(listing).toContain('2026-11-20-globex-analyst-round-1.md');
    expect(listing).toContain('A race condition in the payment queue');
    core.close();
  });
});

describe('reading a reflection', () => {
  it.each([
    ['an ISO date', 'Decision on 2026-12-10.', '2026-12-10'],
    ['a month and day', 'They decide by Dec 4th.', '2026-12-04'],
    ['a day and month', 'Answer by 4 December 2026.', '2026-12-04'],
    ['a date early next year', 'They come back on January 8.', '2027-01-08'],
    ['no date', 'They will call me.', null],
    ['an impossible date', 'By February 30.', null],
  ])('finds %s in the next steps', (_why, sentence, date) => {
    expect(statedDecision(`## Next steps and timeline they stated\n\n${sentence}\n`, '2026-11-20T15:00:00Z').decisionDate).toBe(date);
  });

  it('finds marked passages only where they are marked', () => {
    expect(mentionsOf('plain == not a mark\n==one== and ==two **bold**==')).toEqual(['one', 'two bold']);
  });

  it('reads checklists and numbered lists as questions', () => {
    expect(questionsOf('## Questions asked\n\n- [x] Why us?\n- [ ] Why now?\n').map((q) => q.question)).toEqual(['Why us?', 'Why now?']);
  });
});
