/**
 * A passage the user marked in a reflection ("Priya liked my story about cutting the Kafka
 * consumer lag") turned into words of a letter to one person: a topic that fits "our conversation
 * about ...", and a whole sentence addressed to the reader ("I was glad that you liked my story
 * about cutting the Kafka consumer lag."). The reader is "you"; their name as the journal writes
 * it is never lower-cased; present tense agrees with "you". Where the passage cannot be turned
 * well (a "she" or "they" whose person is unclear), it says so, and the letter gets a placeholder
 * for the user's own words instead of a raw paste.
 */
import type { PersonName } from './person-name';

export interface DetailPeople {
  /** The person the letter goes to. */
  readonly recipient: PersonName | null;
  /** Other people the passage may name (the round's other interviewers, the recruiter). */
  readonly others: readonly PersonName[];
  /** Whether a word (lower case) is an ordinary English word: such a first word may be lower-cased. */
  readonly isWord?: (word: string) => boolean;
}

export type PhrasedDetail =
  | { readonly kind: 'topic'; readonly topic: string; readonly sentence: string; readonly about: PersonName | null }
  | { readonly kind: 'clause'; readonly topic: string | null; readonly sentence: string; readonly clause: string; readonly frame: Frame }
  | { readonly kind: 'rephrase'; readonly reason: string };

/** Words that open a noun phrase or a question word and are never names: safe to lower-case. */
const FUNCTION_WORDS = new Set(
  'the a an their your our my his her its this that these those how why what when where whether which who some any one two three several many each every both all another'.split(' '),
);
/**
 * How a clause sits in a sentence: "I was glad that you liked ..." (a past feeling), "I was glad to
 * hear that you are building ..." (something true now), "I especially enjoyed the part of our
 * conversation where you showed me ..." (a moment), "I keep thinking about your question, ..." .
 */
type Frame = 'glad' | 'hear' | 'moment' | 'thinking' | 'told';
/** What one does in a conversation: "I explained ..." is a moment of it; "I built ..." is a story told in it. */
const CONVERSATIONAL = /^(?:explained|described|presented|shared|talked|mentioned|asked|answered|demoed|sketched|pitched|proposed|suggested|showed|told|said|walked|drew|discussed|spoke|argued|admitted|joked|laughed)$/i;
const PAST_FEELING = /^(?:liked|loved|enjoyed|appreciated|valued|praised|agreed|laughed|smiled)$/i;
/** Verbs that say the clause is about now, not a moment of the interview. */
const PRESENT = /^(?:is|are|has|have|does|do|can|will|uses|runs|ships|builds|makes|works|plans|wants|needs|owns|leads|handles|likes|loves|enjoys|values|cares|prefers|believes|thinks|hopes|\p{L}+ing)$/iu;
/** A verb right after a possessive's noun ("Priya's team uses ..."): the passage is a clause, not a topic. */
const VERB_AFTER_NOUN = /^(?:is|are|was|were|has|have|had|does|do|did|will|can|could|would|uses|runs|ships|builds|makes|works|plans|wants|needs|owns|leads|handles|\p{L}+ed)$/iu;
/** Past forms that open a passage with an unstated "I" ("Built a dbt pipeline in two weeks"). */
const PAST_FIRST = /^(?:built|made|led|ran|wrote|took|gave|showed|told|said|got|found|brought|taught|won|cut|grew|drove|shared|explained|described|presented|walked|talked|mentioned|asked|answered|demoed|sketched|drew|pitched|proposed|suggested)$/i;
/** Where a long topic can be cut and still read as a phrase. */
const CUTS = [' because ', ' which ', ' so that ', ' so ', ' while ', ' after ', ' before ', ', ', ' by ', ' using ', ' with ', ' from ', ' for ', ' in ', ' on ', ' at ', ' to ', ' and '];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The ways a text may name a person: full name, title and family name, given name, family name. */
function references(name: PersonName): string[] {
  const refs = new Set<string>([name.full]);
  if (name.title && name.family) refs.add(`${name.title} ${name.family}`);
  if (name.title) refs.add(name.full.slice(name.full.indexOf(' ') + 1));
  if (name.given && name.family) refs.add(`${name.given} ${name.family}`);
  if (name.given && name.given.length > 1) refs.add(name.given);
  if (name.family && name.family.length > 2) refs.add(name.family);
  return [...refs].sort((a, b) => b.length - a.length);
}

/** A pattern for any reference to one of the people, case-insensitive (the user may have typed "priya"). */
const personPattern = (people: readonly PersonName[]): string => people.flatMap(references).map(escape).join('|');

/** Present-tense verbs agree with "you": "likes" -> "like", "is" -> "are", "has" -> "have". */
function forYou(verb: string): string {
  const lower = verb.toLowerCase();
  const irregular: Record<string, string> = { is: 'are', was: 'were', has: 'have', does: 'do', "isn't": "aren't", "wasn't": "weren't", "hasn't": "haven't", "doesn't": "don't", goes: 'go' };
  if (irregular[lower]) return irregular[lower];
  if (/(?:ss|us|is)$/.test(lower) || lower.length <= 3) return verb; // "discuss", "focus", "bus"; short words are rarely a -s verb
  if (/[^aeiou]ies$/.test(lower)) return `${verb.slice(0, -3)}y`;
  if (/(?:ch|sh|x|z|ss)es$/.test(lower)) return verb.slice(0, -2);
  if (/[a-z]s$/.test(lower) && !/(?:ed|ing)$/.test(lower)) return verb.slice(0, -1);
  return verb;
}

/** The rest of a clause whose subject is the reader: their pronouns and name become "you" and "your". */
function toSecondPerson(rest: string, refs: string): string {
  let out = rest;
  if (refs) {
    out = out.replace(new RegExp(`\\b(?:${refs})(?:'s|’s)`, 'gi'), 'your');
    out = out.replace(new RegExp(`\\b(?:${refs})\\b`, 'gi'), 'you');
  }
  return out
    .replace(/\b(?:herself|himself|themself)\b/gi, 'yourself')
    .replace(/\b(?:his)\b/gi, 'your')
    .replace(/\bher\b(?=\s+(?:[a-z]))(?!\s+(?:about|to|for|with|that|and|on|in|at|how|why|what|when|if|the|a|an)\b)/gi, 'your')
    .replace(/\b(?:him|her)\b/gi, 'you')
    .replace(/\b(?:she|he)\b/gi, 'you');
}

/** A topic's first word in lower case when it is an ordinary word, never a name or an acronym. */
function caseTopic(topic: string, people: DetailPeople): string {
  const first = /^[\p{L}’']+/u.exec(topic)?.[0];
  if (!first || !/^\p{Lu}\p{Ll}*$/u.test(first)) return topic;
  const lower = first.toLowerCase();
  const isName = [people.recipient, ...people.others].some((p) => p && references(p).some((r) => r.split(' ')[0]!.toLowerCase() === lower));
  if (isName) return topic;
  if (FUNCTION_WORDS.has(lower) || /ing$/.test(lower) || people.isWord?.(lower)) return lower + topic.slice(first.length);
  return topic;
}

/** The "about" part of a clause, as a topic: "liked my story about cutting X" -> "cutting X". */
function aboutTail(text: string): string | null {
  const m = /\babout\s+(.{3,})$/i.exec(text);
  return m ? m[1]!.trim() : null;
}

const clean = (passage: string): string =>
  passage
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["“”'‘’]+|["“”'‘’]+$/g, '')
    .replace(/[\s.;,:!]+$/, '')
    .trim();

export function phraseDetail(passage: string, people: DetailPeople): PhrasedDetail {
  const text = clean(passage);
  if (text.length < 3) return { kind: 'rephrase', reason: 'The marked passage is too short to mention.' };
  const recipientRefs = people.recipient ? personPattern([people.recipient]) : '';
  const others = people.others.filter((o) => o.full !== people.recipient?.full);
  const otherRefs = personPattern(others);
  const topicOf = (t: string, about: PersonName | null = null): PhrasedDetail => {
    const topic = caseTopic(t, people);
    return {
      kind: 'topic',
      topic,
      about,
      sentence: about ? `I also enjoyed talking with ${about.given ?? about.full} about ${topic}.` : `I especially enjoyed our conversation about ${topic}.`,
    };
  };

  if (/\?$/.test(passage.trim())) {
    const question = `your question, “${text.replace(/\?+$/, '')}?”`;
    return { kind: 'clause', topic: null, clause: question, frame: 'thinking', sentence: sentenceFor('thinking', question) };
  }

  // "Priya and I talked about X", "we discussed X", "talked about X", "our conversation about X".
  const who = `(?:(${recipientRefs || '\\u0000'})|(${otherRefs || '\\u0000'})|we)`;
  const talk = new RegExp(`^(?:${who}\\s+and\\s+(?:I|me)|I\\s+and\\s+${who}|${who})\\s+(?:talked|spoke|chatted|talk|speak|chat)\\s+(?:about|through|over|on)\\s+(.+)$`, 'i').exec(text);
  if (talk) {
    const other = talk[2] ?? talk[4] ?? talk[6];
    return topicOf(talk[7]!, other ? (others.find((o) => references(o).some((r) => r.toLowerCase() === other.toLowerCase())) ?? null) : null);
  }
  const discussed = new RegExp(`^(?:(?:${recipientRefs || '\\u0000'}|${otherRefs || '\\u0000'}|we)\\s+and\\s+I\\s+|we\\s+)?discussed\\s+(.+)$`, 'i').exec(text);
  if (discussed) return topicOf(discussed[1]!);
  const conversation = /^(?:(?:our|the|a)\s+)?(?:conversation|discussion|chat|talk|exchange)s?\s+(?:about|on|around)\s+(.+)$/i.exec(text) ?? /^(?:talked|spoke|chatted)\s+about\s+(.+)$/i.exec(text);
  if (conversation) return topicOf(conversation[1]!);

  // The reader is the subject: "Priya liked my story ..." -> "you liked my story ...".
  if (recipientRefs) {
    const own = new RegExp(`^(?:${recipientRefs})(?:'s|’s)\\s+(.+)$`, 'i').exec(text);
    if (own) {
      const rest = `your ${toSecondPerson(own[1]!, recipientRefs)}`;
      const verb = rest.split(' ').slice(2, 4).find((w) => VERB_AFTER_NOUN.test(w));
      if (!verb) return topicOf(rest);
      const frame: Frame = PRESENT.test(verb) ? 'hear' : 'moment';
      return { kind: 'clause', clause: rest, frame, topic: aboutTail(rest), sentence: sentenceFor(frame, rest) };
    }
    const subject = new RegExp(`^(?:${recipientRefs})\\s+([\\p{L}’']+)(.*)$`, 'iu').exec(text);
    if (subject) {
      const verb = forYou(subject[1]!);
      const clause = `you ${verb}${toSecondPerson(subject[2]!, recipientRefs)}`;
      const frame: Frame = PAST_FEELING.test(subject[1]!) ? 'glad' : PRESENT.test(subject[1]!) ? 'hear' : 'moment';
      return { kind: 'clause', clause, frame, topic: aboutTail(clause), sentence: sentenceFor(frame, clause) };
    }
  }
  // Someone else of the round is the subject: third person is right for them.
  if (otherRefs) {
    const other = new RegExp(`^((?:${otherRefs}))(?:'s|’s)?\\s+(.+)$`, 'i').exec(text);
    if (other) {
      const person = others.find((o) => references(o).some((r) => r.toLowerCase() === other[1]!.toLowerCase()));
      const written = person ? (references(person).find((r) => r.toLowerCase() === other[1]!.toLowerCase()) ?? other[1]!) : other[1]!;
      const clause = `${written}${text.slice(other[1]!.length)}`;
      return { kind: 'clause', clause, frame: 'moment', topic: aboutTail(clause), sentence: sentenceFor('moment', clause) };
    }
  }
  // "I ..." and "we ...": the candidate tells what happened.
  const mine = /^(I|we)\s+(.+)$/i.exec(text);
  if (mine) {
    const clause = `${mine[1] === 'I' || mine[1] === 'i' ? 'I' : 'we'} ${mine[2]}`;
    const frame: Frame = CONVERSATIONAL.test(mine[2]!.split(' ')[0]!) ? 'moment' : 'told';
    return { kind: 'clause', clause, frame, topic: aboutTail(clause), sentence: sentenceFor(frame, clause) };
  }
  const firstWord = /^[\p{L}’']+/u.exec(text)?.[0] ?? '';
  if (PAST_FIRST.test(firstWord)) {
    const clause = `I ${firstWord.toLowerCase()}${text.slice(firstWord.length)}`;
    const frame: Frame = CONVERSATIONAL.test(firstWord) ? 'moment' : 'told';
    return { kind: 'clause', clause, frame, topic: aboutTail(clause), sentence: sentenceFor(frame, clause) };
  }
  // A "she", "he" or "they" whose person the passage does not say: the user's words are needed.
  if (/^(?:she|he|they|it|you)\b/i.test(text)) {
    return { kind: 'rephrase', reason: `“${text}” does not say who “${/^\S+/.exec(text)![0]}” is: write the moment in your own words.` };
  }
  // A name the journal does not know opening a clause: it may be the reader; ask rather than guess.
  if (/^\p{Lu}\p{Ll}+\s+(?:\p{Ll}+ed|is|was|has|had|said|told|asked|showed|liked|loved|mentioned)\b/u.test(text) && !people.isWord?.(firstWord.toLowerCase())) {
    return { kind: 'rephrase', reason: `“${text}” speaks of ${firstWord}, who is not the person this letter goes to: write the moment in your own words.` };
  }
  return topicOf(text);
}

function sentenceFor(frame: Frame, clause: string): string {
  switch (frame) {
    case 'glad':
      return `I was glad that ${clause}.`;
    case 'hear':
      return `I was glad to hear that ${clause}.`;
    case 'moment':
      return `I especially enjoyed the part of our conversation where ${clause}.`;
    case 'told':
      return `I was glad to tell you how ${clause}.`;
    case 'thinking':
      return `I keep thinking about ${clause}${/[.?!]”$/.test(clause) ? '' : '.'}`;
    default: {
      const never: never = frame;
      return never;
    }
  }
}

/** Shorter and shorter forms of a phrase, cut where it still reads ("cutting X from A to B by C" -> "cutting X from A to B" -> "cutting X"). */
export function shorterForms(phrase: string): string[] {
  const forms = [phrase];
  let current = phrase;
  for (;;) {
    let cut = -1;
    for (const c of CUTS) {
      const at = current.lastIndexOf(c);
      if (at > cut && current.slice(0, at).split(' ').length >= 2) cut = at;
    }
    if (cut <= 0) break;
    current = current.slice(0, cut).replace(/[\s,;:]+$/, '');
    forms.push(current);
  }
  return forms;
}

/** The sentence forms of a phrased detail, from the fullest to the shortest (a LinkedIn note takes the longest that fits). */
export function detailSentences(detail: PhrasedDetail): string[] {
  switch (detail.kind) {
    case 'topic': {
      const forms = shorterForms(detail.topic);
      return [
        ...forms.map((t) => (detail.about ? `I also enjoyed talking with ${detail.about.given ?? detail.about.full} about ${t}.` : `I especially enjoyed our conversation about ${t}.`)),
        ...forms.map((t) => `I enjoyed talking about ${t}.`),
      ];
    }
    case 'clause': {
      const forms = shorterForms(detail.clause);
      return [...forms.map((c) => sentenceFor(detail.frame, c)), ...(detail.frame === 'moment' ? forms.map((c) => `I enjoyed the moment ${c}.`) : [])];
      // (A question is quoted whole: it is never cut.)
    }
    case 'rephrase':
      return [];
    default: {
      const never: never = detail;
      return never;
    }
  }
}
