/** The reflection journal: a Markdown note per round, its versions, search, the question bank, export. */
import { z } from 'zod';
import { call, id } from './fields';
import type { ExportedFile } from './fields';

/** The most Closed cards the board's search asks about at once (pages of them loaded). */
export const CLOSED_IDS_MAX = 10_000;

export interface ReflectionView {
  readonly roundId: number;
  readonly opportunityId: number;
  readonly company: string;
  readonly role: string;
  readonly roundNumber: number;
  readonly startsAt: string;
  readonly body: string;
  readonly updatedAt: string | null;
  /** The revision of this text: a save names it as its base (see reflection-store.ts). */
  readonly revision: number;
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
  /**
   * Saves a reflection. `revision`: the revision the editor last knew; `session`: the editor's
   * random id; `seq`: this save's number in that editor. A save that would put older text over
   * newer answers `stale_revision` (see reflection-store.ts).
   */
  'reflections.save': call<ReflectionView>()(
    z.strictObject({
      roundId: id,
      body: z.string().max(200_000),
      revision: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
      session: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'must be an editor id'),
      seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    }),
  ),
  'reflections.versions': call<readonly { readonly id: number; readonly body: string; readonly savedAt: string }[]>()(z.strictObject({ roundId: id })),
  'reflections.restore': call<ReflectionView>()(z.strictObject({ versionId: id })),
  'reflections.search': call<
    readonly { readonly roundId: number; readonly opportunityId: number; readonly company: string; readonly role: string; readonly roundNumber: number; readonly snippet: string }[]
  >()(z.strictObject({ query: z.string().max(200), limit: z.number().int().min(1).max(500).default(50) })),
  /**
   * The board's search in reflections: every card on the board (not closed, not archived), and
   * those of `closedIds` (the Closed cards loaded), with a reflection that matches. All of them,
   * unranked: the ranked hits (`reflections.search`) are the best few across the whole history,
   * and at 20,000 opportunities "design" matched 417 open cards of which 7 were among the best 50.
   */
  'reflections.matchingCards': call<readonly number[]>()(
    z.strictObject({ query: z.string().max(200), closedIds: z.array(id).max(CLOSED_IDS_MAX).default([]) }),
  ),
  'reflections.questions': call<readonly QuestionBankEntry[]>()(z.strictObject({ query: z.string().max(200).default('') })),
  'reflections.export': call<ExportedFile>()(z.strictObject({ roundId: id.optional() })),
};
