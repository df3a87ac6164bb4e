/** Letters (docs/follow-up-rules.md "What a good letter holds", §5): kinds, what a check finds, and the printed card sizes. */

export const LETTER_KINDS = [
  'thank-you-email',
  'thank-you-card',
  'status-check-email',
  'phone-script',
  'linkedin-note',
  'stay-in-touch',
  'rejection-reply',
  'move-on-close',
  'video-script',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const LETTER_KIND_TITLES: Record<LetterKind, string> = {
  'thank-you-email': 'Thank-you email',
  'thank-you-card': 'Thank-you card',
  'status-check-email': 'Status-check email',
  'phone-script': 'Phone-call script',
  'linkedin-note': 'LinkedIn connection note',
  'stay-in-touch': 'Stay-in-touch note',
  'rejection-reply': 'Reply to a rejection',
  'move-on-close': 'A polite close after moving on',
  'video-script': 'Video thank-you script',
};

/** Kinds written to each interviewer of a round (one letter per person: seed 002, step 2). */
export const PER_INTERVIEWER: ReadonlySet<LetterKind> = new Set(['thank-you-email', 'thank-you-card', 'linkedin-note', 'video-script']);

export interface Finding {
  readonly check: 'placeholder' | 'no-detail' | 'recipient-name' | 'duplicate' | 'too-long' | 'linkedin-length' | 'spelling' | 'repeated-word' | 'tone';
  readonly message: string;
  /** Where in the body: character offsets, and the text there. */
  readonly start: number;
  readonly end: number;
  readonly excerpt: string;
}

export interface Letter {
  readonly id: number;
  readonly opportunityId: number;
  readonly roundId: number | null;
  readonly contactId: number | null;
  readonly recipientName: string | null;
  readonly recipientEmail: string | null;
  readonly kind: LetterKind;
  readonly subject: string;
  readonly body: string;
  readonly detail: string | null;
  readonly state: 'draft' | 'sent';
  readonly sentAt: string | null;
  readonly findings: readonly Finding[];
  /** The passages the user marked in the reflection: offered as the specific detail. */
  readonly detailOptions: readonly string[];
}

export interface LetterTemplate {
  readonly id: number;
  readonly kind: LetterKind;
  readonly name: string;
  readonly subject: string;
  readonly body: string;
  readonly builtin: boolean;
}

/** Card and page sizes, in inches (docs/follow-up-rules.md "Printed cards"). ISO A6 is 105 x 148 mm, not the US "A6". */
export const PAPER_SIZES = {
  'a2-card': { title: 'A2 card, 4.25 x 5.5 in (envelope 4.375 x 5.75 in)', width: 4.25, height: 5.5 },
  'a7-card': { title: 'A7 card, 5 x 7 in (envelope 5.25 x 7.25 in)', width: 5, height: 7 },
  'us-a6-card': { title: 'US "A6" card, 4.5 x 6.25 in', width: 4.5, height: 6.25 },
  'iso-a6-card': { title: 'ISO A6 card, 105 x 148 mm (not the US "A6")', width: 105 / 25.4, height: 148 / 25.4 },
  'half-letter-a2': { title: 'Half-letter sheet, folded to A2 (8.5 x 5.5 in)', width: 4.25, height: 5.5, foldedFrom: { width: 8.5, height: 5.5 } },
  letter: { title: 'US Letter page, 8.5 x 11 in', width: 8.5, height: 11 },
  a4: { title: 'A4 page, 210 x 297 mm', width: 210 / 25.4, height: 297 / 25.4 },
} as const;
export type PaperSize = keyof typeof PAPER_SIZES;
export const CARD_FONTS = ['Georgia', 'Garamond', 'Times New Roman', 'Arial', 'Helvetica', 'Calibri'] as const;
export type CardFont = (typeof CARD_FONTS)[number];
