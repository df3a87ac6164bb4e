/**
 * A person's name as the journal has it, read for a letter: the courtesy title, the given name
 * and the family name ("Dr. Ana López" -> Dr., Ana, López), so a letter greets "Dr. López" rather
 * than "Dr.", and the checks know which salutations spell the name as the journal does.
 */

const TITLES = ['Dr', 'Prof', 'Professor', 'Mr', 'Mrs', 'Ms', 'Mx', 'Miss', 'Sir', 'Dame', 'Rev', 'Fr'];
const TITLE = new RegExp(`^(?:${TITLES.join('|')})\\.?$`, 'i');
const SUFFIX = /^(?:Jr\.?|Sr\.?|II|III|IV|PhD|Ph\.D\.|MD|M\.D\.|MBA|Esq\.?)$/i;
/** Particles that belong to a family name: "van der Berg", "de la Cruz", "bin Said". */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'la', 'le', 'da', 'di', 'do', 'dos', 'du', 'bin', 'binti', 'al', 'el', 'ter', 'ten', 'st.']);

export interface PersonName {
  /** As written in the journal, trimmed. */
  readonly full: string;
  /** "Dr." (with its stop, as written), or null. */
  readonly title: string | null;
  readonly given: string | null;
  readonly family: string | null;
}

export function parseName(written: string): PersonName {
  const full = written.trim().replace(/\s+/g, ' ');
  let words = full.split(' ').filter(Boolean);
  let title: string | null = null;
  if (words.length > 1 && TITLE.test(words[0]!)) {
    title = /\.$/.test(words[0]!) || !/^(?:Dr|Mr|Mrs|Ms|Mx|Prof|Rev|Fr)$/i.test(words[0]!) ? words[0]! : `${words[0]!}.`;
    words = words.slice(1);
  }
  while (words.length > 1 && SUFFIX.test(words.at(-1)!.replace(/,$/, ''))) words = words.slice(0, -1);
  words = words.map((w) => w.replace(/,$/, ''));
  if (words.length === 0) return { full, title, given: null, family: null };
  if (words.length === 1) return title ? { full, title, given: null, family: words[0]! } : { full, title, given: words[0]!, family: null };
  let familyStart = words.length - 1;
  while (familyStart > 1 && PARTICLES.has(words[familyStart - 1]!.toLowerCase())) familyStart--;
  return { full, title, given: words[0]!, family: words.slice(familyStart).join(' ') };
}

/** How a letter greets them: "Dr. López" when the journal gives a title, else the given name. */
export function greetingName(name: PersonName): string {
  if (name.title && name.family) return `${name.title} ${name.family}`;
  return name.given ?? name.family ?? name.full;
}

/** The salutations that spell the name as the journal does ("Ana", "Ana López", "Dr. López", "Ms. López"). */
export function acceptedSalutations(name: PersonName): Set<string> {
  const accepted = new Set<string>([name.full]);
  const bare = name.title ? name.full.slice(name.full.indexOf(' ') + 1) : name.full;
  accepted.add(bare);
  if (name.given) accepted.add(name.given);
  if (name.given && name.family) accepted.add(`${name.given} ${name.family}`);
  if (name.family) {
    for (const t of ['Mr.', 'Ms.', 'Mrs.', 'Mx.', 'Dr.', 'Prof.', 'Professor', 'Mr', 'Ms', 'Mrs', 'Dr']) accepted.add(`${t} ${name.family}`);
    if (name.title) accepted.add(`${name.title} ${name.family}`);
  }
  return accepted;
}

/** Strips accents and case, to find a name written differently ("lopez" for "López"). */
export const foldName = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
