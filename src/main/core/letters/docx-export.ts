/**
 * Printed thank-you cards and letters as .docx (docs/follow-up-rules.md "Printed cards"): the exact
 * card sizes, flat or the inside-right panel of a folded card, margins of at least 0.25 in, one
 * card per page, the text centred on its panel. A letter page has the sender's address block, the
 * date and the recipient's block, as printed letters do. Right-to-left paragraphs (Arabic,
 * Hebrew) are marked as such; control characters a word processor cannot read become spaces.
 *
 * The default font, Lora (SIL Open Font License, from @expo-google-fonts/lora), is embedded in the
 * file so the card prints the same on Windows, macOS and Linux.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignSection,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { CardFont, PaperSize } from '../../../shared/letters';
import { PAPER_SIZES } from '../../../shared/letters';

export type CardLayout = 'flat' | 'inside-right';

export interface ExportOptions {
  readonly size: PaperSize;
  readonly layout: CardLayout;
  readonly font: CardFont;
}

export interface PrintedPage {
  readonly body: string;
  /** For a letter page: the blocks above the letter. */
  readonly letterhead?: {
    readonly sender: readonly string[];
    readonly dateLine: string;
    readonly recipient: readonly string[];
  };
}

const TWIPS_PER_INCH = 1440;
const twips = (inches: number) => Math.round(inches * TWIPS_PER_INCH);
export const MIN_MARGIN_IN = 0.25;

const isLetterPage = (size: PaperSize) => size === 'letter' || size === 'a4';

/** The sheet that goes through the printer and where the text sits on it, in inches. */
export function pageGeometry(options: Pick<ExportOptions, 'size' | 'layout'>): {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  folded: boolean;
} {
  const paper = PAPER_SIZES[options.size];
  if (isLetterPage(options.size)) return { width: paper.width, height: paper.height, margin: { top: 1, right: 1, bottom: 1, left: 1 }, folded: false };
  const inner = 0.4; // comfortable, and above the 0.25 in minimum
  // A half-letter sheet is always folded; other cards are folded when the inside-right panel is asked for.
  const folded = options.size === 'half-letter-a2' || options.layout === 'inside-right';
  if (!folded) return { width: paper.width, height: paper.height, margin: { top: inner, right: inner, bottom: inner, left: inner }, folded };
  // Unfolded, the sheet is two panels side by side; the text goes on the right one.
  return {
    width: paper.width * 2,
    height: paper.height,
    margin: { top: inner, right: inner, bottom: inner, left: paper.width + inner },
    folded,
  };
}

// ---- text ----------------------------------------------------------------------------------------

/** C0 and C1 control characters (not the line break) become spaces: XML cannot carry most of them. */
export const withoutControls = (text: string): string =>
  text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\uFFFE\uFFFF]/g, ' ');

const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const LTR_LETTER = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/u;

/** A paragraph is right-to-left when its first strong letter is Hebrew or Arabic (as Unicode's bidi rule P2 decides). */
export function isRightToLeft(text: string): boolean {
  for (const ch of text) {
    if (RTL_LETTER.test(ch)) return true;
    if (LTR_LETTER.test(ch)) return false;
  }
  return false;
}

function paragraphsOf(text: string, font: string, sizePt: number, align?: 'right'): Paragraph[] {
  return withoutControls(text)
    .split(/\n{2,}/)
    .map((block) => {
      const rtl = isRightToLeft(block);
      return new Paragraph({
        bidirectional: rtl,
        ...(align === 'right' ? { alignment: rtl ? AlignmentType.LEFT : AlignmentType.RIGHT } : {}),
        spacing: { after: Math.round(sizePt * 20 * 0.8), line: Math.round(sizePt * 20 * 1.25) },
        children: block.split('\n').map((line, i) => new TextRun({ text: line, font, size: sizePt * 2, rightToLeft: rtl, break: i > 0 ? 1 : 0 })),
      });
    });
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;

/**
 * A card's text in the middle of its panel. Word centres a section's text vertically
 * (`verticalAlign` above), LibreOffice does not, but both centre a table cell: one borderless cell
 * as tall as the panel, less a line for the paragraph Word keeps after a table.
 */
function centredOnPanel(children: Paragraph[], geometry: ReturnType<typeof pageGeometry>): Table {
  const height = geometry.height - geometry.margin.top - geometry.margin.bottom - 0.3;
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER },
    rows: [
      new TableRow({
        height: { value: twips(height), rule: HeightRule.ATLEAST },
        cantSplit: true,
        children: [
          new TableCell({
            verticalAlign: VerticalAlignTable.CENTER,
            margins: { top: 0, bottom: 0, left: 0, right: 0 },
            borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
            children,
          }),
        ],
      }),
    ],
  });
}

// ---- fonts ---------------------------------------------------------------------------------------

let lora: Buffer | null = null;
function embeddedFont(font: CardFont): { name: string; data: Buffer }[] {
  if (font !== 'Lora') return [];
  lora ??= fs.readFileSync(createRequire(import.meta.url).resolve('@expo-google-fonts/lora/400Regular/Lora_400Regular.ttf'));
  return [{ name: 'Lora', data: lora }];
}

// ---- the file ------------------------------------------------------------------------------------

/** One .docx with a page (a section) per card or letter. `onProgress` hears each page built. */
export async function exportDocx(pages: readonly PrintedPage[], options: ExportOptions, onProgress?: (done: number, total: number) => void): Promise<Buffer> {
  const geometry = pageGeometry(options);
  const portrait = geometry.width <= geometry.height;
  const page = isLetterPage(options.size);
  const sizePt = page ? 11 : options.size === 'a7-card' ? 12 : 11;
  const sections = [];
  for (let i = 0; i < pages.length; i++) {
    const p = pages[i]!;
    const head = p.letterhead;
    sections.push({
      properties: {
        // A card's text sits in the middle of its panel (see centredOnPanel); a letter starts at the top.
        ...(page ? {} : { verticalAlign: VerticalAlignSection.TOP }),
        page: {
          // docx writes landscape sheets by swapping a portrait size: give it the portrait one.
          size: portrait
            ? { width: twips(geometry.width), height: twips(geometry.height), orientation: PageOrientation.PORTRAIT }
            : { width: twips(geometry.height), height: twips(geometry.width), orientation: PageOrientation.LANDSCAPE },
          margin: {
            top: twips(geometry.margin.top),
            right: twips(geometry.margin.right),
            bottom: twips(geometry.margin.bottom),
            left: twips(geometry.margin.left),
            header: twips(MIN_MARGIN_IN),
            footer: twips(MIN_MARGIN_IN),
          },
        },
      },
      children: page
        ? [
            ...(head && head.sender.length > 0 ? paragraphsOf(head.sender.join('\n'), options.font, sizePt, 'right') : []),
            ...(head ? paragraphsOf(head.dateLine, options.font, sizePt) : []),
            ...(head && head.recipient.length > 0 ? paragraphsOf(head.recipient.join('\n'), options.font, sizePt) : []),
            ...paragraphsOf(p.body, options.font, sizePt),
          ]
        : [centredOnPanel(paragraphsOf(p.body, options.font, sizePt), geometry)],
    });
    onProgress?.(i + 1, pages.length);
    if (i % 20 === 19) await new Promise((r) => setImmediate(r)); // let progress reach the UI
  }
  const doc = new Document({
    creator: 'Afterword',
    title: pages.length === 1 ? (page ? 'Letter' : 'Thank-you card') : `${pages.length} ${page ? 'letters' : 'thank-you cards'}`,
    styles: { default: { document: { run: { font: options.font } } } },
    fonts: embeddedFont(options.font),
    sections,
  });
  return Packer.toBuffer(doc);
}

/**
 * The file's name: "afterword-thank-you-card-ana-lópez-a2-card.docx". Letters of any script stay
 * readable; what a file system refuses (slashes, colons, quotes, control characters) becomes a dash.
 */
export function exportFileName(parts: readonly string[], size: PaperSize): string {
  const slug = parts
    .join('-')
    .normalize('NFC')
    .toLocaleLowerCase('en')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `afterword-${slug || 'letter'}-${size}.docx`;
}
