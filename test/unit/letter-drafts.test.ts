/**
 * Drafts over a generated journal: every template, rounds with no interviewer, one and three,
 * names with titles and accents, marked passages of every shape (the reader in the third person,
 * "X and I talked about", a topic, a question, a "she" nobody can place, long ones). Each draft must
 * leave no placeholder where the journal has the data, fit LinkedIn's limit, greet the reader as
 * the journal names them, and never paste the passage raw: the checks find nothing wrong with the
 * reader's name or person in any draft.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import { prng } from '../../src/main/core/demo/journal-generator';
import type { Core } from '../../src/main/core/core';
import { parseName, greetingName } from '../../src/main/core/letters/person-name';
import { REPHRASE_PLACEHOLDER } from '../../src/main/core/letters/merge';
import type { Letter } from '../../src/shared/letters';
import { LETTER_KINDS } from '../../src/shared/letters';
import { saveReflection, tempDir } from './helpers';

const SEED = Number(process.env.DRAFTS_SEED ?? 4242);

const PEOPLE = ['Priya Shah', 'Tom Becker', 'Dr. Ana López', 'Prof. Jürgen Weiß', 'Zoë Ødegaard', 'Seán Ó Briain', 'Ms. María José García', 'Nguyễn Văn An', 'Mr. Kwame Mensah', 'Aiko Tanaka'];
const COMPANIES: [string, string][] = [
  ['Contoso', 'Senior Data Platform Engineer, Streaming Infrastructure'],
  ['Fabrikam', 'Product Designer'],
  ['Northwind Traders', 'Staff Engineer'],
  ['Ålesund Fiskeri', 'Backend Developer'],
  ['Globex', 'Head of Customer Success for the Europe, Middle East and Africa region'],
];
/** Passages by shape; {R} is one of the round's interviewers, {O} another. */
const PASSAGES = [
  '{R} liked my story about cutting the Kafka consumer lag from 40 minutes to 2 by rewriting the partition strategy',
  '{R} and I talked about how the team plans capacity for the holiday peak',
  'The migration of the billing warehouse to Snowflake',
  'their blameless post-mortems',
  '{R} asked about my work on the accessibility audit',
  '{R} is building a design system from scratch',
  'How do you measure onboarding success?',
  'She loved the idea of a shared on-call handbook',
  'I explained how we reduced cloud costs by a third',
  '{O} showed us the new dashboard for incident triage',
  '{R}’s team uses feature flags for every release',
  'Built a prototype of the search ranking in two weeks',
  'the long and winding story of how the company grew from a garage in Bergen to four offices across three continents while keeping its culture of writing everything down',
];

async function call<T>(core: Core, name: string, input: unknown): Promise<T> {
  const result = await core.call(name, input);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result)}`);
  return result.value as T;
}

describe('drafts over a generated journal', () => {
  it.each([false, true])(`leave no placeholder where the journal has the data, fit LinkedIn, and never paste a passage raw (seed ${SEED}, Premium %s)`, async (premium) => {
    const next = prng(SEED + (premium ? 1 : 0));
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ timeZone: 'Europe/Oslo', userName: 'Sam Lee', linkedinPremium: premium }));
    const core = createCore({ dataDir: dir, transport: 'http', now: () => new Date('2026-11-20T22:00:00Z') });
    const contacts = new Map<string, number>();
    for (const name of [...PEOPLE, 'Rita Recruiter']) contacts.set(name, (await call<{ id: number }>(core, 'contacts.create', { name, email: `${contacts.size}@example.com` })).id);

    let letters = 0;
    let rephrased = 0;
    const shapes = new Set<number>();
    for (let o = 0; o < 15; o++) {
      const [company, role] = COMPANIES[o % COMPANIES.length]!;
      const count = [0, 1, 3][o % 3]!;
      const names = [...PEOPLE].sort(() => next() - 0.5).slice(0, count);
      const nobody = count === 0 && o % 2 === 0; // some rounds name nobody at all
      const opp = await call<{ id: number; rounds: { id: number }[] }>(core, 'opportunities.create', {
        company,
        role,
        ...(nobody || count > 0 ? {} : { recruiterContactId: contacts.get('Rita Recruiter') }),
        firstRound: { startsAt: '2026-11-20T14:00:00Z', format: pick(['video', 'phone', 'in-person'] as const), interviewerIds: names.map((n) => contacts.get(n)!) },
      });
      const roundId = opp.rounds[0]!.id;
      const people = names.length > 0 ? names : ['Priya Shah'];
      const marked = Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
        const i = Math.floor(next() * PASSAGES.length);
        shapes.add(i);
        const r = parseName(pick(people));
        const other = parseName(pick(PEOPLE.filter((p) => !people.includes(p))));
        return PASSAGES[i]!.replace('{R}', r.given ?? r.full).replace('{O}', other.given ?? other.full);
      });
      await saveReflection(core, roundId, `## Moments to mention in the thank-you\n\n${marked.map((m) => `- ==${m}==`).join('\n')}\n`);

      for (const kind of LETTER_KINDS) {
        let drafted: Letter[];
        const first = await core.call('letters.draft', { roundId, kind });
        if (nobody) {
          // Nobody to write to: the app asks, and drafts to whoever the user picks.
          expect(first).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/choose who to write to/) } });
          drafted = await call<Letter[]>(core, 'letters.draft', { roundId, kind, contactId: contacts.get('Aiko Tanaka') });
        } else {
          expect(first.ok, JSON.stringify(first)).toBe(true);
          drafted = (first as { value: Letter[] }).value;
        }
        const listed = await call<Letter[]>(core, 'letters.list', { opportunityId: opp.id });
        for (const d of drafted) {
          const l = listed.find((x) => x.id === d.id)!;
          letters++;
          const where = `${kind} to ${l.recipientName} at ${company}, passage "${l.detail}":\n${l.body}\n${JSON.stringify(l.findings)}`;
          expect(l.recipientName, where).not.toBeNull();
          const reader = parseName(l.recipientName!);
          // Greeted as the journal names them: "Dear Dr. López", never "Dear Dr.," nor "[recipient firstName]".
          if (!l.body.startsWith('Before you record')) expect(l.body, where).toMatch(new RegExp(`^(?:Dear|Hi|Hello) ${greetingName(reader).replace(/[.]/g, '\\.')}[,]`));
          expect(l.body, where).not.toMatch(/recipient|firstName|\{\{|\}\}/);
          // No placeholder where the journal has the data: only a passage that needs the user's words leaves one.
          const holes = l.findings.filter((f) => f.check === 'placeholder');
          if (holes.length > 0) {
            expect(l.detailHint, where).not.toBeNull();
            expect(holes.map((h) => h.excerpt), where).toEqual([REPHRASE_PLACEHOLDER]);
            rephrased++;
          }
          // The reader is never spoken of in the third person, and every name is written as the journal has it.
          expect(l.findings.filter((f) => f.check === 'third-person' || f.check === 'recipient-name'), where).toEqual([]);
          for (const person of PEOPLE) {
            // (Parts of three letters or fewer, like "An", are also ordinary words.)
            for (const part of [parseName(person).given, parseName(person).family].filter((p): p is string => Boolean(p && p.length > 3))) {
              expect(l.body.includes(part.toLowerCase()) && part !== part.toLowerCase() && new RegExp(`(?<!\\p{L})${part.toLowerCase()}(?!\\p{L})`, 'u').test(l.body), `${part} lower-cased: ${where}`).toBe(false);
            }
          }
          // Never the passage as typed when it speaks of the reader or opens with a pronoun.
          if (l.detail && /^(?:she|he|they)\b/i.test(l.detail)) expect(l.body, where).not.toContain(l.detail);
          if (l.detail && reader.given && l.detail.startsWith(reader.given)) expect(l.body, where).not.toContain(l.detail);
          if (kind === 'linkedin-note') expect(l.body.length, where).toBeLessThanOrEqual(premium ? 300 : 200);
        }
      }
    }
    console.log(`drafts checked: ${letters} letters over ${shapes.size} passage shapes, ${rephrased} asking for the user's words (seed ${SEED}, LinkedIn Premium ${premium})`);
    expect(letters).toBeGreaterThan(150);
    core.close();
  }, 120_000);
});
