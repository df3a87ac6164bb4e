/**
 * Reflections: the Markdown notes written after each round, their earlier versions, and full-text
 * search over all of them (SQLite FTS5, kept in step by triggers).
 */
import type { Database } from 'better-sqlite3';
import { CoreError, notFound } from '../errors';
import { prepared } from '../journal/statements';
import { STORED_STAGES } from '../../../shared/domain';

/** The stages of the cards on the board, as SQL (a list the stage index can use; `<> 'closed'` reads every card). */
const OPEN_STAGES = STORED_STAGES.filter((s) => s !== 'closed').map((s) => `'${s}'`).join(', ');

export interface Reflection {
  readonly roundId: number;
  readonly body: string;
  readonly updatedAt: string | null;
  /** 0 before the first save; each save that changes the text adds one. */
  readonly revision: number;
}

export interface ReflectionVersion {
  readonly id: number;
  readonly roundId: number;
  readonly body: string;
  readonly savedAt: string;
}

export interface SearchHit {
  readonly roundId: number;
  readonly opportunityId: number;
  readonly company: string;
  readonly role: string;
  readonly roundNumber: number;
  /** The matching passage; matched words are wrapped in \u0002 ... \u0003 for the UI to highlight. */
  readonly snippet: string;
}

export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

/**
 * A passage as it reads, without the Markdown it is stored in: the marks for the thank-you (==),
 * emphasis, code, headings, quotes and list bullets (the search shows text, not its markup). The
 * highlight markers are kept.
 */
export function plainSnippet(snippet: string): string {
  return snippet
    .replace(/==|\*\*|__|~~|`/g, '')
    .replace(/(^|[\s(\u0002])[*_](?=[^\s*_])/g, '$1')
    .replace(/([^\s*_])[*_](?=$|[\s.,;:!?)\u0003])/g, '$1')
    .replace(/(^|\n)[ \t]*(?:#{1,6}|>|[-*+]|\d+\.)[ \t]+/g, '$1');
}

/** A new version is kept when a save comes this long after the last kept version. */
export const VERSION_EVERY_MS = 5 * 60_000;

/**
 * Turns what the user typed into a safe FTS5 query: each word becomes a quoted prefix term, so
 * FTS syntax (quotes, AND, NEAR, column filters, stars) is searched for, never executed.
 */
export function ftsQuery(text: string): string | null {
  const words = text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}']+/u)
    .map((w) => w.replace(/'/g, ''))
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}

export class ReflectionStore {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  get(roundId: number): Reflection {
    this.requireRound(roundId);
    const row = prepared<[number], { body: string; updated_at: string; revision: number }>(this.db, 'SELECT body, updated_at, revision FROM reflections WHERE round_id = ?')
      .get(roundId);
    return { roundId, body: row?.body ?? '', updatedAt: row?.updated_at ?? null, revision: row?.revision ?? 0 };
  }

  /**
   * Saves the body; keeps the previous text as a version when the last kept version is old enough.
   *
   * Older text never overwrites newer. Each save says which editor sent it (`session`, random per
   * editor), its number in that editor (`seq`, growing) and the revision the editor last knew
   * (`baseRevision`). When the stored text came from the same editor, only a later number is
   * taken (a save that arrives after a newer one is refused); from anyone else, only a save based
   * on the stored revision (another window saved in between: refused). Refused saves answer
   * `stale_revision` and change nothing. Saving the text that is already there is never refused.
   */
  save(roundId: number, body: string, save: { readonly baseRevision: number; readonly session: string; readonly seq: number }): Reflection {
    const at = this.now().toISOString();
    this.db.transaction(() => {
      const current = this.get(roundId);
      if (current.body === body) return;
      const stored = prepared<[number], { saved_by: string | null; saved_seq: number }>(this.db, 'SELECT saved_by, saved_seq FROM reflections WHERE round_id = ?').get(roundId);
      if (stored && stored.saved_by === save.session) {
        if (save.seq <= stored.saved_seq) {
          throw new CoreError('stale_revision', 'A newer save from this editor is already stored; this older one was not saved.');
        }
      } else if (current.revision !== save.baseRevision) {
        throw new CoreError(
          'stale_revision',
          `This reflection was changed elsewhere since your copy (revision ${current.revision}; yours was based on ${save.baseRevision}); nothing was saved.`,
        );
      }
      if (current.body.trim() !== '') {
        const last = prepared<[number], { saved_at: string }>(this.db, 'SELECT saved_at FROM reflection_versions WHERE round_id = ? ORDER BY saved_at DESC, id DESC LIMIT 1')
          .get(roundId);
        if (!last || Date.parse(at) - Date.parse(last.saved_at) >= VERSION_EVERY_MS) {
          prepared(this.db, 'INSERT INTO reflection_versions (round_id, body, saved_at) VALUES (?, ?, ?)').run(roundId, current.body, current.updatedAt ?? at);
        }
      }
      prepared(this.db,
          `INSERT INTO reflections (round_id, body, updated_at, revision, saved_by, saved_seq) VALUES (?, ?, ?, 1, ?, ?)
           ON CONFLICT (round_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at, revision = revision + 1,
             saved_by = excluded.saved_by, saved_seq = excluded.saved_seq`,
        )
        .run(roundId, body, at, save.session, save.seq);
    }).immediate();
    return this.get(roundId);
  }

  versions(roundId: number): ReflectionVersion[] {
    this.requireRound(roundId);
    return prepared<[number], { id: number; round_id: number; body: string; saved_at: string }>(this.db,
        'SELECT id, round_id, body, saved_at FROM reflection_versions WHERE round_id = ? ORDER BY saved_at DESC, id DESC',
      )
      .all(roundId)
      .map((r) => ({ id: r.id, roundId: r.round_id, body: r.body, savedAt: r.saved_at }));
  }

  /** Restores an earlier version; what was there becomes a version itself, so nothing is lost. */
  restore(versionId: number): Reflection {
    const version = prepared<[number], { round_id: number; body: string }>(this.db, 'SELECT round_id, body FROM reflection_versions WHERE id = ?').get(versionId);
    if (!version) throw notFound('version', versionId);
    const at = this.now().toISOString();
    this.db.transaction(() => {
      const current = this.get(version.round_id);
      if (current.body.trim() !== '' && current.body !== version.body) {
        prepared(this.db, 'INSERT INTO reflection_versions (round_id, body, saved_at) VALUES (?, ?, ?)').run(version.round_id, current.body, at);
      }
      prepared(this.db,
          `INSERT INTO reflections (round_id, body, updated_at, revision) VALUES (?, ?, ?, 1)
           ON CONFLICT (round_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at, revision = revision + 1, saved_by = NULL, saved_seq = 0`,
        )
        .run(version.round_id, version.body, at);
    }).immediate();
    return this.get(version.round_id);
  }

  search(text: string, limit = 50): SearchHit[] {
    const query = ftsQuery(text);
    if (!query) return [];
    return prepared<[string, string, string, number], { round_id: number; opportunity_id: number; company: string; role: string; number: number; snippet: string }>(this.db,
        // FTS5 ranks and cuts to the limit itself (ORDER BY rank on the FTS table alone), so the
        // snippets and the joins are made for the hits returned, not for every match: 4-5 ms for
        // two words over 20,000 reflections, where ranking the joined rows took 8-12.
        `SELECT s.round_id, r.opportunity_id, o.company, o.role, r.number, s.snippet
         FROM (SELECT rowid AS round_id, snippet(reflections_fts, 0, ?, ?, '…', 16) AS snippet, rank
               FROM reflections_fts
               WHERE reflections_fts MATCH ?
               ORDER BY rank
               LIMIT ?) s
         JOIN rounds r ON r.id = s.round_id
         JOIN opportunities o ON o.id = r.opportunity_id
         ORDER BY s.rank`,
      )
      .all(HIGHLIGHT_START, HIGHLIGHT_END, query, limit)
      .map((r) => ({ roundId: r.round_id, opportunityId: r.opportunity_id, company: r.company, role: r.role, roundNumber: r.number, snippet: plainSnippet(r.snippet) }));
  }

  /**
   * The board's cards (not closed, not archived) and those of `closedIds` with a reflection that
   * matches `text`, unranked. Led by the board's cards (through the stage index), each checked
   * against the set of matching rounds, which FTS5 makes once without ranking: 1.3-4.8 ms over
   * 20,000 reflections, where ranking every match took 4-17.
   */
  matchingCards(text: string, closedIds: readonly number[] = []): number[] {
    const query = ftsQuery(text);
    if (!query) return [];
    return prepared<[string, string], { id: number }>(this.db,
        `SELECT o.id FROM opportunities o
         WHERE o.archived_at IS NULL
           AND (o.stage IN (${OPEN_STAGES}) OR o.id IN (SELECT value FROM json_each(?)))
           AND EXISTS (SELECT 1 FROM rounds r WHERE r.opportunity_id = o.id
                       AND r.id IN (SELECT rowid FROM reflections_fts WHERE reflections_fts MATCH ?))`,
      )
      .all(JSON.stringify(closedIds), query)
      .map((r) => r.id);
  }

  all(): { roundId: number; opportunityId: number; company: string; role: string; roundNumber: number; startsAt: string; body: string }[] {
    return prepared<[], { round_id: number; opportunity_id: number; company: string; role: string; number: number; starts_at: string; body: string }>(this.db,
        `SELECT f.round_id, r.opportunity_id, o.company, o.role, r.number, r.starts_at, f.body
         FROM reflections f JOIN rounds r ON r.id = f.round_id JOIN opportunities o ON o.id = r.opportunity_id
         WHERE trim(f.body) <> '' ORDER BY r.starts_at`,
      )
      .all()
      .map((r) => ({ roundId: r.round_id, opportunityId: r.opportunity_id, company: r.company, role: r.role, roundNumber: r.number, startsAt: r.starts_at, body: r.body }));
  }

  private requireRound(roundId: number): void {
    if (!prepared(this.db, 'SELECT 1 FROM rounds WHERE id = ?').get(roundId)) throw notFound('round', roundId);
  }
}
