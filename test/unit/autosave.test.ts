/**
 * The reflection editor's autosave against the real core (a journal on disk), with a transport
 * the test controls: it can hold requests and deliver them in any order. What the user would
 * notice: while they type steadily the text is saved at least once a second; older text never
 * ends up over newer, whatever order the saves arrive in; another window's save is never
 * overwritten silently.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../src/main/core/core';
import type { Core } from '../../src/main/core/core';
import { Autosaver, MAX_WAIT_MS } from '../../src/renderer/src/screens/reflection/autosave';
import type { SaveAnswer, SaveRequest, SaveState } from '../../src/renderer/src/screens/reflection/autosave';
import { tempDir } from './helpers';

let core: Core;
let roundId: number;

beforeEach(async () => {
  vi.useFakeTimers({ now: new Date('2026-11-20T22:00:00Z') });
  core = createCore({ dataDir: tempDir(), transport: 'http', now: () => new Date() });
  const created = (await core.call('opportunities.create', { company: 'Acme', role: 'Engineer', firstRound: { startsAt: '2026-11-20T15:00:00Z', format: 'video' } })) as {
    ok: true;
    value: { rounds: { id: number }[] };
  };
  roundId = created.value.rounds[0]!.id;
});
afterEach(() => {
  core.close();
  vi.useRealTimers();
});

const stored = async (): Promise<{ body: string; revision: number }> => ((await core.call('reflections.get', { roundId })) as { value: { body: string; revision: number } }).value;

/** The core's reflections.save, behind a queue the test can hold and release in any order. */
function transport(options: { hold?: boolean } = {}) {
  const sent: SaveRequest[] = [];
  const held: { request: SaveRequest; deliver: () => Promise<void> }[] = [];
  const save = (request: SaveRequest): Promise<SaveAnswer> => {
    sent.push(request);
    const deliver = async (): Promise<SaveAnswer> => {
      const result = (await core.call('reflections.save', { roundId, body: request.text, revision: request.revision, session: request.session, seq: request.seq })) as
        | { ok: true; value: { revision: number; updatedAt: string | null } }
        | { ok: false; error: { code: string; message: string } };
      return result.ok ? { ok: true, revision: result.value.revision, at: result.value.updatedAt } : { ok: false, code: result.error.code, message: result.error.message };
    };
    if (!options.hold) return deliver();
    return new Promise((resolve) => held.push({ request, deliver: () => deliver().then(resolve) }));
  };
  return { save, sent, held };
}

function editor(save: (r: SaveRequest) => Promise<SaveAnswer>) {
  const states: SaveState[] = [];
  const saver = new Autosaver({ save, text: '', revision: 0, savedAt: null, onState: (s) => states.push(s) });
  return { saver, states };
}

describe('autosave keeps its promise while the user keeps typing', () => {
  it('typing a key every 60 ms for 5 s: a save goes out at least once a second, and the end is saved', async () => {
    const { save, sent } = transport();
    const { saver } = editor(save);
    let text = '';
    const savedAt: number[] = [];
    const started = Date.now();
    for (let i = 0; i < 5_000 / 60; i++) {
      text += 'abcdefghij'[i % 10]!;
      saver.change(text);
      const before = sent.length;
      await vi.advanceTimersByTimeAsync(60);
      if (sent.length > before) savedAt.push(Date.now() - started);
    }
    // Whatever was typed more than a second before any moment is stored by then.
    const gaps = savedAt.map((t, i) => t - (savedAt[i - 1] ?? 0));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(MAX_WAIT_MS + 60);
    expect(savedAt.length).toBeGreaterThanOrEqual(5);
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await stored()).body).toBe(text);
    expect(saver.current.kind).toBe('saved');
  });
});

describe('older text never overwrites newer', () => {
  it('a page-hide save that overtakes the save in flight: delivered newest first, the older is refused', async () => {
    const { save, held } = transport({ hold: true });
    const { saver, states } = editor(save);
    saver.change('Draft one.');
    await vi.advanceTimersByTimeAsync(1_000); // the first save is out, held
    saver.change('Draft one. Draft two.');
    void saver.flush(true); // the page is closing: the newer text goes at once
    expect(held.map((h) => h.request.text)).toEqual(['Draft one.', 'Draft one. Draft two.']);

    await held[1]!.deliver(); // the newer arrives first
    await held[0]!.deliver(); // the older one after it: refused by the core
    expect(await stored()).toMatchObject({ body: 'Draft one. Draft two.', revision: 1 });
    expect(states.some((s) => s.kind === 'conflict')).toBe(false);
  });

  it('the same two saves delivered in order: both taken, the newer last', async () => {
    const { save, held } = transport({ hold: true });
    const { saver } = editor(save);
    saver.change('Draft one.');
    await vi.advanceTimersByTimeAsync(1_000);
    saver.change('Draft one. Draft two.');
    void saver.flush(true);
    await held[0]!.deliver();
    await held[1]!.deliver();
    expect(await stored()).toMatchObject({ body: 'Draft one. Draft two.', revision: 2 });
  });

  it('saves go out one at a time: the next waits for the answer and carries its revision', async () => {
    const { save, held } = transport({ hold: true });
    const { saver } = editor(save);
    saver.change('A.');
    await vi.advanceTimersByTimeAsync(1_000);
    saver.change('A. B.');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(held).toHaveLength(1); // still waiting for the first answer
    await held[0]!.deliver();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(held).toHaveLength(2);
    expect(held[1]!.request).toMatchObject({ text: 'A. B.', revision: 1, seq: 2 });
    await held[1]!.deliver();
    expect(await stored()).toMatchObject({ body: 'A. B.', revision: 2 });
  });

  it('another window saved in between: autosave stops and asks; "keep my text" then saves it', async () => {
    const { save } = transport();
    const { saver } = editor(save);
    saver.change('Mine, first.');
    await vi.advanceTimersByTimeAsync(1_000);
    // Another window, which had read revision 1, saves its own text.
    await core.call('reflections.save', { roundId, body: 'From the other window.', revision: 1, session: 'other-window-1', seq: 1 });
    saver.change('Mine, first. Mine, second.');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(saver.current.kind).toBe('conflict');
    expect((await stored()).body).toBe('From the other window.');
    // Typing goes on: nothing is sent while the user has not chosen.
    saver.change('Mine, first. Mine, second. Third.');
    await vi.advanceTimersByTimeAsync(3_000);
    expect((await stored()).body).toBe('From the other window.');
    await saver.keepMine((await stored()).revision);
    expect((await stored()).body).toBe('Mine, first. Mine, second. Third.');
    expect(saver.current.kind).toBe('saved');
  });
});
