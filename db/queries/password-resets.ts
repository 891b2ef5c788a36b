import 'server-only';
import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { memberships, passwordResets, users } from '@/db/schema';

/**
 * Password reset links, per person (not per organization). Only the hash of a link's token is stored; a link is open
 * while it is unused, unexpired and its account is not disabled.
 */

export async function insertPasswordReset(
  db: Database,
  values: {
    userId: string;
    tokenHash: string;
    expiresAt: Date;
    /** The executive who issued it, and in which organization; null when the person asked for it by mail. */
    issuedBy: string | null;
    organizationId: string | null;
  },
) {
  const [row] = await db.insert(passwordResets).values(values).returning({ id: passwordResets.id });
  return row!;
}

/** Ends the person's open links: they expire now (a newer link, or a reset, replaces them). */
export async function voidOpenPasswordResets(db: Database, userId: string, now: Date) {
  await db
    .update(passwordResets)
    .set({ expiresAt: now })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)));
}

const openLink = (tokenHash: string, now: Date) =>
  and(
    eq(passwordResets.tokenHash, tokenHash),
    isNull(passwordResets.usedAt),
    gt(passwordResets.expiresAt, now),
    eq(users.disabled, false),
  );

/** The account an open link resets, for its page; null for an unknown, used, expired or disabled one. */
export async function findOpenPasswordReset(db: Database, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(openLink(tokenHash, now));
  return row ?? null;
}

/**
 * Marks an open link used and returns its account, in one statement, so two submissions of one link cannot both
 * get through; null when the link is not open.
 */
export async function redeemPasswordReset(db: Database, tokenHash: string, now: Date) {
  const [row] = await db
    .update(passwordResets)
    .set({ usedAt: now })
    .from(users)
    .where(and(eq(users.id, passwordResets.userId), openLink(tokenHash, now)))
    .returning({ userId: users.id, email: users.email });
  return row ?? null;
}

/** Whether the person is a member of any organization other than this one. */
export async function belongsElsewhere(db: Database, userId: string, organizationId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), ne(memberships.organizationId, organizationId)));
  return (row?.n ?? 0) > 0;
}
