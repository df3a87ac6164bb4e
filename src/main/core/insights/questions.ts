/**
 * The questions asked most across the rounds of the period, from the reflections' "Questions
 * asked" sections (the same reading as the question bank). SQLite cuts each section out of the
 * reflection and keeps it in an index (migration 8), so this reads a few lines per round, not
 * every reflection's whole text.
 */
import type { AskedQuestion, QuestionsFigure } from '../../../shared/calls/insights-calls';
import { listItemTexts } from '../reflections/reflection-text';
import { prepared } from './round-facts';
import type { InsightsContext } from './round-facts';

/** `INDEXED BY`: the round id is the table's own key, which SQLite would otherwise prefer (and then read each body). */
export const QUESTIONS_QUERY = `
  SELECT r.opportunity_id, f.questions_section
  FROM rounds r INDEXED BY rounds_by_time
  JOIN reflections f INDEXED BY reflections_questions ON f.round_id = r.id
  WHERE r.starts_at >= @from AND r.starts_at < @to AND f.questions_section IS NOT NULL`;

const TOP = 10;

/** Two wordings of a question that differ only in case, spacing or punctuation are one question. */
export const questionKey = (question: string): string =>
  question
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export function questions(ctx: InsightsContext): QuestionsFigure {
  const rows = prepared(ctx.db, QUESTIONS_QUERY).raw().all({ from: ctx.period.fromIso, to: ctx.period.toIso }) as [number, string][];
  const asked = new Map<string, { question: string; rounds: number; opportunities: Set<number> }>();
  // The same few questions come back round after round: each distinct section is read once.
  const read = new Map<string, { question: string; key: string }[]>();
  let roundsWithQuestions = 0;
  for (const [opportunity, section] of rows) {
    let items = read.get(section);
    if (!items) {
      items = listItemTexts(section)
        .map((question) => ({ question, key: questionKey(question) }))
        .filter((q) => q.key !== '');
      read.set(section, items);
    }
    const seen = new Set<string>();
    for (const { question, key } of items) {
      if (seen.has(key)) continue; // the same question twice in one round counts once
      seen.add(key);
      const entry = asked.get(key);
      if (entry) {
        entry.rounds++;
        entry.opportunities.add(opportunity);
      } else asked.set(key, { question, rounds: 1, opportunities: new Set([opportunity]) });
    }
    if (seen.size > 0) roundsWithQuestions++;
  }
  const top: AskedQuestion[] = [...asked.values()]
    .filter((q) => q.rounds >= 2)
    .sort((a, b) => b.rounds - a.rounds || b.opportunities.size - a.opportunities.size || a.question.localeCompare(b.question))
    .slice(0, TOP)
    .map((q) => ({ question: q.question, rounds: q.rounds, opportunities: q.opportunities.size }));
  return { roundsWithQuestions, top };
}
