import type { LeverFilters } from '@/db/queries/levers';
import { leverFiltersSchema } from '@/lib/validation/levers';

/** The register's address for a set of filters, leaving out what is not chosen, so a shared link reads as it shows. */
export function registerHref(filters: LeverFilters): string {
  const params = new URLSearchParams();
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.state) params.set('state', filters.state);
  if (filters.touchpointId) params.set('touchpoint', filters.touchpointId);
  if (filters.departmentId) params.set('department', filters.departmentId);
  const search = params.toString();
  return search ? `/levers?${search}` : '/levers';
}

/** The open blockers at one touchpoint, in the register. */
export function openBlockersHref(touchpointId: string): string {
  return registerHref({ kind: 'blocker', state: 'open', touchpointId });
}

export function isFiltered(filters: LeverFilters): boolean {
  return Boolean(filters.kind || filters.state || filters.touchpointId || filters.departmentId);
}

/** The filters of the register's address (`kind`, `state`, `touchpoint`, `department`); anything unknown is none. */
export function filtersOf(search: Record<string, string | string[] | undefined>): LeverFilters {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return leverFiltersSchema.parse({
    kind: one(search.kind),
    state: one(search.state),
    touchpointId: one(search.touchpoint),
    departmentId: one(search.department),
  });
}
