/**
 * Where Afterword's advice comes from, named as a user would recognise it: the article's title, or
 * the kind of source when no article says it (docs/follow-up-rules.md "Sources"). Every sentence
 * the app shows that cites a source cites it from here, and the Sources page lists them all, so a
 * title is written once and an internal label never reaches the screen.
 */

export const SOURCE_IDS = [
  'strategies',
  'etiquette',
  'strategy-post-interview',
  'is-it-bad',
  'after-interview',
  'linkedin-help',
  'career-advice',
  'our-judgement',
] as const;
export type SourceId = (typeof SOURCE_IDS)[number];

export interface Source {
  readonly id: SourceId;
  /** How the app names it in a sentence: an article's title in quotes, or what kind of source it is. */
  readonly title: string;
  readonly kind: 'article' | 'help' | 'advice' | 'judgement';
  /** What Afterword takes from it, in the words of the Sources page. */
  readonly usedFor: readonly string[];
}

export const SOURCES: Readonly<Record<SourceId, Source>> = {
  strategies: {
    id: 'strategies',
    title: 'Effective Follow-Up Strategies: Navigating the Post-Job Interview Phase',
    kind: 'article',
    usedFor: [
      'A thank-you within 24 to 48 hours of the interview.',
      'What a follow-up holds: thanks, renewed interest, one specific point from the interview, a polite question about next steps.',
      'Proofread before sending.',
    ],
  },
  etiquette: {
    id: 'etiquette',
    title: 'Effective Follow-Up Etiquette After a Job Interview: Tips and Etiquette',
    kind: 'article',
    usedFor: [
      'A mailed thank-you card after an in-person interview shows extra effort.',
      'A video thank-you: a quiet place, good equipment, the item you discussed at hand.',
      'The channel of the status check: email to whoever arranged a video interview; by phone when an in-person process ran by phone.',
      'Never contact the employer on the day of the interview; wait at least 2 to 3 days and no more than a week.',
    ],
  },
  'strategy-post-interview': {
    id: 'strategy-post-interview',
    title: 'Creating an Effective Follow-Up Strategy Post-Interview',
    kind: 'article',
    usedFor: [
      'Ask about the next steps and the timeline before the interview ends.',
      'One personal thank-you to each interviewer, not the same text to all.',
      'A LinkedIn connection request with a note that mentions something you talked about.',
      'With no timeline given, wait at least a week before following up; a call after a week or two.',
      'Stay in touch after a rejection.',
    ],
  },
  'is-it-bad': {
    id: 'is-it-bad',
    title: 'Is It Bad to Follow Up After an Interview?',
    kind: 'article',
    usedFor: [
      'A thank-you within 24 to 48 hours, while the interview is fresh.',
      'A follow-up may clarify a point you did not cover well.',
      'Eagerness, not impatience; one follow-up is enough, and more becomes pressure.',
    ],
  },
  'after-interview': {
    id: 'after-interview',
    title: 'What to Do After a Job Interview',
    kind: 'article',
    usedFor: [
      'A thank-you email within 24 hours that mentions a topic you discussed.',
      'When the stated decision date passes, follow up about a week after it.',
      'A LinkedIn connection request with a personal note.',
      'Write down the questions, your answers and what to improve while it is fresh.',
      'Keep applying while you wait.',
    ],
  },
  'linkedin-help': {
    id: 'linkedin-help',
    title: 'LinkedIn Help',
    kind: 'help',
    usedFor: ['A connection note holds at most 200 characters, or 300 with a Premium account (as LinkedIn Help and character counters give it).'],
  },
  'career-advice': {
    id: 'career-advice',
    title: 'common career advice',
    kind: 'advice',
    usedFor: [
      'A first stay-in-touch note about a month after closing.',
      'Follow up at most twice (the setting allows two, never more).',
      'A thank-you email of about 150 words or fewer.',
      'After a reply: answer within a day, and prepare the next round from your reflection.',
      'After an offer: its deadline, the questions to ask before answering, and comparing offers.',
    ],
  },
  'our-judgement': {
    id: 'our-judgement',
    title: 'our judgement',
    kind: 'judgement',
    usedFor: [
      'A stay-in-touch check-in every three months after the first.',
      'A mailed card posted within two days of the interview, so it arrives while the interview is fresh.',
      'The reflection due the same evening (or within two hours of a late interview).',
    ],
  },
};

/** An article's title in quotes, or the name of the kind of source, for a sentence. */
export function cite(id: SourceId): string {
  const source = SOURCES[id];
  return source.kind === 'article' ? `“${source.title}”` : source.title;
}
