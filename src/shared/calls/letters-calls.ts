/** Letters: templates, one draft per recipient, checks, marking sent, printed cards as .docx. */
import { z } from 'zod';
import { CARD_FONTS, LETTER_KINDS, PAPER_SIZES } from '../letters';
import type { Letter, LetterTemplate } from '../letters';
import { byId, call, id, none, requiredText } from './fields';
import type { ExportedFile } from './fields';

const exportOptions = {
  size: z.enum(Object.keys(PAPER_SIZES) as [keyof typeof PAPER_SIZES, ...(keyof typeof PAPER_SIZES)[]]),
  layout: z.enum(['flat', 'inside-right']).default('flat'),
  font: z.enum(CARD_FONTS).default('Lora'),
};

/** A word as the user adds it to their dictionary: letters (any script), apostrophes and inner hyphens. */
const word = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100)
  .regex(/^[\p{L}\p{M}][\p{L}\p{M}'’-]*$/u, 'must be one word, of letters');

export const lettersCalls = {
  'letters.templates': call<readonly LetterTemplate[]>()(none),
  'letters.saveTemplate': call<LetterTemplate>()(
    z.strictObject({ id: id.optional(), kind: z.enum(LETTER_KINDS), name: requiredText(200), subject: z.string().max(500), body: z.string().min(1).max(20_000) }),
  ),
  'letters.deleteTemplate': call<{ readonly deleted: number }>()(byId),
  /** `contactId`: who to write to when the round names nobody the letter could go to. */
  'letters.draft': call<readonly Letter[]>()(z.strictObject({ roundId: id, kind: z.enum(LETTER_KINDS), templateId: id.optional(), contactId: id.optional() })),
  'letters.list': call<readonly Letter[]>()(z.strictObject({ opportunityId: id })),
  'letters.update': call<Letter>()(
    z.strictObject({ id, subject: z.string().max(500).optional(), body: z.string().max(20_000).optional(), detail: z.string().max(1000).nullable().optional() }),
  ),
  'letters.markSent': call<Letter>()(byId),
  'letters.export': call<ExportedFile>()(z.strictObject({ ids: z.array(id).min(1).max(500), ...exportOptions })),
  'letters.exportDueCards': call<ExportedFile>()(z.strictObject(exportOptions)),
  'letters.dictionary': call<readonly string[]>()(none),
  'letters.addToDictionary': call<readonly string[]>()(z.strictObject({ word })),
  'letters.removeFromDictionary': call<readonly string[]>()(z.strictObject({ word })),
  /** Ignores a word in one letter's spelling check (kept with the letter). */
  'letters.ignoreWord': call<Letter>()(z.strictObject({ id, word })),
};
