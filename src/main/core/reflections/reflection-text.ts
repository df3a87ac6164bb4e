/**
 * Reading a reflection's Markdown back: its sections, the questions asked (for the question bank),
 * the passages marked "mention in the thank-you" (`==...==`, the editor's highlight), and the next
 * step and decision date the interviewer stated.
 */
import { REFLECTION_HEADINGS, REFLECTION_TEMPLATE } from '../../../shared/reflection-prompts';

export interface Section {
  readonly heading: string;
  readonly body: string;
}

export function sections(markdown: string): Section[] {
  const out: Section[] = [];
  let current: { heading: string; lines: string[] } = { heading: '', lines: [] };
  for (const line of markdown.split('\n')) {
    const m = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (m) {
      out.push({ heading: current.heading, body: current.lines.join('\n').trim() });
      current = { heading: m[1]!, lines: [] };
    } else current.lines.push(line);
  }
  out.push({ heading: current.heading, body: current.lines.join('\n').trim() });
  return out.filter((s) => s.heading !== '' || s.body !== '');
}

const normal = (s: string) => s.toLowerCase().replace(/[^a-z]+/g, ' ').trim();
const sectionOf = (markdown: string, heading: string): Section | undefined =>
  sections(markdown).find((s) => normal(s.heading).startsWith(normal(heading)));

/** Top-level list items (`-`, `*`, `1.`, checklists), with any nested lines under them. */
export function listItems(body: string): { text: string; nested: string[] }[] {
  const items: { text: string; nested: string[] }[] = [];
  for (const line of body.split('\n')) {
    const top = /^(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(.*)$/.exec(line);
    const nested = /^\s{2,}(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(.*)$/.exec(line);
    if (top) items.push({ text: top[1]!.trim(), nested: [] });
    else if (nested && items.length > 0) items.at(-1)!.nested.push(nested[1]!.trim());
  }
  return items.filter((i) => i.text !== '');
}

export const plainText = (markdown: string): string =>
  markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/==|\*\*|__|[*_`]/g, '')
    .trim();

export interface AskedQuestion {
  readonly question: string;
  readonly answer: string | null;
}

/**
 * The questions under "Questions asked", each with the answer the user gave: a line nested under
 * the question, or the item of "My answers" that names it or stands at the same place.
 */
export function questionsOf(markdown: string): AskedQuestion[] {
  const asked = sectionOf(markdown, REFLECTION_HEADINGS.questions);
  if (!asked) return [];
  const answers = listItems(sectionOf(markdown, REFLECTION_HEADINGS.answers)?.body ?? '');
  return listItems(asked.body).map((item, index) => {
    const question = plainText(item.text);
    if (item.nested.length > 0) return { question, answer: plainText(item.nested.join(' ')) };
    const key = normal(question).slice(0, 24);
    const named = answers.find((a) => key.length > 8 && normal(a.text).startsWith(key));
    const answer = named ?? answers[index];
    if (!answer) return { question, answer: null };
    const text = plainText(answer.text);
    const colon = named ? text.indexOf(':') : -1;
    return { question, answer: (colon >= 0 ? text.slice(colon + 1) : text).trim() || null };
  });
}

/** Passages marked "mention in the thank-you" (the editor's highlight, `==...==`). */
export function mentionsOf(markdown: string): string[] {
  return [...markdown.matchAll(/==([^=\n]+?)==/g)].map((m) => plainText(m[1]!)).filter((t) => t.length > 0);
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * A date written in the "Next steps" section: `2026-12-04`, `December 4`, `Dec 4, 2026`, `4 December`.
 * A date without a year is the next one on or after the round's date.
 */
export function statedDecision(markdown: string, roundDate: string): { nextStep: string | null; decisionDate: string | null } {
  const section = sectionOf(markdown, 'Next steps');
  if (!section || section.body.trim() === '') return { nextStep: null, decisionDate: null };
  const text = plainText(section.body).replace(/^[-*+]\s+/gm, '');
  const firstSentence = text.split(/(?<=[.!?])\s+|\n/)[0]?.trim() ?? null;
  let decisionDate: string | null = null;
  const iso = /\b(20\d\d)-(\d\d)-(\d\d)\b/.exec(text);
  if (iso) decisionDate = iso[0];
  else {
    const monthName = `(${MONTHS.map((m) => `${m.slice(0, 3)}(?:${m.slice(3)})?`).join('|')})\\.?`;
    const md = new RegExp(`\\b${monthName}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(20\\d\\d))?`, 'i').exec(text);
    const dm = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${monthName}\\b(?:,?\\s+(20\\d\\d))?`, 'i').exec(text);
    // Whichever form comes first in the text.
    const useDm = dm && (!md || dm.index < md.index);
    const hit = useDm ? { month: dm[2]!, day: dm[1]!, year: dm[3] } : md ? { month: md[1]!, day: md[2]!, year: md[3] } : null;
    if (hit) {
      const month = MONTHS.findIndex((m) => m.startsWith(hit.month.toLowerCase().slice(0, 3))) + 1;
      const day = Number(hit.day);
      let year = hit.year ? Number(hit.year) : Number(roundDate.slice(0, 4));
      const candidate = (y: number) => `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      if (!hit.year && candidate(year) < roundDate.slice(0, 10)) year++;
      const date = new Date(Date.UTC(year, month - 1, day));
      if (month > 0 && date.getUTCDate() === day) decisionDate = candidate(year);
    }
  }
  return { nextStep: firstSentence ? firstSentence.slice(0, 300) : null, decisionDate };
}

/** Whether the user has written something of their own beyond the prompts (about 15 words). */
export function hasOwnWords(markdown: string): boolean {
  const template = new Set(plainText(REFLECTION_TEMPLATE).toLowerCase().split(/\s+/));
  const words = plainText(markdown)
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w) && !template.has(w));
  return words.length >= 15;
}
