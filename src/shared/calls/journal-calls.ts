/** The journal's opportunities and their interview rounds. */
import { z } from 'zod';
import { ARRANGED_CHANNELS, COMPANY_SIZES, ROUND_FORMATS } from '../domain';
import type { Opportunity, OpportunityWithRounds, Round, StoredStage, ClosedReason } from '../domain';
import { atLeastOneField, byId, calendarDate, call, id, instant, none, optionalText, requiredText, url } from './fields';
import { personRef, personRefs } from './people-calls';

/** Tags: short words of the user's, none twice (ignoring case), kept in the order given. */
export const tags = z
  .array(z.string().trim().min(1, 'a tag must not be empty').max(40))
  .max(20)
  .refine((list) => new Set(list.map((t) => t.toLowerCase())).size === list.length, { message: 'lists a tag twice' });

/**
 * A round's people are contacts' ids or new people (`{ new: { name, ... } }`) typed into the same
 * form: those are created in the form's transaction, so a cancelled form leaves no one behind.
 */
export const roundFields = z.strictObject({
  startsAt: instant,
  interviewerIds: personRefs.default([]),
  arrangedByContactId: personRef.nullish().transform((v) => v ?? null),
  durationMinutes: z.number().int().min(5).max(24 * 60).default(60),
  format: z.enum(ROUND_FORMATS),
  arrangedChannel: z.enum(ARRANGED_CHANNELS).default('email'),
  nextStep: optionalText(2000),
  decisionDate: calendarDate.nullish().transform((v) => v ?? null),
});

const opportunityFields = {
  company: requiredText(200),
  role: requiredText(200),
  jobUrl: url,
  location: optionalText(200),
  source: optionalText(200),
  salaryNotes: optionalText(2000),
  notes: optionalText(10_000),
  tags: tags.default([]),
  recruiterContactId: personRef.nullish().transform((v) => v ?? null),
  companySize: z.enum(COMPANY_SIZES).nullish().transform((v) => v ?? null),
};

export const opportunityCreate = z.strictObject({
  ...opportunityFields,
  firstRound: roundFields.optional(),
});

export const opportunityUpdate = z.strictObject({
  id,
  patch: z
    .strictObject({
      company: opportunityFields.company.optional(),
      role: opportunityFields.role.optional(),
      jobUrl: opportunityFields.jobUrl.optional(),
      location: opportunityFields.location.optional(),
      source: opportunityFields.source.optional(),
      salaryNotes: opportunityFields.salaryNotes.optional(),
      notes: opportunityFields.notes.optional(),
      tags: tags.optional(),
      recruiterContactId: personRef.nullable().optional(),
      companySize: z.enum(COMPANY_SIZES).nullable().optional(),
    })
    .refine((p) => Object.keys(p).length > 0, atLeastOneField),
});

const roundPatch = z
  .strictObject({
    startsAt: instant.optional(),
    durationMinutes: z.number().int().min(5).max(24 * 60).optional(),
    format: z.enum(ROUND_FORMATS).optional(),
    arrangedChannel: z.enum(ARRANGED_CHANNELS).optional(),
    nextStep: optionalText(2000).optional(),
    decisionDate: calendarDate.nullable().optional(),
    interviewerIds: personRefs.optional(),
    arrangedByContactId: personRef.nullable().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, atLeastOneField);

/** An archived card, as the archive lists it. */
export interface ArchivedOpportunity {
  readonly id: number;
  readonly company: string;
  readonly role: string;
  readonly archivedAt: string;
  readonly stage: StoredStage;
  readonly closedReason: ClosedReason | null;
}

/** What a card holds besides itself: what deleting it would take with it. */
export interface OpportunityContents {
  readonly rounds: number;
  readonly events: number;
  readonly letters: number;
  readonly reflections: number;
}

/** A deleted card, kept so the deletion can be undone (for `DELETED_KEPT_DAYS` days). */
export interface DeletedOpportunity extends OpportunityContents {
  readonly deletionId: number;
  readonly opportunityId: number;
  readonly company: string;
  readonly role: string;
  readonly deletedAt: string;
}

/** How long a deleted card can still be brought back. */
export const DELETED_KEPT_DAYS = 30;

export const journalCalls = {
  'opportunities.create': call<OpportunityWithRounds>()(opportunityCreate),
  'opportunities.list': call<readonly OpportunityWithRounds[]>()(none),
  'opportunities.get': call<OpportunityWithRounds>()(byId),
  'opportunities.update': call<Opportunity>()(opportunityUpdate),
  /** Deletes a card with everything it holds; `deletionId` brings it all back (`opportunities.undoDelete`). */
  'opportunities.delete': call<{ readonly deleted: number; readonly deletionId: number }>()(byId),
  'opportunities.contents': call<OpportunityContents>()(byId),
  'opportunities.undoDelete': call<OpportunityWithRounds>()(z.strictObject({ deletionId: id })),
  'opportunities.deleted': call<readonly DeletedOpportunity[]>()(none),
  /** Off the board and the reminders, kept whole, restorable. */
  'opportunities.archive': call<Opportunity>()(byId),
  'opportunities.unarchive': call<Opportunity>()(byId),
  'opportunities.archived': call<readonly ArchivedOpportunity[]>()(none),
  'rounds.create': call<Round>()(roundFields.extend({ opportunityId: id })),
  'rounds.list': call<readonly Round[]>()(z.strictObject({ opportunityId: id })),
  'rounds.get': call<Round>()(byId),
  'rounds.update': call<Round>()(z.strictObject({ id, patch: roundPatch })),
  'rounds.delete': call<{ readonly deleted: number }>()(byId),
};
