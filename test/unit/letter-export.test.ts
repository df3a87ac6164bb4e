/**
 * Sending and printing, as a user's mail program and word processor see them: the `mailto:` link
 * parsed back exactly (RFC 6068), .docx files opened by LibreOffice (right-to-left paragraphs for
 * Arabic and Hebrew, control characters gone, the card's text centred on its panel, Lora embedded,
 * a letter page with its address blocks and date), and file names that keep accented letters.
 * Set RENDER_DIR to keep the PDFs and PNGs LibreOffice and poppler make (they were looked at).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import type { Core } from '../../src/main/core/core';
import { exportFileName, isRightToLeft, withoutControls } from '../../src/main/core/letters/docx-export';
import type { Letter } from '../../src/shared/letters';
import { crlf, mailtoUrl, parseMailto } from '../../src/shared/mailto';
import { saveReflection, tempDir } from './helpers';

const value = <T>(r: unknown): T => {
  expect(r).toMatchObject({ ok: true });
  return (r as { value: T }).value;
};

const outDir = () => {
  const dir = process.env.RENDER_DIR ?? tempDir('afterword-render-');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
};

/** Converts a .docx with LibreOffice, to PDF (and to flat ODF XML when asked); optionally a PNG of page 1. */
function render(docx: string, opts: { png?: boolean; fodt?: boolean } = {}): { pdf: string; fodt?: string; png?: string } {
  const dir = path.dirname(docx);
  const base = path.basename(docx, '.docx');
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'pipe', timeout: 120_000 });
  if (opts.fodt) execFileSync('soffice', ['--headless', '--convert-to', 'fodt', '--outdir', dir, docx], { stdio: 'pipe', timeout: 120_000 });
  const pdf = path.join(dir, `${base}.pdf`);
  if (opts.png) execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(dir, base)], { stdio: 'pipe' });
  return { pdf, ...(opts.fodt ? { fodt: path.join(dir, `${base}.fodt`) } : {}), ...(opts.png ? { png: path.join(dir, `${base}.png`) } : {}) };
}

async function setup(settings: Record<string, unknown> = {}) {
  const dir = tempDir();
  fs.writeFileSync(
    path.join(dir, 'settings.json'),
    JSON.stringify({ timeZone: 'Europe/Madrid', userName: 'Sam Lee', senderAddress: '12 Harbour Road\nBergen 5003\nNorway', englishVariant: 'en-GB', ...settings }),
  );
  const core = createCore({ dataDir: dir, transport: 'http', now: () => new Date('2026-11-20T18:00:00Z') });
  return core;
}

async function roundWith(core: Core, people: { name: string; title?: string; email?: string }[], company = 'Contoso', format: 'in-person' | 'video' = 'in-person') {
  const ids: number[] = [];
  for (const p of people) ids.push(value<{ id: number }>(await core.call('contacts.create', p)).id);
  const opp = value<{ id: number; rounds: { id: number }[] }>(
    await core.call('opportunities.create', { company, role: 'Data Engineer', location: 'Madrid, Spain', firstRound: { startsAt: '2026-11-20T10:00:00Z', format, interviewerIds: ids } }),
  );
  return { opportunityId: opp.id, roundId: opp.rounds[0]!.id, ids };
}

describe('mailto: links (RFC 6068)', () => {
  it('carry line breaks as %0D%0A, a literal @, and &, #, = and accents back exactly', () => {
    const body = 'Dear Ana,\n\nThank you: R&D #1 = “great”; 50% off? Café, naïve, Ærøskøbing.\r\nLine two\rLine three\n\nBest regards,\nSam';
    const subject = 'Thank you & see you #soon? (Ana López)';
    const url = mailtoUrl({ to: 'ana.lopez+jobs@contoso.example', subject, body });
    expect(url.startsWith('mailto:ana.lopez%2Bjobs@contoso.example?subject=')).toBe(true);
    expect(url.split('?')[0]!.match(/@/g)).toHaveLength(1);
    expect(url).toContain('%0D%0A');
    expect(url).not.toMatch(/[\s"<>\\^`{|}]/);
    expect(url).not.toMatch(/%0A(?<!%0D%0A)/);
    const back = parseMailto(url);
    expect(back).toEqual({ to: 'ana.lopez+jobs@contoso.example', fields: { subject, body: crlf(body) } });
    expect(back.fields.body!.split('\r\n')).toHaveLength(8);
    // The platform's URL parser reads the same link.
    const parsed = new URL(url);
    expect(parsed.protocol).toBe('mailto:');
    expect(decodeURIComponent(parsed.pathname)).toBe('ana.lopez+jobs@contoso.example');
  });
});

describe('printing (.docx through LibreOffice)', () => {
  it('marks Arabic and Hebrew paragraphs right-to-left, and LibreOffice opens them so', async () => {
    const core = await setup();
    const { roundId } = await roundWith(core, [{ name: 'ليلى حداد' }, { name: 'נועה כהן' }], 'Contoso');
    const letters = value<Letter[]>(await core.call('letters.draft', { roundId, kind: 'thank-you-card' }));
    const arabic = 'عزيزتي ليلى،\n\nشكرًا جزيلًا على وقتك يوم الجمعة. استمتعت كثيرًا بحديثنا عن نقل المستودع إلى السحابة.\n\nمع خالص الشكر،\nسام';
    const hebrew = 'נועה היקרה,\n\nתודה רבה על הזמן שלך ביום שישי. נהניתי מאוד מהשיחה על העברת המחסן לענן.\n\nבתודה,\nסאם';
    value(await core.call('letters.update', { id: letters[0]!.id, body: arabic }));
    value(await core.call('letters.update', { id: letters[1]!.id, body: hebrew }));
    const dir = outDir();
    for (const [i, lang] of [[0, 'arabic'], [1, 'hebrew']] as const) {
      const file = value<{ base64: string; fileName: string }>(await core.call('letters.export', { ids: [letters[i]!.id], size: 'a2-card', layout: 'flat', font: 'Times New Roman' }));
      const docx = path.join(dir, `rtl-${lang}.docx`);
      fs.writeFileSync(docx, Buffer.from(file.base64, 'base64'));
      const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' });
      expect((xml.match(/<w:bidi\/>/g) ?? []).length).toBe(3); // the three paragraphs
      expect(xml).toContain('<w:rtl/>');
      const { fodt, png } = render(docx, { fodt: true, png: true });
      const flat = fs.readFileSync(fodt!, 'utf8');
      // LibreOffice reads each paragraph as right-to-left: its style says writing-mode rl-tb.
      const rtlStyles = [...flat.matchAll(/<style:style style:name="([^"]+)"[^>]*style:family="paragraph"[^>]*>(?:(?!<\/style:style>)[\s\S])*?style:writing-mode="rl-tb"/g)].map((m) => m[1]);
      expect(rtlStyles.length, 'paragraph styles that are right-to-left').toBeGreaterThan(0);
      const first = lang === 'arabic' ? 'شكرًا' : 'תודה';
      const paragraph = new RegExp(`<text:p text:style-name="([^"]+)"[^>]*>(?:<[^>]+>)*[^<]*${first}`).exec(flat);
      expect(rtlStyles, `the paragraph holding "${first}"`).toContain(paragraph?.[1]);
      expect(fs.existsSync(png!)).toBe(true);
    }
    core.close();
  }, 180_000);

  it('turns control characters into spaces, so Word and LibreOffice open the file', async () => {
    expect(withoutControls('a\u0007b\u000Bc\u0000d\r\ne\u2028f')).toBe('a b c d\ne f');
    const core = await setup();
    const { roundId } = await roundWith(core, [{ name: 'Ana López' }]);
    const [card] = value<Letter[]>(await core.call('letters.draft', { roundId, kind: 'thank-you-card' }));
    value(await core.call('letters.update', { id: card!.id, body: 'Dear Ana,\u0007 thank you\u000B for\u0000 the talk.\u001B\n\nSam' }));
    const file = value<{ base64: string }>(await core.call('letters.export', { ids: [card!.id], size: 'a2-card', layout: 'flat', font: 'Lora' }));
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(file.base64, 'base64') });
    expect(text).toContain('Dear Ana,  thank you  for  the talk.');
    const docx = path.join(outDir(), 'control-characters.docx');
    fs.writeFileSync(docx, Buffer.from(file.base64, 'base64'));
    expect(execFileSync('pdftotext', [render(docx).pdf, '-'], { encoding: 'utf8' })).toContain('the talk.');
    core.close();
  }, 120_000);

  it('keeps accented letters readable in file names', async () => {
    expect(exportFileName(['thank-you-card', 'Dr. Ana López'], 'a2-card')).toBe('afterword-thank-you-card-dr-ana-lópez-a2-card.docx');
    expect(exportFileName(['thank-you-email', 'Zoë Ødegaard / HR: "Jobs"'], 'letter')).toBe('afterword-thank-you-email-zoë-ødegaard-hr-jobs-letter.docx');
    expect(exportFileName(['thank-you-card', 'ليلى حداد'], 'a2-card')).toBe('afterword-thank-you-card-ليلى-حداد-a2-card.docx');
    const core = await setup();
    const { roundId } = await roundWith(core, [{ name: 'Dr. Ana López' }]);
    const [card] = value<Letter[]>(await core.call('letters.draft', { roundId, kind: 'thank-you-card' }));
    const file = value<{ fileName: string }>(await core.call('letters.export', { ids: [card!.id], size: 'iso-a6-card', layout: 'flat', font: 'Lora' }));
    expect(file.fileName).toBe('afterword-thank-you-card-dr-ana-lópez-iso-a6-card.docx');
    core.close();
  });

  it('centres a card’s text on its panel, embeds Lora, and prints a letter page with both address blocks and the date', async () => {
    const core = await setup();
    const { roundId } = await roundWith(core, [{ name: 'Dr. Ana López', title: 'Head of Data' }]);
    await saveReflection(core, roundId, '## Moments\n\n- ==Ana liked my story about cutting the Kafka consumer lag==\n');
    const [card] = value<Letter[]>(await core.call('letters.draft', { roundId, kind: 'thank-you-card' }));
    const [email] = value<Letter[]>(await core.call('letters.draft', { roundId, kind: 'thank-you-email' }));
    const dir = outDir();
    for (const [name, size, layout] of [
      ['card-a2-flat', 'a2-card', 'flat'],
      ['card-a7-inside-right', 'a7-card', 'inside-right'],
      ['card-half-letter', 'half-letter-a2', 'flat'],
    ] as const) {
      const file = value<{ base64: string }>(await core.call('letters.export', { ids: [card!.id], size, layout, font: 'Lora' }));
      const docx = path.join(dir, `${name}.docx`);
      fs.writeFileSync(docx, Buffer.from(file.base64, 'base64'));
      const { pdf } = render(docx, { png: true });
      expect(execFileSync('pdffonts', [pdf], { encoding: 'utf8' })).toMatch(/Lora/);
      // The text block's middle is near the panel's middle (not stuck to the top).
      const bbox = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
      const height = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(bbox)![1]);
      const ys = [...bbox.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[3])] as const);
      const middle = (Math.min(...ys.map((y) => y[0])) + Math.max(...ys.map((y) => y[1]))) / 2;
      expect(Math.abs(middle - height / 2) / height, `${name}: text centred on the panel`).toBeLessThan(0.08);
      if (layout === 'inside-right' || size === 'half-letter-a2') {
        const width = Number(/<page width="([\d.]+)"/.exec(bbox)![1]);
        const xs = [...bbox.matchAll(/<word xMin="([\d.]+)"/g)].map((m) => Number(m[1]));
        expect(Math.min(...xs), `${name}: text on the right panel`).toBeGreaterThan(width / 2);
      }
    }
    const file = value<{ base64: string }>(await core.call('letters.export', { ids: [email!.id], size: 'a4', layout: 'flat', font: 'Lora' }));
    const docx = path.join(dir, 'letter-page-a4.docx');
    fs.writeFileSync(docx, Buffer.from(file.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', render(docx, { png: true }).pdf, '-'], { encoding: 'utf8' });
    const order = ['Sam Lee', '12 Harbour Road', 'Norway', '20 November 2026', 'Dr. Ana López', 'Head of Data', 'Contoso', 'Madrid, Spain', 'Dear Dr. López,', 'I was glad that you liked my story'];
    const positions = order.map((t) => text.indexOf(t));
    expect(positions.every((p) => p >= 0), `${order.filter((_, i) => positions[i]! < 0)} missing:\n${text}`).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    core.close();
  }, 240_000);

  it('finds right-to-left paragraphs by their first strong letter', () => {
    expect(isRightToLeft('شكرًا Contoso')).toBe(true);
    expect(isRightToLeft('2026 — תודה')).toBe(true);
    expect(isRightToLeft('Contoso شكرًا')).toBe(false);
    expect(isRightToLeft('12345')).toBe(false);
  });
});
