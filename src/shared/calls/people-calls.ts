/** The people of a search: interviewers, recruiters, contacts. */
import { z } from 'zod';
import type { Contact } from '../domain';
import { atLeastOneField, call, email, id, none, optionalText, requiredText, url } from './fields';

const contactFields = {
  name: requiredText(200),
  title: optionalText(200),
  email,
  phone: optionalText(60),
  linkedinUrl: url,
};

export const peopleCalls = {
  'contacts.list': call<readonly Contact[]>()(none),
  'contacts.create': call<Contact>()(z.strictObject(contactFields)),
  'contacts.update': call<Contact>()(
    z.strictObject({
      id,
      patch: z
        .strictObject({
          name: contactFields.name.optional(),
          title: contactFields.title.optional(),
          email: contactFields.email.optional(),
          phone: contactFields.phone.optional(),
          linkedinUrl: contactFields.linkedinUrl.optional(),
        })
        .refine((p) => Object.keys(p).length > 0, atLeastOneField),
    }),
  ),
};
