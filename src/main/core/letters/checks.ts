/**
 * The checks a letter gets before it is sent or printed (docs/follow-up-rules.md "What a good letter holds"). Each finding says what
 * and where, with a short reason; none blocks the user.
 */
import type { Finding, LetterKind } from '../../../shared/letters';

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
  /** Names from the journal that are not spelling mistakes (companies, people). */
  readonly knownNames?: readonly string[];
}

export const WORD_LIMITS: Partial<Record<LetterKind, number>> = {
  'thank-you-email': 150,
  'thank-you-card': 110,
  'status-check-email': 150,
  'stay-in-touch': 120,
  'rejection-reply': 120,
  'move-on-close': 120,
};

const NEEDS_DETAIL: ReadonlySet<LetterKind> = new Set(['thank-you-email', 'thank-you-card', 'linkedin-note', 'video-script']);

/** Impatient or desperate phrasing (seed 003: eagerness, not impatience). */
export const TONE_PHRASES: readonly { pattern: RegExp; reason: string }[] = [
  { pattern: /\bjust (checking|following) (in|up)\b/gi, reason: '"just checking in" adds nothing: say what you are asking for' },
  { pattern: /\bASAP\b|\bas soon as possible\b/gi, reason: 'puts pressure on the reader' },
  { pattern: /\bI need (an answer|to know|a decision|this job)\b/gi, reason: 'sounds like a demand' },
  { pattern: /\b(urgent|urgently)\b/gi, reason: 'reads as pressure' },
  { pattern: /\b(desperate|desperately|begging|beg you)\b/gi, reason: 'sounds desperate' },
  { pattern: /\bI (still )?haven'?t heard back\b/gi, reason: 'reads as a complaint; ask about next steps instead' },
  { pattern: /\bwhy (haven't|have you not|hasn't)\b/gi, reason: 'reads as a reproach' },
  { pattern: /\bplease (respond|reply|answer)\b/gi, reason: 'sounds impatient' },
  { pattern: /[!?]{2,}/g, reason: 'repeated punctuation sounds impatient' },
];

const PLACEHOLDER = /\[(?!\s?\]|[ xX]\])[^\]\n]{1,80}\]|\{\{[^}\n]*\}\}|<[A-Z][A-Za-z ]{1,40}>|\bX{3,}\b|\bTODO\b|\bTK\b/g;
const SALUTATION = /^(Dear|Hi|Hello|Hey|Good (?:morning|afternoon|evening))\s+([^,\n]+?)\s*[,\n]/m;

const excerptAt = (body: string, start: number, end: number) => body.slice(start, end);
const find = (check: Finding['check'], message: string, body: string, start: number, end: number): Finding => ({
  check,
  message,
  start,
  end,
  excerpt: excerptAt(body, start, end),
});

export const wordCount = (text: string): number => (text.match(/[\p{L}\p{N}'’-]+/gu) ?? []).length;

const normalise = (text: string, names: readonly (string | null)[]): string => {
  // Names differ between two copies of the same letter: compare what is left without them.
  const drop = new Set(names.flatMap((n) => (n ? n.toLowerCase().split(/\s+/) : [])));
  return text
    .toLowerCase()
    .replace(/^(dear|hi|hello|hey)\b[^\n]*\n/m, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !drop.has(w))
    .join(' ');
};

function shingles(text: string): Set<string> {
  const words = text.split(' ');
  const out = new Set<string>();
  for (let i = 0; i + 3 <= words.length; i++) out.add(words.slice(i, i + 3).join(' '));
  return out;
}

/** How much two texts share, as the Jaccard similarity of their three-word sequences. */
export function similarity(a: string, b: string): number {
  const x = shingles(a);
  const y = shingles(b);
  if (x.size === 0 || y.size === 0) return a === b ? 1 : 0;
  let common = 0;
  for (const s of x) if (y.has(s)) common++;
  return common / (x.size + y.size - common);
}

/**
 * Whether the letter names a topic of the user's own ("our conversation about the onboarding
 * redesign"), not just the role or the company ("about the Staff Engineer role at Acme").
 */
export function ownTopic(body: string, generic: readonly (string | null | undefined)[]): boolean {
  const filler = new Set(['the', 'a', 'an', 'role', 'position', 'job', 'opportunity', 'at', 'for', 'team', 'your', 'our', 'and', 'with', 'you', 'me']);
  const known = new Set(generic.flatMap((g) => (g ? g.toLowerCase().split(/\s+/) : [])));
  for (const m of body.matchAll(/\b(?:conversation|discussion|talk|talking|chat|hearing|learning)\s+(?:with you\s+|with me\s+)?about\s+([^.\n]+)/gi)) {
    if (m[1]!.includes('[')) continue;
    const rest = m[1]!.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w && !filler.has(w) && !known.has(w));
    if (rest.join(' ').length >= 8) return true;
  }
  return false;
}

export function checkLetter(ctx: CheckContext): Finding[] {
  const { body } = ctx;
  const findings: Finding[] = [];

  for (const m of body.matchAll(PLACEHOLDER)) {
    findings.push(find('placeholder', 'A template placeholder is still in the text: replace it before sending.', body, m.index, m.index + m[0].length));
  }

  if (NEEDS_DETAIL.has(ctx.kind)) {
    const lower = body.toLowerCase();
    const carries =
      [ctx.detail, ...ctx.mentions].some((d) => d && d.length > 3 && lower.includes(d.toLowerCase().replace(/[.!]+$/, '').slice(0, 40))) ||
      ownTopic(body, [ctx.role, ctx.company]);
    if (!carries) {
      findings.push(
        find('no-detail', 'No specific detail from your conversation: mention one moment so the note is not generic (seeds 000, 003).', body, 0, Math.min(body.length, 40)),
      );
    }
  }

  const salutation = SALUTATION.exec(body);
  if (salutation && ctx.recipientName) {
    const written = salutation[2]!.trim();
    const parts = ctx.recipientName.trim().split(/\s+/);
    const accepted = new Set([ctx.recipientName.trim(), parts[0]!, ...['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Mx.', 'Mr', 'Ms', 'Dr'].map((t) => `${t} ${parts.at(-1)}`)]);
    if (!accepted.has(written)) {
      const start = salutation.index + salutation[0].indexOf(written);
      findings.push(find('recipient-name', `The journal spells the name "${ctx.recipientName}".`, body, start, start + written.length));
    }
  }

  const mine = normalise(body, [ctx.recipientName]);
  for (const sibling of ctx.siblings) {
    if (mine.length > 0 && similarity(mine, normalise(sibling.body, [sibling.name])) >= 0.85) {
      findings.push(
        find(
          'duplicate',
          `This is almost word for word the letter to ${sibling.name ?? 'another interviewer'} of the same round: personalise each one (seed 002, step 2).`,
          body,
          0,
          Math.min(body.length, 60),
        ),
      );
      break;
    }
  }

  const limit = WORD_LIMITS[ctx.kind];
  const words = wordCount(body);
  if (limit && words > limit) {
    findings.push(find('too-long', `${words} words: keep it to about ${limit} or fewer; concise notes get read.`, body, 0, body.length));
  }

  if (ctx.kind === 'linkedin-note') {
    const max = ctx.linkedinPremium ? 300 : 200;
    if (body.length > max) findings.push(find('linkedin-length', `${body.length} characters: a LinkedIn connection note allows ${max}.`, body, max, body.length));
  }

  for (const m of body.matchAll(/\b([\p{L}']+)(\s+\1\b)+/giu)) {
    findings.push(find('repeated-word', `"${m[1]}" is repeated.`, body, m.index, m.index + m[0].length));
  }

  for (const { pattern, reason } of TONE_PHRASES) {
    for (const m of body.matchAll(pattern)) findings.push(find('tone', `"${m[0]}": ${reason}.`, body, m.index, m.index + m[0].length));
  }

  if (ctx.misspelled) {
    const known = new Set((ctx.knownNames ?? []).flatMap((n) => n.toLowerCase().split(/[^\p{L}']+/u)));
    const tokens = [...body.matchAll(/[\p{L}][\p{L}'’]*/gu)].filter((m) => {
      const word = m[0];
      if (known.has(word.toLowerCase())) return false;
      // Inside a placeholder, a URL or an email address: not prose.
      const before = body.slice(Math.max(0, m.index - 60), m.index);
      if (/\S*(https?:\/\/|www\.|@)\S*$/.test(before)) return false;
      return true;
    });
    const unknown = new Set(ctx.misspelled([...new Set(tokens.map((t) => t[0]))]));
    let count = 0;
    for (const t of tokens) {
      if (!unknown.has(t[0]) || count >= 12) continue;
      count++;
      findings.push(find('spelling', `"${t[0]}" is not in the dictionary.`, body, t.index, t.index + t[0].length));
    }
  }

  return findings.sort((a, b) => a.start - b.start);
}
