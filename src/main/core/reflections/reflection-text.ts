/**
 * Reading a reflection's Markdown back: the questions asked (for the question bank), the passages
 * marked "mention in the thank-you" (`==...==`, the editor's highlight), and the next step and
 * decision date the interviewer stated.
 *
 * The Markdown is parsed into a syntax tree (mdast: CommonMark with GitHub's checklists and
 * strikethrough, which is what the editor writes), so a list nested by a tab, an item that runs
 * onto a second line, a sub-heading inside a section, or `==` inside code are read as Markdown
 * means them; only `==...==` itself, which no standard Markdown knows, is found in the text of
 * each paragraph.
 */
import { isExists } from 'date-fns/isExists';
import type { Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { REFLECTION_HEADINGS, REFLECTION_TEMPLATE } from '../../../shared/reflection-prompts';

// Parsing costs about half a millisecond a note (full GFM, with tables and autolinks the editor
// never writes, cost 2.5 times that): the few last trees are kept, since one view reads
// the same note several times (its mentions, its next step) and each letter of a round reads it.
const parsed = new Map<string, Root>();

export function parseMarkdown(markdown: string): Root {
  let tree = parsed.get(markdown);
  if (!tree) {
    tree = fromMarkdown(markdown, { extensions: [gfmTaskListItem(), gfmStrikethrough()], mdastExtensions: [gfmTaskListItemFromMarkdown(), gfmStrikethroughFromMarkdown()] });
    if (parsed.size >= 8) parsed.delete(parsed.keys().next().value!);
    parsed.set(markdown, tree);
  }
  return tree;
}

// Inside code, "=" is text, never half of a mark: it travels as this private-use character.
const CODE_EQUALS = '\uE000';

/** The text of inline content, without Markdown's markers (emphasis, links, code ticks). */
function inlineText(node: Nodes, maskCode = false): string {
  switch (node.type) {
    case 'text':
      return node.value;
    case 'inlineCode':
      return maskCode ? node.value.replaceAll('=', CODE_EQUALS) : node.value;
    case 'break':
      return '\n';
    case 'image':
    case 'imageReference':
      return node.alt ?? '';
    case 'html':
      return '';
    default:
      return 'children' in node ? node.children.map((child) => inlineText(child, maskCode)).join('') : '';
  }
}

/** Plain text of blocks, one line per paragraph, heading, list item or table row. */
function blockText(nodes: readonly RootContent[]): string {
  const lines: string[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
        lines.push(inlineText(node));
        break;
      case 'code':
        lines.push(node.value);
        break;
      case 'list':
        for (const item of node.children) lines.push(blockText(item.children));
        break;
      case 'blockquote':
        lines.push(blockText(node.children));
        break;
      default:
        break;
    }
  }
  return lines.filter((l) => l.trim() !== '').join('\n');
}

/** Plain text of a whole Markdown document. */
export const plainText = (markdown: string): string => blockText(parseMarkdown(markdown).children).trim();

const normal = (s: string) => s.toLowerCase().replace(/[^a-z]+/g, ' ').trim();
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The blocks under the first heading that starts with `heading` (any level, case and punctuation
 * aside), up to the next heading of the same level or higher: sub-headings stay in the section.
 */
function sectionOf(tree: Root, heading: string): RootContent[] | undefined {
  const wanted = normal(heading);
  const start = tree.children.findIndex((n) => n.type === 'heading' && normal(inlineText(n)).startsWith(wanted));
  if (start < 0) return undefined;
  const depth = (tree.children[start] as { depth: number }).depth;
  const end = tree.children.findIndex((n, i) => i > start && n.type === 'heading' && n.depth <= depth);
  return tree.children.slice(start + 1, end < 0 ? undefined : end);
}

interface Item {
  /** The item's own text (checkbox and marker aside), on one line. */
  readonly text: string;
  /** The text of every item nested under it, in order. */
  readonly nested: string[];
}

/** The items of every list in the blocks (not nested ones: those are the items' `nested`). */
function listItems(blocks: readonly RootContent[]): Item[] {
  const items: Item[] = [];
  for (const block of blocks) {
    if (block.type !== 'list') continue;
    for (const item of block.children) {
      const own = item.children.filter((c) => c.type !== 'list');
      const nested: string[] = [];
      const collect = (nodes: readonly RootContent[]): void => {
        for (const list of nodes) {
          if (list.type !== 'list') continue;
          for (const sub of list.children) {
            nested.push(oneLine(blockText(sub.children.filter((c) => c.type !== 'list'))));
            collect(sub.children);
          }
        }
      };
      collect(item.children);
      items.push({ text: oneLine(blockText(own)), nested: nested.filter((n) => n !== '') });
    }
  }
  return items.filter((i) => i.text !== '');
}

/**
 * A list of plain one-line items ("- What is your biggest weakness?"): no indentation, nothing
 * Markdown reads inside a line (emphasis, code, links, HTML, entities, escapes, highlights), and
 * no item that starts like a block of its own (a nested list, a quote, a numbered list).
 */
const PLAIN_LIST = /^(?:[-*+] [^\s`*_[\]<>!&~|#=\\+\-\d][^`*_[\]<>!&~|=\\\n]*\n*)+$/;

/**
 * The plain text of each top-level list item of a piece of Markdown (a reflection's section, say).
 * Insights reads thousands of question sections, almost all plain lists: those are split by line
 * (the parser costs ~30 µs a section, measured: 240 ms of the 50 ms budget at 20,000 rounds); any
 * other Markdown goes through the parser. A test checks that both read plain lists the same.
 */
export const listItemTexts = (markdown: string): string[] => {
  const text = markdown.replace(/\r\n?/g, '\n').replace(/^\n+/, '').trimEnd();
  if (text !== '' && PLAIN_LIST.test(`${text}\n`)) return text.split('\n').filter((l) => l.trim() !== '').map((l) => oneLine(l.slice(2))).filter((t) => t !== '');
  return listItemTextsParsed(markdown);
};

/** The same, always through the Markdown parser. */
export const listItemTextsParsed = (markdown: string): string[] => listItems(parseMarkdown(markdown).children).map((i) => i.text);

export interface AskedQuestion {
  readonly question: string;
  readonly answer: string | null;
}

/**
 * The questions under "Questions asked", each with the answer the user gave: a line nested under
 * the question, or the item of "My answers" that names it or stands at the same place.
 */
export function questionsOf(markdown: string): AskedQuestion[] {
  // The question bank reads every reflection: skip the parse where the heading cannot be.
  if (!normal(markdown).includes(normal(REFLECTION_HEADINGS.questions))) return [];
  const tree = parseMarkdown(markdown);
  const asked = sectionOf(tree, REFLECTION_HEADINGS.questions);
  if (!asked) return [];
  const answers = listItems(sectionOf(tree, REFLECTION_HEADINGS.answers) ?? []);
  return listItems(asked).map((item, index) => {
    const question = item.text;
    if (item.nested.length > 0) return { question, answer: item.nested.join(' ') };
    const key = normal(question).slice(0, 24);
    const named = answers.find((a) => key.length > 8 && normal(a.text).startsWith(key));
    const answer = named ?? answers[index];
    if (!answer) return { question, answer: null };
    const colon = named ? answer.text.indexOf(':') : -1;
    return { question, answer: (colon >= 0 ? answer.text.slice(colon + 1) : answer.text).trim() || null };
  });
}

/** Passages marked "mention in the thank-you" (the editor's highlight, `==...==`), in order. */
export function mentionsOf(markdown: string): string[] {
  if (!markdown.includes('==')) return [];
  const found: string[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'paragraph' || node.type === 'heading') {
      for (const m of inlineText(node, true).matchAll(/==([^=\n]+?)==/g)) {
        const text = m[1]!.replaceAll(CODE_EQUALS, '=').trim();
        if (text.length > 0) found.push(text);
      }
      return;
    }
    if ('children' in node) node.children.forEach(visit);
  };
  visit(parseMarkdown(markdown));
  return found;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * A date written in the "Next steps" section: `2026-12-04`, `December 4`, `Dec 4, 2026`, `4 December`.
 * A date without a year is the next one on or after the round's date.
 */
export function statedDecision(markdown: string, roundDate: string): { nextStep: string | null; decisionDate: string | null } {
  const section = sectionOf(parseMarkdown(markdown), 'Next steps');
  const text = section ? blockText(section).trim() : '';
  if (text === '') return { nextStep: null, decisionDate: null };
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
      if (month > 0 && isExists(year, month - 1, day)) decisionDate = candidate(year);
    }
  }
  return { nextStep: firstSentence ? firstSentence.slice(0, 300) : null, decisionDate };
}

let templateWords: ReadonlySet<string> | null = null;

/** Whether the user has written something of their own beyond the prompts (about 15 words). */
export function hasOwnWords(markdown: string): boolean {
  templateWords ??= new Set(plainText(REFLECTION_TEMPLATE).toLowerCase().split(/\s+/));
  const template = templateWords;
  const words = plainText(markdown)
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w) && !template.has(w));
  return words.length >= 15;
}
