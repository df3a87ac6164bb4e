/** Filling a template's merge fields from the journal and the settings. */
import type { PhrasedDetail } from './detail-phrasing';
import { detailSentences, shorterForms } from './detail-phrasing';
import type { PersonName } from './person-name';
import { greetingName } from './person-name';

export interface MergeData {
  readonly recipient: PersonName | null;
  readonly recipientTitle: string | null;
  readonly company: string;
  readonly role: string;
  readonly roundDate: string | null;
  readonly roundNumber: number | null;
  readonly nextStep: string | null;
  /** The marked passage, phrased for this reader (null: none marked). */
  readonly detail: PhrasedDetail | null;
  readonly myName: string;
  readonly signature: string;
}

/** What an unfilled field becomes: a visible placeholder the checks will flag, never a guess. */
export const placeholderFor = (field: string): string => `[${field.replace(/\./g, ' ')}]`;
export const DETAIL_PLACEHOLDER = placeholderFor('a moment from your conversation');
export const DETAIL_SENTENCE_PLACEHOLDER = '[One sentence about a moment from your conversation.]';
export const REPHRASE_PLACEHOLDER = '[The moment you marked, in your own words.]';

/** Which form of each shortenable field to use: 0 is the fullest (a LinkedIn note asks for shorter ones). */
export interface MergeForms {
  readonly detail?: number;
  readonly role?: number;
}

export function mergeFields(data: MergeData, forms: MergeForms = {}): Record<string, string | null> {
  const sentences = data.detail ? detailSentences(data.detail) : [];
  const topic = data.detail?.kind === 'topic' || data.detail?.kind === 'clause' ? data.detail.topic : null;
  const topics = topic ? shorterForms(topic) : [];
  const roles = shorterForms(data.role);
  const pick = <T>(list: readonly T[], index = 0): T | undefined => list[Math.min(index, list.length - 1)];
  return {
    'recipient.name': data.recipient?.full ?? null,
    'recipient.firstName': data.recipient ? (data.recipient.given ?? greetingName(data.recipient)) : null,
    'recipient.greeting': data.recipient ? greetingName(data.recipient) : null,
    'recipient.title': data.recipientTitle,
    company: data.company,
    role: pick(roles, forms.role) ?? data.role,
    'round.date': data.roundDate,
    'round.number': data.roundNumber === null ? null : String(data.roundNumber),
    nextStep: data.nextStep,
    detail: data.detail?.kind === 'rephrase' ? REPHRASE_PLACEHOLDER : (pick(topics, forms.detail) ?? (data.detail ? REPHRASE_PLACEHOLDER : null)),
    'detail.sentence': data.detail?.kind === 'rephrase' ? REPHRASE_PLACEHOLDER : (pick(sentences, forms.detail) ?? null),
    'me.name': data.myName || null,
    signature: data.signature || (data.myName ? `Best regards,\n${data.myName}` : null),
  };
}

/** How many shorter forms the detail has (for fitting a note to a limit). */
export const detailFormCount = (data: MergeData): number => Math.max(1, data.detail ? detailSentences(data.detail).length : 1);
export const roleFormCount = (data: MergeData): number => shorterForms(data.role).length;

const MISSING: Record<string, string> = {
  detail: DETAIL_PLACEHOLDER,
  'detail.sentence': DETAIL_SENTENCE_PLACEHOLDER,
  'me.name': '[your name]',
  signature: '[your name]',
  'recipient.name': '[their name]',
  'recipient.firstName': '[their name]',
  'recipient.greeting': '[their name]',
};

export function merge(template: string, data: MergeData, forms: MergeForms = {}): string {
  const fields = mergeFields(data, forms);
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) => {
    if (!(name in fields)) return whole;
    return fields[name] ?? MISSING[name] ?? placeholderFor(name);
  });
}

/**
 * Merges a note that must fit a number of characters (a LinkedIn note): the fullest forms that
 * fit, shortening the detail first and the role next. Returns the shortest when nothing fits.
 */
export function mergeWithin(template: string, data: MergeData, limit: number): string {
  let last = merge(template, data);
  if (last.length <= limit) return last;
  for (let role = 0; role < roleFormCount(data); role++) {
    for (let detail = 0; detail < detailFormCount(data); detail++) {
      last = merge(template, data, { detail, role });
      if (last.length <= limit) return last;
    }
  }
  return last;
}
