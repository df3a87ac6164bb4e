/** The reflection journal: a Markdown note per round, its versions, search, the question bank, export. */
import { z } from 'zod';
import { call, id } from './fields';
import type { ExportedFile } from './fields';

export interface ReflectionView {
  readonly roundId: number;
  readonly opportunityId: number;
  readonly company: string;
  readonly role: string;
  readonly roundNumber: number;
  readonly startsAt: string;
  readonly body: string;
  readonly updatedAt: string | null;
  /** Passages marked "mention in the thank-you". */
  readonly mentions: readonly string[];
  /** A next step / decision date written in the notes that differs from the round's. */
  readonly stated: { readonly nextStep: string | null; readonly decisionDate: string | null };
}

export interface QuestionBankEntry {
  readonly question: string;
  readonly answer: string | null;
  readonly company: string;
  readonly role: string;
  readonly roundNumber: number;
  readonly roundId: number;
  readonly opportunityId: number;
  readonly askedAt: string;
}

export const reflectionsCalls = {
  'reflections.get': call<ReflectionView>()(z.strictObject({ roundId: id })),
  'reflections.save': call<ReflectionView>()(z.strictObject({ roundId: id, body: z.string().max(200_000) })),
  'reflections.versions': call<readonly { readonly id: number; readonly body: string; readonly savedAt: string }[]>()(z.strictObject({ roundId: id })),
  'reflections.restore': call<ReflectionView>()(z.strictObject({ versionId: id })),
  'reflections.search': call<
    readonly { readonly roundId: number; readonly opportunityId: number; readonly company: string; readonly role: string; readonly roundNumber: number; readonly snippet: string }[]
  >()(z.strictObject({ query: z.string().max(200), limit: z.number().int().min(1).max(500).default(50) })),
  'reflections.questions': call<readonly QuestionBankEntry[]>()(z.strictObject({ query: z.string().max(200).default('') })),
  'reflections.export': call<ExportedFile>()(z.strictObject({ roundId: id.optional() })),
};
