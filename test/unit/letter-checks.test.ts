/** Every check of docs/follow-up-rules.md "What a good letter holds", with texts that should and should not trigger it. */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkLetter } from '../../src/main/core/letters/checks';
import type { CheckContext } from '../../src/main/core/letters/checks';
import { spellChecker } from '../../src/main/core/letters/spelling';
import type { Finding } from '../../src/shared/letters';

const GOOD = `Dear Alice,

Thank you for talking with me on Friday about the Staff Engineer role at Acme. I especially enjoyed our conversation about the billing migration to event sourcing.

It left me even more excited about the team. I look forward to the next steps.

Best regards,
Sam Lee`;

const base: CheckContext = {
  kind: 'thank-you-email',
  body: GOOD,
  recipientName: 'Alice Ng',
  detail: 'the billing migration to event sourcing',
  mentions: [],
  siblings: [],
  linkedinPremium: false,
};

const run = (patch: Partial<CheckContext>): Finding[] => checkLetter({ ...base, ...patch });
const checks = (patch: Partial<CheckContext>) => run(patch).map((f) => f.check);

describe('letter checks', () => {
  it('a good letter passes every check', () => {
    expect(run({})).toEqual([]);
  });

  it.each([
    ['[Company Name]', GOOD.replace('Acme', '[Company Name]')],
    ['{{role}}', GOOD.replace('Staff Engineer', '{{role}}')],
    ['<Interviewer Name>', GOOD.replace('Alice', '<Interviewer Name>')],
    ['XXX', GOOD.replace('Friday', 'XXX')],
  ])('placeholder: %s left in the text is found where it is', (placeholder, body) => {
    const found = run({ body }).filter((f) => f.check === 'placeholder');
    expect(found).toHaveLength(1);
    expect(found[0]!.excerpt).toBe(placeholder);
    expect(body.slice(found[0]!.start, found[0]!.end)).toBe(placeholder);
  });

  it.each([
    ['a checklist box', '[ ] A quiet, well-lit place'],
    ['square brackets in prose', 'the [beta] program'],
  ])('placeholder: not triggered by %s', (_why, text) => {
    const found = checks({ kind: 'video-script', body: `${text}\n${GOOD}` });
    // "[beta]" looks like a placeholder on purpose: it is flagged; a checkbox is not.
    expect(found.includes('placeholder')).toBe(text.includes('beta'));
  });

  it('no specific detail: a generic thank-you is flagged; one with a marked passage is not', () => {
    const generic = GOOD.replace('I especially enjoyed our conversation about the billing migration to event sourcing.', 'It was great to meet you.');
    expect(checks({ body: generic, detail: null })).toContain('no-detail');
    expect(checks({ body: GOOD, detail: null, mentions: ['the billing migration to event sourcing'] })).not.toContain('no-detail');
    expect(checks({ kind: 'status-check-email', body: generic, detail: null })).not.toContain('no-detail'); // a status check needs none
    // A topic of the user's own counts; the role or the company alone does not.
    const own = generic.replace('It was great to meet you.', 'I enjoyed our conversation about the redesign of the onboarding flow.');
    expect(checks({ body: own, detail: null })).not.toContain('no-detail');
    const roleOnly = generic.replace('It was great to meet you.', 'I enjoyed our conversation about the Staff Engineer role at Acme.');
    expect(checks({ body: roleOnly, detail: null, role: 'Staff Engineer', company: 'Acme' })).toContain('no-detail');
  });

  it.each([
    ['Dear Alicia,', true],
    ['Dear alice,', true],
    ['Hi Alise,', true],
    ['Dear Alice,', false],
    ['Dear Alice Ng,', false],
    ['Dear Ms. Ng,', false],
    ['Hello Dr. Ng,', false],
  ])('recipient name: "%s" flagged: %s', (salutation, flagged) => {
    const found = run({ body: GOOD.replace('Dear Alice,', salutation) }).filter((f) => f.check === 'recipient-name');
    expect(found.length > 0).toBe(flagged);
    if (flagged) expect(found[0]!.message).toContain('"Alice Ng"');
  });

  it('the same text to two interviewers of one round is flagged; personalised notes are not', () => {
    const toBob = GOOD.replace('Dear Alice,', 'Dear Bob,');
    expect(checks({ siblings: [{ name: 'Bob Ortiz', body: toBob }] })).toContain('duplicate');
    const personal = `Dear Bob,\n\nThanks for walking me through the on-call rotation and your blameless post-mortems; it is rare to hear a team talk about incidents so openly. I would love to help build that culture.\n\nBest regards,\nSam Lee`;
    expect(checks({ siblings: [{ name: 'Bob Ortiz', body: personal }] })).not.toContain('duplicate');
  });

  it('too long: a thank-you email over about 150 words', () => {
    const long = `${GOOD}\n\n${'I also wanted to add a few more thoughts about the role and the team. '.repeat(10)}`;
    const found = run({ body: long }).find((f) => f.check === 'too-long');
    expect(found?.message).toMatch(/^\d+ words: keep it to about 150/);
    expect(checks({})).not.toContain('too-long');
  });

  it('a LinkedIn note over 200 characters, or 300 with Premium', () => {
    const note = 'Hi Alice, thank you for the conversation about the billing migration to event sourcing. '.repeat(3);
    expect(note.length).toBeGreaterThan(200);
    expect(note.length).toBeLessThan(300);
    expect(checks({ kind: 'linkedin-note', body: note })).toContain('linkedin-length');
    expect(checks({ kind: 'linkedin-note', body: note, linkedinPremium: true })).not.toContain('linkedin-length');
    expect(checks({ kind: 'linkedin-note', body: note.slice(0, 190) })).not.toContain('linkedin-length');
  });

  it.each([
    ['the the', true],
    ['very very', true],
    ['that that', true],
    ['the theory', false],
  ])('repeated words: "%s" flagged: %s', (words, flagged) => {
    expect(checks({ body: GOOD.replace('the team', `${words} team`) }).includes('repeated-word')).toBe(flagged);
  });

  it.each([
    ['Just checking in on my application.', true],
    ['Please reply ASAP.', true],
    ['I need an answer by Friday.', true],
    ["I still haven't heard back from anyone.", true],
    ['Any news??', true],
    ['Is there any news you can share about the next steps?', false],
    ['I remain very interested in the opportunity.', false],
  ])('tone: "%s" flagged: %s', (sentence, flagged) => {
    expect(checks({ kind: 'status-check-email', body: `${GOOD}\n\n${sentence}` }).includes('tone')).toBe(flagged);
  });

  describe('spelling', () => {
    let us: (w: readonly string[]) => string[];
    let uk: (w: readonly string[]) => string[];
    beforeAll(async () => {
      us = await spellChecker('en-US');
      uk = await spellChecker('en-GB');
    });

    it('finds a misspelled word where it is; names from the journal are not mistakes', () => {
      const body = GOOD.replace('enjoyed', 'enjoied');
      const found = run({ body, misspelled: us, knownNames: ['Alice Ng', 'Acme', 'Sam Lee'] }).filter((f) => f.check === 'spelling');
      expect(found.map((f) => f.excerpt)).toEqual(['enjoied']);
      expect(body.slice(found[0]!.start, found[0]!.end)).toBe('enjoied');
    });

    it('follows the chosen variant: "organise" is British, "organize" American', () => {
      const body = GOOD.replace('I look forward', 'I would love to organise the next conversation and I look forward');
      expect(run({ body, misspelled: us, knownNames: ['Alice Ng', 'Acme', 'Sam Lee'] }).map((f) => f.excerpt)).toContain('organise');
      expect(run({ body, misspelled: uk, knownNames: ['Alice Ng', 'Acme', 'Sam Lee'] }).filter((f) => f.check === 'spelling')).toEqual([]);
    });
  });
});
