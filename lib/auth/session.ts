import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { findOrganization, type Organization } from '@/db/queries/organizations';
import { findSessionUser } from '@/db/queries/accounts';
import { membershipsOfUser } from '@/db/queries/users';
import { can, type Permission } from '@/lib/domain/permissions';
import { auth } from './auth';
import type { Actor, Person } from './command';
import { setCookie } from './cookies';

export const ACTIVE_ORGANIZATION_COOKIE = 'tp_org';

/** Remembers which organization this browser works in; membership is still checked on every request. */
export async function rememberOrganization(organizationId: string) {
  await setCookie(ACTIVE_ORGANIZATION_COOKIE, organizationId);
}

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  locale: string | null;
}

export interface Member {
  user: SignedInUser;
  organization: Organization;
  actor: Actor;
  organizations: { id: string; name: string }[];
}

/**
 * The session's person and browser, if the session is still valid: checked against the database on every request,
 * so a disabled account, a password change elsewhere, "sign out everywhere" or signing this browser out from the
 * security page ends it at once.
 */
const validSession = cache(async () => {
  const session = await auth();
  const userId = session?.user?.id;
  const deviceId = session?.deviceId;
  if (!userId || !deviceId) return null;
  const user = await findSessionUser(await getDb(), userId, deviceId);
  return user ? { user, deviceId } : null;
});

/** The signed-in person, read from the database on every request. */
export const currentUser = cache(async (): Promise<SignedInUser | null> => (await validSession())?.user ?? null);

/** The signed-in person and their browser, for commands on their own account. */
export async function currentPerson(): Promise<Person | null> {
  const session = await validSession();
  return session ? { userId: session.user.id, deviceId: session.deviceId } : null;
}

/**
 * The signed-in member of the active organization, with role and department read on this request,
 * so a removed member or a changed role takes effect at once.
 */
export const currentMember = cache(async (): Promise<Member | null> => {
  const user = await currentUser();
  if (!user) return null;
  const db = await getDb();
  const list = await membershipsOfUser(db, user.id);
  const wanted = (await cookies()).get(ACTIVE_ORGANIZATION_COOKIE)?.value;
  const active = list.find((m) => m.organizationId === wanted) ?? list[0];
  if (!active) return null;
  const organization = await findOrganization(db, active.organizationId);
  if (!organization) return null;
  return {
    user,
    organization,
    actor: { userId: user.id, organizationId: organization.id, role: active.role, departmentId: active.departmentId },
    organizations: list.map((m) => ({ id: m.organizationId, name: m.organizationName })),
  };
});

/** For pages: the member, or a redirect to sign in (or to the "no organization" page). */
export async function requireMember(): Promise<Member> {
  const member = await currentMember();
  if (member) return member;
  redirect((await currentUser()) ? '/no-organization' : '/login');
}

/** For pages: the member if the permission table allows them `permission`; otherwise a 404-like refusal page. */
export async function requirePermission(permission: Permission): Promise<Member> {
  const member = await requireMember();
  if (!can(member.actor, permission)) redirect('/forbidden');
  return member;
}
