/** The people of a search: interviewers, recruiters, contacts; a person's history; merging and removing. */
import { z } from 'zod';
import type { Channel, Contact, EventKind, RoundFormat } from '../domain';
import type { LetterKind } from '../letters';
import { atLeastOneField, byId, call, email, id, none, optionalText, requiredText, url } from './fields';

export const contactFields = {
  name: requiredText(200),
  title: optionalText(200),
  company: optionalText(200),
  email,
  phone: optionalText(60),
  linkedinUrl: url,
  notes: optionalText(5000),
};

/** A new person typed into a form: created with the form, in its transaction, only when it is saved. */
export const newPerson = z.strictObject(contactFields);

/** Someone a form names: a contact's id, or `{ new: {...} }` for a person to add with the form. */
export const personRef = z.union([id, z.strictObject({ new: newPerson })]);

/** People of a form (interviewers): ids at most once each; new people by name at most once each. */
export const personRefs = z
  .array(personRef)
  .max(20)
  .refine(
    (refs) => {
      const keys = refs.map((r) => (typeof r === 'number' ? `#${r}` : `new:${r.new.name.toLowerCase()}`));
      return new Set(keys).size === keys.length;
    },
    { message: 'lists someone twice' },
  );

/** One round a person took part in, as an interviewer or as the one who arranged it. */
export interface PersonRound {
  readonly roundId: number;
  readonly opportunityId: number;
  readonly company: string;
  readonly role: string;
  readonly number: number;
  readonly startsAt: string;
  readonly format: RoundFormat;
  readonly part: 'interviewer' | 'arranged';
}

/**
 * One line of a person's contact log: an event of the timeline that names them (a thank-you
 * sent, a card mailed, a call, a note; with the letter it was sent as, if any), or a letter to
 * them that no event records (a draft, or a sent letter whose event was undone).
 */
export type PersonHistoryEntry =
  | {
      readonly type: 'event';
      readonly eventId: number;
      readonly kind: EventKind;
      readonly channel: Channel | null;
      readonly at: string;
      readonly note: string | null;
      readonly opportunityId: number;
      readonly company: string;
      readonly roundNumber: number | null;
      readonly letterId: number | null;
      readonly letterKind: LetterKind | null;
    }
  | {
      readonly type: 'letter';
      readonly letterId: number;
      readonly kind: LetterKind;
      readonly state: 'draft' | 'sent';
      readonly subject: string;
      /** When it was sent, or last changed for a draft. */
      readonly at: string;
      readonly opportunityId: number;
      readonly company: string;
      readonly roundNumber: number | null;
    };

/** Everything the journal holds about a person, oldest first. */
export interface PersonHistory {
  readonly contact: Contact;
  readonly rounds: readonly PersonRound[];
  /** Opportunities where they are the recruiter or HR contact. */
  readonly recruiterFor: readonly { readonly opportunityId: number; readonly company: string; readonly role: string }[];
  readonly entries: readonly PersonHistoryEntry[];
}

export const peopleCalls = {
  /** Every contact, removed ones included (their names still label rounds); screens filter. */
  'contacts.list': call<readonly Contact[]>()(none),
  'contacts.create': call<Contact>()(z.strictObject(contactFields)),
  'contacts.update': call<Contact>()(
    z.strictObject({
      id,
      patch: z
        .strictObject({
          name: contactFields.name.optional(),
          title: contactFields.title.optional(),
          company: contactFields.company.optional(),
          email: contactFields.email.optional(),
          phone: contactFields.phone.optional(),
          linkedinUrl: contactFields.linkedinUrl.optional(),
          notes: contactFields.notes.optional(),
        })
        .refine((p) => Object.keys(p).length > 0, atLeastOneField),
    }),
  ),
  'contacts.history': call<PersonHistory>()(byId),
  /**
   * Takes a person off the contacts: their details go, their name stays on what names them. A
   * person nothing names is deleted outright.
   */
  'contacts.remove': call<{ readonly removed: number; readonly keptName: boolean }>()(byId),
  /** Two contacts who are one person: everything that names `mergeId` names `keepId`, then `mergeId` is gone. */
  'contacts.merge': call<Contact>()(
    z.strictObject({ keepId: id, mergeId: id }).refine((m) => m.keepId !== m.mergeId, { message: 'names the same person twice' }),
  ),
};
