/**
 * Reading reflections as Markdown means them, now that they are parsed into a syntax tree: the
 * cases a line-by-line reading got wrong.
 */
import { describe, expect, it } from 'vitest';
import { hasOwnWords, listItemTexts, listItemTextsParsed, mentionsOf, plainText, questionsOf, statedDecision } from '../../src/main/core/reflections/reflection-text';
import { prng } from '../../src/main/core/demo/journal-generator';

describe('marked passages', () => {
  it('are not found in a code block, whatever it compares', () => {
    const markdown = ['I showed them this:', '', '```js', 'if (a == b && c == d) return;', '```', '', '==The pairing exercise on their codebase=='].join('\n');
    expect(mentionsOf(markdown)).toEqual(['The pairing exercise on their codebase']);
  });

  it('keep inline code inside a mark, and `==` inside inline code is text', () => {
    expect(mentionsOf('Use `a == b` carefully, and ==the `retry()` budget they set==.')).toEqual(['the retry() budget they set']);
    expect(mentionsOf('Nothing marked: `x == y` and `==z==`.')).toEqual([]);
  });

  it('are found in headings, list items at any depth and quotes, in order, without other markers', () => {
    const markdown = ['## ==Their roadmap==', '', '- outer', '\t- ==nested by a tab==', '', '> ==quoted ~~twice~~ once=='].join('\n');
    expect(mentionsOf(markdown)).toEqual(['Their roadmap', 'nested by a tab', 'quoted twice once']);
  });
});

describe('questions asked', () => {
  it('are read under sub-headings of the section, until the next heading of its level', () => {
    const markdown = [
      '# Interview with Acme',
      '## Questions asked',
      '### Technical',
      '- How would you shard the orders table?',
      '### Behavioural',
      '- Tell me about a conflict.',
      '## What went well',
      '- Not a question.',
    ].join('\n');
    expect(questionsOf(markdown).map((q) => q.question)).toEqual(['How would you shard the orders table?', 'Tell me about a conflict.']);
  });

  it('are read under a heading written with an underline (setext) as under one written with #', () => {
    const markdown = 'Questions asked\n---------------\n\n1. Why us?\n2. Why now?\n\nMy answers\n----------\n\n1. The product.\n2. The timing.\n';
    expect(questionsOf(markdown)).toEqual([
      { question: 'Why us?', answer: 'The product.' },
      { question: 'Why now?', answer: 'The timing.' },
    ]);
  });

  it('keep an item that runs onto a second line whole, and take nested lists (tab or spaces) as the answer', () => {
    const markdown = [
      '## Questions asked',
      '',
      '- Tell me about a time',
      '  you missed a deadline.',
      '\t1. The data migration,',
      '\t   which I split in three.',
      '- What do you expect from a manager?',
      '   * Clear goals',
      '      * and room to reach them',
    ].join('\n');
    expect(questionsOf(markdown)).toEqual([
      { question: 'Tell me about a time you missed a deadline.', answer: 'The data migration, which I split in three.' },
      { question: 'What do you expect from a manager?', answer: 'Clear goals and room to reach them' },
    ]);
  });

  it('are not taken from a list inside a code block', () => {
    const markdown = '## Questions asked\n\n- Real question?\n\n```\n- not a question\n```\n';
    expect(questionsOf(markdown).map((q) => q.question)).toEqual(['Real question?']);
  });

  it('lose the Markdown of links and emphasis but keep words with underscores', () => {
    const markdown = '## Questions asked\n\n- How does [their API](https://example.com) use **snake_case** keys?\n';
    expect(questionsOf(markdown)[0]!.question).toBe('How does their API use snake_case keys?');
  });
});

describe('the stated next step', () => {
  it('is read from the section even when a sub-heading starts it', () => {
    const markdown = '## Next steps and timeline they stated\n\n### From the recruiter\n\nA decision by 2026-12-09.\n\n## What went well\n\nOn 2027-01-02 nothing.\n';
    expect(statedDecision(markdown, '2026-11-20T15:00:00Z')).toEqual({ nextStep: 'From the recruiter', decisionDate: '2026-12-09' });
  });
});

describe('plain text', () => {
  it('has one line per block, without markers', () => {
    expect(plainText('# Title\n\n- [x] done _well_\n- [ ] **open** ~~closed~~\n\nA [link](https://example.com).')).toBe('Title\ndone well\nopen closed\nA link.');
  });

  it('counts the words the user wrote, not the prompts', () => {
    const prompts = '## Questions asked\n\n## My answers\n\n## What went well\n';
    expect(hasOwnWords(prompts)).toBe(false);
    expect(hasOwnWords(`${prompts}\nWe talked for an hour about their billing system, its queue, the retries and the on-call load they carry.\n`)).toBe(true);
  });
});

describe("a section's list items (the fast path Insights takes for plain lists)", () => {
  it('read every section exactly as the Markdown parser does, plain or not', () => {
    const seed = 20261123;
    console.log(`list-item property test: seed ${seed}`);
    const random = prng(seed);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    // Pieces of lines: mostly plain words, sometimes anything Markdown reads inside or at the start of a line.
    const words = ['Why', 'this', 'role?', 'Tell', 'me', 'about', 'a', 'conflict', 'on', 'your', 'team.', 'How', 'do', "you'd", 'scale', 'it:', '(briefly)', 'naïve', '日本語', '—'];
    const marks = ['*x*', '_y_', '`code`', '[a](b)', '<b>', '&amp;', '\\*', '==hl==', '~~s~~', '|', '#', '1.', '2)', '-', '+', '*', '>', '---', '   ', '\t', 'www.example.com'];
    const markers = ['- ', '* ', '+ ', '-', '1. ', '  - ', '\t- ', '> ', ''];
    const cases: string[] = ['', '- ', '-  \n- a', '- a\n\n- b', '- a\r\n- b', '- a\n  continued', '- a\nlazy line', '- 5 years?', '- - nested', '---\n- a'];
    for (let n = 0; n < 2000; n++) {
      const lines: string[] = [];
      const count = 1 + Math.floor(random() * 4);
      for (let l = 0; l < count; l++) {
        const marker = random() < 0.8 ? '- ' : pick(markers);
        const parts = Array.from({ length: 1 + Math.floor(random() * 6) }, () => (random() < 0.9 ? pick(words) : pick(marks)));
        lines.push(marker + parts.join(random() < 0.95 ? ' ' : '  '));
        if (random() < 0.05) lines.push('');
      }
      cases.push(lines.join('\n'));
    }
    let plain = 0;
    for (const section of cases) {
      expect(listItemTexts(section), JSON.stringify(section)).toEqual(listItemTextsParsed(section));
      if (!/[`*_[\]<>!&~|=\\]/.test(section)) plain++;
    }
    // Most generated sections are plain lists, the case the fast path is for.
    expect(plain).toBeGreaterThan(500);
  });
});

