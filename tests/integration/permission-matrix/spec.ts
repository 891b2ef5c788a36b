/**
 * The shape of the permission matrix: per command, the inputs to try in the own organization and with the other
 * organization's ids, and what the permission table says must come of them.
 */
import type { Database } from '@/db/client';
import type { Permission, Role } from '@/lib/domain/permissions';
import { permissionTable } from '@/lib/domain/permissions';
import { publishFixtureGoal } from '@/tests/fixtures/goal';
import { type IdeaFixture, makeIdeaFixture } from '@/tests/fixtures/ideas';
import { type LeverFixture, makeLeverFixture } from '@/tests/fixtures/levers';
import { makeMetricsFixture, type MetricsFixture } from '@/tests/fixtures/metrics';
import { makeNotificationsFixture, type NotificationsFixture } from '@/tests/fixtures/notifications';
import { makeTwoOrganizations, type OrganizationFixture } from '@/tests/fixtures/organizations';
import { makePlanFixture, type PlanFixture } from '@/tests/fixtures/plans';
import { type ImprovementFixture, makeImprovementFixture } from '@/tests/fixtures/weekly';

type PerOrganization<T> = { own: T; other: T };

export interface Fixtures extends PerOrganization<OrganizationFixture> {
  plans: PerOrganization<PlanFixture>;
  metrics: PerOrganization<MetricsFixture>;
  /** The id of each organization's published goal (version 1). */
  goal: PerOrganization<string>;
  weekly: PerOrganization<ImprovementFixture>;
  ideas: PerOrganization<IdeaFixture>;
  notifications: PerOrganization<NotificationsFixture>;
  levers: PerOrganization<LeverFixture>;
}

/** Two organizations with something of every kind a command acts on. No audit events. */
export async function makeMatrixFixtures(db: Database): Promise<Fixtures> {
  const { own, other } = await makeTwoOrganizations(db);
  const both = async <T>(make: (f: OrganizationFixture) => Promise<T>) => ({
    own: await make(own),
    other: await make(other),
  });
  return {
    own,
    other,
    plans: await both((f) => makePlanFixture(db, f)),
    metrics: await both((f) => makeMetricsFixture(db, f)),
    goal: await both((f) => publishFixtureGoal(db, f)),
    weekly: await both((f) => makeImprovementFixture(db, f)),
    ideas: await both((f) => makeIdeaFixture(db, f)),
    notifications: await both((f) => makeNotificationsFixture(db, f)),
    levers: await both((f) => makeLeverFixture(db, f)),
  };
}

/** `rows`: an import refused with per-row errors. */
export type Refusal = { code: 'not_found' } | { code: 'invalid'; field: string } | { code: 'invalid'; rows: true };
export interface Variant {
  label: string;
  /** `role`: the member who runs it, for inputs that name their own things (their notifications). */
  input: (f: Fixtures, role: Role) => unknown;
  /** For own-department rules: the department of the own organization the command touches. */
  targetDepartment?: 'A' | 'B';
  /** For own rules: the role of the member who wrote the idea or comment the command touches. */
  author?: Role;
}
export interface OtherVariant extends Variant {
  refusal: Refusal;
}
export interface Spec {
  /** The permission the command must declare. */
  permission: Permission;
  /** At least one (checked): the first is also tried without a signed-in member. */
  own: Variant[];
  /** Inputs that reference the other organization; none for commands whose input holds no ids. */
  other: OtherVariant[];
}

export const notFound: Refusal = { code: 'not_found' };
export const field = (name: string): Refusal => ({ code: 'invalid', field: name });
/** One variant per department of the own organization, for own-department rules. */
export const perDepartment = (input: (f: Fixtures, d: 'A' | 'B') => unknown): Variant[] => [
  { label: 'department A', input: (f) => input(f, 'A'), targetDepartment: 'A' },
  { label: 'department B', input: (f) => input(f, 'B'), targetDepartment: 'B' },
];
/** One variant per author role, for own rules: a thing written by the executive, the lead, the staff member. */
export const perAuthor = (input: (f: Fixtures, author: Role) => unknown): Variant[] =>
  (['executive', 'lead', 'staff'] as const).map((author) => ({
    label: `written by the ${author}`,
    input: (f: Fixtures) => input(f, author),
    author,
  }));
export const departmentOf = (f: Fixtures, d: 'A' | 'B') => (d === 'A' ? f.own.departmentA : f.own.departmentB);

export type Expected = { ok: true } | { ok: false; refusal: { code: 'forbidden' } | Refusal };

/** The permission table's answer, spelled out rule by rule. */
export function expectedOutcome(
  permission: Permission,
  role: Role,
  scope: 'own' | 'other',
  variant: Variant | OtherVariant,
): Expected {
  const rule = permissionTable[permission][role];
  if (rule === 'none') return { ok: false, refusal: { code: 'forbidden' } };
  if (scope === 'other') return { ok: false, refusal: (variant as OtherVariant).refusal };
  if (rule === 'any') return { ok: true };
  if (rule === 'own') return variant.author === role ? { ok: true } : { ok: false, refusal: { code: 'forbidden' } };
  // own-department: only when the actor has a department and the target is that department. In the fixtures the
  // lead and the staff member belong to department A, the executive to none.
  const actorDepartment = role === 'executive' ? null : 'A';
  return actorDepartment !== null && variant.targetDepartment === actorDepartment
    ? { ok: true }
    : { ok: false, refusal: { code: 'forbidden' } };
}
