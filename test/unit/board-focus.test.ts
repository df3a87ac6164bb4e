import { describe, expect, it } from 'vitest';
import { isRovingKey, rovingTarget } from '../../src/renderer/src/screens/board/board-focus';

// Three columns shown: 1-2-3, an empty one, 4-5.
const columns = [[1, 2, 3], [], [4, 5]];

describe('roving focus on the board', () => {
  it('moves up and down within a column and stops at its ends', () => {
    expect(rovingTarget(columns, 1, 'ArrowDown')).toBe(2);
    expect(rovingTarget(columns, 3, 'ArrowUp')).toBe(2);
    expect(rovingTarget(columns, 3, 'ArrowDown')).toBeNull();
    expect(rovingTarget(columns, 1, 'ArrowUp')).toBeNull();
  });

  it('goes to the first and last card with Home and End', () => {
    expect(rovingTarget(columns, 2, 'Home')).toBe(1);
    expect(rovingTarget(columns, 2, 'End')).toBe(3);
    expect(rovingTarget(columns, 3, 'End')).toBeNull();
  });

  it('goes sideways to the next column with cards, at the same position or its last card', () => {
    expect(rovingTarget(columns, 2, 'ArrowRight')).toBe(5); // over the empty column, same position
    expect(rovingTarget(columns, 3, 'ArrowRight')).toBe(5); // the neighbour is shorter: its last
    expect(rovingTarget(columns, 4, 'ArrowLeft')).toBe(1);
    expect(rovingTarget(columns, 1, 'ArrowLeft')).toBeNull();
    expect(rovingTarget(columns, 5, 'ArrowRight')).toBeNull();
  });

  it('leaves other keys and unknown cards alone', () => {
    expect(rovingTarget(columns, 1, 'Enter')).toBeNull();
    expect(rovingTarget(columns, 99, 'ArrowDown')).toBeNull();
    expect(isRovingKey(' ')).toBe(false);
    expect(isRovingKey('End')).toBe(true);
  });
});
