/**
 * Realistic journals, deterministic from a seed: companies and roles, rounds spread over months,
 * two or three interviewers, a recruiter, the events a real search leaves behind, and reflections
 * of a few hundred words. Used by the tests, the benchmarks, and `npm run web -- --demo`.
 */
import type { Database } from 'better-sqlite3';
import { COMPANY_SIZES } from '../../../shared/domain';
import type { EventKind } from '../../../shared/domain';
import { ContactStore } from '../people/contact-store';
import { NO_PLAN_CACHE } from '../planner/plan-cache';
import { CONTACTING, TimelineStore } from '../timeline/timeline';

/** mulberry32: small, fast, and the same sequence everywhere for a seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMPANIES = [
  'Acme Robotics', 'Northwind Traders', 'Globex', 'Initech', 'Umbrella Health', 'Stark Logistics', 'Wayne Analytics', 'Hooli', 'Pied Piper',
  'Vandelay Industries', 'Soylent Foods', 'Tyrell Systems', 'Cyberdyne Labs', 'Oscorp Energy', 'Massive Dynamic', 'Wonka Confections',
  'Aperture Science', 'Black Mesa Research', 'Blue Sun', 'Gringotts Finance', 'Monarch Solutions', 'Nakatomi Trading', 'Oceanic Air',
  'Prestige Worldwide', 'Sirius Cybernetics', 'Virtucon', 'Weyland Yutani', 'Zorg Industries', 'Duff Brewing', 'Bluth Company',
  'Dunder Mifflin', 'Sterling Cooper', 'Los Pollos Hermanos', 'Krusty Krab', 'Planet Express', 'Contoso', 'Fabrikam', 'Tailspin Toys',
  'Litware', 'Adventure Works', 'Proseware', 'Woodgrove Bank', 'Lucerne Publishing', 'Margie Travel', 'Fourth Coffee', 'Alpine Ski House',
];
const ROLES = [
  'Software Engineer', 'Senior Software Engineer', 'Staff Engineer', 'Product Manager', 'Data Analyst', 'UX Designer', 'Engineering Manager',
  'Site Reliability Engineer', 'Data Scientist', 'Technical Writer', 'Frontend Developer', 'Backend Developer', 'QA Engineer',
  'Solutions Architect', 'Customer Success Manager', 'Marketing Manager', 'Operations Analyst', 'Security Engineer', 'Product Designer',
];
const FIRST = ['Alice', 'Bob', 'Carla', 'Deepak', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Liam', 'Maya', 'Noah', 'Olga', 'Priya', 'Quinn', 'Rosa', 'Sam', 'Tariq', 'Uma', 'Victor', 'Wen', 'Yara', 'Zoe'];
const LAST = ['Ng', 'Ortiz', 'Diaz', 'Patel', 'Rossi', 'Haddad', 'Kim', 'Tanaka', 'Silva', 'Berg', 'Adeyemi', 'Murphy', 'Cohen', 'Novak', 'Ivanova', 'Shah', 'Lee', 'Garcia', 'Moreau', 'Khan', 'Singh', 'Huang', 'Chen', 'Nasser', 'Walsh'];
const TITLES = ['Engineering Manager', 'Senior Engineer', 'Director of Product', 'Tech Lead', 'Head of Design', 'VP Engineering', 'Principal Engineer', 'Team Lead'];
const CITIES = ['Remote', 'New York', 'Berlin', 'London', 'Toronto', 'Austin', 'Amsterdam', 'Lisbon', 'Singapore', 'Sydney'];
const TOPICS = [
  'migrating the billing service to event sourcing', 'their on-call rotation and how incidents are reviewed', 'the design system rebuild',
  'scaling the search cluster past ten billion documents', 'how the team runs discovery with customers', 'the mobile offline mode',
  'a post-mortem culture without blame', 'their move from a monolith to a few well-bounded services', 'accessibility audits before each release',
  'pairing on a tricky concurrency bug', 'the data pipeline that feeds the recommendations', 'mentoring junior engineers', 'the quarterly planning process',
];
const QUESTIONS = [
  'Tell me about a time you disagreed with a teammate.', 'How would you design a URL shortener?', 'What is the hardest bug you have fixed?',
  'How do you prioritise when everything is urgent?', 'Walk me through a project you are proud of.', 'How do you give difficult feedback?',
  'How would you measure the success of this feature?', 'What would you do in your first ninety days?', 'How do you keep a large codebase healthy?',
  'Describe a failure and what you learned from it.', 'How do you decide between building and buying?', 'Why do you want to work here?',
];
const FILLER = [
  'I felt calm once we got going, and the conversation flowed more naturally than I expected.',
  'Next time I should slow down and ask a clarifying question before diving into the solution.',
  'They seemed genuinely interested in how I approach trade-offs rather than in a single right answer.',
  'I could have given a more concrete number for the impact of the project.',
  'The team sounds small but experienced, and they clearly care about quality.',
  'I want to follow up with the article I mentioned about incremental rollouts.',
  'My answer about conflict was a bit long; a tighter story with a clear outcome would land better.',
  'We ran out of time before I could ask about the career ladder, so I will ask the recruiter.',
];

export interface GenerateOptions {
  readonly opportunities: number;
  readonly seed?: number;
  /** The journal's "today": rounds spread over the months before it and the weeks after. */
  readonly now?: Date;
  /** Reflections of a few hundred words for this share of past rounds (default 0.7). */
  readonly reflectionShare?: number;
  /**
   * How long the search has gone on. `'eight-months'` (the default): every opportunity in the
   * eight months before `now` and the three weeks after, however many there are, as one dense
   * search. `'steady'`: a search that went on at that pace for as long as its size needs: the
   * latest {@link STEADY_RECENT} opportunities exactly as the dense journal of that size has them,
   * and every one before them further back, one after another at the same pace, ended the way
   * people end them (rejected, moved on, withdrawn, accepted elsewhere; a few kept warm in
   * Staying in touch). A journal only grows, and almost all of it is closed history: the
   * benchmarks use this to see that the app does not slow down as the search goes on.
   */
  readonly span?: 'eight-months' | 'steady';
}

/** The opportunities of a steady search that are recent (the rest is history before them). */
export const STEADY_RECENT = 2_000;
/** Opportunities per day of a steady search: the dense journal's pace (2,000 over eight months and three weeks). */
const STEADY_PER_DAY = STEADY_RECENT / 261;

export interface GeneratedCounts {
  readonly opportunities: number;
  readonly rounds: number;
  readonly contacts: number;
  readonly events: number;
  readonly reflections: number;
  readonly letters: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Fills an open, migrated journal. Deterministic for a given seed, size and `now`. */
export function generateJournal(db: Database, options: GenerateOptions): GeneratedCounts {
  let random = prng(options.seed ?? 42);
  // What Insights reads beyond the original journal (company sizes, late thank-yous, a skipped
  // "move on") draws from a second sequence, so the first one, and every journal generated
  // before, stays the same for a seed.
  let extra = prng((options.seed ?? 42) ^ 0x5eed5eed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const now = (options.now ?? new Date()).getTime();
  const reflectionShare = options.reflectionShare ?? 0.7;
  const iso = (t: number) => new Date(t).toISOString();
  const counts = { opportunities: 0, rounds: 0, contacts: 0, events: 0, reflections: 0, letters: 0 };
  // Nothing plans this journal while it is written: no cache to keep in step.
  const clock = () => new Date(now);
  const timeline = new TimelineStore(db, clock, new ContactStore(db, clock, NO_PLAN_CACHE), NO_PLAN_CACHE);

  const insertContact = db.prepare(
    'INSERT INTO contacts (name, title, email, phone, linkedin_url, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertOpportunity = db.prepare(
    `INSERT INTO opportunities (company, role, job_url, location, source, company_size, salary_notes, recruiter_contact_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
  );
  const insertRound = db.prepare(
    `INSERT INTO rounds (opportunity_id, number, starts_at, duration_minutes, format, arranged_channel, next_step, decision_date, arranged_by_contact_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertInterviewer = db.prepare('INSERT INTO round_interviewers (round_id, contact_id, position) VALUES (?, ?, ?)');
  const insertEvent = db.prepare(
    'INSERT INTO events (opportunity_id, round_id, contact_id, kind, channel, occurred_at, note, created_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)',
  );
  const skipAction = db.prepare("INSERT INTO action_states (action_key, opportunity_id, state, until, at) VALUES (?, ?, 'skipped', NULL, ?)");
  const insertReflection = db.prepare('INSERT INTO reflections (round_id, body, updated_at) VALUES (?, ?, ?)');
  const insertLetter = db.prepare(
    `INSERT INTO letters (opportunity_id, round_id, contact_id, kind, subject, body, detail, state, sent_at, event_id, created_at, updated_at)
     VALUES (?, ?, ?, 'thank-you-email', ?, ?, ?, 'sent', ?, ?, ?, ?)`,
  );
  const names = db.prepare('SELECT name FROM contacts WHERE id = ?').pluck();

  const person = (company: string, title: string | null): number => {
    const first = pick(FIRST);
    const last = pick(LAST);
    const domain = company.toLowerCase().replace(/[^a-z]+/g, '') + '.example';
    counts.contacts++;
    return Number(
      insertContact.run(
        `${first} ${last}`,
        title,
        `${first.toLowerCase()}.${last.toLowerCase()}@${domain}`,
        random() < 0.5 ? `+1 555 01${String(Math.floor(random() * 100)).padStart(2, '0')}` : null,
        random() < 0.6 ? `https://www.linkedin.com/in/${first.toLowerCase()}-${last.toLowerCase()}-${Math.floor(random() * 1000)}` : null,
        iso(now),
        iso(now),
      ).lastInsertRowid,
    );
  };
  const event = (opportunityId: number, roundId: number | null, contactId: number | null, kind: EventKind, channel: string | null, at: number): number => {
    counts.events++;
    return Number(insertEvent.run(opportunityId, roundId, contactId, kind, channel, iso(at), iso(Math.min(at, now))).lastInsertRowid);
  };

  /**
   * One opportunity with its rounds and what followed them. `history`: the first round's day
   * (long before the recent months); it ends with an outcome (see `span`).
   */
  const opportunity = (i: number, history: number | null): void => {
    const company = pick(COMPANIES);
    const role = pick(ROLES);
    // The first round: from ~8 months ago to ~3 weeks ahead, weighted towards recent weeks.
    const ageDays = history === null ? Math.floor(Math.pow(random(), 2.2) * 240) - 21 : history;
    let start = now - ageDays * DAY;
    const startDate = new Date(start);
    startDate.setUTCHours(13 + Math.floor(random() * 8), random() < 0.5 ? 0 : 30, 0, 0);
    start = startDate.getTime();
    const recruiter = person(company, 'Recruiter');
    const created = start - (3 + Math.floor(random() * 10)) * DAY;
    const opportunityId = Number(
      insertOpportunity.run(
        company,
        role,
        `https://jobs.example/${i + 1}`,
        pick(CITIES),
        pick(['Referral', 'LinkedIn', 'Company site', 'Recruiter']),
        // Most users know roughly how big the company is; some never say.
        extra() < 0.75 ? COMPANY_SIZES[Math.floor(extra() * COMPANY_SIZES.length)]! : null,
        recruiter,
        iso(created),
        iso(Math.min(now, start + DAY)),
      ).lastInsertRowid,
    );
    counts.opportunities++;

    const roundCount = 1 + (random() < 0.35 ? 1 : 0) + (random() < 0.15 ? 1 : 0);
    for (let n = 1; n <= roundCount; n++) {
      const format = pick(['video', 'video', 'phone', 'in-person'] as const);
      const arrangedChannel = random() < 0.75 ? 'email' : 'phone';
      const decision = random() < 0.55 ? iso(start + (5 + Math.floor(random() * 10)) * DAY).slice(0, 10) : null;
      const duration = pick([30, 45, 60, 60, 90]);
      const roundId = Number(
        insertRound.run(opportunityId, n, iso(start), duration, format, arrangedChannel, decision ? 'They will decide after the last interviews' : null, decision, recruiter, iso(start - 2 * DAY), iso(start - 2 * DAY)).lastInsertRowid,
      );
      counts.rounds++;
      const interviewers: number[] = [];
      const howMany = 2 + (random() < 0.4 ? 1 : 0);
      for (let k = 0; k < howMany; k++) {
        const id = person(company, pick(TITLES));
        interviewers.push(id);
        insertInterviewer.run(roundId, id, k);
      }
      const end = start + duration * 60_000;
      if (end > now) break; // an upcoming round: nothing has happened yet

      if (random() < 0.6) event(opportunityId, roundId, null, 'next_steps_asked', null, start + 20 * 60_000);
      if (random() < reflectionShare) {
        insertReflection.run(roundId, reflectionText(random, company, role, n), iso(end + 2 * HOUR));
        counts.reflections++;
        event(opportunityId, roundId, null, 'reflection_written', null, end + 2 * HOUR);
      }
      // A few thank-yous go out days late (Insights counts them apart from the missed ones).
      const thanksAt = end + (6 + random() * 30) * HOUR + (extra() < 0.06 ? (2 + extra() * 3) * DAY : 0);
      for (const id of interviewers) {
        if (!(random() < 0.85 && thanksAt < now)) continue;
        const sentAt = thanksAt + random() * HOUR;
        // Marked sent as the app does it: the letter names the event that records it.
        const sent = event(opportunityId, roundId, id, 'thank_you_sent', 'email', sentAt);
        const topic = pick(TOPICS);
        const first = String(names.get(id)).split(' ')[0];
        insertLetter.run(
          opportunityId,
          roundId,
          id,
          `Thank you, ${role} interview`,
          `Dear ${first},\n\nThank you for taking the time to talk with me about the ${role} role at ${company}. I especially enjoyed our conversation about ${topic}.\n\nI look forward to the next steps.\n\nBest regards,\nSam Lee`,
          topic,
          iso(sentAt),
          sent,
          iso(sentAt),
          iso(sentAt),
        );
        counts.letters++;
      }
      if (random() < 0.5 && thanksAt + DAY < now) event(opportunityId, roundId, interviewers[0]!, 'linkedin_request_sent', 'linkedin', thanksAt + DAY);

      const checkAt = end + (7 + random() * 4) * DAY;
      if (n < roundCount && checkAt < now) {
        start = end + (5 + Math.floor(random() * 10)) * DAY;
        continue; // invited to the next round
      }
      if (checkAt < now && random() < 0.6) event(opportunityId, roundId, recruiter, 'status_check_sent', 'email', checkAt);
      const outcome = random();
      const outcomeAt = end + (10 + random() * 20) * DAY;
      if (history !== null) {
        // History: how people end a card (a few keep in touch, checking in while it lasts).
        const reason = outcome < 0.5 ? 'rejected' : outcome < 0.75 ? 'moved_on' : outcome < 0.87 ? 'withdrawn' : outcome < 0.97 ? 'accepted_elsewhere' : null;
        if (reason) event(opportunityId, roundId, null, reason, null, outcomeAt);
        else {
          event(opportunityId, roundId, null, 'rejected', null, outcomeAt);
          event(opportunityId, roundId, null, 'stay_in_touch_started', null, outcomeAt + HOUR);
          for (let t = outcomeAt + 30 * DAY; t < now - 3 * DAY && random() < 0.85; t += 90 * DAY) {
            event(opportunityId, null, interviewers[0]!, 'check_in_sent', 'linkedin', t);
          }
        }
      } else if (outcomeAt < now) {
        if (outcome < 0.08) event(opportunityId, roundId, null, 'offer_received', null, outcomeAt);
        else if (outcome < 0.35) event(opportunityId, roundId, null, 'rejected', null, outcomeAt);
        else if (outcome < 0.45) event(opportunityId, roundId, null, 'moved_on', null, outcomeAt);
        else if (outcome < 0.5) event(opportunityId, roundId, null, 'withdrawn', null, outcomeAt);
        else if (outcome < 0.6) {
          event(opportunityId, roundId, null, 'rejected', null, outcomeAt);
          event(opportunityId, roundId, null, 'stay_in_touch_started', null, outcomeAt + HOUR);
          for (let t = outcomeAt + 30 * DAY; t < now - 3 * DAY && random() < 0.85; t += 90 * DAY) {
            event(opportunityId, null, interviewers[0]!, 'check_in_sent', 'linkedin', t);
          }
        } else if (outcome < 0.7) event(opportunityId, roundId, null, 'reply_received', 'email', outcomeAt);
        // Most people close a card that has been silent for weeks; a few forget to.
        else if (outcomeAt + 21 * DAY < now && random() < 0.8) event(opportunityId, roundId, null, 'moved_on', null, outcomeAt + 21 * DAY);
        // Of those left open, some said "not yet" to the move-on advice.
        else if (extra() < 0.3) skipAction.run(`r${roundId}:move-on`, opportunityId, iso(Math.min(now, outcomeAt + 21 * DAY)));
      }
    }
    timeline.refreshStage(opportunityId);
  };

  db.transaction(() => {
    const recent = options.span === 'steady' ? Math.min(options.opportunities, STEADY_RECENT) : options.opportunities;
    const past = options.opportunities - recent;
    if (past > 0) {
      // History first (older cards have smaller ids), from sequences of its own: the recent
      // opportunities that follow are the same as in the dense journal of that size.
      const [recentRandom, recentExtra] = [random, extra];
      random = prng((options.seed ?? 42) ^ 0x01d01d);
      extra = prng((options.seed ?? 42) ^ 0x01deed);
      for (let i = 0; i < past; i++) opportunity(i, 240 + Math.floor((past - i) / STEADY_PER_DAY));
      [random, extra] = [recentRandom, recentExtra];
    }
    for (let i = 0; i < recent; i++) opportunity(past + i, null);
    // When each person was last contacted, as recording the events would have kept it.
    db.prepare(
      `UPDATE contacts SET last_contacted_at = (SELECT max(occurred_at) FROM events e WHERE e.contact_id = contacts.id AND e.undone_at IS NULL
         AND e.kind IN (SELECT value FROM json_each(?)))`,
    ).run(JSON.stringify([...CONTACTING]));
  }).immediate();
  return counts;
}

/** A reflection of a few hundred words, in the playbook's headings (Markdown). */
export function reflectionText(random: () => number, company: string, role: string, round: number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const sentences = (n: number) => Array.from({ length: n }, () => pick(FILLER)).join(' ');
  const questions = Array.from({ length: 3 }, () => pick(QUESTIONS));
  const topic = pick(TOPICS);
  return [
    `# ${company}, ${role}: round ${round}`,
    '',
    '## Questions asked',
    ...questions.map((q) => `- ${q}`),
    '',
    '## My answers',
    ...questions.map((q, i) => `- ${q.replace(/\?$/, '')}: ${i === 0 ? `I talked about ${topic}.` : sentences(1)}`),
    '',
    '## What went well',
    sentences(3),
    '',
    '## What to improve',
    sentences(3),
    '',
    '## Points I did not cover well',
    `I did not explain the numbers behind ${topic} as clearly as I wanted. ${sentences(1)}`,
    '',
    '## Moments to mention in the thank-you',
    `- ==${topic}==: I would enjoy working on that.`,
    `- ${sentences(1)}`,
    '',
    '## Next steps and timeline they stated',
    `They said they would get back to me after the remaining interviews. ${sentences(2)}`,
  ].join('\n');
}
