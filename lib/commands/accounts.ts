import 'server-only';
import type { z } from 'zod';
import type { Database } from '@/db/client';
import { recordAudit } from '@/db/queries/audit';
import { findInvitationByTokenHash, findMember, insertMembership, markInvitation } from '@/db/queries/members';
import { createOrganization, findOrganization } from '@/db/queries/organizations';
import { createUser, findUserByEmail, findUserById, passwordHashOf, updateUser } from '@/db/queries/users';
import { failureOf } from '@/lib/auth/command';
import { ActionError, type ActionResult, refuse } from '@/lib/auth/errors';
import { hashPassword, verifyPassword } from '@/lib/secrets/password';
import { parseInvitationLinkToken } from '@/lib/secrets/tokens';
import { acceptInvitationSchema, signUpSchema } from '@/lib/validation/auth';
import { fieldErrorsOf } from '@/lib/validation/messages';
import { changePasswordSchema, profileSchema } from '@/lib/validation/profile';

/** Validates, then runs `work` in one transaction; refusals and unexpected errors become small results. */
async function inTransaction<S extends z.ZodType, R>(
  db: Database,
  schema: S,
  raw: unknown,
  work: (tx: Database, input: z.output<S>) => Promise<R>,
): Promise<ActionResult<R>> {
  const parsed = schema.safeParse(raw, { reportInput: true });
  if (!parsed.success)
    return {
      ok: false,
      code: 'invalid',
      message: { key: 'errors.checkFields' },
      fieldErrors: fieldErrorsOf(parsed.error),
    };
  try {
    return { ok: true, data: await db.transaction((tx) => work(tx, parsed.data)) };
  } catch (error) {
    return failureOf(error);
  }
}

/** Sign up: a new person and a new organization with them as its executive. */
export function signUp(db: Database, raw: unknown) {
  return inTransaction(db, signUpSchema, raw, async (tx, input) => {
    if (await findUserByEmail(tx, input.email)) throw refuse.field('email', 'validation.emailTaken');
    const user = await createUser(tx, {
      email: input.email,
      name: input.name,
      passwordHash: await hashPassword(input.password),
    });
    const organization = await createOrganization(tx, { name: input.organizationName });
    await insertMembership(tx, organization.id, { userId: user.id, role: 'executive', departmentId: null });
    await recordAudit(tx, organization.id, user.id, {
      action: 'organization.create',
      entityType: 'organization',
      entityId: organization.id,
      changes: { name: organization.name },
    });
    return { userId: user.id, organizationId: organization.id };
  });
}

async function openInvitation(tx: Database, token: string) {
  const link = parseInvitationLinkToken(token);
  const invitation = link ? await findInvitationByTokenHash(tx, link.organizationId, link.tokenHash) : null;
  if (!invitation || invitation.revokedAt || invitation.acceptedAt || invitation.expiresAt <= new Date()) {
    throw new ActionError('not_found', { key: 'invite.invalid' });
  }
  return invitation;
}

/** What the invitation page shows before the person accepts. */
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

/** A new person accepts: their account is created with the name and password they chose. */
export function acceptInvitation(db: Database, raw: unknown) {
  return inTransaction(db, acceptInvitationSchema, raw, async (tx, input) => {
    const invitation = await openInvitation(tx, input.token);
    if (await findUserByEmail(tx, invitation.email)) throw new ActionError('conflict', { key: 'invite.signInFirst' });
    const user = await createUser(tx, {
      email: invitation.email,
      name: input.name,
      passwordHash: await hashPassword(input.password),
    });
    await join(tx, invitation, user.id);
    return { email: invitation.email, organizationId: invitation.organizationId };
  });
}

/** A signed-in person accepts an invitation addressed to their email: they join one more organization. */
export async function joinWithInvitation(
  db: Database,
  userId: string,
  token: string,
): Promise<ActionResult<{ organizationId: string }>> {
  try {
    return {
      ok: true,
      data: await db.transaction(async (tx) => {
        const invitation = await openInvitation(tx, token);
        const user = await findUserById(tx, userId);
        if (!user || user.email.toLowerCase() !== invitation.email.toLowerCase()) {
          throw new ActionError('forbidden', { key: 'invite.otherAccount', values: { email: invitation.email } });
        }
        if (!(await findMember(tx, invitation.organizationId, userId))) await join(tx, invitation, userId);
        else await markInvitation(tx, invitation.organizationId, invitation.id, { acceptedAt: new Date() });
        return { organizationId: invitation.organizationId };
      }),
    };
  } catch (error) {
    return failureOf(error);
  }
}

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

export function updateProfile(db: Database, userId: string, raw: unknown) {
  return inTransaction(db, profileSchema, raw, async (tx, input) => {
    await updateUser(tx, userId, input);
    return null;
  });
}

export function changePassword(db: Database, userId: string, raw: unknown) {
  return inTransaction(db, changePasswordSchema, raw, async (tx, input) => {
    if (!(await verifyPassword(await passwordHashOf(tx, userId), input.currentPassword))) {
      throw refuse.field('currentPassword', 'validation.wrongPassword');
    }
    await updateUser(tx, userId, { passwordHash: await hashPassword(input.newPassword) });
    return null;
  });
}
