import 'server-only';
import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { departments, invitations, memberships, users } from '@/db/schema';
import type { Role } from '@/lib/domain/permissions';

export async function listMembers(db: Database, organizationId: string) {
  return db
    .select({
      userId: memberships.userId,
      name: users.name,
      email: users.email,
      role: memberships.role,
      departmentId: memberships.departmentId,
      departmentName: departments.name,
      disabled: users.disabled,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(
      departments,
      and(eq(departments.organizationId, memberships.organizationId), eq(departments.id, memberships.departmentId)),
    )
    .where(eq(memberships.organizationId, organizationId))
    .orderBy(asc(users.name));
}

export async function findMember(db: Database, organizationId: string, userId: string) {
  const [row] = await db
    .select({
      userId: memberships.userId,
      role: memberships.role,
      departmentId: memberships.departmentId,
      email: users.email,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
  return row ?? null;
}

export async function countExecutives(db: Database, organizationId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, 'executive')));
  return row?.n ?? 0;
}

/**
 * The organization's executives, their membership rows locked until the transaction ends: two changes that could
 * each remove an executive then run one after the other, and the second counts what the first left (read committed
 * re-reads a locked row once it is free). Ordered, so two transactions take the locks in the same order.
 */
export async function lockExecutives(db: Database, organizationId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, 'executive')))
    .orderBy(asc(memberships.userId))
    .for('update');
  return rows.map((row) => row.userId);
}

export async function insertMembership(
  db: Database,
  organizationId: string,
  values: { userId: string; role: Role; departmentId: string | null },
) {
  await db.insert(memberships).values({ organizationId, ...values });
}

export async function updateMembership(
  db: Database,
  organizationId: string,
  userId: string,
  values: { role?: Role; departmentId?: string | null },
) {
  await db
    .update(memberships)
    .set(values)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
}

export async function deleteMembership(db: Database, organizationId: string, userId: string) {
  await db
    .delete(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
}

const invitationColumns = {
  id: invitations.id,
  organizationId: invitations.organizationId,
  email: invitations.email,
  role: invitations.role,
  departmentId: invitations.departmentId,
  expiresAt: invitations.expiresAt,
  acceptedAt: invitations.acceptedAt,
  revokedAt: invitations.revokedAt,
};

export async function listPendingInvitations(db: Database, organizationId: string, now = new Date()) {
  return db
    .select({ ...invitationColumns, departmentName: departments.name })
    .from(invitations)
    .leftJoin(
      departments,
      and(eq(departments.organizationId, invitations.organizationId), eq(departments.id, invitations.departmentId)),
    )
    .where(
      and(
        eq(invitations.organizationId, organizationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .orderBy(desc(invitations.createdAt));
}

export async function findInvitation(db: Database, organizationId: string, invitationId: string) {
  const [row] = await db
    .select(invitationColumns)
    .from(invitations)
    .where(and(eq(invitations.organizationId, organizationId), eq(invitations.id, invitationId)));
  return row ?? null;
}

/** The invitation a link's secret opens; the secret itself is the proof. */
export async function findInvitationByTokenHash(db: Database, organizationId: string, tokenHash: string) {
  const [row] = await db
    .select(invitationColumns)
    .from(invitations)
    .where(and(eq(invitations.organizationId, organizationId), eq(invitations.tokenHash, tokenHash)));
  return row ?? null;
}

export async function insertInvitation(
  db: Database,
  organizationId: string,
  values: {
    email: string;
    role: Role;
    departmentId: string | null;
    tokenHash: string;
    invitedBy: string;
    expiresAt: Date;
  },
) {
  const [row] = await db
    .insert(invitations)
    .values({ organizationId, ...values })
    .returning(invitationColumns);
  return row!;
}

/** Revokes the invitations a person sent in this organization that nobody has used yet; returns how many. */
export async function revokeInvitationsSentBy(db: Database, organizationId: string, userId: string, now = new Date()) {
  const rows = await db
    .update(invitations)
    .set({ revokedAt: now })
    .where(
      and(
        eq(invitations.organizationId, organizationId),
        eq(invitations.invitedBy, userId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .returning({ id: invitations.id });
  return rows.length;
}

export async function markInvitation(
  db: Database,
  organizationId: string,
  invitationId: string,
  values: { acceptedAt?: Date; revokedAt?: Date },
) {
  await db
    .update(invitations)
    .set(values)
    .where(and(eq(invitations.organizationId, organizationId), eq(invitations.id, invitationId)));
}
