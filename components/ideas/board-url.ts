import type { BoardQuery } from '@/lib/validation/ideas';

/**
 * The board's address for a set of choices, leaving out what is the default (sort by votes, page 1, all), so a
 * shared link stays short and reads as what it shows.
 */
export function boardHref(query: BoardQuery, change: Partial<BoardQuery> = {}): string {
  const q = { ...query, ...change };
  const params = new URLSearchParams();
  if (q.q) params.set('q', q.q);
  if (q.sort !== 'votes') params.set('sort', q.sort);
  if (q.department) params.set('department', q.department);
  if (q.touchpoint) params.set('touchpoint', q.touchpoint);
  if (q.status) params.set('status', q.status);
  if (q.mine) params.set('mine', '1');
  if (q.page > 1) params.set('page', String(q.page));
  const search = params.toString();
  return search ? `/ideas?${search}` : '/ideas';
}

/** Whether any choice narrows the board (the sort and the page do not). */
export function isFiltered(query: BoardQuery): boolean {
  return Boolean(query.q || query.department || query.touchpoint || query.status || query.mine);
}
