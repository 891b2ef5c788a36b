import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { accountEvents, users } from '@/db/schema';

/** What happened to a person's account; the security page in the profile lists these. */
export type AccountEventKind =
  | 'sign_in'
  | 'sign_in_failed'
  | 'sign_in_throttled'
  | 'password_changed'
  | 'password_reset_issued'
  | 'password_reset'
  | 'signed_out_everywhere';

export interface AccountEventInput {
  kind: AccountEventKind;
  address?: string;
  userAgent?: string;
  /** Who did it, when not the person themselves (an executive who issued a reset). */
  actorId?: string | null;
}

export async function recordAccountEvent(db: Database, userId: string, event: AccountEventInput) {
  await db.insert(accountEvents).values({
    userId,
    kind: event.kind,
    address: event.address ?? '',
    userAgent: event.userAgent ?? '',
    actorId: event.actorId ?? null,
  });
}

/**
 * Ends every session issued before now: each carries the version it was issued under, and the next request of
 * any of them finds the version raised. Returns the new version, for the session that should stay signed in.
 */
export async function raiseSessionVersion(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion });
  return row?.sessionVersion ?? 0;
}
