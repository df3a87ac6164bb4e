import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import { pageGeometry } from '../../src/main/core/letters/docx-export';
import type { Action } from '../../src/shared/domain';
import type { Letter, PaperSize } from '../../src/shared/letters';
import { PAPER_SIZES } from '../../src/shared/letters';
import { tempDir, saveReflection } from './helpers';

const value = <T>(r: unknown): T => {
  expect(r).toMatchObject({ ok: true });
  return (r as { value: T }).value;
};

async function setup() {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ timeZone: 'America/New_York', userName: 'Sam Lee' }));
  const core = createCore({ dataDir: dir, transport: 'http', now: () => new Date('2026-11-20T22:00:00Z') });
  const ids: number[] = [];
  for (const name of ['Alice Ng', 'Bob Ortiz', 'Carla Diaz']) ids.push(value<{ id: number }>(await core.call('contacts.create', { name, title: 'Engineer' })).id);
  const opp = value<{ id: number; rounds: { id: number }[] }>(
    await core.call('opportunities.create', {
      company: 'Acme',
      role: 'Staff Engineer',
      firstRound: { startsAt: '2026-11-20T15:00:00-05:00', format: 'in-person', interviewerIds: ids },
    }),
  );
  const roundId = opp.rounds[0]!.id;
  value(
    await saveReflection(core, roundId, '## Moments to mention in the thank-you\n\n- ==The billing migration to event sourcing==\n- ==Their blameless post-mortems==\n'),
  );
  return { core, dir, opportunityId: opp.id, roundId, ids };
}

describe('letters', () => {
  it('a status check offers no specific detail, and a LinkedIn note is refused for printing with a clear message', async () => {
    const { core, roundId } = await setup();
    const checks = value<Letter[]>(await core.call('letters.draft', { roundId, kind: 'status-check-email' }));
    expect(checks.length).toBeGreaterThan(0);
    for (const l of checks) expect(l.detailOptions).toEqual([]);
    const thanks = value<Letter[]>(await core.call('letters.draft', { roundId, kind: 'thank-you-email' }));
    expect(thanks[0]!.detailOptions.length).toBe(2); // the reflection's passages are there to offer
    const notes = value<Letter[]>(await core.call('letters.draft', { roundId, kind: 'linkedin-note' }));
    const refused = await core.call('letters.export', { ids: [notes[0]!.id], size: 'a2-card', layout: 'flat', font: 'Lora' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('LinkedIn note') } });
    core.close();
  });

  it('drafts one letter per interviewer, each with a different marked passage as the specific detail', async () => {
    const { core, roundId } = await setup();
    const letters = value<Letter[]>(await core.call('letters.draft', { roundId, kind: 'thank-you-email' }));
    expect(letters.map((l) => l.recipientName)).toEqual(['Alice Ng', 'Bob Ortiz', 'Carla Diaz']);
    expect(letters[0]!.body).toMatch(/^Dear Alice,/);
    expect(letters[0]!.body).toContain('about the billing migration to event sourcing.');
    expect(letters[1]!.body).toContain('about their blameless post-mortems.');
    expect(letters[0]!.body).toContain('Best regards,\nSam Lee');
    expect(letters[0]!.detailOptions).toEqual(['The billing migration to event sourcing', 'Their blameless post-mortems']);
    // Alice's and Carla's got the same passage: the duplicate check says so on both.
    expect(letters[0]!.findings.map((f) => f.check)).toContain('duplicate');
    expect(letters[1]!.findings.map((f) => f.check)).not.toContain('duplicate');
    // Drafting again keeps what was written.
    value(await core.call('letters.update', { id: letters[0]!.id, body: `${letters[0]!.body}\nP.S. Thanks for the coffee.` }));
    const again = value<Letter[]>(await core.call('letters.draft', { roundId, kind: 'thank-you-email' }));
    expect(again[0]!.body).toContain('P.S. Thanks for the coffee.');
    core.close();
  });

  it('a missing detail is a placeholder the checks flag, and choosing a passage fills it', async () => {
    const { core, roundId } = await setup();
    value(await saveReflection(core, roundId, 'No marked passages.'));
    const [letter] = value<Letter[]>(await core.call('letters.draft', { roundId, kind: 'linkedin-note' }));
    expect(letter!.body).toContain('[One sentence about a moment from your conversation.]');
    expect(letter!.findings.map((f) => f.check)).toEqual(expect.arrayContaining(['placeholder', 'no-detail']));
    const fixed = value<Letter>(await core.call('letters.update', { id: letter!.id, detail: 'Your talk on incident reviews' }));
    expect(fixed.body).toBe('Hi Alice, thank you for talking with me about the Staff Engineer role. I especially enjoyed our conversation about your talk on incident reviews. I would be glad to stay in touch.');
    expect(fixed.findings.map((f) => f.check)).not.toContain('placeholder');
    core.close();
  });

  it('marking a letter sent records the event and the planner moves on', async () => {
    const { core, opportunityId, roundId, ids } = await setup();
    const letters = value<Letter[]>(await core.call('letters.draft', { roundId, kind: 'thank-you-email' }));
    const sent = value<Letter>(await core.call('letters.markSent', { id: letters[0]!.id }));
    expect(sent.state).toBe('sent');
    const events = value<{ kind: string; contactId: number }[]>(await core.call('events.list', { opportunityId }));
    expect(events).toContainEqual(expect.objectContaining({ kind: 'thank_you_sent', contactId: ids[0] }));
    const actions = value<Action[]>(await core.call('actions.forOpportunity', { opportunityId }));
    expect(actions.find((a) => a.kind === 'thank-you' && a.recipient?.contactId === ids[0])!.status).toBe('done');
    expect(await core.call('letters.markSent', { id: letters[0]!.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    core.close();
  });

  it('templates are in the journal, editable, and new ones can be added', async () => {
    const { core, roundId } = await setup();
    const templates = value<{ id: number; kind: string; builtin: boolean }[]>(await core.call('letters.templates', undefined));
    expect(new Set(templates.map((t) => t.kind)).size).toBe(9);
    const mine = value<{ id: number }>(
      await core.call('letters.saveTemplate', { kind: 'thank-you-card', name: 'Short card', subject: 'Card', body: 'Dear {{recipient.firstName}}, thank you! {{detail}}. {{me.name}}' }),
    );
    const [card] = value<Letter[]>(await core.call('letters.draft', { roundId, kind: 'thank-you-card', templateId: mine.id }));
    expect(card!.body).toBe('Dear Alice, thank you! the billing migration to event sourcing. Sam Lee');
    core.close();
  });
});

describe('printed cards and letters (.docx)', () => {
  const sizes = Object.keys(PAPER_SIZES) as PaperSize[];

  it('every page keeps margins of at least 0.25 in, and a folded card puts the text on the inside-right panel', () => {
    for (const size of sizes) {
      for (const layout of ['flat', 'inside-right'] as const) {
        const g = pageGeometry({ size, layout });
        expect(Math.min(g.margin.top, g.margin.right, g.margin.bottom, g.margin.left)).toBeGreaterThanOrEqual(0.25);
        if (g.folded) expect(g.margin.left).toBeGreaterThan(g.width / 2);
      }
    }
    expect(pageGeometry({ size: 'half-letter-a2', layout: 'flat' })).toMatchObject({ width: 8.5, height: 5.5, folded: true });
  });

  it('exports every size; the text reads back, and LibreOffice renders the chosen page size within 1 pt', async () => {
    const { core, roundId } = await setup();
    const letters = value<Letter[]>(await core.call('letters.draft', { roundId, kind: 'thank-you-card' }));
    const out = tempDir('afterword-docx-');
    const expected = new Map<string, { w: number; h: number }>();
    for (const size of sizes) {
      const layout = size === 'a7-card' ? 'inside-right' : 'flat';
      const file = value<{ fileName: string; base64: string }>(await core.call('letters.export', { ids: [letters[0]!.id], size, layout, font: 'Lora' }));
      const bytes = Buffer.from(file.base64, 'base64');
      const { value: text } = await mammoth.extractRawText({ buffer: bytes });
      expect(text).toContain('Dear Alice,');
      expect(text).toContain('the billing migration to event sourcing');
      const name = `${size}.docx`;
      fs.writeFileSync(path.join(out, name), bytes);
      const g = pageGeometry({ size, layout });
      expect.soft(g.width, size).toBeGreaterThan(0);
      expected.set(size, { w: g.width * 72, h: g.height * 72 });
    }
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', out, ...sizes.map((s) => path.join(out, `${s}.docx`))], { stdio: 'pipe', timeout: 120_000 });
    for (const size of sizes) {
      const pdf = path.join(out, `${size}.pdf`);
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
      const want = expected.get(size)!;
      expect(Math.abs(Number(w) - want.w), `${size} width`).toBeLessThanOrEqual(1);
      expect(Math.abs(Number(h) - want.h), `${size} height`).toBeLessThanOrEqual(1);
      expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain('Dear Alice,');
    }
    core.close();
  }, 180_000);

  it('exports every due card in one file, one per page', async () => {
    const { core } = await setup();
    const file = value<{ base64: string; fileName: string }>(await core.call('letters.exportDueCards', { size: 'a2-card', layout: 'flat', font: 'Lora' }));
    expect(file.fileName).toBe('afterword-3-cards-a2-card.docx');
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(file.base64, 'base64') });
    expect(text).toContain('Dear Alice,');
    expect(text).toContain('Dear Bob,');
    expect(text).toContain('Dear Carla,');
    const docx = path.join(tempDir(), 'cards.docx');
    fs.writeFileSync(docx, Buffer.from(file.base64, 'base64'));
    const xml = execFileSync('python3', ['-c', 'import sys,zipfile; print(zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode())', docx], { encoding: 'utf8' });
    expect(xml.match(/<w:sectPr/g)).toHaveLength(3);
    core.close();
  });
});
