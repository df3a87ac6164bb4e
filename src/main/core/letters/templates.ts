/**
 * The default templates, written for Afterword from the playbook (docs/follow-up-rules.md "What a
 * good letter holds"): gratitude, the role and company, one specific detail, why you fit, renewed
 * interest; a status check framed as eagerness, not impatience. Merge fields in {{double braces}};
 * the user edits them or adds their own, and they live in the journal.
 *
 * `{{recipient.greeting}}` is how the letter greets them ("Ana", or "Dr. López" when the journal
 * gives a title); `{{detail.sentence}}` is the marked moment as a whole sentence addressed to the
 * reader, `{{detail}}` the same moment as a topic ("our conversation about {{detail}}").
 */
import type { LetterKind } from '../../../shared/letters';

export interface TemplateText {
  readonly kind: LetterKind;
  readonly name: string;
  readonly subject: string;
  readonly body: string;
}

export const MERGE_FIELDS = [
  'recipient.name',
  'recipient.firstName',
  'recipient.greeting',
  'recipient.title',
  'company',
  'role',
  'round.date',
  'round.number',
  'nextStep',
  'detail',
  'detail.sentence',
  'me.name',
  'signature',
] as const;

export const DEFAULT_TEMPLATES: readonly TemplateText[] = [
  {
    kind: 'thank-you-email',
    name: 'Thank-you email',
    subject: 'Thank you, {{role}} interview',
    body: `Dear {{recipient.greeting}},

Thank you for taking the time to talk with me on {{round.date}} about the {{role}} role at {{company}}. {{detail.sentence}}

It left me even more excited about the team, and I believe my experience would let me contribute from the start. I look forward to hearing from you.

{{signature}}`,
  },
  {
    kind: 'thank-you-card',
    name: 'Thank-you card',
    subject: 'Thank-you card',
    body: `Dear {{recipient.greeting}},

Thank you for meeting with me on {{round.date}}. {{detail.sentence}} I would love to bring my experience to {{company}}.

With thanks,
{{me.name}}`,
  },
  {
    kind: 'status-check-email',
    name: 'Status check',
    subject: 'Following up on the {{role}} role',
    body: `Dear {{recipient.greeting}},

I hope you are well. I interviewed for the {{role}} role at {{company}} on {{round.date}}, and I remain very interested in the opportunity. Is there any news you can share about the next steps, or a time frame I should keep in mind?

Thank you again for your help throughout the process.

{{signature}}`,
  },
  {
    kind: 'phone-script',
    name: 'Phone call',
    subject: 'Call about the {{role}} role',
    body: `Hello {{recipient.greeting}}, this is {{me.name}}. I interviewed for the {{role}} role on {{round.date}}.

I am calling because I am still very interested in the position, and I wanted to ask whether there is an update on the next steps, or when I might expect to hear.

(If they have no news:) Thank you, that is helpful. I appreciate your time.
(If voicemail:) I will keep an eye on my email. Thank you, and have a good day.`,
  },
  {
    kind: 'linkedin-note',
    name: 'LinkedIn connection note',
    subject: 'LinkedIn note',
    body: `Hi {{recipient.greeting}}, thank you for talking with me about the {{role}} role. {{detail.sentence}} I would be glad to stay in touch.`,
  },
  {
    kind: 'stay-in-touch',
    name: 'Stay in touch',
    subject: 'Hello from {{me.name}}',
    body: `Hi {{recipient.greeting}},

I hope all is well at {{company}}. I was thinking back to our interview and wanted to say hello. {{detail.sentence}} If a role opens up where I could help the team, I would love to hear about it.

All the best,
{{me.name}}`,
  },
  {
    kind: 'rejection-reply',
    name: 'Reply to a rejection',
    subject: 'Re: {{role}} role',
    body: `Dear {{recipient.greeting}},

Thank you for letting me know, and for the time you and the team gave me. I enjoyed learning about {{company}}, and I would be glad to be considered for future openings. I hope we stay in touch.

{{signature}}`,
  },
  {
    kind: 'move-on-close',
    name: 'A polite close',
    subject: 'Thank you, {{role}} role',
    body: `Dear {{recipient.greeting}},

Thank you again for considering me for the {{role}} role. As I have not heard back, I will assume the team has moved forward, and I wish you every success with the hire. I would be glad to stay in touch for the future.

{{signature}}`,
  },
  {
    kind: 'video-script',
    name: 'Video thank-you',
    subject: 'Video thank-you',
    body: `Before you record (“Effective Follow-Up Etiquette After a Job Interview”):
[ ] A quiet, well-lit place
[ ] Good equipment: camera at eye level, a clear microphone
[ ] The message planned: about a minute
[ ] The item you discussed at hand, to show

Script:
Hi {{recipient.greeting}}, it's {{me.name}}. Thank you for the conversation on {{round.date}} about the {{role}} role. {{detail.sentence}} I wanted to show you how I would approach it. (Show the item.) I am excited about what the team is building at {{company}}, and I hope to talk again soon.`,
  },
];
