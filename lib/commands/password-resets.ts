import 'server-only';
import type { Database } from '@/db/client';
import { raiseSessionVersion, recordAccountEvent } from '@/db/queries/accounts';
import { findMember } from '@/db/queries/members';
import {
  belongsElsewhere,
  insertPasswordReset,
  redeemPasswordReset,
  voidOpenPasswordResets,
} from '@/db/queries/password-resets';
import { clearAttempts, takeAttempt } from '@/db/queries/throttle';
import { findUserByEmail, updateUser } from '@/db/queries/users';
import { command, publicCommand } from '@/lib/auth/command';
import { ActionError, refuse } from '@/lib/auth/errors';
import { RESET_LINK_MINUTES, resetThrottles } from '@/lib/domain/password-reset';
import { accountKey } from '@/lib/domain/sign-in';
import { minutesToWait } from '@/lib/domain/throttle';
import { publicMailConfigured } from '@/lib/mail';
import { hashPassword } from '@/lib/secrets/password';
import { linkSecretHash, newToken } from '@/lib/secrets/tokens';
import { forgotPasswordSchema, issuePasswordResetSchema, resetPasswordSchema } from '@/lib/validation/password-reset';

/** A new link for the person; their earlier unused links stop working. Returns the token, which is never stored. */
async function newResetLink(
  tx: Database,
  userId: string,
  issuer: { userId: string; organizationId: string } | null,
): Promise<string> {
  const now = new Date();
  await voidOpenPasswordResets(tx, userId, now);
  const { token, hash } = newToken();
  await insertPasswordReset(tx, {
    userId,
    tokenHash: hash,
    expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000),
    issuedBy: issuer?.userId ?? null,
    organizationId: issuer?.organizationId ?? null,
  });
  return token;
}

/**
 * An executive issues a reset link for a member, to copy (and mail). Not for themselves: from a session, the
 * profile's password change asks for the current password. Not for someone who also belongs to another
 * organization either: the link would open that organization to this one's executive.
 */
export const issuePasswordReset = command({
  permission: 'member.resetPassword',
  input: issuePasswordResetSchema,
  load: (tx, organizationId, input) => findMember(tx, organizationId, input.userId),
  run: async ({ tx, actor, input, resource, audit }) => {
    if (input.userId === actor.userId) throw refuse.conflict('passwordReset.notForYourself');
    if (await belongsElsewhere(tx, input.userId, actor.organizationId)) {
      throw refuse.conflict('passwordReset.otherOrganizations');
    }
    const token = await newResetLink(tx, input.userId, actor);
    await recordAccountEvent(tx, input.userId, { kind: 'password_reset_issued', actorId: actor.userId });
    audit({
      action: 'member.password_reset_issued',
      entityType: 'member',
      entityId: input.userId,
      changes: { email: resource.email },
    });
    return { token, email: resource.email };
  },
});

/**
 * Sets the new password from a link: the link is used up first (one statement, so it works once), then every
 * session of the person ends at its next request, and the account's sign-in throttle starts afresh.
 */
export const resetPassword = publicCommand({
  input: resetPasswordSchema,
  run: async ({ tx, input, visitor }) => {
    const tokenHash = linkSecretHash(input.token);
    const link = tokenHash ? await redeemPasswordReset(tx, tokenHash, new Date()) : null;
    if (!link) throw new ActionError('not_found', { key: 'passwordReset.invalid' });
    await updateUser(tx, link.userId, { passwordHash: await hashPassword(input.password) });
    await voidOpenPasswordResets(tx, link.userId, new Date());
    await raiseSessionVersion(tx, link.userId);
    await recordAccountEvent(tx, link.userId, {
      kind: 'password_reset',
      address: visitor.address,
      userAgent: visitor.userAgent,
    });
    await clearAttempts(tx, accountKey(link.email));
    return null;
  },
});

export type ForgotPasswordOutcome =
  | { outcome: 'throttled'; minutes: number }
  /** `mail` is null when the address has no account (or a disabled one): the caller answers the same either way. */
  | { outcome: 'answered'; mail: { to: string; token: string } | null };

/**
 * "Forgot password": a link for the address if it has an account, to mail; only with mail and APP_URL set up.
 * Throttled per client address and per address asked for, whether or not it has an account, so the throttle tells
 * nothing either.
 */
export const requestPasswordReset = publicCommand({
  input: forgotPasswordSchema,
  run: async ({ tx, input, visitor }): Promise<ForgotPasswordOutcome> => {
    if (!publicMailConfigured()) throw new ActionError('forbidden', { key: 'passwordReset.askExecutive' });
    for (const [key, policy] of resetThrottles(input.email, visitor.address)) {
      const attempt = await takeAttempt(tx, key, policy);
      if (!attempt.allowed) return { outcome: 'throttled', minutes: minutesToWait(attempt.retryAfterSeconds) };
    }
    const user = await findUserByEmail(tx, input.email);
    if (!user || user.disabled) return { outcome: 'answered', mail: null };
    const token = await newResetLink(tx, user.id, null);
    await recordAccountEvent(tx, user.id, {
      kind: 'password_reset_issued',
      address: visitor.address,
      userAgent: visitor.userAgent,
    });
    return { outcome: 'answered', mail: { to: user.email, token } };
  },
});
