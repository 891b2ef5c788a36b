import { describe, expect, it } from 'vitest';
import { moveOnePlace } from './ordering';

const list = (...ids: string[]) => ids.map((id) => ({ id, name: `item ${id}` }));

describe('moveOnePlace', () => {
  it('does nothing when the first item moves up', () => {
    expect(moveOnePlace(list('a', 'b', 'c'), 'a', 'up')).toEqual([]);
  });

  it('does nothing when the last item moves down', () => {
    expect(moveOnePlace(list('a', 'b', 'c'), 'c', 'down')).toEqual([]);
  });

  it('does nothing for an unknown id or an empty list', () => {
    expect(moveOnePlace(list('a', 'b'), 'z', 'up')).toEqual([]);
    expect(moveOnePlace([], 'a', 'down')).toEqual([]);
  });

  it('does nothing for a single item in either direction', () => {
    expect(moveOnePlace(list('a'), 'a', 'up')).toEqual([]);
    expect(moveOnePlace(list('a'), 'a', 'down')).toEqual([]);
  });

  it('swaps an item with the one above it', () => {
    expect(moveOnePlace(list('a', 'b', 'c'), 'c', 'up')).toEqual([
      { id: 'a', position: 0 },
      { id: 'c', position: 1 },
      { id: 'b', position: 2 },
    ]);
  });

  it('swaps an item with the one below it', () => {
    expect(moveOnePlace(list('a', 'b', 'c'), 'a', 'down')).toEqual([
      { id: 'b', position: 0 },
      { id: 'a', position: 1 },
      { id: 'c', position: 2 },
    ]);
  });

  it('renumbers positions densely from 0, whatever they were', () => {
    const gappy = [
      { id: 'a', position: 3 },
      { id: 'b', position: 7 },
      { id: 'c', position: 40 },
    ];
    expect(moveOnePlace(gappy, 'b', 'down')).toEqual([
      { id: 'a', position: 0 },
      { id: 'c', position: 1 },
      { id: 'b', position: 2 },
    ]);
  });

  it('does not change the list it is given', () => {
    const items = list('a', 'b');
    moveOnePlace(items, 'a', 'down');
    expect(items.map((i) => i.id)).toEqual(['a', 'b']);
  });
});
