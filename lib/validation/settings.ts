import { z } from 'zod';
import { checkbox, currency, description, id, name, optionalId, role, timeZone, email } from './common';

export const organizationSettingsSchema = z.object({
  name: name(80),
  timeZone,
  // The first day of the week (lib/domain/weeks FirstDay): Monday or Sunday.
  weekStartsOn: z.coerce
    .number()
    .int()
    .pipe(z.literal([1, 7], 'validation.choice')),
  currency,
  reminderWeekday: z.coerce.number().int().min(1, 'validation.choice').max(7, 'validation.choice').default(4),
  /** Absent: left as it is. */
  cesHeadline: z.enum(['mean', 'share']).optional(),
});

export const departmentStage = z.enum(['front', 'back']);
export const createDepartmentSchema = z.object({ name: name(60), stage: departmentStage, description });
export const updateDepartmentSchema = createDepartmentSchema.extend({ departmentId: id });
export const archiveDepartmentSchema = z.object({ departmentId: id, archived: checkbox });

export const journeyPhase = z.enum(['before', 'during', 'after']);
export const createStageSchema = z.object({ name: name(60), phase: journeyPhase });
export const updateStageSchema = createStageSchema.extend({ stageId: id });
export const moveSchema = z.object({ direction: z.enum(['up', 'down']) });
export const moveStageSchema = moveSchema.extend({ stageId: id });
export const deleteStageSchema = z.object({ stageId: id });

export const channel = z.enum(['online', 'offline']);
/** What a touchpoint key may hold; the command checks it, so the refusal can name the rule (settings.journey.keyFormat). */
export const touchpointKeyPattern = /^[a-z0-9-]+$/;
/** The name API senders may use for a touchpoint; empty clears it, absent leaves it as it is. */
export const touchpointKey = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? null : v.trim().toLowerCase()) : v),
  z.string().min(2).max(50).nullable().optional(),
);
export const createTouchpointSchema = z.object({
  name: name(80),
  stageId: id,
  departmentId: id,
  channel,
  description,
  key: touchpointKey,
});
export const updateTouchpointSchema = createTouchpointSchema.extend({ touchpointId: id });
export const moveTouchpointSchema = moveSchema.extend({ touchpointId: id });
export const archiveTouchpointSchema = z.object({ touchpointId: id, archived: checkbox });

/** Leads and staff belong to a department; an executive may or may not. */
const withDepartment = <T extends { role: string; departmentId?: string | undefined }>(v: T, ctx: z.RefinementCtx) => {
  if (v.role !== 'executive' && !v.departmentId) {
    ctx.addIssue({ code: 'custom', path: ['departmentId'], message: 'validation.departmentRequired' });
  }
};

export const inviteMemberSchema = z.object({ email, role, departmentId: optionalId }).superRefine(withDepartment);
export const updateMemberSchema = z.object({ userId: id, role, departmentId: optionalId }).superRefine(withDepartment);
export const removeMemberSchema = z.object({ userId: id });
export const revokeInvitationSchema = z.object({ invitationId: id });
