/**
 * Letters: drafted from a template for one recipient each, checked, marked sent (which records
 * the event the planner needs), and printed as .docx. Templates live in the journal; the
 * defaults are written on first use and can be edited like any other.
 */
import type { Database } from 'better-sqlite3';
import type { EventKind, Channel } from '../../../shared/domain';
import type { Finding, Letter, LetterKind, LetterTemplate } from '../../../shared/letters';
import { DETAIL_KINDS, PER_INTERVIEWER } from '../../../shared/letters';
import type { Settings } from '../../../shared/settings';
import { CoreError, notFound } from '../errors';
import type { ContactStore } from '../people/contact-store';
import type { TimelineStore } from '../timeline/timeline';
import { ReflectionStore } from '../reflections/reflection-store';
import { mentionsOf } from '../reflections/reflection-text';
import { checkLetter, LINKEDIN_LIMIT } from './checks';
import type { PhrasedDetail } from './detail-phrasing';
import { detailSentences, phraseDetail, shorterForms } from './detail-phrasing';
import type { ExportOptions, PrintedPage } from './docx-export';
import { DETAIL_PLACEHOLDER, DETAIL_SENTENCE_PLACEHOLDER, merge, mergeWithin, REPHRASE_PLACEHOLDER } from './merge';
import type { MergeData } from './merge';
import type { PersonName } from './person-name';
import { foldName, parseName } from './person-name';
import { spellChecker } from './spelling';
import { DEFAULT_TEMPLATES } from './templates';
import { prepared } from '../journal/statements';

interface LetterRow {
  id: number;
  opportunity_id: number;
  round_id: number | null;
  contact_id: number | null;
  kind: LetterKind;
  subject: string;
  body: string;
  detail: string | null;
  state: 'draft' | 'sent';
  sent_at: string | null;
  recipient_name: string | null;
  recipient_email: string | null;
  recipient_title: string | null;
  role: string;
  company: string;
  location: string | null;
  ignored_words: string;
}

const LETTER_SELECT = `SELECT l.*, c.name AS recipient_name, c.email AS recipient_email, c.title AS recipient_title, o.role AS role, o.company AS company, o.location AS location
  FROM letters l LEFT JOIN contacts c ON c.id = l.contact_id JOIN opportunities o ON o.id = l.opportunity_id`;

/** What marking a letter sent records in the timeline. */
const SENT_EVENT: Record<LetterKind, { kind: EventKind; channel: Channel } | null> = {
  'thank-you-email': { kind: 'thank_you_sent', channel: 'email' },
  'thank-you-card': { kind: 'card_mailed', channel: 'mail' },
  'status-check-email': { kind: 'status_check_sent', channel: 'email' },
  'phone-script': { kind: 'status_check_sent', channel: 'phone' }, // or the second call: see markSent
  'linkedin-note': { kind: 'linkedin_request_sent', channel: 'linkedin' },
  'stay-in-touch': { kind: 'check_in_sent', channel: 'email' },
  'rejection-reply': { kind: 'note', channel: 'email' },
  'move-on-close': { kind: 'moved_on', channel: 'email' },
  'video-script': { kind: 'thank_you_sent', channel: 'video' },
};

/** Checks whether a lower-case word is an ordinary English word (the spelling dictionary, once loaded). */
export type WordCheck = (word: string) => boolean;

/**
 * The marked passages a recipient's letter draws on first: those that name them, then those that
 * name nobody of the round, then the rest. Different interviewers get different moments when the
 * reflection marked several (one personal note each).
 */
function passageFor(mentions: readonly string[], people: readonly PersonName[], index: number): string | null {
  if (mentions.length === 0) return null;
  const words = (text: string) => ` ${foldName(text).split(/[^\p{L}]+/u).filter(Boolean).join(' ')} `;
  const mentioned = (m: string, p: PersonName) =>
    [p.given, p.family].some((n) => n && n.length > 1 && words(m).includes(words(n)));
  const person = people[index];
  if (person) {
    const own = mentions.filter((m) => mentioned(m, person));
    if (own.length > 0) return own[0]!;
    const free = mentions.filter((m) => !people.some((p) => mentioned(m, p)));
    if (free.length > 0) {
      const before = people.slice(0, index).filter((p) => !mentions.some((m) => mentioned(m, p))).length;
      return free[before % free.length]!;
    }
  }
  return mentions[index % mentions.length]!;
}

export class Letters {
  private readonly reflections: ReflectionStore;

  constructor(
    private readonly db: Database,
    private readonly timeline: TimelineStore,
    private readonly people: ContactStore,
    private readonly settings: () => Settings,
    private readonly now: () => Date,
  ) {
    this.reflections = new ReflectionStore(db, now);
  }

  // ---- templates ----

  private ensureTemplates(): void {
    const count = prepared(this.db, 'SELECT count(*) FROM letter_templates').pluck().get() as number;
    if (count > 0) return;
    const insert = prepared(this.db, 'INSERT INTO letter_templates (kind, name, subject, body, builtin, updated_at) VALUES (?, ?, ?, ?, 1, ?)');
    const at = this.now().toISOString();
    this.db.transaction(() => DEFAULT_TEMPLATES.forEach((t) => insert.run(t.kind, t.name, t.subject, t.body, at))).immediate();
  }

  templates(): LetterTemplate[] {
    this.ensureTemplates();
    return (prepared(this.db, 'SELECT id, kind, name, subject, body, builtin FROM letter_templates ORDER BY kind, id').all() as (Omit<LetterTemplate, 'builtin'> & { builtin: number })[]).map(
      (t) => ({ ...t, builtin: t.builtin === 1 }),
    );
  }

  saveTemplate(input: { id?: number | undefined; kind: LetterKind; name: string; subject: string; body: string }): LetterTemplate {
    this.ensureTemplates();
    const at = this.now().toISOString();
    let id = input.id;
    if (id !== undefined) {
      const changes = prepared(this.db, 'UPDATE letter_templates SET kind = ?, name = ?, subject = ?, body = ?, updated_at = ? WHERE id = ?').run(input.kind, input.name, input.subject, input.body, at, id).changes;
      if (changes === 0) throw notFound('template', id);
    } else {
      id = Number(prepared(this.db, 'INSERT INTO letter_templates (kind, name, subject, body, builtin, updated_at) VALUES (?, ?, ?, ?, 0, ?)').run(input.kind, input.name, input.subject, input.body, at).lastInsertRowid);
    }
    return this.templates().find((t) => t.id === id)!;
  }

  deleteTemplate(id: number): void {
    const row = prepared(this.db, 'SELECT kind FROM letter_templates WHERE id = ?').get(id) as { kind: string } | undefined;
    if (!row) throw notFound('template', id);
    const others = prepared(this.db, 'SELECT count(*) FROM letter_templates WHERE kind = ? AND id <> ?').pluck().get(row.kind, id) as number;
    if (others === 0) throw new CoreError('conflict', 'This is the only template of its kind: edit it rather than delete it.');
    prepared(this.db, 'DELETE FROM letter_templates WHERE id = ?').run(id);
  }

  // ---- drafts ----

  /**
   * One draft per recipient the kind calls for; drafts already written are kept as they are. A
   * round with no interviewer writes to whoever arranged it or the recruiter; with nobody at all,
   * the user is asked who to write to (`contactId`).
   */
  draftForRound(roundId: number, kind: LetterKind, options: { templateId?: number | undefined; contactId?: number | undefined; isWord?: WordCheck } = {}): Letter[] {
    this.ensureTemplates();
    const { templateId, contactId } = options;
    const round = prepared(this.db,
        `SELECT r.id, r.opportunity_id, r.number, r.starts_at, r.next_step, r.arranged_by_contact_id, o.company, o.role, o.recruiter_contact_id
         FROM rounds r JOIN opportunities o ON o.id = r.opportunity_id WHERE r.id = ?`,
      )
      .get(roundId) as
      | { id: number; opportunity_id: number; number: number; starts_at: string; next_step: string | null; arranged_by_contact_id: number | null; company: string; role: string; recruiter_contact_id: number | null }
      | undefined;
    if (!round) throw notFound('round', roundId);
    const template = (
      templateId !== undefined
        ? prepared(this.db, 'SELECT * FROM letter_templates WHERE id = ? AND kind = ?').get(templateId, kind)
        : prepared(this.db, 'SELECT * FROM letter_templates WHERE kind = ? ORDER BY builtin, id LIMIT 1').get(kind)
    ) as { id: number; subject: string; body: string } | undefined;
    if (!template) throw notFound('template of this kind', templateId ?? 0, 'templateId');
    if (contactId !== undefined) this.people.get(contactId);

    const interviewers = prepared(this.db, 'SELECT contact_id FROM round_interviewers WHERE round_id = ? ORDER BY position').pluck().all(roundId) as number[];
    const organiser = round.arranged_by_contact_id ?? round.recruiter_contact_id ?? null;
    const recipients: number[] =
      contactId !== undefined
        ? [contactId]
        : PER_INTERVIEWER.has(kind)
          ? interviewers.length > 0
            ? interviewers
            : organiser !== null
              ? [organiser]
              : []
          : [...(kind === 'stay-in-touch' ? [interviewers[0] ?? organiser] : [organiser ?? interviewers[0] ?? null])].filter((c): c is number => c !== null);
    if (recipients.length === 0) {
      throw new CoreError('conflict', `Round ${round.number} names no interviewer, and nobody who arranged it or recruits for it: choose who to write to.`);
    }
    const mentions = mentionsOf(this.reflections.get(roundId).body);
    const settings = this.settings();
    const roundDate = new Intl.DateTimeFormat(settings.englishVariant, { weekday: 'long', day: 'numeric', month: 'long', timeZone: settings.timeZone }).format(new Date(round.starts_at));
    const at = this.now().toISOString();
    const contacts = recipients.map((id) => this.people.get(id));
    const names = contacts.map((c) => parseName(c.name));
    const others = [...new Set([...interviewers, ...(organiser !== null ? [organiser] : [])])].map((id) => parseName(this.people.get(id).name));
    const limit = settings.linkedinPremium ? LINKEDIN_LIMIT.premium : LINKEDIN_LIMIT.standard;

    this.db.transaction(() => {
      contacts.forEach((contact, index) => {
        const exists = prepared(this.db, 'SELECT 1 FROM letters WHERE round_id = ? AND kind = ? AND contact_id IS ?').get(roundId, kind, contact.id);
        if (exists) return;
        const passage = passageFor(mentions, names, index);
        const data = this.mergeData(round, roundDate, contact, passage, others, options.isWord);
        const body = kind === 'linkedin-note' ? mergeWithin(template.body, data, limit) : merge(template.body, data);
        prepared(this.db,
            `INSERT INTO letters (opportunity_id, round_id, contact_id, kind, template_id, subject, body, detail, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(round.opportunity_id, roundId, contact.id, kind, template.id, merge(template.subject, data), body, passage, at, at);
      });
    }).immediate();
    return this.rows('WHERE l.round_id = ? AND l.kind = ?', roundId, kind).map((r) => this.hydrate(r, []));
  }

  private mergeData(
    round: { number: number; next_step: string | null; company: string; role: string },
    roundDate: string,
    contact: { name: string; title: string | null } | null,
    passage: string | null,
    others: readonly PersonName[],
    isWord?: WordCheck,
  ): MergeData {
    const settings = this.settings();
    const recipient = contact ? parseName(contact.name) : null;
    return {
      recipient,
      recipientTitle: contact?.title ?? null,
      company: round.company,
      role: round.role,
      roundDate,
      roundNumber: round.number,
      nextStep: round.next_step,
      detail: passage ? phraseDetail(passage, { recipient, others, ...(isWord ? { isWord } : {}) }) : null,
      myName: settings.userName,
      signature: settings.signature,
    };
  }

  private rows(where: string, ...params: unknown[]): LetterRow[] {
    return prepared(this.db, `${LETTER_SELECT} ${where} ORDER BY l.round_id, l.kind, l.id`).all(...params) as LetterRow[];
  }

  /** How the letter's passage reads for its reader (null: none chosen). */
  private phrased(r: Pick<LetterRow, 'detail' | 'recipient_name' | 'round_id'>): PhrasedDetail | null {
    if (!r.detail) return null;
    const others = r.round_id === null ? [] : (prepared(this.db, 'SELECT c.name FROM round_interviewers ri JOIN contacts c ON c.id = ri.contact_id WHERE ri.round_id = ?').pluck().all(r.round_id) as string[]).map(parseName);
    return phraseDetail(r.detail, { recipient: r.recipient_name ? parseName(r.recipient_name) : null, others });
  }

  private hydrate(r: LetterRow, findings: readonly Finding[]): Letter {
    const phrased = this.phrased(r);
    return {
      id: r.id,
      opportunityId: r.opportunity_id,
      roundId: r.round_id,
      contactId: r.contact_id,
      recipientName: r.recipient_name,
      recipientEmail: r.recipient_email,
      kind: r.kind,
      subject: r.subject,
      body: r.body,
      detail: r.detail,
      state: r.state,
      sentAt: r.sent_at,
      findings,
      detailOptions: r.round_id === null || !DETAIL_KINDS.has(r.kind) ? [] : mentionsOf(this.reflections.get(r.round_id).body),
      detailHint: !phrased || !r.body.includes(REPHRASE_PLACEHOLDER)
        ? null
        : phrased.kind === 'rephrase'
          ? phrased.reason
          : `“${r.detail}” tells of a moment rather than naming a topic, so it does not fit “about …” in this template: write it in your own words (a template can use {{detail.sentence}} for a whole sentence).`,
      ignoredWords: JSON.parse(r.ignored_words) as string[],
    };
  }

  async withFindings(rows: readonly LetterRow[]): Promise<Letter[]> {
    const settings = this.settings();
    const misspelled = await spellChecker(settings.englishVariant);
    const names = prepared(this.db, 'SELECT name FROM contacts UNION SELECT company FROM opportunities UNION SELECT role FROM opportunities').pluck().all() as string[];
    const dictionary = this.dictionary();
    return rows.map((r) => {
      const siblings = r.round_id === null ? [] : this.rows('WHERE l.round_id = ? AND l.kind = ? AND l.id <> ?', r.round_id, r.kind, r.id);
      const letter = this.hydrate(r, []);
      const findings = checkLetter({
        kind: r.kind,
        body: r.body,
        recipientName: r.recipient_name,
        role: r.role,
        company: r.company,
        detail: r.detail,
        mentions: letter.detailOptions,
        siblings: siblings.map((s) => ({ name: s.recipient_name, body: s.body })),
        linkedinPremium: settings.linkedinPremium,
        misspelled,
        knownNames: [...names, settings.userName, 'Afterword', 'LinkedIn'],
        dictionary,
        ignored: letter.ignoredWords,
      });
      return { ...letter, findings };
    });
  }

  async list(opportunityId: number): Promise<Letter[]> {
    return this.withFindings(this.rows('WHERE l.opportunity_id = ?', opportunityId));
  }

  async get(id: number): Promise<Letter> {
    const [row] = this.rows('WHERE l.id = ?', id);
    if (!row) throw notFound('letter', id);
    return (await this.withFindings([row]))[0]!;
  }

  /**
   * Edits a draft. A new detail replaces the old one where it stands in the text (its sentence,
   * its topic, or the placeholder), phrased for this reader.
   */
  update(id: number, patch: { subject?: string | undefined; body?: string | undefined; detail?: string | null | undefined }): void {
    const [row] = this.rows('WHERE l.id = ?', id);
    if (!row) throw notFound('letter', id);
    let body = patch.body ?? row.body;
    if (patch.detail !== undefined && patch.body === undefined && patch.detail) {
      const next = this.phrased({ ...row, detail: patch.detail });
      const old = this.phrased(row);
      const forms = (d: PhrasedDetail | null) =>
        d === null ? [] : d.kind === 'rephrase' ? [REPHRASE_PLACEHOLDER] : [...detailSentences(d), ...(d.topic ? shorterForms(d.topic) : [])];
      const sentence = next && next.kind !== 'rephrase' ? detailSentences(next)[0]! : REPHRASE_PLACEHOLDER;
      const topic = next && next.kind !== 'rephrase' && next.topic ? next.topic : REPHRASE_PLACEHOLDER;
      const sentenceSlots = [...forms(old).filter((f) => f.endsWith('.') || f === REPHRASE_PLACEHOLDER), DETAIL_SENTENCE_PLACEHOLDER];
      const topicSlots = [...(old && old.kind !== 'rephrase' && old.topic ? shorterForms(old.topic) : []), DETAIL_PLACEHOLDER];
      const slot = sentenceSlots.find((f) => body.includes(f));
      if (slot) body = body.replace(slot, sentence);
      else {
        const topicSlot = topicSlots.find((f) => body.includes(f));
        if (topicSlot) body = body.replace(topicSlot, topic);
      }
    }
    prepared(this.db, 'UPDATE letters SET subject = ?, body = ?, detail = ?, updated_at = ? WHERE id = ?')
      .run(patch.subject ?? row.subject, body, patch.detail === undefined ? row.detail : patch.detail, this.now().toISOString(), id);
  }

  // ---- the user's dictionary ----

  dictionary(): string[] {
    return prepared(this.db, 'SELECT word FROM dictionary_words ORDER BY word COLLATE NOCASE').pluck().all() as string[];
  }

  /** Adds a word to the dictionary; returns the opportunities whose letters' checks change. */
  addToDictionary(word: string): number[] {
    prepared(this.db, 'INSERT INTO dictionary_words (word, added_at) VALUES (?, ?) ON CONFLICT (word) DO NOTHING').run(word.replace(/’/g, "'"), this.now().toISOString());
    return this.lettered();
  }

  removeFromDictionary(word: string): number[] {
    prepared(this.db, 'DELETE FROM dictionary_words WHERE word = ?').run(word.replace(/’/g, "'"));
    return this.lettered();
  }

  private lettered(): number[] {
    return prepared(this.db, 'SELECT DISTINCT opportunity_id FROM letters').pluck().all() as number[];
  }

  /** Ignores a word in one letter's spelling check. */
  ignoreWord(id: number, word: string): number {
    const [row] = this.rows('WHERE l.id = ?', id);
    if (!row) throw notFound('letter', id);
    const words = JSON.parse(row.ignored_words) as string[];
    if (!words.some((w) => foldName(w) === foldName(word))) {
      prepared(this.db, 'UPDATE letters SET ignored_words = ?, updated_at = ? WHERE id = ?').run(JSON.stringify([...words, word]), this.now().toISOString(), id);
    }
    return row.opportunity_id;
  }

  /** Marks a letter sent and records the matching event (a thank-you to that person, a status check, ...). */
  markSent(id: number): number {
    const [row] = this.rows('WHERE l.id = ?', id);
    if (!row) throw notFound('letter', id);
    if (row.state === 'sent') throw new CoreError('conflict', 'This letter is already marked as sent.');
    let event = SENT_EVENT[row.kind];
    if (row.kind === 'phone-script' && row.round_id !== null) {
      const checked = prepared(this.db, "SELECT 1 FROM events WHERE round_id = ? AND kind = 'status_check_sent' AND undone_at IS NULL").get(row.round_id);
      if (checked) event = { kind: 'call_made', channel: 'phone' };
    }
    const at = this.now().toISOString();
    this.db.transaction(() => {
      let eventId: number | null = null;
      if (event) {
        const [recorded] = this.timeline.record([
          {
            opportunityId: row.opportunity_id,
            roundId: row.round_id,
            contactId: row.contact_id,
            kind: event.kind,
            channel: event.channel,
            occurredAt: at,
            note: event.kind === 'note' ? 'Replied to the rejection' : null,
          },
        ]);
        eventId = recorded!.id;
      }
      prepared(this.db, "UPDATE letters SET state = 'sent', sent_at = ?, event_id = ?, updated_at = ? WHERE id = ?").run(at, eventId, at, id);
    }).immediate();
    return row.opportunity_id;
  }

  /**
   * Prints letters as one .docx, a page each. A letter page carries the sender's address block,
   * the date and the recipient's block above the letter, as printed letters do; a card, the text alone.
   */
  async export(ids: readonly number[], options: ExportOptions, onProgress?: (done: number, total: number) => void): Promise<{ fileName: string; mimeType: string; base64: string }> {
    if (ids.length === 0) throw new CoreError('invalid_input', 'There is nothing to export.');
    const rows = ids.map((id) => {
      const [row] = this.rows('WHERE l.id = ?', id);
      if (!row) throw notFound('letter', id);
      if (row.kind === 'linkedin-note') throw new CoreError('invalid_input', 'A LinkedIn note is sent in LinkedIn, not printed: copy it instead.');
      return row;
    });
    const isPage = options.size === 'letter' || options.size === 'a4';
    const settings = this.settings();
    const today = new Intl.DateTimeFormat(settings.englishVariant, { day: 'numeric', month: 'long', year: 'numeric', timeZone: settings.timeZone }).format(this.now());
    const sender = [settings.userName, ...settings.senderAddress.split(/\r?\n/)].map((l) => l.trim()).filter(Boolean);
    const pages: PrintedPage[] = rows.map((r) =>
      isPage
        ? {
            body: r.body,
            letterhead: {
              sender,
              dateLine: today,
              recipient: [r.recipient_name, r.recipient_title, r.company, r.location].filter((l): l is string => Boolean(l && l.trim())),
            },
          }
        : { body: r.body },
    );
    // docx is loaded on the first export: most sessions print nothing, and the library costs the
    // main process about 16 MB when loaded (measured with the benchmarks' peak memory).
    const { exportDocx, exportFileName } = await import('./docx-export');
    const buffer = await exportDocx(pages, options, onProgress);
    const first = rows[0]!;
    return {
      fileName: exportFileName(rows.length === 1 ? [first.kind, first.recipient_name ?? first.company] : [`${rows.length}-${first.kind === 'thank-you-card' ? 'cards' : 'letters'}`], options.size),
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      base64: buffer.toString('base64'),
    };
  }

  /** Drafts (if needed) the cards every open "thank-you card" action calls for, and returns their ids. */
  dueCardIds(openCardActions: readonly { roundId: number | null; recipient: { contactId: number | null } | null }[], isWord?: WordCheck): number[] {
    const ids: number[] = [];
    const rounds = new Set(openCardActions.map((a) => a.roundId).filter((r): r is number => r !== null));
    for (const roundId of rounds) {
      let letters: Letter[];
      try {
        letters = this.draftForRound(roundId, 'thank-you-card', isWord ? { isWord } : {});
      } catch (error) {
        if (error instanceof CoreError && error.code === 'conflict') continue; // nobody to write to: the round's letters ask
        throw error;
      }
      for (const a of openCardActions.filter((x) => x.roundId === roundId)) {
        const contactId = a.recipient?.contactId ?? null;
        const letter = letters.find((l) => (contactId === null || l.contactId === contactId) && l.state === 'draft' && !ids.includes(l.id));
        if (letter) ids.push(letter.id);
      }
    }
    return ids;
  }
}
