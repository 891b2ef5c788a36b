import 'server-only';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';
import { accountEvents, pendingSignUps, userDevices, users } from '@/db/schema';

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

/** A version no person ever has: the mark of a browser that signed out. */
const ENDED = -1;

const actors = alias(users, 'actors');

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
 * Records the event unless one of its kind was recorded for the person within `withinMs`, in one statement: for
 * events a stranger can cause at will (refused sign-ins), so they cannot fill the table.
 */
export async function recordAccountEventAtMostEvery(
  db: Database,
  userId: string,
  event: AccountEventInput,
  withinMs: number,
) {
  const since = new Date(Date.now() - withinMs);
  await db.execute(sql`
    insert into ${accountEvents} (user_id, kind, address, user_agent)
    select ${userId}, ${event.kind}, ${event.address ?? ''}, ${event.userAgent ?? ''}
    where not exists (
      select 1 from ${accountEvents}
      where ${accountEvents.userId} = ${userId} and ${accountEvents.kind} = ${event.kind}
        and ${accountEvents.occurredAt} > ${since.toISOString()}::timestamptz
    )`);
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

/**
 * The person behind a session, if that session is still valid: the account is not disabled and the browser's
 * device row carries the person's current session version (a password change, a reset or "sign out everywhere"
 * raises the version; signing out of one browser marks its row ended).
 */
export async function findSessionUser(db: Database, userId: string, deviceId: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .innerJoin(
      userDevices,
      and(
        eq(userDevices.userId, users.id),
        eq(userDevices.id, deviceId),
        eq(userDevices.sessionVersion, users.sessionVersion),
      ),
    )
    .where(and(eq(users.id, userId), eq(users.disabled, false)));
  return row ?? null;
}

export async function findDevice(db: Database, userId: string, deviceId: string) {
  const [row] = await db
    .select({ id: userDevices.id })
    .from(userDevices)
    .where(and(eq(userDevices.userId, userId), eq(userDevices.id, deviceId)));
  return row ?? null;
}

/**
 * Records a sign-in from this browser: its device row (new, or the one its device cookie names) now carries the
 * person's current session version. Returns the device id.
 */
export async function signInDevice(
  db: Database,
  userId: string,
  deviceId: string | null,
  seen: { address: string; userAgent: string },
): Promise<string> {
  const current = sql`(select ${users.sessionVersion} from ${users} where ${users.id} = ${userId})`;
  const values = { ...seen, sessionVersion: current, lastSignInAt: new Date() };
  if (deviceId) {
    const [row] = await db
      .update(userDevices)
      .set(values)
      .where(and(eq(userDevices.userId, userId), eq(userDevices.id, deviceId)))
      .returning({ id: userDevices.id });
    if (row) return row.id;
  }
  const [row] = await db
    .insert(userDevices)
    .values({ userId, ...values })
    .returning({ id: userDevices.id });
  return row!.id;
}

/** Ends one browser's session (signing out, or signing out a device from the security page). */
export async function endDeviceSession(db: Database, userId: string, deviceId: string) {
  const [row] = await db
    .update(userDevices)
    .set({ sessionVersion: ENDED })
    .where(and(eq(userDevices.userId, userId), eq(userDevices.id, deviceId)))
    .returning({ id: userDevices.id });
  return row !== undefined;
}

/** After raising the version: this browser's session carries the new one, so it alone stays signed in. */
export async function keepDeviceSession(db: Database, userId: string, deviceId: string, sessionVersion: number) {
  await db
    .update(userDevices)
    .set({ sessionVersion })
    .where(and(eq(userDevices.userId, userId), eq(userDevices.id, deviceId)));
}

/** The browsers signed in to this person's account now, most recent first. */
export async function activeDevices(db: Database, userId: string) {
  return db
    .select({
      id: userDevices.id,
      userAgent: userDevices.userAgent,
      address: userDevices.address,
      lastSignInAt: userDevices.lastSignInAt,
      createdAt: userDevices.createdAt,
    })
    .from(userDevices)
    .innerJoin(users, eq(users.id, userDevices.userId))
    .where(and(eq(userDevices.userId, userId), eq(userDevices.sessionVersion, users.sessionVersion)))
    .orderBy(desc(userDevices.lastSignInAt));
}

/** The person's latest account events, most recent first. */
export async function recentAccountEvents(db: Database, userId: string, limit = 50) {
  return db
    .select({
      id: accountEvents.id,
      kind: accountEvents.kind,
      address: accountEvents.address,
      userAgent: accountEvents.userAgent,
      occurredAt: accountEvents.occurredAt,
      actorName: actors.name,
    })
    .from(accountEvents)
    .leftJoin(actors, eq(actors.id, accountEvents.actorId))
    .where(eq(accountEvents.userId, userId))
    .orderBy(desc(accountEvents.occurredAt))
    .limit(limit);
}

export async function insertPendingSignUp(
  db: Database,
  values: { email: string; name: string; organizationName: string; passwordHash: string; tokenHash: string },
  expiresAt: Date,
) {
  await db.insert(pendingSignUps).values({ ...values, email: values.email.trim(), expiresAt });
}

/** A sign-up link that is unused and unexpired. */
const openSignUp = (tokenHash: string, now: Date) =>
  and(eq(pendingSignUps.tokenHash, tokenHash), isNull(pendingSignUps.usedAt), gt(pendingSignUps.expiresAt, now));

/** Takes a pending sign-up by its link, once: it is marked used in the same statement. Null when unusable. */
export async function takePendingSignUp(db: Database, tokenHash: string, now = new Date()) {
  const [row] = await db.update(pendingSignUps).set({ usedAt: now }).where(openSignUp(tokenHash, now)).returning();
  return row ?? null;
}

/** A pending sign-up's link, unused and unexpired, for its page (reads only). */
export async function findPendingSignUp(db: Database, tokenHash: string, now = new Date()) {
  const [row] = await db
    .select({ email: pendingSignUps.email, organizationName: pendingSignUps.organizationName })
    .from(pendingSignUps)
    .where(openSignUp(tokenHash, now));
  return row ?? null;
}
