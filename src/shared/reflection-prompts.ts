/**
 * The reflection's starting point: the playbook's prompts (docs/follow-up-rules.md "Words", "Reflection"; "What to Do After a Job Interview",
 * step 5), as Markdown headings the user writes under. Shared: the editor starts from it, and the
 * core reads the sections back (questions for the question bank, the stated next step).
 */
export const REFLECTION_HEADINGS = {
  questions: 'Questions asked',
  answers: 'My answers',
  wentWell: 'What went well',
  improve: 'What to improve',
  notCovered: 'Points I did not cover well',
  share: 'Accomplishments or links worth sharing',
  mentions: 'Moments to mention in the thank-you',
  nextSteps: 'Next steps and timeline they stated',
} as const;

export const REFLECTION_TEMPLATE = Object.values(REFLECTION_HEADINGS)
  .map((h) => `## ${h}\n\n`)
  .join('');
