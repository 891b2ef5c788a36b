import 'server-only';
import { findDepartment } from '@/db/queries/departments';
import {
  deleteMembership,
  findInvitation,
  findMember,
  insertInvitation,
  listPendingInvitations,
  lockExecutives,
  markInvitation,
  revokeInvitationsSentBy,
  updateMembership,
} from '@/db/queries/members';
import { findUserByEmail } from '@/db/queries/users';
import type { Database } from '@/db/client';
import { command, organizationScope } from '@/lib/auth/command';
import { refuse } from '@/lib/auth/errors';
import { invitationLinkToken, newToken } from '@/lib/secrets/tokens';
import {
  inviteMemberSchema,
  removeMemberSchema,
  revokeInvitationSchema,
  updateMemberSchema,
} from '@/lib/validation/settings';

export const INVITATION_DAYS = 7;

async function checkDepartment(tx: Database, organizationId: string, departmentId: string | undefined) {
  if (!departmentId) return null;
  const department = await findDepartment(tx, organizationId, departmentId);
  if (!department || department.archived) throw refuse.field('departmentId', 'validation.notFound');
  return department.id;
}

export const inviteMember = command({
  permission: 'member.invite',
  input: inviteMemberSchema,
  load: organizationScope,
  run: async ({ tx, actor, input, audit }) => {
    const departmentId = await checkDepartment(tx, actor.organizationId, input.departmentId);
    const existing = await findUserByEmail(tx, input.email);
    if (existing && (await findMember(tx, actor.organizationId, existing.id))) {
      throw refuse.field('email', 'validation.alreadyMember');
    }
    // A new invitation replaces any pending one for the same address.
    for (const pending of await listPendingInvitations(tx, actor.organizationId)) {
      if (pending.email === input.email)
        await markInvitation(tx, actor.organizationId, pending.id, { revokedAt: new Date() });
    }
    const { token, hash } = newToken();
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60_000);
    const invitation = await insertInvitation(tx, actor.organizationId, {
      email: input.email,
      role: input.role,
      departmentId,
      tokenHash: hash,
      invitedBy: actor.userId,
      expiresAt,
    });
    audit({
      action: 'member.invite',
      entityType: 'invitation',
      entityId: invitation.id,
      changes: { email: input.email, role: input.role, departmentId },
    });
    return { invitationId: invitation.id, token: invitationLinkToken(actor.organizationId, token), email: input.email };
  },
});

export const revokeInvitation = command({
  permission: 'invitation.revoke',
  input: revokeInvitationSchema,
  load: (tx, organizationId, input) => findInvitation(tx, organizationId, input.invitationId),
  run: async ({ tx, actor, input, resource, audit }) => {
    if (resource.acceptedAt || resource.revokedAt) throw refuse.conflict('settings.members.invitationClosed');
    await markInvitation(tx, actor.organizationId, input.invitationId, { revokedAt: new Date() });
    audit({
      action: 'invitation.revoke',
      entityType: 'invitation',
      entityId: input.invitationId,
      changes: { email: resource.email },
    });
    return null;
  },
});

/**
 * An organization always keeps at least one executive, or nobody could manage it any more. The executives are
 * counted under a lock, so two executives demoting or removing each other at the same moment cannot both succeed.
 */
async function keepAnExecutive(tx: Database, organizationId: string, userId: string) {
  const executives = await lockExecutives(tx, organizationId);
  if (executives.includes(userId) && executives.length <= 1) {
    throw refuse.conflict('settings.members.lastExecutive');
  }
}

export const updateMember = command({
  permission: 'member.update',
  input: updateMemberSchema,
  load: (tx, organizationId, input) => findMember(tx, organizationId, input.userId),
  run: async ({ tx, actor, input, resource, audit }) => {
    if (input.role !== 'executive') await keepAnExecutive(tx, actor.organizationId, input.userId);
    const departmentId = await checkDepartment(tx, actor.organizationId, input.departmentId);
    await updateMembership(tx, actor.organizationId, input.userId, { role: input.role, departmentId });
    audit({
      action: 'member.update',
      entityType: 'member',
      entityId: input.userId,
      changes: {
        email: resource.email,
        before: { role: resource.role, departmentId: resource.departmentId },
        after: { role: input.role, departmentId },
      },
    });
    return null;
  },
});

export const removeMember = command({
  permission: 'member.remove',
  input: removeMemberSchema,
  load: (tx, organizationId, input) => findMember(tx, organizationId, input.userId),
  run: async ({ tx, actor, input, resource, audit }) => {
    await keepAnExecutive(tx, actor.organizationId, input.userId);
    await deleteMembership(tx, actor.organizationId, input.userId);
    // Someone who left cannot keep bringing people in through links they handed out before.
    const revokedInvitations = await revokeInvitationsSentBy(tx, actor.organizationId, input.userId);
    audit({
      action: 'member.remove',
      entityType: 'member',
      entityId: input.userId,
      changes: { email: resource.email, role: resource.role, revokedInvitations },
    });
    return null;
  },
});
