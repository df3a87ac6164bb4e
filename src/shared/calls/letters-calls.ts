/** Letters: templates, one draft per recipient, checks, marking sent, printed cards as .docx. */
import { z } from 'zod';
import { CARD_FONTS, LETTER_KINDS, PAPER_SIZES } from '../letters';
import type { Letter, LetterTemplate } from '../letters';
import { byId, call, id, none, requiredText } from './fields';
import type { ExportedFile } from './fields';

const exportOptions = {
  size: z.enum(Object.keys(PAPER_SIZES) as [keyof typeof PAPER_SIZES, ...(keyof typeof PAPER_SIZES)[]]),
  layout: z.enum(['flat', 'inside-right']).default('flat'),
  font: z.enum(CARD_FONTS).default('Georgia'),
};

export const lettersCalls = {
  'letters.templates': call<readonly LetterTemplate[]>()(none),
  'letters.saveTemplate': call<LetterTemplate>()(
    z.strictObject({ id: id.optional(), kind: z.enum(LETTER_KINDS), name: requiredText(200), subject: z.string().max(500), body: z.string().min(1).max(20_000) }),
  ),
  'letters.deleteTemplate': call<{ readonly deleted: number }>()(byId),
  'letters.draft': call<readonly Letter[]>()(z.strictObject({ roundId: id, kind: z.enum(LETTER_KINDS), templateId: id.optional() })),
  'letters.list': call<readonly Letter[]>()(z.strictObject({ opportunityId: id })),
  'letters.update': call<Letter>()(
    z.strictObject({ id, subject: z.string().max(500).optional(), body: z.string().max(20_000).optional(), detail: z.string().max(1000).nullable().optional() }),
  ),
  'letters.markSent': call<Letter>()(byId),
  'letters.export': call<ExportedFile>()(z.strictObject({ ids: z.array(id).min(1).max(500), ...exportOptions })),
  'letters.exportDueCards': call<ExportedFile>()(z.strictObject(exportOptions)),
};
