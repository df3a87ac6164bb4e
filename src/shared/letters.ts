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

/**
 * Kinds that mention one specific moment of the interview (the detail offered from the
 * reflection). A status check asks about next steps and does not: it gets no detail picker.
 */
export const DETAIL_KINDS: ReadonlySet<LetterKind> = new Set<LetterKind>(['thank-you-email', 'thank-you-card', 'linkedin-note', 'stay-in-touch', 'video-script']);

/** Kinds that can be printed (.docx): a LinkedIn note is sent in LinkedIn, never on paper. */
export const PRINTED_KINDS: readonly LetterKind[] = LETTER_KINDS.filter((k) => k !== 'linkedin-note');

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

/** Kinds written to each interviewer of a round (one letter per person: "Creating an Effective Follow-Up Strategy Post-Interview", step 2). */
export const PER_INTERVIEWER: ReadonlySet<LetterKind> = new Set(['thank-you-email', 'thank-you-card', 'linkedin-note', 'video-script']);

/** Errors embarrass the sender; warnings weaken the letter; suggestions are proofreading and tone. None blocks sending. */
export type Severity = 'error' | 'warning' | 'suggestion';

export const FINDING_CHECKS = [
  'placeholder',
  'no-detail',
  'recipient-name',
  'third-person',
  'duplicate',
  'too-long',
  'linkedin-length',
  'long-sentence',
  'spelling',
  'repeated-word',
  'tone',
] as const;

export interface Finding {
  readonly check: (typeof FINDING_CHECKS)[number];
  readonly severity: Severity;
  readonly message: string;
  /** Where in the body: character offsets, and the text there. */
  readonly start: number;
  readonly end: number;
  readonly excerpt: string;
  /** For a spelling finding: the word, to add to the dictionary or ignore in this letter. */
  readonly word?: string;
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
  /** When the chosen passage could not be put into this letter well: why, so the user words it. */
  readonly detailHint: string | null;
  /** Words the user chose to ignore in this letter's spelling check. */
  readonly ignoredWords: readonly string[];
}

export interface LetterTemplate {
  readonly id: number;
  readonly kind: LetterKind;
  readonly name: string;
  readonly subject: string;
  readonly body: string;
  readonly builtin: boolean;
}

/**
 * Card and page sizes, in inches (docs/follow-up-rules.md "Printed cards"). ISO A6 is 105 x 148
 * mm, not the US "A6". `foldedSheet`: the sheet the inside-right panel of a folded card is printed
 * on, twice the card's width (null: a page, not a card).
 */
export const PAPER_SIZES = {
  'a2-card': { title: 'A2 card, 4.25 x 5.5 in (envelope 4.375 x 5.75 in)', width: 4.25, height: 5.5, foldedSheet: '8.5 x 5.5 in (a US Letter sheet cut in half)' },
  'a7-card': { title: 'A7 card, 5 x 7 in (envelope 5.25 x 7.25 in)', width: 5, height: 7, foldedSheet: '10 x 7 in (cut from a larger sheet, or card blanks sold folded to A7)' },
  'us-a6-card': { title: 'US "A6" card, 4.5 x 6.25 in', width: 4.5, height: 6.25, foldedSheet: '9 x 6.25 in (cut from a larger sheet, or card blanks sold folded to A6)' },
  'iso-a6-card': { title: 'ISO A6 card, 105 x 148 mm (not the US "A6")', width: 105 / 25.4, height: 148 / 25.4, foldedSheet: '210 x 148 mm (an A5 sheet, landscape)' },
  'half-letter-a2': { title: 'Half-letter sheet, folded to A2 (8.5 x 5.5 in)', width: 4.25, height: 5.5, foldedSheet: '8.5 x 5.5 in (half a US Letter sheet); always folded' },
  letter: { title: 'US Letter page, 8.5 x 11 in', width: 8.5, height: 11, foldedSheet: null },
  a4: { title: 'A4 page, 210 x 297 mm', width: 210 / 25.4, height: 297 / 25.4, foldedSheet: null },
} as const;
export type PaperSize = keyof typeof PAPER_SIZES;

/**
 * Fonts for printed cards and letters. Lora (SIL Open Font License) is embedded in the file, so
 * it prints the same on Windows, macOS and Linux; the others are used by name: Times New Roman
 * and Arial are on Windows and macOS, and Linux word processors substitute metric-compatible
 * fonts (Liberation Serif and Sans), so the lines break the same.
 */
export const CARD_FONTS = ['Lora', 'Times New Roman', 'Arial', 'Georgia'] as const;
export type CardFont = (typeof CARD_FONTS)[number];
export const CARD_FONT_NOTES: Record<CardFont, string> = {
  Lora: 'Lora (embedded in the file: looks the same everywhere)',
  'Times New Roman': 'Times New Roman (Windows, macOS; Linux uses Liberation Serif, same widths)',
  Arial: 'Arial (Windows, macOS; Linux uses Liberation Sans, same widths)',
  Georgia: 'Georgia (Windows, macOS only; Linux substitutes another serif)',
};
