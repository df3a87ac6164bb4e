/**
 * The pieces every domain's calls are built from: the validators of common fields (ids, text,
 * instants, calendar dates, addresses) and `call`, which pairs an input validator with the type of
 * the answer. Each domain's file in this folder declares its calls with these; `../contract.ts`
 * merges them into the one contract.
 */
import { isExists } from 'date-fns/isExists';
import { z } from 'zod';

// ---- field validators -------------------------------------------------------------------------

export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const requiredText = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** An instant with an explicit offset; normalised to UTC. `2026-02-30T10:00Z` is refused. */
export const instant = z
  .string()
  .max(40)
  .refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(s), {
    message: 'must be a date and time with a time zone, like 2026-11-20T15:00:00Z',
  })
  .refine((s) => isRealCalendarDate(s.slice(0, 10)) && !Number.isNaN(Date.parse(s)), {
    message: 'is not a real date and time',
  })
  .transform((s) => new Date(s).toISOString());

/** A calendar date, `YYYY-MM-DD`, that exists (no 2026-02-30). */
export const calendarDate = z
  .string()
  .max(10)
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s), { message: 'must be a date like 2026-11-20' })
  .refine(isRealCalendarDate, { message: 'is not a real date' });

export function isRealCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1900 && y <= 2200 && isExists(y, mo - 1, d);
}

export const url = z
  .string()
  .trim()
  .max(2000)
  .refine((s) => s === '' || /^https?:\/\/[^\s]+$/i.test(s), { message: 'must be an http(s) address' })
  .nullish()
  .transform((v) => (v ? v : null));

export const email = z
  .string()
  .trim()
  .max(320)
  .refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), { message: 'is not an email address' })
  .nullish()
  .transform((v) => (v ? v : null));

export const contactIds = z.array(id).max(20).refine((ids) => new Set(ids).size === ids.length, { message: 'lists someone twice' });

export const byId = z.strictObject({ id });
export const none = z.strictObject({}).optional();

/** A patch must change something. */
export const atLeastOneField = { message: 'must change at least one field' };

// ---- calls ------------------------------------------------------------------------------------

/** A call's spec: the validator of its input, and (as a phantom type) the shape of its answer. */
export interface CallSpec<I extends z.ZodType, O> {
  readonly input: I;
  readonly __output?: O;
}

export const call =
  <O>() =>
  <I extends z.ZodType>(input: I): CallSpec<I, O> => ({ input });

/** A file the core made for the user to save (.md, .zip, .docx), base64-encoded. */
export interface ExportedFile {
  readonly fileName: string;
  readonly mimeType: string;
  readonly base64: string;
}
