/**
 * Browser mode writes answers with the JSON of unchanging parts kept (answer-json.ts): what it
 * writes must be exactly what JSON.stringify writes, for any answer, and for the board before and
 * after changes (a kept text must never outlive the card it was written for).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerJson, holdsKeptJson, keepJson } from '../../src/main/core/answer-json';
import { createCore } from '../../src/main/core/core';
import { generateJournal } from '../../src/main/core/demo/journal-generator';
import { closeJournal, JOURNAL_FILE_NAME, openJournal } from '../../src/main/core/journal/database';
import type { Board } from '../../src/shared/contract';
import { tempDir } from './helpers';

const NOW = new Date('2026-11-20T15:00:00Z');

describe('answers written with kept JSON', () => {
  it('writes what JSON.stringify writes, kept parts, holders and odd members included', () => {
    const card = keepJson({ id: 1, name: 'Zoë “quoted” \u2028 line', missing: undefined, nested: { a: [1, null, 'x'] } });
    const list = holdsKeptJson([card, { id: 2, skip: () => 1 }, undefined, card]);
    const answer = { ok: true, value: holdsKeptJson({ cards: list, when: new Date(NOW), n: 1.5e-7, neg: -0, no: undefined }), changes: { ids: [3] } };
    expect(answerJson(answer)).toBe(JSON.stringify(answer));
    expect(answerJson(answer)).toBe(JSON.stringify(answer));
    for (const plain of [null, 1, 'text', [1, undefined], { a: undefined }, { ok: false, error: { code: 'invalid_input', message: 'No.' } }]) {
      expect(answerJson(plain)).toBe(JSON.stringify(plain));
    }
  });

  it('writes the board as JSON.stringify does, before and after moves, events and edits', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ timeZone: 'America/New_York' }));
    const { db } = openJournal(path.join(dir, JOURNAL_FILE_NAME));
    generateJournal(db, { opportunities: 120, seed: 7, now: NOW });
    closeJournal(db);
    const core = createCore({ dataDir: dir, transport: 'http', now: () => NOW });
    const board = async () => {
      const answer = await core.call('board.get', undefined);
      expect(answerJson(answer)).toBe(JSON.stringify(answer));
      return (answer as { value: Board }).value;
    };
    const first = await board();
    // Asked again, unchanged: the same text.
    await board();
    const open = first.cards.filter((c) => c.column === 'thanked' || c.column === 'followed_up').slice(0, 3);
    expect(open.length).toBe(3);
    expect(await core.call('board.move', { opportunityId: open[0]!.id, to: 'staying_in_touch' })).toMatchObject({ ok: true });
    const moved = await board();
    expect(moved.cards.find((c) => c.id === open[0]!.id)?.column).toBe('staying_in_touch');
    expect(await core.call('opportunities.update', { id: open[1]!.id, patch: { role: 'Principal Engineer' } })).toMatchObject({ ok: true });
    expect((await board()).cards.find((c) => c.id === open[1]!.id)?.role).toBe('Principal Engineer');
    expect(await core.call('board.move', { opportunityId: open[2]!.id, to: 'closed', closedReason: 'withdrawn' })).toMatchObject({ ok: true });
    expect((await board()).cards.some((c) => c.id === open[2]!.id)).toBe(false);
    core.close();
  });
});
