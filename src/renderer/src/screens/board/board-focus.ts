/**
 * Roving focus on the board: each column is one tab stop (its active card), and the arrow keys
 * move between cards. A pure function of the columns as shown, so it is tested without a browser.
 */

/** The keys that move the focus between cards (the others are the card's own: Enter, Space). */
const ROVING_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End']);

export const isRovingKey = (key: string): boolean => ROVING_KEYS.has(key);

/**
 * The card a key sends the focus to from card `id`, or null when it stays where it is.
 * `columns` are the ids of the cards of each column shown, left to right (a collapsed column is
 * left out). Up and down move within the column, Home and End go to its first and last card;
 * left and right go to the next column that has cards, to the card at the same position or its
 * last when it is shorter.
 */
export function rovingTarget(columns: readonly (readonly number[])[], id: number, key: string): number | null {
  const at = columns.findIndex((ids) => ids.includes(id));
  if (at === -1) return null;
  const ids = columns[at]!;
  const index = ids.indexOf(id);
  const within = (i: number): number | null => {
    const target = ids[Math.max(0, Math.min(ids.length - 1, i))]!;
    return target === id ? null : target;
  };
  switch (key) {
    case 'ArrowUp':
      return within(index - 1);
    case 'ArrowDown':
      return within(index + 1);
    case 'Home':
      return within(0);
    case 'End':
      return within(ids.length - 1);
    case 'ArrowLeft':
    case 'ArrowRight': {
      const step = key === 'ArrowRight' ? 1 : -1;
      for (let c = at + step; c >= 0 && c < columns.length; c += step) {
        const next = columns[c]!;
        if (next.length > 0) return next[Math.min(index, next.length - 1)]!;
      }
      return null;
    }
    default:
      return null;
  }
}
