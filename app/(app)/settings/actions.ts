'use server';

import { runAsMember } from '@/lib/auth/run';
import { archiveDepartment, createDepartment, updateDepartmentDetails } from '@/lib/commands/departments';
import {
  archiveTouchpoint,
  createStage,
  createTouchpoint,
  moveStage,
  moveTouchpoint,
  removeStage,
  updateStageDetails,
  updateTouchpointDetails,
} from '@/lib/commands/journey';
import { updateImpactSettings } from '@/lib/commands/impact-settings';
import { inviteMember, removeMember, revokeInvitation, updateMember } from '@/lib/commands/members';
import { updateOrganizationSettings } from '@/lib/commands/organization';
import { sendInvitationMail } from '@/lib/mail';
import { publicOrigin } from '@/lib/public-origin';

// Thin wrappers: each runs one command as the signed-in member and refreshes the settings pages.
const settings = ['/settings', '/'];

export const saveOrganization = async (input: unknown) => runAsMember(updateOrganizationSettings, input, settings);
export const saveImpactSettings = async (input: unknown) => runAsMember(updateImpactSettings, input, settings);

export const addDepartment = async (input: unknown) => runAsMember(createDepartment, input, settings);
export const saveDepartment = async (input: unknown) => runAsMember(updateDepartmentDetails, input, settings);
export const setDepartmentArchived = async (input: unknown) => runAsMember(archiveDepartment, input, settings);

export const addStage = async (input: unknown) => runAsMember(createStage, input, settings);
export const saveStage = async (input: unknown) => runAsMember(updateStageDetails, input, settings);
export const reorderStage = async (input: unknown) => runAsMember(moveStage, input, settings);
export const deleteStage = async (input: unknown) => runAsMember(removeStage, input, settings);

export const addTouchpoint = async (input: unknown) => runAsMember(createTouchpoint, input, settings);
export const saveTouchpoint = async (input: unknown) => runAsMember(updateTouchpointDetails, input, settings);
export const reorderTouchpoint = async (input: unknown) => runAsMember(moveTouchpoint, input, settings);
export const setTouchpointArchived = async (input: unknown) => runAsMember(archiveTouchpoint, input, settings);

/** Invites and returns the link to copy; mails it too when SMTP_URL is set. */
export async function invite(input: unknown) {
  const result = await runAsMember(inviteMember, input, settings);
  if (!result.ok) return result;
  const link = `${await publicOrigin()}/invite/${result.data.token}`;
  const mailed = await sendInvitationMail(result.data.email, link);
  return { ok: true as const, data: { link, email: result.data.email, mailed } };
}

export const saveMember = async (input: unknown) => runAsMember(updateMember, input, settings);
export const deleteMember = async (input: unknown) => runAsMember(removeMember, input, settings);
export const cancelInvitation = async (input: unknown) => runAsMember(revokeInvitation, input, settings);
