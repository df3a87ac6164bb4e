/** The journal's opportunities and their interview rounds. */
import { z } from 'zod';
import { ARRANGED_CHANNELS, COMPANY_SIZES, ROUND_FORMATS } from '../domain';
import type { Opportunity, OpportunityWithRounds, Round } from '../domain';
import { atLeastOneField, byId, calendarDate, call, contactIds, id, instant, none, optionalText, requiredText, url } from './fields';

export const roundFields = z.strictObject({
  startsAt: instant,
  interviewerIds: contactIds.default([]),
  arrangedByContactId: id.nullish().transform((v) => v ?? null),
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
  recruiterContactId: id.nullish().transform((v) => v ?? null),
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
      recruiterContactId: id.nullable().optional(),
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
    interviewerIds: contactIds.optional(),
    arrangedByContactId: id.nullable().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, atLeastOneField);

export const journalCalls = {
  'opportunities.create': call<OpportunityWithRounds>()(opportunityCreate),
  'opportunities.list': call<readonly OpportunityWithRounds[]>()(none),
  'opportunities.get': call<OpportunityWithRounds>()(byId),
  'opportunities.update': call<Opportunity>()(opportunityUpdate),
  'opportunities.delete': call<{ readonly deleted: number }>()(byId),
  'rounds.create': call<Round>()(roundFields.extend({ opportunityId: id })),
  'rounds.list': call<readonly Round[]>()(z.strictObject({ opportunityId: id })),
  'rounds.get': call<Round>()(byId),
  'rounds.update': call<Round>()(z.strictObject({ id, patch: roundPatch })),
  'rounds.delete': call<{ readonly deleted: number }>()(byId),
};
