/**
 * The reviewer's table: clean letters and faulty ones, for every check of docs/follow-up-rules.md
 * "What a good letter holds" and the traps that could make it cry wolf. A clean letter must draw no
 * finding at all (spelling on); a faulty one must draw exactly the checks it is written to fail.
 * A clean letter flagged counts as much as a fault missed. The counts are printed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkLetter } from '../../src/main/core/letters/checks';
import type { CheckContext } from '../../src/main/core/letters/checks';
import { spellChecker } from '../../src/main/core/letters/spelling';
import type { Finding } from '../../src/shared/letters';

type Check = Finding['check'];

const SIGN = '\n\nBest regards,\nSam Lee';
const letter = (salutation: string, ...paragraphs: string[]) => `${salutation}\n\n${paragraphs.join('\n\n')}${SIGN}`;

const GOOD = letter(
  'Dear Alice,',
  'Thank you for talking with me on Friday about the Staff Engineer role at Acme. I especially enjoyed our conversation about the billing migration to event sourcing.',
  'It left me even more excited about the team, and I believe my experience would let me contribute from the start. I look forward to hearing from you.',
);
const TO_BOB = letter(
  'Dear Bob,',
  'Thanks for walking me through the on-call rotation and your blameless post-mortems; it is rare to hear a team talk about incidents so openly.',
  'I would love to help build that culture at Acme, and I hope we speak again soon.',
);
const STATUS = letter(
  'Dear Rita,',
  'I hope you are well. I interviewed for the Staff Engineer role at Acme last Tuesday, and I remain very interested in the opportunity.',
  'Is there any news you can share about the next steps, or a time frame I should keep in mind?',
);

interface Row {
  readonly name: string;
  readonly expect: readonly Check[];
  readonly ctx: Partial<CheckContext> & { body: string };
}

const base: Omit<CheckContext, 'body' | 'misspelled'> = {
  kind: 'thank-you-email',
  recipientName: 'Alice Ng',
  role: 'Staff Engineer',
  company: 'Acme',
  detail: 'The billing migration to event sourcing',
  mentions: ['The billing migration to event sourcing', 'Their blameless post-mortems'],
  siblings: [],
  linkedinPremium: false,
  knownNames: ['Alice Ng', 'Bob Ortiz', 'Rita Gomez', 'Priya Shah', 'Tom Becker', 'Ana López', 'Will Turner', 'Sam Lee', 'Acme', 'Contoso', 'Staff Engineer', 'Data Engineer', 'LinkedIn'],
};

const clean = (name: string, ctx: Row['ctx']): Row => ({ name, expect: [], ctx });
const faulty = (name: string, expected: Check | Check[], ctx: Row['ctx']): Row => ({ name, expect: Array.isArray(expected) ? expected : [expected], ctx });
const replaced = (from: string, to: string, body = GOOD) => {
  if (!body.includes(from)) throw new Error(`"${from}" is not in the letter`);
  return body.replace(from, to);
};

const ROWS: readonly Row[] = [
  // ---- clean letters, each with a trap -----------------------------------------------------------
  clean('the good thank-you', { body: GOOD }),
  clean('the detail in the user’s own words', { body: replaced('our conversation about the billing migration to event sourcing', 'hearing how you moved billing onto event sourcing') }),
  clean('the detail reworded, a marked passage not verbatim', { body: replaced('I especially enjoyed our conversation about the billing migration to event sourcing.', 'Your plan to migrate the billing system to event sourcing stayed with me all weekend.') }),
  clean('the second marked passage', { body: replaced('the billing migration to event sourcing', 'your blameless post-mortems') }),
  clean('a detail of its own without a marked passage', { body: replaced('the billing migration to event sourcing', 'the redesign of the onboarding flow'), detail: null, mentions: [] }),
  clean('a moment told with "you showed me"', { body: replaced('I especially enjoyed our conversation about the billing migration to event sourcing.', 'I especially liked it when you showed me the dashboard your team built for incident triage.'), detail: null, mentions: [] }),
  clean('"the next steps" in the closing, with a real detail', { body: replaced('I look forward to hearing from you.', 'I look forward to the next steps.') }),
  clean('"as soon as possible" about starting, not about an answer', { body: replaced('I look forward to hearing from you.', 'I could start as soon as possible, and I look forward to hearing from you.') }),
  clean('"check-in" as a product feature', { body: replaced('the billing migration to event sourcing', 'the billing migration and the new check-in flow for riders') }),
  clean('a Markdown link to a portfolio', { body: replaced('I look forward to hearing from you.', 'The write-up is in [my portfolio](https://example.com/sam/billing). I look forward to hearing from you.') }),
  clean('percentages', { body: replaced('I look forward to hearing from you.', 'We cut costs by 20% to 30% last year. I look forward to hearing from you.') }),
  clean('an e-mail address in angle brackets', { body: replaced('I look forward to hearing from you.', 'You can reach me at <sam.lee@example.com>. I look forward to hearing from you.') }),
  clean('a URL with a path and a query', { body: replaced('I look forward to hearing from you.', 'The talk is at https://www.example.com/talks?id=42&lang=en#slides. I look forward to hearing from you.') }),
  clean('acronyms, digits and hyphenated compounds', { body: replaced('I look forward', 'After three years of ETL and SQL work on K8s, a data-driven, well-tested approach is what I know. I look forward') }),
  clean('typographic apostrophes', { body: replaced('I believe my experience would', 'I’m sure my experience would').replace('It left me', 'It’s left me') }),
  clean('the company’s name with a possessive', { body: replaced('about the team', 'about Acme’s team') }),
  clean('a title in the salutation', { body: replaced('Dear Alice,', 'Dear Dr. Ng,') }),
  clean('the full name in the salutation', { body: replaced('Dear Alice,', 'Dear Alice Ng,') }),
  clean('an accented name, spelled as the journal has it', {
    body: replaced('Dear Alice,', 'Dear Dr. López,'),
    recipientName: 'Dr. Ana López',
  }),
  clean('the reader addressed by name in passing, not spoken of', { body: replaced('I look forward to hearing from you.', 'Thank you again, Alice, for your time. I look forward to hearing from you.') }),
  clean('a recipient named Will, and the verb "will"', {
    body: replaced('Dear Alice,', 'Dear Will,').replace('I look forward', 'I will keep an eye on my inbox, and I look forward'),
    recipientName: 'Will Turner',
  }),
  clean('a sentence shared with a sibling, each letter personal otherwise', {
    body: GOOD,
    siblings: [{ name: 'Bob Ortiz', body: replaced('I especially enjoyed our conversation about the billing migration to event sourcing.', 'Thanks for walking me through the on-call rotation and your blameless post-mortems.', replaced('Dear Alice,', 'Dear Bob,')) }],
  }),
  clean('two personal letters to two interviewers', { body: GOOD, siblings: [{ name: 'Bob Ortiz', body: TO_BOB }] }),
  clean('a status check framed as eagerness', { kind: 'status-check-email', recipientName: 'Rita Gomez', body: STATUS }),
  clean('a status check that mentions the date politely', {
    kind: 'status-check-email',
    recipientName: 'Rita Gomez',
    body: STATUS.replace('Is there any news', 'You mentioned a decision by the end of the month; is there any news'),
  }),
  clean('a LinkedIn note within 200 characters', {
    kind: 'linkedin-note',
    body: 'Hi Alice, thank you for talking with me about the Staff Engineer role. I especially enjoyed our conversation about the billing migration. I would be glad to stay in touch.',
  }),
  clean('a LinkedIn note of 250 characters with Premium', {
    kind: 'linkedin-note',
    linkedinPremium: true,
    body: 'Hi Alice, thank you for talking with me about the Staff Engineer role at Acme. I especially enjoyed our conversation about the billing migration to event sourcing and how you plan the cut-over. I would be glad to stay in touch as the work goes on.',
  }),
  clean('a video script with its checklist boxes', {
    kind: 'video-script',
    body: '[ ] A quiet, well-lit place\n[x] Good equipment\n\nHi Alice, thank you for our conversation about the billing migration to event sourcing. I wanted to show you how I would approach it.',
  }),
  clean('a card, short and personal', { kind: 'thank-you-card', body: 'Dear Alice,\n\nThank you for meeting with me on Friday. I keep thinking about your blameless post-mortems, and I would love to bring my experience to Acme.\n\nWith thanks,\nSam Lee' }),
  clean('a reply to a rejection', {
    kind: 'rejection-reply',
    recipientName: 'Rita Gomez',
    body: letter('Dear Rita,', 'Thank you for letting me know, and for the time you and the team gave me. I enjoyed learning about Acme, and I would be glad to be considered for future openings.'),
  }),
  clean('a stay-in-touch note', {
    kind: 'stay-in-touch',
    body: 'Hi Alice,\n\nI hope all is well at Acme. I was thinking back to our conversation about the billing migration, and wanted to say hello.\n\nAll the best,\nSam Lee',
  }),
  clean('a numbered citation and a "[sic]"', { body: replaced('I look forward to hearing from you.', 'As the team page says, "we ship daily [sic]" and I liked that [1]. I look forward to hearing from you.') }),
  clean('a long letter still under 150 words', {
    body: replaced(
      'I look forward to hearing from you.',
      'I have led two similar migrations, one of them for a payments team of twelve engineers, and I learned how much a careful cut-over plan matters. I would be glad to share what worked and what did not. I look forward to hearing from you.',
    ),
  }),
  clean('a name the user added to their dictionary', { body: replaced('event sourcing', 'event sourcing with Dagster'), dictionary: ['Dagster'] }),
  clean('a word ignored in this letter', { body: replaced('event sourcing', 'event sourcing in Zorblang'), ignored: ['Zorblang'] }),
  clean('a topic that starts with a company name', { body: replaced('the billing migration to event sourcing', 'how Contoso moved its billing to event sourcing') }),

  // ---- placeholders, in every common syntax ------------------------------------------------------
  faulty('[Company Name]', 'placeholder', { body: replaced('at Acme', 'at [Company Name]') }),
  faulty('{{role}}', 'placeholder', { body: replaced('Staff Engineer role', '{{role}} role') }),
  faulty('{company}', 'placeholder', { body: replaced('at Acme', 'at {company}') }),
  faulty('<company name>', 'placeholder', { body: replaced('at Acme', 'at <company name>') }),
  faulty('%FIRST_NAME%', 'placeholder', { body: replaced('Dear Alice,', 'Dear %FIRST_NAME%,') }),
  faulty('____ blanks', 'placeholder', { body: replaced('on Friday', 'on ____') }),
  faulty('XXX', 'placeholder', { body: replaced('Friday', 'XXX') }),
  faulty('TODO', 'placeholder', { body: replaced('I look forward', 'TODO add a line about the team. I look forward') }),
  faulty('<<Name>>', 'placeholder', { body: replaced('at Acme', 'at <<Company>>') }),
  faulty('${NAME}', 'placeholder', { body: replaced('at Acme', 'at ${COMPANY}') }),
  faulty('*|FNAME|*', 'placeholder', { body: replaced('Dear Alice,', 'Dear *|FNAME|*,') }),
  faulty('[[role]]', 'placeholder', { body: replaced('Staff Engineer role', '[[role]] role') }),
  faulty('INSERT NAME HERE', 'placeholder', { body: replaced('at Acme', 'at INSERT COMPANY HERE') }),
  faulty('the detail left as a placeholder', ['placeholder', 'no-detail'], { body: replaced('the billing migration to event sourcing', '[a moment from your conversation]') }),

  // ---- no specific detail -------------------------------------------------------------------------
  faulty('generic thank-you', 'no-detail', { body: replaced('I especially enjoyed our conversation about the billing migration to event sourcing.', 'It was great to meet you.') }),
  faulty('"the next steps" taken for a detail', 'no-detail', { body: replaced('I especially enjoyed our conversation about the billing migration to event sourcing.', 'I enjoyed our conversation about the next steps.') }),
  faulty('the role and company only', 'no-detail', { body: replaced('the billing migration to event sourcing', 'the Staff Engineer role at Acme') }),
  faulty('the team and the culture only', 'no-detail', { body: replaced('the billing migration to event sourcing', 'the team and the culture') }),
  faulty('a generic LinkedIn note', 'no-detail', { kind: 'linkedin-note', body: 'Hi Alice, thank you for the interview for the Staff Engineer role. I would be glad to stay in touch.' }),

  // ---- the reader's name ----------------------------------------------------------------------------
  faulty('Dear Alicia', 'recipient-name', { body: replaced('Dear Alice,', 'Dear Alicia,') }),
  faulty('Dear alice', 'recipient-name', { body: replaced('Dear Alice,', 'Dear alice,') }),
  faulty('Dear Dr., (a title alone)', 'recipient-name', { body: replaced('Dear Alice,', 'Dear Dr.,'), recipientName: 'Dr. Ana López', detail: base.detail }),
  faulty('López written Lopez', 'recipient-name', { body: replaced('Dear Alice,', 'Dear Dr. Lopez,'), recipientName: 'Dr. Ana López' }),
  faulty('the name lower-cased in the text', ['recipient-name', 'third-person'], { body: replaced('I look forward', 'I remember priya liked that part, and I look forward'), recipientName: 'Priya Shah' }),
  faulty('spoken of in the third person', 'third-person', {
    body: replaced('Dear Alice,', 'Dear Priya,').replace('I look forward', 'Priya liked my story about the consumer lag, and I look forward'),
    recipientName: 'Priya Shah',
  }),
  faulty('"Tom and I talked" in a letter to Tom', 'third-person', {
    body: replaced('Dear Alice,', 'Dear Tom,').replace('I look forward', 'Tom and I talked about the nightly models, and I look forward'),
    recipientName: 'Tom Becker',
  }),

  // ---- the same letter to two interviewers --------------------------------------------------------
  faulty('word for word, names swapped', 'duplicate', { body: GOOD, siblings: [{ name: 'Bob Ortiz', body: replaced('Dear Alice,', 'Dear Bob,') }] }),
  faulty('the sentences reordered', 'duplicate', {
    body: GOOD,
    siblings: [
      {
        name: 'Bob Ortiz',
        body: letter(
          'Dear Bob,',
          'I especially enjoyed our conversation about the billing migration to event sourcing. I look forward to hearing from you.',
          'Thank you for talking with me on Friday about the Staff Engineer role at Acme. It left me even more excited about the team, and I believe my experience would let me contribute from the start.',
        ),
      },
    ],
  }),
  faulty('lightly touched (a word or two changed)', 'duplicate', {
    body: GOOD,
    siblings: [{ name: 'Bob Ortiz', body: replaced('Dear Alice,', 'Dear Bob,').replace('especially enjoyed', 'really enjoyed').replace('even more excited', 'more excited') }],
  }),

  // ---- length ---------------------------------------------------------------------------------------
  faulty('a thank-you email far over 150 words', 'too-long', {
    body: replaced('I look forward to hearing from you.', `${'I also wanted to add a few more words about the kind of work I enjoy most and why. '.repeat(7)}I look forward to hearing from you.`),
  }),
  faulty('a LinkedIn note of 201 characters', 'linkedin-length', {
    kind: 'linkedin-note',
    body: 'Hi Alice, thank you for talking with me about the Staff Engineer role at Acme. I especially enjoyed our conversation about the billing migration to event sourcing. I would be glad to stay in touch.'.padEnd(201, '!').replace(/!+$/, (m) => ' '.repeat(m.length - 1) + '.'),
  }),
  faulty('a LinkedIn note of 320 characters with Premium', 'linkedin-length', {
    kind: 'linkedin-note',
    linkedinPremium: true,
    body: 'Hi Alice, thank you for talking with me about the Staff Engineer role at Acme. I especially enjoyed our conversation about the billing migration to event sourcing and how you plan the cut-over. I would be glad to stay in touch as the work goes on, and to hear how the migration lands with the rest of the platform teams.',
  }),
  faulty('a sentence of over 40 words', 'long-sentence', {
    body: replaced(
      'I look forward to hearing from you.',
      'The way you described the migration, with the careful cut-over plan, the shadow writes that ran for weeks before anyone trusted them, the reconciliation jobs and the calm way the team handled the incidents along the way, made me want to join.',
    ),
  }),

  // ---- proofreading and tone ----------------------------------------------------------------------
  faulty('"the the"', 'repeated-word', { body: replaced('about the team', 'about the the team') }),
  faulty('"very very"', 'repeated-word', { body: replaced('even more excited', 'very very excited') }),
  faulty('"just checking in"', 'tone', { kind: 'status-check-email', recipientName: 'Rita Gomez', body: STATUS.replace('I hope you are well.', 'Just checking in.') }),
  faulty('"I just wanted to check in"', 'tone', { kind: 'status-check-email', recipientName: 'Rita Gomez', body: STATUS.replace('I hope you are well.', 'I just wanted to check in.') }),
  faulty('"touch base"', 'tone', { kind: 'status-check-email', recipientName: 'Rita Gomez', body: STATUS.replace('I hope you are well.', 'I wanted to touch base.') }),
  faulty('"I really need an answer by Friday"', 'tone', { kind: 'status-check-email', recipientName: 'Rita Gomez', body: STATUS.replace('Is there any news', 'I really need an answer by Friday. Is there any news') }),
  faulty('"ASAP"', 'tone', { kind: 'status-check-email', recipientName: 'Rita Gomez', body: STATUS.replace('Is there any news', 'Please let me know ASAP. Is there any news') }),
  faulty('"let me know as soon as possible"', 'tone', { kind: 'status-check-email', recipientName: 'Rita Gomez', body: STATUS.replace('Is there any news', 'Please let me know your decision as soon as possible. Is there any news') }),
  faulty('"I haven\'t heard back"', 'tone', { kind: 'status-check-email', recipientName: 'Rita Gomez', body: STATUS.replace('I hope you are well.', "I haven't heard back from anyone.") }),
  faulty('"per my last email"', 'tone', { kind: 'status-check-email', recipientName: 'Rita Gomez', body: STATUS.replace('I hope you are well.', 'Per my last email, I am still interested.') }),
  faulty('"it has been two weeks since"', 'tone', { kind: 'status-check-email', recipientName: 'Rita Gomez', body: STATUS.replace('I hope you are well.', 'It has been two weeks since my interview.') }),
  faulty('"desperate"', 'tone', { kind: 'status-check-email', recipientName: 'Rita Gomez', body: STATUS.replace('I remain very interested', 'I am desperate for this role and remain very interested') }),
  faulty('"Any news??"', 'tone', { kind: 'status-check-email', recipientName: 'Rita Gomez', body: STATUS.replace('keep in mind?', 'keep in mind??') }),
  faulty('"why haven\'t you replied"', 'tone', { kind: 'status-check-email', recipientName: 'Rita Gomez', body: STATUS.replace('I hope you are well.', "Why haven't you replied?") }),
  faulty('a misspelt word', 'spelling', { body: replaced('enjoyed', 'enjoied') }),
  faulty('"recieve"', 'spelling', { body: replaced('I look forward to hearing from you.', 'I hope to recieve good news. I look forward to hearing from you.') }),
  faulty('a misspelt part of a compound', 'spelling', { body: replaced('I look forward', 'A well-tessted approach is what I know. I look forward') }),
];

describe('the letter checks, over the reviewer’s table', () => {
  let misspelled: (words: readonly string[]) => string[];
  beforeAll(async () => {
    misspelled = await spellChecker('en-US');
  });

  it(`gets every letter right (${ROWS.length} letters)`, () => {
    const cleanRows = ROWS.filter((r) => r.expect.length === 0);
    expect(ROWS.length).toBeGreaterThanOrEqual(80);
    expect(cleanRows.length * 3).toBeGreaterThanOrEqual(ROWS.length);
    const wrong: string[] = [];
    const byCheck = new Map<string, { expected: number; found: number }>();
    let falseAlarms = 0;
    let misses = 0;
    for (const row of ROWS) {
      const findings = checkLetter({ ...base, ...row.ctx, misspelled } as CheckContext);
      const found = [...new Set(findings.map((f) => f.check))].sort();
      const expected = [...new Set(row.expect)].sort();
      for (const c of expected) {
        const n = byCheck.get(c) ?? { expected: 0, found: 0 };
        n.expected++;
        if (found.includes(c)) n.found++;
        byCheck.set(c, n);
      }
      const extra = found.filter((c) => !expected.includes(c));
      const missing = expected.filter((c) => !found.includes(c));
      falseAlarms += extra.length;
      misses += missing.length;
      if (extra.length || missing.length) {
        wrong.push(`${row.name}: expected [${expected}] found [${found}] ${findings.map((f) => `${f.check}:"${f.excerpt.slice(0, 40)}"`).join(' ')}`);
      }
      // Every finding says where, with the text that is there, and how serious it is.
      for (const f of findings) {
        expect(row.ctx.body.slice(f.start, f.end)).toBe(f.excerpt);
        expect(['error', 'warning', 'suggestion']).toContain(f.severity);
      }
    }
    console.log(
      `letter checks table: ${ROWS.length} letters, ${cleanRows.length} clean, ${ROWS.length - cleanRows.length} faulty; ` +
        `${falseAlarms} false alarm(s), ${misses} miss(es)\n` +
        [...byCheck].map(([c, n]) => `  ${c}: ${n.found}/${n.expected} found`).join('\n'),
    );
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  it('gives placeholders and wrong names as errors, spelling and tone as suggestions', () => {
    const findings = checkLetter({
      ...base,
      misspelled,
      body: replaced('Dear Alice,', 'Dear Alicia,').replace('at Acme', 'at [Company]').replace('enjoyed', 'enjoied').replace('I look forward', 'Just checking in. I look forward'),
    });
    const severity = (check: Check) => findings.find((f) => f.check === check)?.severity;
    expect([severity('placeholder'), severity('recipient-name'), severity('spelling'), severity('tone')]).toEqual(['error', 'error', 'suggestion', 'suggestion']);
    expect(findings.find((f) => f.check === 'spelling')?.word).toBe('enjoied');
  });

  it('names a phrase of tone once, then says why', () => {
    const findings = checkLetter({ ...base, misspelled, body: replaced('I look forward', 'Just checking in. I look forward') });
    expect(findings.find((f) => f.check === 'tone')?.message).toBe('"Just checking in": adds nothing; say what you are asking for.');
  });
});
