/**
 * The JSON of an answer, with the parts that never change once made written once. The board at
 * 20,000 is 1,800 cards and 1.7 MB of JSON, 13 ms to write; a card is never changed after it is
 * made (a change makes a new card), and a handed-out list of cards is never changed either (see
 * OpenCards): so browser mode writes a board as the kept text of its cards, and the same board
 * asked again as the same text. (Electron's IPC copies objects, not JSON: this is browser mode's.)
 */
const texts = new WeakMap<object, string>();
const unchanging = new WeakSet<object>();
const holders = new WeakSet<object>();

/** Marks a part of answers that is never changed once made: its JSON is written once, then kept while it lives. */
export function keepJson<T extends object>(part: T): T {
  unchanging.add(part);
  return part;
}

/** Marks an object or array that holds such parts (it is written around them). */
export function holdsKeptJson<T extends object>(holder: T): T {
  holders.add(holder);
  return holder;
}

/** The answer's JSON, as `JSON.stringify` writes it. */
export function answerJson(answer: unknown): string {
  // The envelope (ok, value, changes, patch) is written around its members.
  return typeof answer === 'object' && answer !== null && !Array.isArray(answer) ? around(answer) : write(answer);
}

function write(value: unknown): string {
  // JSON.stringify writes nothing (undefined) for undefined, a function or a symbol.
  if (typeof value !== 'object' || value === null) {
    const text = JSON.stringify(value) as unknown;
    return typeof text === 'string' ? text : 'null';
  }
  if (unchanging.has(value)) {
    let text = texts.get(value);
    if (text === undefined) texts.set(value, (text = holders.has(value) ? around(value) : JSON.stringify(value)));
    return text;
  }
  return holders.has(value) ? around(value) : JSON.stringify(value);
}

function around(value: object): string {
  if ('toJSON' in value && typeof value.toJSON === 'function') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v: unknown) => (v === undefined || typeof v === 'function' || typeof v === 'symbol' ? 'null' : write(v))).join(',')}]`;
  const members: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    members.push(`${JSON.stringify(key)}:${write(v)}`);
  }
  return `{${members.join(',')}}`;
}
