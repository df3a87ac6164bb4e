/**
 * The checks a letter gets before it is sent or printed (docs/follow-up-rules.md "What a good
 * letter holds"). Each finding says what and where, with a severity: an error for what would
 * embarrass the sender (a placeholder left, the reader's name spelled otherwise than the journal
 * has it, a LinkedIn note LinkedIn would cut), a warning for what weakens the letter (no specific
 * detail, the same text to two interviewers, too long), a suggestion for proofreading and tone.
 * None blocks the user.
 *
 * Every check is written against its false positives as much as its misses: a test table of
 * clean and faulty letters (test/unit/letter-checks-table.test.ts) holds both.
 */
import type { Finding, LetterKind, Severity } from '../../../shared/letters';
import { cite } from '../../../shared/sources';
import { acceptedSalutations, foldName, parseName } from './person-name';

export interface CheckContext {
  readonly kind: LetterKind;
  readonly body: string;
  /** The recipient's name as the journal has it. */
  readonly recipientName: string | null;
  /** The role and company: naming them is not a specific detail. */
  readonly role?: string;
  readonly company?: string;
  /** The specific detail the letter is meant to carry, and the reflection's marked passages. */
  readonly detail: string | null;
  readonly mentions: readonly string[];
  /** Bodies of the same kind of letter to the round's other interviewers. */
  readonly siblings: readonly { readonly name: string | null; readonly body: string }[];
  readonly linkedinPremium: boolean;
  /** Words the spelling dictionary does not know (null: spelling not checked). */
  readonly misspelled?: (words: readonly string[]) => readonly string[];
  /** Names from the journal that are not spelling mistakes (companies, people, roles). */
  readonly knownNames?: readonly string[];
  /** The user's own dictionary, and the words they chose to ignore in this letter. */
  readonly dictionary?: readonly string[];
  readonly ignored?: readonly string[];
}

export const WORD_LIMITS: Partial<Record<LetterKind, number>> = {
  'thank-you-email': 150,
  'thank-you-card': 110,
  'status-check-email': 150,
  'stay-in-touch': 120,
  'rejection-reply': 120,
  'move-on-close': 120,
};
export const LINKEDIN_LIMIT = { standard: 200, premium: 300 } as const;
const LONG_SENTENCE_WORDS = 40;

const NEEDS_DETAIL: ReadonlySet<LetterKind> = new Set(['thank-you-email', 'thank-you-card', 'linkedin-note', 'video-script']);

// ---- where the prose is -------------------------------------------------------------------------

const URL = /\b(?:https?:\/\/|www\.)[^\s<>"”)]+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|dev|ai|co|uk|de|fr|app|edu|gov)(?:\/[^\s<>"”)]*)?/gi;

/** The body with URLs and e-mail addresses blanked (same length, so positions hold). */
const withoutLinks = (body: string): string => body.replace(URL, (m) => ' '.repeat(m.length));

// ---- placeholders ------------------------------------------------------------------------------

/** Placeholders in the syntaxes templates and mail tools use. Checkbox `[ ]`, `[1]`, `[sic]` and Markdown links are prose. */
const PLACEHOLDERS: readonly RegExp[] = [
  /\[\[[^\]\n]{1,80}\]\]/g,
  /\[(?!\s?\]|[xX✓]\]|\d{1,3}\]|sic\])[^\]\n]{1,80}\](?!\()/g,
  /\{\{[^}\n]{0,80}\}\}/g,
  /\{[A-Za-z_][\w .-]{0,40}\}/g,
  /<<[^>\n]{1,60}>>/g,
  /<(?!(?:b|i|u|p|br|em|strong|div|span|li|ul|ol)>)[A-Za-z][A-Za-z _-]{1,40}>/g,
  /%[A-Za-z_][A-Za-z0-9_]{1,40}%/g,
  /\$\{[^}\n]{1,40}\}|\$[A-Z][A-Z_]{2,30}\b/g,
  /\*\|[A-Z_]{2,30}\|\*/g,
  /\(\([^)\n]{1,60}\)\)/g,
  /_{3,}/g,
  /\bX{3,}\b|\bTODO\b|\bTK\b|\bFIXME\b/g,
  /\b(?:INSERT|ENTER)\s+[A-Z][A-Z ]{2,40}\b/g,
];

function placeholders(body: string): { start: number; end: number }[] {
  const text = withoutLinks(body);
  const found: { start: number; end: number }[] = [];
  for (const pattern of PLACEHOLDERS) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue; // one finding per place
      found.push({ start, end });
    }
  }
  return found;
}

// ---- words -------------------------------------------------------------------------------------

export const wordCount = (text: string): number => (text.match(/[\p{L}\p{N}'’-]+/gu) ?? []).length;

const STOP = new Set(
  `a an the and or but if so of to in on at by for with from about into over after before than then that this these those it its is are was were be been being
  have has had do does did i me my mine we us our you your yours he him his she her they them their what which who whom whose how why when where
  very really just also too more most much many some any all each both either neither not no nor can could will would shall should may might must
  am as up out off again once here there there's it's i'm i've i'd you're you've we're thank thanks dear hi hello best regards sincerely warm wishes kind`.split(/\s+/),
);
/** Words that name the process, not a moment of the conversation ("the next steps", "the role"). */
const GENERIC = new Set(
  `role position job opportunity team company next step steps process interview interviews time chat conversation conversations call meeting culture future update news hiring decision timeline
  today yesterday week day part moment talk talking learning hearing speaking meet meeting glad enjoyed enjoy especially great good nice wonderful pleasure excited
  opportunity organization organisation work working experience contribute start forward look looking hear hearing speak
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december`.split(/\s+/),
);

const stem = (w: string): string => w.replace(/['’]s$/, '').replace(/(?:ing|ed|es|s|ly)$/, '');
const contentWords = (text: string): string[] =>
  (foldName(text).match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).flatMap((w) => w.split('-')).filter((w) => w.length >= 3 && !STOP.has(w));

/**
 * Whether the letter carries a moment of the conversation: the content words of a marked passage
 * (or the chosen detail) found in the letter, so the user's own rewording counts; or a topic of
 * its own ("about the onboarding redesign", "when you showed me the dashboard") that is more than
 * the role, the company and the process.
 */
export function carriesDetail(body: string, passages: readonly (string | null)[], generic: readonly (string | null | undefined)[]): boolean {
  const known = new Set(generic.flatMap((g) => (g ? contentWords(g).map(stem) : [])));
  const letter = new Set(contentWords(body).map(stem));
  for (const passage of passages) {
    if (!passage) continue;
    const words = [...new Set(contentWords(passage).map(stem))].filter((w) => !known.has(w) && !GENERIC.has(w));
    const shared = words.filter((w) => letter.has(w)).length;
    if (words.length > 0 && shared >= Math.min(3, words.length) && shared / words.length >= 0.4) return true;
  }
  return ownTopic(body, generic);
}

/** A topic of the user's own: after "about", "of", or a moment told ("you showed me"), two words or more beyond the role, company and process. */
export function ownTopic(body: string, generic: readonly (string | null | undefined)[]): boolean {
  const known = new Set(generic.flatMap((g) => (g ? contentWords(g).map(stem) : [])));
  const openers =
    /\b(?:(?:conversation|discussion|talk|talking|chat|hearing|learning|speaking|story|question|point|idea|insight|demo)\s+(?:with you\s+|with me\s+)?(?:about|of)|you\s+(?:showed|shared|mentioned|described|explained|told me|asked|walked me through|pointed out|liked|loved|raised)|(?:when|where|that)\s+(?:you|we|I)\s+\p{L}+|thinking about|enjoyed learning|especially (?:enjoyed|liked|appreciated))\s+([^.\n!?]+)/giu;
  for (const m of body.matchAll(openers)) {
    const rest = m[1]!;
    if (/[[{<]/.test(rest)) continue;
    const words = contentWords(rest)
      .map(stem)
      .filter((w) => !known.has(w) && !GENERIC.has(w));
    if (words.length >= 2) return true;
  }
  return false;
}

// ---- the same letter twice ---------------------------------------------------------------------

interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly words: ReadonlySet<string>;
  readonly content: number;
}

const CLOSING = /^(?:best|kind|warm|with)?\s*(?:regards|wishes|thanks|best|sincerely|cheers|all the best)\b/i;

/** The sentences between the salutation and the sign-off, each as a set of words without the names. */
function sentencesOf(body: string, names: readonly (string | null)[]): Sentence[] {
  const drop = new Set(names.flatMap((n) => (n ? foldName(n).split(/[^\p{L}]+/u) : [])).filter(Boolean));
  const out: Sentence[] = [];
  let offset = 0;
  for (const line of body.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    if (/^(?:dear|hi|hello|hey)\b/i.test(line.trim()) && line.length < 80) continue;
    if (CLOSING.test(line.trim())) break;
    for (const m of line.matchAll(/[^.!?]+[.!?]*/g)) {
      const words = (foldName(m[0]).match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !drop.has(w));
      if (words.length < 3) continue;
      out.push({ start: lineStart + m.index, end: lineStart + m.index + m[0].length, words: new Set(words), content: words.filter((w) => w.length >= 3 && !STOP.has(w)).length });
    }
  }
  return out;
}

const jaccard = (a: ReadonlySet<string>, b: ReadonlySet<string>): number => {
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / (a.size + b.size - common || 1);
};

/**
 * Whether a letter is another's with its sentences reordered or lightly touched: most of its
 * content is in sentences the other has too, and what is its own is a few words at most.
 */
export function sharedSentences(mine: readonly Sentence[], theirs: readonly Sentence[]): { shared: Sentence[]; own: number; total: number } {
  const shared = mine.filter((s) => theirs.some((t) => jaccard(s.words, t.words) >= 0.75));
  const total = mine.reduce((n, s) => n + s.content, 0);
  const own = total - shared.reduce((n, s) => n + s.content, 0);
  return { shared, own, total };
}

// ---- tone --------------------------------------------------------------------------------------

/** Impatient, pushy or desperate phrasing, with the variants people write ("Is It Bad to Follow Up After an Interview?": eagerness, not impatience). */
export const TONE_PHRASES: readonly { pattern: RegExp; reason: string }[] = [
  { pattern: /\b(?:I\s+)?(?:just|simply|only)\s+(?:wanted\s+to\s+|want\s+to\s+|wanted\s+|writing\s+to\s+|am\s+writing\s+to\s+)?(?:check(?:ing)?|follow(?:ing)?|touch(?:ing)?)\s+(?:in|up|base)\b/gi, reason: 'adds nothing; say what you are asking for' },
  { pattern: /\bcheck(?:ing)?\s+in\s+(?:to\s+see|on\s+(?:the\s+)?(?:status|my\s+application)|again)\b|\btouch(?:ing)?\s+base\b/gi, reason: 'adds nothing; ask your question about the next steps' },
  { pattern: /\bI\s+(?:really\s+|urgently\s+|still\s+|do\s+)?(?:need|must\s+have|require|expect|demand)\s+(?:an?\s+|your\s+|a\s+final\s+)?(?:answer|decision|response|reply|update|offer)\b/gi, reason: 'sounds like a demand' },
  { pattern: /\bI\s+(?:really\s+)?need\s+(?:to\s+(?:know|hear(?:\s+back)?)\s+(?:by|before|soon|now|today|this\s+week)\b|this\s+job\b)/gi, reason: 'sounds like a demand' },
  { pattern: /\bASAP\b/g, reason: 'puts pressure on the reader' },
  { pattern: /\b(?:reply|respond|answer|get\s+back\s+to\s+me|let\s+me\s+know|hear\s+back|decide|tell\s+me)\b[^.!?\n]{0,40}?\b(?:as\s+soon\s+as\s+possible|immediately|right\s+away|urgently|without\s+delay)\b/gi, reason: 'puts pressure on the reader' },
  { pattern: /\b(?:this|it)\s+is\s+urgent\b|\burgently\b/gi, reason: 'reads as pressure' },
  { pattern: /\b(?:desperate(?:ly)?|begging|beg\s+you)\b|\bI(?:'ll|’ll|\s+will|\s+would)\s+(?:take|accept|do)\s+anything\b/gi, reason: 'sounds desperate' },
  { pattern: /\bI\s+(?:still\s+)?(?:haven['’]?t|have\s+not|never)\s+heard\s+(?:back|anything)\b|\bstill\s+waiting\s+(?:for|on|to)\b/gi, reason: 'reads as a complaint; ask about next steps instead' },
  { pattern: /\bwhy\s+(?:haven['’]?t|have\s+you\s+not|hasn['’]?t|didn['’]?t)\b/gi, reason: 'reads as a reproach' },
  { pattern: /\bper\s+my\s+(?:last|previous)\s+(?:e-?mail|message|note)\b|\bfollowing\s+up\s+(?:again|once\s+more)\b|\bit(?:['’]s|\s+has|\s+is)\s+been\s+(?:over\s+|more\s+than\s+)?(?:a|one|two|three|\d+)\s+(?:weeks?|days?)\s+since\b/gi, reason: 'reads as impatience' },
  { pattern: /\bplease\s+(?:respond|reply|answer)\b/gi, reason: 'sounds impatient' },
  { pattern: /[!?]{2,}/g, reason: 'repeated punctuation sounds impatient' },
];

// ---- the checks --------------------------------------------------------------------------------

const find = (check: Finding['check'], severity: Severity, message: string, body: string, start: number, end: number, word?: string): Finding => ({
  check,
  severity,
  message,
  start,
  end,
  excerpt: body.slice(start, end),
  ...(word ? { word } : {}),
});

const SALUTATION = /^(Dear|Hi|Hello|Hey|Good (?:morning|afternoon|evening))\s+([^,\n]+?)\s*[,\n]/m;
const VERBISH = /^\s+(?:and\s+I|and\s+me|is|was|has|had|said|told|asked|showed|shared|mentioned|liked|loved|explained|described|thinks|thought|seemed|wanted|walked|talked|spoke|gave|took|\p{Ll}+ed)\b|^['’]s\b/u;

export function checkLetter(ctx: CheckContext): Finding[] {
  const { body } = ctx;
  const findings: Finding[] = [];
  const recipient = ctx.recipientName ? parseName(ctx.recipientName) : null;

  const holes = placeholders(body);
  for (const p of holes) {
    findings.push(find('placeholder', 'error', 'A template placeholder is still in the text: replace it before sending.', body, p.start, p.end));
  }

  if (NEEDS_DETAIL.has(ctx.kind) && !carriesDetail(body, [ctx.detail, ...ctx.mentions], [ctx.role, ctx.company, ctx.recipientName])) {
    findings.push(
      find(
        'no-detail',
        'warning',
        `No specific detail from your conversation: mention one moment so the note is not generic (${cite('strategies')}; ${cite('after-interview')}).`,
        body,
        0,
        Math.min(body.length, 40),
      ),
    );
  }

  if (recipient) {
    const salutation = SALUTATION.exec(body);
    const accepted = acceptedSalutations(recipient);
    let salutationEnd = 0;
    if (salutation) {
      const written = salutation[2]!.trim();
      const start = salutation.index + salutation[0].indexOf(written);
      salutationEnd = start + written.length;
      const isHole = holes.some((h) => h.start < salutationEnd && h.end > start);
      if (!accepted.has(written) && !isHole) {
        findings.push(find('recipient-name', 'error', `The journal spells the name "${recipient.full}".`, body, start, salutationEnd));
      }
    }
    // The name written another way (case, accents) anywhere else: "priya", "Lopez" for "López".
    const isWord = (w: string) => (ctx.misspelled ? ctx.misspelled([w]).length === 0 : false);
    const parts = [recipient.given, ...(recipient.family ? recipient.family.split(' ') : [])].filter((p): p is string => Boolean(p && p.length > 1));
    for (const part of parts) {
      const folded = foldName(part);
      for (const m of body.matchAll(/[\p{L}\p{M}]+/gu)) {
        if (m.index < salutationEnd || m[0] === part || foldName(m[0]) !== folded) continue;
        if (m[0] === m[0].toLowerCase() && isWord(m[0])) continue; // "will" is not a misspelt "Will"
        if (m[0] === m[0].toUpperCase() && m[0].length > 1 && m[0] !== part.toUpperCase()) continue;
        findings.push(find('recipient-name', 'error', `The journal spells the name "${part}".`, body, m.index, m.index + m[0].length));
      }
    }
    // Spoken of in the third person in a letter to them: "Priya liked my story".
    if (recipient.given) {
      const name = new RegExp(`(?<![\\p{L}])${recipient.given.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'giu');
      for (const m of body.matchAll(name)) {
        if (m.index < salutationEnd) continue;
        const after = body.slice(m.index + m[0].length, m.index + m[0].length + 20);
        const before = body.slice(Math.max(0, m.index - 12), m.index);
        if (VERBISH.test(after) || /\b(?:with|and|to|about)\s+$/i.test(before)) {
          findings.push(
            find('third-person', 'warning', `This letter goes to ${recipient.given}: speak to them as "you" rather than of them as "${m[0]}".`, body, m.index, m.index + m[0].length),
          );
        }
      }
    }
  }

  const mine = sentencesOf(body, [ctx.recipientName]);
  for (const sibling of ctx.siblings) {
    const { shared, own, total } = sharedSentences(mine, sentencesOf(sibling.body, [sibling.name]));
    if (total >= 6 && shared.length > 0 && (own < 5 || own / total < 0.1)) {
      findings.push(
        find(
          'duplicate',
          'warning',
          `This is almost the same letter as the one to ${sibling.name ?? 'another interviewer'} of this round (${shared.length} of its ${mine.length} sentences): personalise each one (${cite('strategy-post-interview')}, step 2).`,
          body,
          shared[0]!.start,
          shared[0]!.end,
        ),
      );
      break;
    }
  }

  const limit = WORD_LIMITS[ctx.kind];
  const words = wordCount(body);
  if (limit && words > limit) {
    findings.push(find('too-long', 'warning', `${words} words: keep it to about ${limit} or fewer; concise notes get read.`, body, 0, body.length));
  }

  if (ctx.kind === 'linkedin-note') {
    const max = ctx.linkedinPremium ? LINKEDIN_LIMIT.premium : LINKEDIN_LIMIT.standard;
    if (body.length > max) {
      findings.push(find('linkedin-length', 'error', `${body.length} characters: a LinkedIn connection note allows ${max}${ctx.linkedinPremium ? ' with Premium' : ''}; LinkedIn would not take the rest.`, body, max, body.length));
    }
  }

  for (const s of mine) {
    const count = wordCount(body.slice(s.start, s.end));
    if (count > LONG_SENTENCE_WORDS) findings.push(find('long-sentence', 'suggestion', `A sentence of ${count} words: two shorter ones read more easily.`, body, s.start, s.end));
  }

  for (const m of withoutLinks(body).matchAll(/\b([\p{L}'’]+)(\s+\1\b)+/giu)) {
    findings.push(find('repeated-word', 'warning', `"${m[1]}" is repeated.`, body, m.index, m.index + m[0].length));
  }

  for (const { pattern, reason } of TONE_PHRASES) {
    for (const m of body.matchAll(pattern)) findings.push(find('tone', 'suggestion', `"${m[0]}": ${reason}.`, body, m.index, m.index + m[0].length));
  }

  if (ctx.misspelled) findings.push(...spelling(body, ctx, ctx.misspelled));

  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Spelling in the chosen English: URLs, e-mail addresses, placeholders, numbers and words with
 * digits, acronyms and CamelCase names are not prose; a hyphenated compound is checked part by
 * part; typographic apostrophes are read as plain ones; names from the journal, the user's
 * dictionary and the words ignored in this letter are known.
 */
function spelling(body: string, ctx: CheckContext, misspelled: (words: readonly string[]) => readonly string[]): Finding[] {
  let text = withoutLinks(body);
  for (const p of placeholders(body)) text = text.slice(0, p.start) + ' '.repeat(p.end - p.start) + text.slice(p.end);
  text = text.replace(/[\p{L}\p{M}'’-]*\p{N}[\p{L}\p{M}\p{N}'’-]*/gu, (m) => ' '.repeat(m.length));
  const known = new Set(
    [...(ctx.knownNames ?? []), ...(ctx.dictionary ?? []), ...(ctx.ignored ?? [])].flatMap((n) => foldName(n.replace(/’/g, "'")).split(/[^\p{L}']+/u)).filter(Boolean),
  );
  const candidates: { word: string; start: number; end: number }[] = [];
  const usable = (raw: string): string | null => {
    const word = raw.replace(/’/g, "'").replace(/^'+|'+$/g, '').replace(/'s$/i, '');
    if (word.length < 2) return null;
    if (/^\p{Lu}{2,}s?$/u.test(word) || /\p{Ll}\p{Lu}/u.test(word)) return null; // an acronym, a CamelCase name
    if (known.has(foldName(word))) return null;
    return word;
  };
  for (const m of text.matchAll(/[\p{L}][\p{L}\p{M}'’]*(?:-[\p{L}][\p{L}\p{M}'’]*)*/gu)) {
    // A compound the dictionary knows whole ("post-mortem") is right; otherwise each part is checked.
    if (m[0].includes('-') && misspelled([m[0].replace(/’/g, "'")]).length === 0) continue;
    let offset = 0;
    for (const part of m[0].split('-')) {
      const start = m.index + offset + (part.length - part.replace(/^[’']+/, '').length);
      offset += part.length + 1;
      const word = usable(part);
      if (word) candidates.push({ word, start, end: start + word.length });
    }
  }
  const unknown = new Set(misspelled([...new Set(candidates.map((c) => c.word))]));
  const findings: Finding[] = [];
  for (const c of candidates) {
    if (!unknown.has(c.word) || findings.length >= 20) continue;
    const name = /^\p{Lu}/u.test(c.word);
    findings.push(
      find(
        'spelling',
        'suggestion',
        `"${c.word}" is not in the dictionary${name ? ' (if it is a name, add it to your dictionary)' : ''}.`,
        body,
        c.start,
        c.end,
        c.word,
      ),
    );
  }
  return findings;
}
