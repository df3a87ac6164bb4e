/**
 * The reflection journal's service: what the editor shows and saves, the question bank across
 * rounds, search, and export. Saving a reflection with words of the user's own records the
 * planner's "reflection written" event once, so the action is done without an extra click.
 */
import type { Database } from 'better-sqlite3';
import type { QuestionBankEntry, ReflectionView } from '../../../shared/contract';
import { notFound } from '../errors';
import type { TimelineStore } from '../timeline/timeline';
import { markdownDocument, reflectionFileName, zip } from './markdown-export';
import type { ExportFile } from './markdown-export';
import { ReflectionStore } from './reflection-store';
import { hasOwnWords, mentionsOf, questionsOf, statedDecision } from './reflection-text';
import type { AskedQuestion } from './reflection-text';
import { prepared } from '../journal/statements';

/** The question bank shows the newest this many. */
const QUESTION_BANK_SIZE = 500;

interface RoundInfo {
  opportunity_id: number;
  company: string;
  role: string;
  number: number;
  starts_at: string;
  next_step: string | null;
  decision_date: string | null;
}

export class Reflections {
  readonly store: ReflectionStore;
  /** The questions read from each round's note, while the note stays as it was. */
  private readonly asked = new Map<number, { readonly body: string; readonly questions: readonly AskedQuestion[] }>();

  constructor(
    private readonly db: Database,
    private readonly timeline: TimelineStore,
    now: () => Date,
  ) {
    this.store = new ReflectionStore(db, now);
  }

  private round(roundId: number): RoundInfo {
    const row = prepared<[number], RoundInfo>(this.db,
        `SELECT r.opportunity_id, o.company, o.role, r.number, r.starts_at, r.next_step, r.decision_date
         FROM rounds r JOIN opportunities o ON o.id = r.opportunity_id WHERE r.id = ?`,
      )
      .get(roundId);
    if (!row) throw notFound('round', roundId);
    return row;
  }

  view(roundId: number): ReflectionView {
    const info = this.round(roundId);
    const { body, updatedAt, revision } = this.store.get(roundId);
    const stated = statedDecision(body, info.starts_at);
    return {
      roundId,
      opportunityId: info.opportunity_id,
      company: info.company,
      role: info.role,
      roundNumber: info.number,
      startsAt: info.starts_at,
      body,
      updatedAt,
      revision,
      mentions: mentionsOf(body),
      // Offer only what would change the round.
      stated: {
        nextStep: stated.nextStep && stated.nextStep !== info.next_step ? stated.nextStep : null,
        decisionDate: stated.decisionDate && stated.decisionDate !== info.decision_date ? stated.decisionDate : null,
      },
    };
  }

  /** Saves (see ReflectionStore.save); says whether the card's plan changed (its reflection counted as written). */
  save(roundId: number, body: string, save: Parameters<ReflectionStore['save']>[2]): { view: ReflectionView; planChanged: boolean } {
    const info = this.round(roundId);
    let planChanged = false;
    this.db.transaction(() => {
      this.store.save(roundId, body, save);
      if (hasOwnWords(body)) {
        const written = prepared(this.db, "SELECT 1 FROM events WHERE round_id = ? AND kind = 'reflection_written' AND undone_at IS NULL").get(roundId);
        if (!written) {
          this.timeline.record([
            { opportunityId: info.opportunity_id, roundId, contactId: null, kind: 'reflection_written', channel: 'app', occurredAt: new Date().toISOString(), note: null },
          ]);
          planChanged = true;
        }
      }
    }).immediate();
    return { view: this.view(roundId), planChanged };
  }

  /**
   * The question bank: every question asked in any round, with the answer given, newest first.
   * Reading a note's Markdown is the cost, so notes are read newest first until the bank is
   * full, only when the note contains every word searched for (as typed), and once per version.
   */
  questions(query: string): QuestionBankEntry[] {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const entries: QuestionBankEntry[] = [];
    const notes = this.store.all();
    for (let i = notes.length - 1; i >= 0; i--) {
      const r = notes[i]!;
      if (entries.length >= QUESTION_BANK_SIZE && r.startsAt < entries.at(-1)!.askedAt) break;
      const text = `${r.body} ${r.company} ${r.role}`.toLowerCase();
      if (!words.every((w) => text.includes(w))) continue;
      for (const q of this.askedIn(r.roundId, r.body)) {
        const haystack = `${q.question} ${q.answer ?? ''} ${r.company} ${r.role}`.toLowerCase();
        if (words.every((w) => haystack.includes(w))) {
          entries.push({ ...q, company: r.company, role: r.role, roundNumber: r.roundNumber, roundId: r.roundId, opportunityId: r.opportunityId, askedAt: r.startsAt });
        }
      }
    }
    return entries.sort((a, b) => (a.askedAt < b.askedAt ? 1 : -1)).slice(0, QUESTION_BANK_SIZE);
  }

  private askedIn(roundId: number, body: string): readonly AskedQuestion[] {
    const known = this.asked.get(roundId);
    if (known?.body === body) return known.questions;
    const questions = questionsOf(body);
    this.asked.set(roundId, { body, questions });
    return questions;
  }

  export(roundId?: number): ExportFile {
    const document = (r: { company: string; role: string; roundNumber: number; startsAt: string; body: string }) =>
      markdownDocument(`${r.company}, ${r.role}: round ${r.roundNumber}`, r.startsAt.slice(0, 10), r.body);
    if (roundId !== undefined) {
      const v = this.view(roundId);
      return {
        fileName: reflectionFileName(v.company, v.role, v.roundNumber, v.startsAt),
        mimeType: 'text/markdown',
        base64: Buffer.from(document(v), 'utf8').toString('base64'),
      };
    }
    const files = this.store.all().map((r) => ({ name: reflectionFileName(r.company, r.role, r.roundNumber, r.startsAt), content: document(r) }));
    return { fileName: 'afterword-reflections.zip', mimeType: 'application/zip', base64: zip(files).toString('base64') };
  }
}
