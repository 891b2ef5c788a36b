/**
 * The permission table: the single source of truth for who may do what.
 * Every server action and route handler checks it through `can`; anything not listed is refused.
 */
export const roles = ['executive', 'lead', 'staff'] as const;
export type Role = (typeof roles)[number];

/**
 * `any`: anywhere in the organization; `own-department`: only for the member's own department; `own`: only what the
 * member wrote (an idea, a comment).
 */
export type Rule = 'any' | 'own-department' | 'own' | 'none';

const executiveOnly = { executive: 'any', lead: 'none', staff: 'none' } as const;
const everyone = { executive: 'any', lead: 'any', staff: 'any' } as const;
const leadsOwnDepartment = { executive: 'any', lead: 'own-department', staff: 'none' } as const;
const authorOnly = { executive: 'own', lead: 'own', staff: 'own' } as const;

export const permissionTable = {
  'settings.read': executiveOnly,
  'organization.update': executiveOnly,
  'department.create': executiveOnly,
  'department.update': { executive: 'any', lead: 'own-department', staff: 'none' },
  'department.archive': executiveOnly,
  'journeyStage.manage': executiveOnly,
  'touchpoint.manage': executiveOnly,
  'member.invite': executiveOnly,
  'member.update': executiveOnly,
  'member.remove': executiveOnly,
  // A one-time link to choose a new password, for a member whose account is in this organization only.
  'member.resetPassword': executiveOnly,
  'invitation.revoke': executiveOnly,
  'audit.read': executiveOnly,
  // The one-page goal: executives write and publish it, everyone reads it and confirms having read it.
  'goal.read': everyone,
  'goal.edit': executiveOnly,
  'goal.publish': executiveOnly,
  'goal.acknowledge': everyone,
  'goal.readStatus': executiveOnly,
  // Action plans: leads keep their own department's plan and answer requests addressed to it.
  'plan.read': everyone,
  'plan.edit': leadsOwnDepartment,
  'planRequest.answer': leadsOwnDepartment,
  'plans.overview': executiveOnly,
  'promiseOwner.set': executiveOnly,
  // The weekly tracker: one improvement per area per week, logged by the area's lead (or an executive).
  'weekly.read': everyone,
  'weekly.log': leadsOwnDepartment,
  // Touchpoint metrics: everyone sees the numbers; executives manage the ways answers come in, leads the
  // survey links and measured values of their own department's touchpoints.
  'metrics.read': everyone,
  'surveyLink.manage': leadsOwnDepartment,
  'metricAggregate.manage': leadsOwnDepartment,
  'responses.import': executiveOnly,
  'apiKey.manage': executiveOnly,
  // Impact cards: the default windows and, per metric, the minimum meaningful change and the target precision.
  'impactSettings.update': executiveOnly,
  // Stored notifications and what a person follows: each person their own (the loader scopes to them).
  'notifications.manage': everyone,
  'follow.manage': everyone,
  // Staff ideas: everyone submits, votes and comments; the author edits or withdraws their own idea while it is
  // new, and edits or deletes their own comments; the lead of the department concerned triages and merges within
  // it (an executive across departments); executives hide abusive comments.
  'idea.read': everyone,
  'idea.submit': everyone,
  'idea.vote': everyone,
  'idea.comment': everyone,
  'idea.edit': authorOnly,
  'ideaComment.edit': authorOnly,
  'idea.triage': leadsOwnDepartment,
  'idea.merge': leadsOwnDepartment,
  'ideaComment.hide': executiveOnly,
  // Accelerators and blockers: everyone reads the register; the lead of the owning department manages a lever
  // (moving it to another department needs both), executives any.
  'lever.read': everyone,
  'lever.manage': leadsOwnDepartment,
} as const satisfies Record<string, Record<Role, Rule>>;

export type Permission = keyof typeof permissionTable;
export const permissions = Object.keys(permissionTable) as Permission[];

export interface Actor {
  role: Role;
  departmentId: string | null;
  /** Needed by `own` rules only: without it they refuse. */
  userId?: string;
}

/** The department the action touches, and who wrote the thing, when the rule depends on them. */
export interface Target {
  departmentId?: string | null;
  authorUserId?: string | null;
}

export function can(actor: Actor, permission: Permission, target: Target = {}): boolean {
  const rules = permissionTable[permission] as Record<Role, Rule> | undefined;
  const rule = rules?.[actor.role];
  switch (rule) {
    case 'any':
      return true;
    case 'own-department':
      return actor.departmentId !== null && target.departmentId != null && target.departmentId === actor.departmentId;
    case 'own':
      return actor.userId != null && target.authorUserId != null && target.authorUserId === actor.userId;
    default:
      return false; // fail closed on anything unknown
  }
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}
