/**
 * Reflections out of Afterword as Markdown files: one file, or all of them in a .zip.
 */
import { strToU8, zipSync } from 'fflate';
import type { Zippable } from 'fflate';

export interface ExportFile {
  readonly fileName: string;
  readonly mimeType: string;
  readonly base64: string;
}

export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'reflection'
  );
}

export function reflectionFileName(company: string, role: string, round: number, startsAt: string): string {
  return `${startsAt.slice(0, 10)}-${slug(company)}-${slug(role)}-round-${round}.md`;
}

export function markdownDocument(title: string, when: string, body: string): string {
  return `# ${title}\n\n_${when}_\n\n${body.trim()}\n`;
}

/**
 * A .zip of the given files (deflated, UTF-8 names), through fflate: synchronous like the rest of
 * the export, no dependencies of its own, and what docx already brings in. Two files of the same
 * name (two rounds on one day at the same company and role) are both kept: `-2` for the second.
 */
export function zip(files: readonly { name: string; content: string }[], date = new Date()): Buffer {
  const entries: Zippable = {};
  for (const file of files) {
    let name = file.name;
    for (let n = 2; name in entries; n++) name = file.name.replace(/(\.[^.]*)?$/, (ext) => `-${n}${ext}`);
    entries[name] = [strToU8(file.content), { level: 6, mtime: date }];
  }
  return Buffer.from(zipSync(entries));
}
