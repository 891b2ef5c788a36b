import 'server-only';
import { z } from 'zod';
import type { Database } from '@/db/client';
import {
  endDeviceSession,
  findDevice,
  insertPendingSignUp,
  keepDeviceSession,
  raiseSessionVersion,
  recordAccountEvent,
  recordAccountEventAtMostEvery,
  signInDevice,
  takePendingSignUp,
} from '@/db/queries/accounts';
import { recordAudit } from '@/db/queries/audit';
import { findInvitationByTokenHash, findMember, insertMembership, markInvitation } from '@/db/queries/members';
import { countOrganizations, createOrganization, findOrganization } from '@/db/queries/organizations';
import { clearAttempts, refundAttempt, takeAttempt } from '@/db/queries/throttle';
import {
  createUser,
  findUserByEmail,
  findUserById,
  membershipsOfUser,
  passwordHashOf,
  updateUser,
} from '@/db/queries/users';
import { personCommand, publicCommand, type Visitor } from '@/lib/auth/command';
import { ActionError, refuse } from '@/lib/auth/errors';
import { currentPasswordPolicy, signInLimits, signUpOpen, signUpPolicy } from '@/lib/domain/sign-in';
import { minutesToWait, type ThrottlePolicy } from '@/lib/domain/throttle';
import { env } from '@/lib/env';
import { mailConfigured } from '@/lib/mail';
import { hashPassword, verifyPassword } from '@/lib/secrets/password';
import { deviceToken, readDeviceToken, signInGrant } from '@/lib/secrets/signed';
import { linkSecretHash, newToken, parseInvitationLinkToken } from '@/lib/secrets/tokens';
import { acceptInvitationSchema, signInSchema, signUpSchema } from '@/lib/validation/auth';
import { changePasswordSchema, profileSchema } from '@/lib/validation/profile';

/**
 * The person's own account: signing in and up, invitations, profile, password and sessions. These act before a
 * member exists or for a person in all their organizations, so they run through the public and person wrappers
 * (lib/auth/command.ts), not the organization's permission table.
 */

/** What a browser needs to start a session: a one-minute grant for Auth.js and the device cookie to keep. */
export interface SessionStart {
  grant: string;
  deviceToken: string;
  email: string;
}

async function startSessionFor(
  tx: Database,
  user: { id: string; email: string },
  visitor: Visitor,
  deviceId: string | null,
): Promise<SessionStart> {
  const seen = { address: visitor.address, userAgent: visitor.userAgent };
  const device = await signInDevice(tx, user.id, deviceId, seen);
  await recordAccountEvent(tx, user.id, { kind: 'sign_in', ...seen });
  return { grant: signInGrant(user.id, device), deviceToken: deviceToken(user.id, device), email: user.email };
}

/** The device this browser's cookie names for this account, if the cookie is genuine and the device known. */
async function knownDevice(tx: Database, userId: string, visitor: Visitor): Promise<string | null> {
  for (const token of visitor.deviceTokens) {
    const device = readDeviceToken(token);
    if (device?.userId === userId && (await findDevice(tx, userId, device.deviceId))) return device.deviceId;
  }
  return null;
}

export type SignInOutcome =
  ({ outcome: 'signed_in' } & SessionStart) | { outcome: 'wrong' } | { outcome: 'throttled'; minutes: number };

/**
 * Sign in. The attempt is counted before the password is checked, atomically per key, and a throttled attempt is
 * answered without checking it. A browser with this account's device cookie counts against its own allowance only,
 * so a stranger's guesses cannot lock the real person out of their usual browser. An unknown email and a wrong
 * password take the same path and the same time.
 */
export const signIn = publicCommand({
  input: signInSchema,
  run: async ({ tx, input, visitor }): Promise<SignInOutcome> => {
    const user = await findUserByEmail(tx, input.email);
    const deviceId = user ? await knownDevice(tx, user.id, visitor) : null;
    const limits = signInLimits(input.email, visitor.address, deviceId);
    const seen = { address: visitor.address, userAgent: visitor.userAgent };
    for (const { key, policy } of limits) {
      const attempt = await takeAttempt(tx, key, policy);
      if (!attempt.allowed) {
        // A stranger can cause these at will: one a minute is enough to show on the security page.
        if (user) await recordAccountEventAtMostEvery(tx, user.id, { kind: 'sign_in_throttled', ...seen }, 60_000);
        return { outcome: 'throttled', minutes: minutesToWait(attempt.retryAfterSeconds) };
      }
    }
    const valid = await verifyPassword(user?.passwordHash ?? null, input.password);
    if (!user || !valid || user.disabled) {
      if (user) await recordAccountEvent(tx, user.id, { kind: 'sign_in_failed', ...seen });
      return { outcome: 'wrong' };
    }
    // A success is no guess: the account's (or device's) count starts afresh, and the address gets its attempt back.
    const [first, ...others] = limits;
    await clearAttempts(tx, first!.key);
    for (const { key } of others) await refundAttempt(tx, key);
    return { outcome: 'signed_in', ...(await startSessionFor(tx, user, visitor, deviceId)) };
  },
});

/**
 * Counts one attempt against the key and refuses it, rolling back the command, when the key is locked. Only for
 * commands whose attempt needs no counting once refused (nothing was checked).
 */
async function takeAttemptOrRefuse(tx: Database, key: string, policy: ThrottlePolicy) {
  const attempt = await takeAttempt(tx, key, policy);
  if (!attempt.allowed) {
    throw new ActionError('rate_limited', {
      key: 'auth.tooManyAttempts',
      values: { minutes: minutesToWait(attempt.retryAfterSeconds) },
    });
  }
}

async function refuseClosedSignUp(tx: Database) {
  if (!signUpOpen(env().SIGN_UP, await countOrganizations(tx))) {
    throw new ActionError('forbidden', { key: 'auth.signUpClosed' });
  }
}

/** How long a sign-up's confirmation link works. */
const SIGN_UP_LINK_HOURS = 24;

/** A new person and a new organization with them as its executive, signed in. */
async function createAccount(
  tx: Database,
  values: { email: string; name: string; organizationName: string; passwordHash: string },
  visitor: Visitor,
) {
  if (await findUserByEmail(tx, values.email)) throw refuse.field('email', 'validation.emailTaken');
  const user = await createUser(tx, { email: values.email, name: values.name, passwordHash: values.passwordHash });
  const organization = await createOrganization(tx, { name: values.organizationName });
  await insertMembership(tx, organization.id, { userId: user.id, role: 'executive', departmentId: null });
  await recordAudit(tx, organization.id, user.id, {
    action: 'organization.create',
    entityType: 'organization',
    entityId: organization.id,
    changes: { name: organization.name },
  });
  return { organizationId: organization.id, ...(await startSessionFor(tx, user, visitor, null)) };
}

export type SignUpOutcome =
  | ({ outcome: 'signed_in'; organizationId: string } & SessionStart)
  /** The mail to send: a confirmation link's token, or none when the address already has an account. */
  | { outcome: 'check_mail'; email: string; confirmToken: string | null; hours: number }
  /**
   * Without mail only: the address has an account. An answer, not a refusal, so that the attempt stays counted
   * (a refusal rolls the transaction back) and nobody can test addresses without limit.
   */
  | { outcome: 'email_taken' };

/**
 * Sign up, throttled per address and closed by SIGN_UP. With mail configured the address is confirmed first: the
 * answer is "check your mail" whether or not the address already has an account (its owner gets a mail saying so),
 * and the account is created when the link is opened. Without mail, the account is created at once.
 */
export const signUp = publicCommand({
  input: signUpSchema,
  run: async ({ tx, input, visitor }): Promise<SignUpOutcome> => {
    await refuseClosedSignUp(tx);
    await takeAttemptOrRefuse(tx, `signup:address:${visitor.address}`, signUpPolicy);
    // Hashed on every path, so that a taken address takes as long to answer as a free one.
    const passwordHash = await hashPassword(input.password);
    const taken = (await findUserByEmail(tx, input.email)) !== null;
    if (!mailConfigured()) {
      if (taken) return { outcome: 'email_taken' };
      return { outcome: 'signed_in', ...(await createAccount(tx, { ...input, passwordHash }, visitor)) };
    }
    const checkMail = { outcome: 'check_mail', email: input.email, hours: SIGN_UP_LINK_HOURS } as const;
    if (taken) return { ...checkMail, confirmToken: null };
    const { token, hash } = newToken();
    await insertPendingSignUp(
      tx,
      { ...input, passwordHash, tokenHash: hash },
      new Date(Date.now() + SIGN_UP_LINK_HOURS * 3_600_000),
    );
    return { ...checkMail, confirmToken: token };
  },
});

/** Opening the link of a confirmation mail: the account and organization are created, and the person signed in. */
export const confirmSignUp = publicCommand({
  input: z.object({ token: z.string().min(20).max(200) }),
  run: async ({ tx, input, visitor }) => {
    const tokenHash = linkSecretHash(input.token);
    const pending = tokenHash ? await takePendingSignUp(tx, tokenHash) : null;
    if (!pending) throw new ActionError('not_found', { key: 'auth.signUpLinkInvalid' });
    await refuseClosedSignUp(tx);
    return createAccount(tx, pending, visitor);
  },
});

async function openInvitation(tx: Database, token: string) {
  const link = parseInvitationLinkToken(token);
  const invitation = link ? await findInvitationByTokenHash(tx, link.organizationId, link.tokenHash) : null;
  if (!invitation || invitation.revokedAt || invitation.acceptedAt || invitation.expiresAt <= new Date()) {
    throw new ActionError('not_found', { key: 'invite.invalid' });
  }
  return invitation;
}

/** What the invitation page shows before the person accepts; reads only. */
export async function describeInvitation(db: Database, token: string) {
  try {
    const invitation = await openInvitation(db, token);
    const organization = await findOrganization(db, invitation.organizationId);
    const accountExists = (await findUserByEmail(db, invitation.email)) !== null;
    return {
      email: invitation.email,
      role: invitation.role,
      organizationName: organization?.name ?? '',
      accountExists,
    };
  } catch {
    return null;
  }
}

/** A new person accepts: their account is created with the name and password they chose, and they are signed in. */
export const acceptInvitation = publicCommand({
  input: acceptInvitationSchema,
  run: async ({ tx, input, visitor }) => {
    const invitation = await openInvitation(tx, input.token);
    if (await findUserByEmail(tx, invitation.email)) throw new ActionError('conflict', { key: 'invite.signInFirst' });
    const user = await createUser(tx, {
      email: invitation.email,
      name: input.name,
      passwordHash: await hashPassword(input.password),
    });
    await join(tx, invitation, user.id);
    return { organizationId: invitation.organizationId, ...(await startSessionFor(tx, user, visitor, null)) };
  },
});

/** A signed-in person accepts an invitation addressed to their email: they join one more organization. */
export const joinOrganization = personCommand({
  input: z.object({ token: z.string().min(20).max(200) }),
  run: async ({ tx, input, person }) => {
    const invitation = await openInvitation(tx, input.token);
    const user = await findUserById(tx, person.userId);
    if (!user || user.email.toLowerCase() !== invitation.email.toLowerCase()) {
      throw new ActionError('forbidden', { key: 'invite.otherAccount', values: { email: invitation.email } });
    }
    if (!(await findMember(tx, invitation.organizationId, person.userId))) await join(tx, invitation, person.userId);
    else await markInvitation(tx, invitation.organizationId, invitation.id, { acceptedAt: new Date() });
    return { organizationId: invitation.organizationId };
  },
});

async function join(tx: Database, invitation: Awaited<ReturnType<typeof openInvitation>>, userId: string) {
  await insertMembership(tx, invitation.organizationId, {
    userId,
    role: invitation.role,
    departmentId: invitation.departmentId,
  });
  await markInvitation(tx, invitation.organizationId, invitation.id, { acceptedAt: new Date() });
  await recordAudit(tx, invitation.organizationId, userId, {
    action: 'invitation.accept',
    entityType: 'invitation',
    entityId: invitation.id,
    changes: { email: invitation.email, role: invitation.role },
  });
}

/** Switches the organization this browser works in: only to one the person belongs to. */
export const switchOrganization = personCommand({
  input: z.object({ organizationId: z.uuid() }),
  run: async ({ tx, input, person }) => {
    const mine = await membershipsOfUser(tx, person.userId);
    if (!mine.some((m) => m.organizationId === input.organizationId)) throw refuse.notFound();
    return { organizationId: input.organizationId };
  },
});

export const updateProfile = personCommand({
  input: profileSchema,
  run: async ({ tx, input, person }) => {
    await updateUser(tx, person.userId, input);
    return null;
  },
});

/**
 * Changes the password after checking the current one (throttled, for someone at an unlocked computer). Every
 * other session of the person ends at its next request; this one stays signed in.
 */
export const changePassword = personCommand({
  input: changePasswordSchema,
  run: async ({ tx, input, person, visitor }) => {
    await takeAttemptOrRefuse(tx, `password:${person.userId}`, currentPasswordPolicy);
    if (!(await verifyPassword(await passwordHashOf(tx, person.userId), input.currentPassword))) {
      return { changed: false as const };
    }
    await updateUser(tx, person.userId, { passwordHash: await hashPassword(input.newPassword) });
    await keepOnlyThisSession(tx, person.userId, person.deviceId);
    await recordAccountEvent(tx, person.userId, {
      kind: 'password_changed',
      address: visitor.address,
      userAgent: visitor.userAgent,
    });
    await clearAttempts(tx, `password:${person.userId}`);
    return { changed: true as const };
  },
});

async function keepOnlyThisSession(tx: Database, userId: string, deviceId: string) {
  await keepDeviceSession(tx, userId, deviceId, await raiseSessionVersion(tx, userId));
}

/** Signs this browser out: its session ends on the server too, not only its cookie. */
export const signOut = personCommand({
  input: z.unknown(),
  run: async ({ tx, person }) => {
    await endDeviceSession(tx, person.userId, person.deviceId);
    return null;
  },
});

/** "Sign out everywhere else": every other session of the person ends at its next request. */
export const signOutEverywhere = personCommand({
  input: z.unknown(),
  run: async ({ tx, person, visitor }) => {
    await keepOnlyThisSession(tx, person.userId, person.deviceId);
    await recordAccountEvent(tx, person.userId, {
      kind: 'signed_out_everywhere',
      address: visitor.address,
      userAgent: visitor.userAgent,
    });
    return null;
  },
});

/** Signs one of the person's other browsers out, from the security page. */
export const signOutDevice = personCommand({
  input: z.object({ deviceId: z.uuid() }),
  run: async ({ tx, input, person }) => {
    if (!(await endDeviceSession(tx, person.userId, input.deviceId))) throw refuse.notFound();
    return null;
  },
});
