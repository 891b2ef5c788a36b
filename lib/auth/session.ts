import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { findOrganization, type Organization } from '@/db/queries/organizations';
import { findUserById, membershipsOfUser } from '@/db/queries/users';
import { can, type Permission } from '@/lib/domain/permissions';
import { auth } from './auth';
import type { Actor } from './command';

export const ACTIVE_ORGANIZATION_COOKIE = 'tp_org';

/** Remembers which organization this browser works in; membership is still checked on every request. */
export async function rememberOrganization(organizationId: string) {
  (await cookies()).set(ACTIVE_ORGANIZATION_COOKIE, organizationId, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    maxAge: 60 * 60 * 24 * 365,
  });
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

/** The signed-in person, read from the database on every request: a disabled account is signed out at once. */
export const currentUser = cache(async (): Promise<SignedInUser | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const user = await findUserById(await getDb(), userId);
  if (!user || user.disabled) return null;
  return { id: user.id, email: user.email, name: user.name, locale: user.locale };
});

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
