/**
 * Importing a journal document (format 1). Everything is checked before anything is written: the
 * shape of every record, and every reference between them. Then, in one transaction:
 * - into an empty journal, the file becomes the journal: same ids, same timestamps, its settings,
 *   so exporting again gives the same bytes;
 * - into a journal that has data, the file is merged by the rules of matching.ts: people and
 *   opportunities already there are kept as they are, the rest is added with new ids.
 */
import type { Database } from 'better-sqlite3';
import type { JournalCounts, JsonImportResult, JsonPreview } from '../../../shared/calls/transfer-calls';
import { settingsPatchSchema } from '../../../shared/settings';
import type { SettingsPatch } from '../../../shared/settings';
import { CoreError } from '../errors';
import { DEFAULT_TEMPLATES } from '../letters/templates';
import { FORMAT_NAME, FORMAT_VERSION, journalDocument } from './journal-format';
import type { JournalDocument } from './journal-format';
import { ContactMatcher, existingOpportunities, normal, opportunityKey, remapActionKey } from './matching';
import { prepared } from '../journal/statements';

/** Decodes and checks a file; throws `invalid_input` with what is wrong and where. */
export function parseJournalFile(bytes: Buffer): { document: JournalDocument; settings: SettingsPatch } {
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new CoreError('invalid_input', `This file is not JSON (${error instanceof Error ? error.message : String(error)}). Nothing was imported.`);
  }
  const head = (raw ?? {}) as { format?: unknown; version?: unknown };
  if (typeof raw !== 'object' || raw === null || head.format !== FORMAT_NAME) {
    throw new CoreError('invalid_input', 'This JSON file is not an Afterword journal (it has no "format": "afterword-journal"). Nothing was imported.');
  }
  if (typeof head.version === 'number' && head.version > FORMAT_VERSION) {
    throw new CoreError('invalid_input', `This journal was exported by a newer Afterword (format version ${head.version}; this one reads version ${FORMAT_VERSION}). Nothing was imported.`);
  }
  const parsed = journalDocument.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 10).map((i) => `${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '')}: ${i.message}`);
    throw new CoreError('invalid_input', `This journal file has ${parsed.error.issues.length} problem(s); nothing was imported. ${issues.join('; ')}`);
  }
  const settings = settingsPatchSchema.safeParse(parsed.data.settings);
  if (!settings.success) {
    const issue = settings.error.issues[0];
    throw new CoreError('invalid_input', `This journal file's settings cannot be used (settings.${issue?.path.join('.')}: ${issue?.message}). Nothing was imported.`);
  }
  checkReferences(parsed.data);
  // The planner's values as the file has them; their name is worked out again (a file from an
  // older version may name a preset whose values have since changed).
  const { planner, ...rest } = settings.data;
  return { document: parsed.data, settings: planner ? { ...rest, planner: { ...planner, preset: undefined } } : rest };
}

/** Every id a record refers to must be in the file; ids are unique per table. */
function checkReferences(doc: JournalDocument): void {
  const problems: string[] = [];
  const ids = (table: string, rows: readonly { id: number }[]): Set<number> => {
    const set = new Set<number>();
    rows.forEach((r, i) => {
      if (set.has(r.id)) problems.push(`${table}[${i}].id: ${r.id} appears twice`);
      set.add(r.id);
    });
    return set;
  };
  const contacts = ids('contacts', doc.contacts);
  const opportunities = ids('opportunities', doc.opportunities);
  const rounds = ids('rounds', doc.rounds);
  const events = ids('events', doc.events);
  const templates = ids('templates', doc.templates);
  ids('letters', doc.letters);
  ids('reflectionVersions', doc.reflectionVersions);
  const roundOwner = new Map(doc.rounds.map((r) => [r.id, r.opportunityId]));
  const need = (where: string, what: string, set: ReadonlySet<number>, value: number | null) => {
    if (value !== null && !set.has(value)) problems.push(`${where}: no ${what} with id ${value} in the file`);
  };
  doc.opportunities.forEach((o, i) => need(`opportunities[${i}].recruiterContactId`, 'contact', contacts, o.recruiterContactId));
  const numbers = new Set<string>();
  doc.rounds.forEach((r, i) => {
    need(`rounds[${i}].opportunityId`, 'opportunity', opportunities, r.opportunityId);
    need(`rounds[${i}].arrangedByContactId`, 'contact', contacts, r.arrangedByContactId);
    r.interviewerIds.forEach((c, k) => need(`rounds[${i}].interviewerIds[${k}]`, 'contact', contacts, c));
    if (new Set(r.interviewerIds).size !== r.interviewerIds.length) problems.push(`rounds[${i}].interviewerIds: lists someone twice`);
    const key = `${r.opportunityId}/${r.number}`;
    if (numbers.has(key)) problems.push(`rounds[${i}].number: opportunity ${r.opportunityId} has two rounds numbered ${r.number}`);
    numbers.add(key);
  });
  doc.events.forEach((e, i) => {
    need(`events[${i}].opportunityId`, 'opportunity', opportunities, e.opportunityId);
    need(`events[${i}].roundId`, 'round', rounds, e.roundId);
    need(`events[${i}].contactId`, 'contact', contacts, e.contactId);
    if (e.roundId !== null && roundOwner.has(e.roundId) && roundOwner.get(e.roundId) !== e.opportunityId) {
      problems.push(`events[${i}].roundId: round ${e.roundId} belongs to another opportunity`);
    }
  });
  const stateKeys = new Set<string>();
  doc.actionStates.forEach((s, i) => {
    need(`actionStates[${i}].opportunityId`, 'opportunity', opportunities, s.opportunityId);
    const key = `${s.opportunityId}/${s.actionKey}`;
    if (stateKeys.has(key)) problems.push(`actionStates[${i}]: the state of ${s.actionKey} appears twice`);
    stateKeys.add(key);
  });
  const noticeKeys = new Set<string>();
  doc.notifications.forEach((n, i) => {
    need(`notifications[${i}].opportunityId`, 'opportunity', opportunities, n.opportunityId);
    const key = `${n.opportunityId}/${n.notificationKey}`;
    if (noticeKeys.has(key)) problems.push(`notifications[${i}]: ${n.notificationKey} appears twice`);
    noticeKeys.add(key);
  });
  const reflected = new Set<number>();
  doc.reflections.forEach((r, i) => {
    need(`reflections[${i}].roundId`, 'round', rounds, r.roundId);
    if (reflected.has(r.roundId)) problems.push(`reflections[${i}].roundId: round ${r.roundId} has two reflections`);
    reflected.add(r.roundId);
  });
  doc.reflectionVersions.forEach((v, i) => need(`reflectionVersions[${i}].roundId`, 'round', rounds, v.roundId));
  doc.letters.forEach((l, i) => {
    need(`letters[${i}].opportunityId`, 'opportunity', opportunities, l.opportunityId);
    need(`letters[${i}].roundId`, 'round', rounds, l.roundId);
    need(`letters[${i}].contactId`, 'contact', contacts, l.contactId);
    need(`letters[${i}].templateId`, 'template', templates, l.templateId);
    need(`letters[${i}].eventId`, 'event', events, l.eventId);
  });
  if (problems.length > 0) {
    throw new CoreError('invalid_input', `This journal file refers to rows it does not hold (${problems.length} problem(s)); nothing was imported. ${problems.slice(0, 10).join('; ')}`);
  }
}

export function countsOf(doc: JournalDocument): JournalCounts {
  return {
    opportunities: doc.opportunities.length,
    rounds: doc.rounds.length,
    contacts: doc.contacts.length,
    events: doc.events.length,
    reflections: doc.reflections.length,
    reflectionVersions: doc.reflectionVersions.length,
    letters: doc.letters.length,
    templates: doc.templates.length,
  };
}

/**
 * Empty: no opportunity, contact or letter, and no template but the built-in ones as they ship
 * (they are written on first use, so a journal that opened the letters screen is still empty).
 */
export function isEmptyJournal(db: Database): boolean {
  const count = (table: string) => prepared(db, `SELECT count(*) FROM ${table}`).pluck().get() as number;
  if (count('opportunities') + count('contacts') + count('letters') > 0) return false;
  const defaults = new Set(DEFAULT_TEMPLATES.map((t) => `${t.kind}\u0000${t.name}\u0000${t.subject}\u0000${t.body}`));
  const templates = prepared(db, 'SELECT kind, name, subject, body, builtin FROM letter_templates').all() as { kind: string; name: string; subject: string; body: string; builtin: number }[];
  return templates.every((t) => t.builtin === 1 && defaults.has(`${t.kind}\u0000${t.name}\u0000${t.subject}\u0000${t.body}`));
}

interface Plan {
  readonly mode: 'empty' | 'merge';
  /** File opportunity id -> the journal's, for those already there (skipped). */
  readonly existingOpportunities: Map<number, number>;
  /** File contact id -> the journal's, for the people already there. */
  readonly existingContacts: Map<number, number>;
}

function planImport(db: Database, doc: JournalDocument): Plan {
  if (isEmptyJournal(db)) return { mode: 'empty', existingOpportunities: new Map(), existingContacts: new Map() };
  const existing = existingOpportunities(db);
  const firstStart = new Map<number, string>();
  for (const r of [...doc.rounds].sort((a, b) => a.number - b.number)) if (!firstStart.has(r.opportunityId)) firstStart.set(r.opportunityId, r.startsAt);
  const existingOpps = new Map<number, number>();
  for (const o of doc.opportunities) {
    const id = existing.byKey.get(opportunityKey(o.company, o.role, firstStart.get(o.id) ?? null, o.createdAt));
    if (id !== undefined) existingOpps.set(o.id, id);
  }
  const matcher = new ContactMatcher(db);
  const existingContacts = new Map<number, number>();
  for (const c of doc.contacts) {
    const id = matcher.find(c);
    if (id !== null) existingContacts.set(c.id, id);
  }
  return { mode: 'merge', existingOpportunities: existingOpps, existingContacts };
}

export function previewJournal(db: Database, doc: JournalDocument): JsonPreview {
  const plan = planImport(db, doc);
  return {
    formatVersion: doc.version,
    exportedAt: doc.exportedAt,
    counts: countsOf(doc),
    mode: plan.mode,
    opportunitiesAlreadyThere: plan.existingOpportunities.size,
    contactsAlreadyThere: plan.existingContacts.size,
  };
}

/** Writes the document in one transaction (the caller has made a backup first). */
export function importJournal(db: Database, doc: JournalDocument, backup: string): JsonImportResult {
  const plan = planImport(db, doc);
  const merge = plan.mode === 'merge';
  const added = { opportunities: 0, rounds: 0, contacts: 0, events: 0, reflections: 0, reflectionVersions: 0, letters: 0, templates: 0 };
  // In an empty journal rows keep their ids; merged rows get new ones (null lets SQLite choose).
  const newId = (fileId: number): number | null => (merge ? null : fileId);
  const insert = (sql: string) => {
    const statement = prepared(db, sql);
    return (params: Record<string, unknown>): number => Number(statement.run(params).lastInsertRowid);
  };

  db.transaction(() => {
    if (!merge) prepared(db, 'DELETE FROM letter_templates').run(); // only the untouched built-ins (isEmptyJournal)

    const contacts = new Map<number, number>(plan.existingContacts);
    const addContact = insert(
      `INSERT INTO contacts (id, name, title, company, email, phone, linkedin_url, notes, last_contacted_at, removed_at, created_at, updated_at)
       VALUES (@id, @name, @title, @company, @email, @phone, @linkedinUrl, @notes, @lastContactedAt, @removedAt, @createdAt, @updatedAt)`,
    );
    const fillBlanks = prepared(db,
      `UPDATE contacts SET title = coalesce(title, @title), company = coalesce(company, @company), email = coalesce(email, @email), phone = coalesce(phone, @phone),
         linkedin_url = coalesce(linkedin_url, @linkedinUrl), notes = coalesce(notes, @notes),
         last_contacted_at = CASE WHEN last_contacted_at IS NULL OR last_contacted_at < @lastContactedAt THEN coalesce(@lastContactedAt, last_contacted_at) ELSE last_contacted_at END
       WHERE id = @id`,
    );
    for (const file of doc.contacts) {
      const c = { ...file, company: file.company ?? null, notes: file.notes ?? null, removedAt: file.removedAt ?? null };
      const existing = plan.existingContacts.get(c.id);
      if (existing !== undefined) {
        fillBlanks.run({ ...c, id: existing });
        continue;
      }
      contacts.set(c.id, addContact({ ...c, id: newId(c.id) }));
      added.contacts++;
    }
    const contact = (id: number | null) => (id === null ? null : (contacts.get(id) ?? null));

    const templates = new Map<number, number>();
    const templateKey = (t: { kind: string; name: string; subject: string; body: string }) => `${t.kind}\u0000${normal(t.name)}\u0000${t.subject}\u0000${t.body}`;
    const knownTemplates = new Map<string, number>();
    if (merge) {
      for (const t of prepared(db, 'SELECT id, kind, name, subject, body FROM letter_templates').all() as { id: number; kind: string; name: string; subject: string; body: string }[]) {
        knownTemplates.set(templateKey(t), t.id);
      }
    }
    const addTemplate = insert(
      'INSERT INTO letter_templates (id, kind, name, subject, body, builtin, updated_at) VALUES (@id, @kind, @name, @subject, @body, @builtin, @updatedAt)',
    );
    for (const t of doc.templates) {
      const same = knownTemplates.get(templateKey(t));
      if (same !== undefined) {
        templates.set(t.id, same);
        continue;
      }
      // Merged templates are the user's own: the journal keeps its built-ins.
      templates.set(t.id, addTemplate({ ...t, id: newId(t.id), builtin: t.builtin && !merge ? 1 : 0 }));
      added.templates++;
    }

    const opportunities = new Map<number, number>();
    const addOpportunity = insert(
      `INSERT INTO opportunities (id, company, role, job_url, location, source, company_size, salary_notes, notes, tags, recruiter_contact_id, stage, closed_reason,
         stage_changed_at, archived_at, created_at, updated_at)
       VALUES (@id, @company, @role, @jobUrl, @location, @source, @companySize, @salaryNotes, @notes, @tags, @recruiter, @stage, @closedReason,
         @stageChangedAt, @archivedAt, @createdAt, @updatedAt)`,
    );
    for (const o of doc.opportunities) {
      if (plan.existingOpportunities.has(o.id)) continue;
      opportunities.set(
        o.id,
        addOpportunity({
          ...o,
          id: newId(o.id),
          recruiter: contact(o.recruiterContactId),
          companySize: o.companySize ?? null,
          notes: o.notes ?? null,
          tags: JSON.stringify(o.tags ?? []),
          archivedAt: o.archivedAt ?? null,
        }),
      );
      added.opportunities++;
    }

    const rounds = new Map<number, number>();
    const addRound = insert(
      `INSERT INTO rounds (id, opportunity_id, number, starts_at, duration_minutes, format, arranged_channel, next_step, decision_date, arranged_by_contact_id, created_at, updated_at)
       VALUES (@id, @opportunityId, @number, @startsAt, @durationMinutes, @format, @arrangedChannel, @nextStep, @decisionDate, @arrangedBy, @createdAt, @updatedAt)`,
    );
    const addInterviewer = prepared(db, 'INSERT OR IGNORE INTO round_interviewers (round_id, contact_id, position) VALUES (?, ?, ?)');
    for (const r of doc.rounds) {
      const opportunityId = opportunities.get(r.opportunityId);
      if (opportunityId === undefined) continue;
      const roundId = addRound({ ...r, id: newId(r.id), opportunityId, arrangedBy: contact(r.arrangedByContactId) });
      rounds.set(r.id, roundId);
      r.interviewerIds.forEach((c, position) => addInterviewer.run(roundId, contact(c), position));
      added.rounds++;
    }
    const round = (id: number | null) => (id === null ? null : (rounds.get(id) ?? null));

    const events = new Map<number, number>();
    const addEvent = insert(
      `INSERT INTO events (id, opportunity_id, round_id, contact_id, kind, channel, occurred_at, note, created_at, undone_at)
       VALUES (@id, @opportunityId, @roundId, @contactId, @kind, @channel, @occurredAt, @note, @createdAt, @undoneAt)`,
    );
    for (const e of doc.events) {
      const opportunityId = opportunities.get(e.opportunityId);
      if (opportunityId === undefined) continue;
      events.set(e.id, addEvent({ ...e, id: newId(e.id), opportunityId, roundId: round(e.roundId), contactId: contact(e.contactId) }));
      added.events++;
    }

    const addState = prepared(db,
      `INSERT OR IGNORE INTO action_states (action_key, opportunity_id, state, until, at) VALUES (@actionKey, @opportunityId, @state, @until, @at)`,
    );
    for (const s of doc.actionStates) {
      const opportunityId = opportunities.get(s.opportunityId);
      if (opportunityId === undefined) continue;
      addState.run({ ...s, opportunityId, actionKey: merge ? remapActionKey(s.actionKey, rounds, contacts) : s.actionKey });
    }
    const addNotification = prepared(db,
      `INSERT OR IGNORE INTO notifications (notification_key, action_key, opportunity_id, notified_at) VALUES (@notificationKey, @actionKey, @opportunityId, @notifiedAt)`,
    );
    for (const n of doc.notifications) {
      const opportunityId = opportunities.get(n.opportunityId);
      if (opportunityId === undefined) continue;
      const at = n.notificationKey.lastIndexOf('@');
      const notificationKey = merge && at > 0 ? `${remapActionKey(n.notificationKey.slice(0, at), rounds, contacts)}${n.notificationKey.slice(at)}` : n.notificationKey;
      addNotification.run({ ...n, opportunityId, notificationKey, actionKey: merge ? remapActionKey(n.actionKey, rounds, contacts) : n.actionKey });
    }

    const addReflection = prepared(db, 'INSERT INTO reflections (round_id, body, updated_at) VALUES (@roundId, @body, @updatedAt)');
    for (const r of doc.reflections) {
      const roundId = rounds.get(r.roundId);
      if (roundId === undefined) continue;
      addReflection.run({ ...r, roundId });
      added.reflections++;
    }
    const addVersion = insert('INSERT INTO reflection_versions (id, round_id, body, saved_at) VALUES (@id, @roundId, @body, @savedAt)');
    for (const v of doc.reflectionVersions) {
      const roundId = rounds.get(v.roundId);
      if (roundId === undefined) continue;
      addVersion({ ...v, id: newId(v.id), roundId });
      added.reflectionVersions++;
    }

    const addLetter = insert(
      `INSERT INTO letters (id, opportunity_id, round_id, contact_id, kind, template_id, subject, body, detail, state, sent_at, event_id, created_at, updated_at, ignored_words)
       VALUES (@id, @opportunityId, @roundId, @contactId, @kind, @templateId, @subject, @body, @detail, @state, @sentAt, @eventId, @createdAt, @updatedAt, @ignoredWords)`,
    );
    for (const l of doc.letters) {
      const opportunityId = opportunities.get(l.opportunityId);
      if (opportunityId === undefined) continue;
      addLetter({
        ...l,
        id: newId(l.id),
        opportunityId,
        roundId: round(l.roundId),
        contactId: contact(l.contactId),
        templateId: l.templateId === null ? null : (templates.get(l.templateId) ?? null),
        eventId: l.eventId === null ? null : (events.get(l.eventId) ?? null),
        ignoredWords: JSON.stringify(l.ignoredWords ?? []),
      });
      added.letters++;
    }
    // The user's dictionary: a word already there stays as it is (a merge adds the others).
    const addWord = insert('INSERT INTO dictionary_words (word, added_at) VALUES (@word, @addedAt) ON CONFLICT (word) DO NOTHING');
    for (const w of doc.dictionary ?? []) addWord(w);
  }).immediate();

  return {
    mode: plan.mode,
    added,
    opportunitiesAlreadyThere: plan.existingOpportunities.size,
    contactsAlreadyThere: plan.existingContacts.size,
    backup,
  };
}
