/**
 * Moves the item with `id` one place up or down in a list ordered by position and returns the new
 * positions (0..n-1) of every item whose position changes. Positions are renumbered densely.
 */
export function moveOnePlace<T extends { id: string }>(ordered: T[], id: string, direction: 'up' | 'down') {
  const from = ordered.findIndex((item) => item.id === id);
  if (from === -1) return [];
  const to = direction === 'up' ? from - 1 : from + 1;
  if (to < 0 || to >= ordered.length) return [];
  const next = [...ordered];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next.map((item, position) => ({ id: item.id, position }));
}
