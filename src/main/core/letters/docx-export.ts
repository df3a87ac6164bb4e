/**
 * Printed thank-you cards and letters as .docx (docs/follow-up-rules.md "Printed cards"): the exact card sizes, flat or the
 * inside-right panel of a folded card, margins of at least 0.25 in, one card per page.
 */
import type { Paragraph } from 'docx';
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
  /** A dateline for printed letters. */
  readonly dateLine?: string;
}

const TWIPS_PER_INCH = 1440;
const twips = (inches: number) => Math.round(inches * TWIPS_PER_INCH);
export const MIN_MARGIN_IN = 0.25;

/** The sheet that goes through the printer and where the text sits on it, in inches. */
export function pageGeometry(options: Pick<ExportOptions, 'size' | 'layout'>): {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  folded: boolean;
} {
  const paper = PAPER_SIZES[options.size];
  const isPage = options.size === 'letter' || options.size === 'a4';
  if (isPage) return { width: paper.width, height: paper.height, margin: { top: 1, right: 1, bottom: 1, left: 1 }, folded: false };
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

/**
 * docx, loaded on the first export: most sessions print nothing, and the library costs the main
 * process 16 MB of memory when loaded (measured).
 */
type Docx = typeof import('docx');
let loaded: Promise<Docx> | null = null;
const docx = (): Promise<Docx> => (loaded ??= import('docx'));

function paragraphsOf({ Paragraph, TextRun }: Docx, text: string, font: CardFont, sizePt: number): Paragraph[] {
  return text
    .replace(/\r\n/g, '\n')
    .split(/\n{2,}/)
    .map(
      (block) =>
        new Paragraph({
          spacing: { after: Math.round(sizePt * 20 * 0.8), line: Math.round(sizePt * 20 * 1.25) },
          children: block.split('\n').map((line, i) => new TextRun({ text: line, font, size: sizePt * 2, break: i > 0 ? 1 : 0 })),
        }),
    );
}

/** One .docx with a page (a section) per card or letter. `onProgress` hears each page built. */
export async function exportDocx(pages: readonly PrintedPage[], options: ExportOptions, onProgress?: (done: number, total: number) => void): Promise<Buffer> {
  const library = await docx();
  const { Document, Packer, PageOrientation } = library;
  const geometry = pageGeometry(options);
  const portrait = geometry.width <= geometry.height;
  const sizePt = options.size === 'letter' || options.size === 'a4' ? 11 : options.size === 'a7-card' ? 12 : 11;
  const sections = [];
  for (let i = 0; i < pages.length; i++) {
    const page = pages[i]!;
    sections.push({
      properties: {
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
      children: [...(page.dateLine ? paragraphsOf(library, page.dateLine, options.font, sizePt) : []), ...paragraphsOf(library, page.body, options.font, sizePt)],
    });
    onProgress?.(i + 1, pages.length);
    if (i % 20 === 19) await new Promise((r) => setImmediate(r)); // let progress reach the UI
  }
  const doc = new Document({
    creator: 'Afterword',
    title: pages.length === 1 ? 'Thank-you card' : `${pages.length} thank-you cards`,
    styles: { default: { document: { run: { font: options.font } } } },
    sections,
  });
  return Packer.toBuffer(doc);
}
