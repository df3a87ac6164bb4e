/**
 * "Add to my dictionary" and "Ignore here" (docs/follow-up-rules.md "What a good letter holds"):
 * kept in the journal, the dictionary for every letter and an ignored word for one letter only;
 * each change tells the page which cards' letters to check again; both travel in the JSON export.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import type { Letter } from '../../src/shared/letters';
import { saveReflection, tempDir } from './helpers';

type Answer<T> = { ok: true; value: T; changes?: { opportunityIds: number[] } };
const value = <T>(r: unknown): T => {
  expect(r).toMatchObject({ ok: true });
  return (r as Answer<T>).value;
};
const spelling = (l: Letter) => l.findings.filter((f) => f.check === 'spelling').map((f) => f.word);

async function setup(dir = tempDir()) {
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ timeZone: 'Europe/Berlin', userName: 'Sam Lee' }));
  const core = createCore({ dataDir: dir, transport: 'http', now: () => new Date('2026-11-20T18:00:00Z') });
  const ids: number[] = [];
  for (const name of ['Priya Shah', 'Tom Becker']) ids.push(value<{ id: number }>(await core.call('contacts.create', { name })).id);
  const opp = value<{ id: number; rounds: { id: number }[] }>(
    await core.call('opportunities.create', { company: 'Contoso', role: 'Data Engineer', firstRound: { startsAt: '2026-11-20T10:00:00Z', format: 'video', interviewerIds: ids } }),
  );
  const roundId = opp.rounds[0]!.id;
  await saveReflection(core, roundId, '## Moments\n\n- ==How the team runs Zorblang jobs on Flumox==\n');
  const letters = value<Letter[]>(await core.call('letters.draft', { roundId, kind: 'thank-you-email' }));
  return { core, dir, opportunityId: opp.id, letters };
}

describe('the user’s dictionary and words ignored in a letter', () => {
  it('a word added is known in every letter, and the answer names the cards to check again', async () => {
    const { core, opportunityId } = await setup();
    const before = value<Letter[]>(await core.call('letters.list', { opportunityId }));
    expect(before.map(spelling)).toEqual([['Zorblang', 'Flumox'], ['Zorblang', 'Flumox']]);
    const added = (await core.call('letters.addToDictionary', { word: 'Zorblang' })) as Answer<string[]>;
    expect(added.value).toEqual(['Zorblang']);
    expect(added.changes?.opportunityIds).toEqual([opportunityId]);
    expect(value<Letter[]>(await core.call('letters.list', { opportunityId })).map(spelling)).toEqual([['Flumox'], ['Flumox']]);
    // Any case of the word is the same word; removing it brings the finding back.
    expect(value<string[]>(await core.call('letters.addToDictionary', { word: 'zorblang' }))).toEqual(['Zorblang']);
    value(await core.call('letters.removeFromDictionary', { word: 'Zorblang' }));
    expect(value<Letter[]>(await core.call('letters.list', { opportunityId })).map(spelling)).toEqual([['Zorblang', 'Flumox'], ['Zorblang', 'Flumox']]);
    core.close();
  });

  it('a word ignored here is ignored in that letter only', async () => {
    const { core, opportunityId, letters } = await setup();
    const ignored = value<Letter>(await core.call('letters.ignoreWord', { id: letters[0]!.id, word: 'Flumox' }));
    expect(ignored.ignoredWords).toEqual(['Flumox']);
    expect(spelling(ignored)).toEqual(['Zorblang']);
    expect(value<Letter[]>(await core.call('letters.list', { opportunityId })).map(spelling)).toEqual([['Zorblang'], ['Zorblang', 'Flumox']]);
    core.close();
  });

  it('refuses what is not one word, and changes nothing', async () => {
    const { core } = await setup();
    const before = core.db.serialize();
    for (const word of ['two words', '', 'Zorb1ang', "'quoted"]) {
      expect(await core.call('letters.addToDictionary', { word })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(Buffer.compare(before, core.db.serialize())).toBe(0);
    core.close();
  });

  it('travels in the JSON export and back', async () => {
    const { core, letters } = await setup();
    value(await core.call('letters.addToDictionary', { word: 'Zorblang' }));
    value(await core.call('letters.ignoreWord', { id: letters[1]!.id, word: 'Flumox' }));
    const file = value<{ base64: string }>(await core.call('transfer.exportJson', undefined));
    core.close();
    const other = createCore({ dataDir: tempDir(), transport: 'http', now: () => new Date('2026-11-21T18:00:00Z') });
    value(await other.call('transfer.importJson', { base64: file.base64 }));
    expect(value<string[]>(await other.call('letters.dictionary', undefined))).toEqual(['Zorblang']);
    const opportunityId = other.db.prepare('SELECT id FROM opportunities').pluck().get() as number;
    const imported = value<Letter[]>(await other.call('letters.list', { opportunityId }));
    expect(imported.map((l) => l.ignoredWords)).toEqual([[], ['Flumox']]);
    expect(imported.map(spelling)).toEqual([['Flumox'], []]);
    other.close();
  });
});
