import { describe, expect, it } from 'vitest';
import { type Actor, can, isRole, type Permission, permissions, permissionTable, roles } from './permissions';

const DEPT_A = '11111111-1111-4111-8111-111111111111';
const DEPT_B = '22222222-2222-4222-8222-222222222222';

const executive: Actor = { role: 'executive', departmentId: null };
const executiveInA: Actor = { role: 'executive', departmentId: DEPT_A };
const leadOfA: Actor = { role: 'lead', departmentId: DEPT_A };
const leadWithoutDept: Actor = { role: 'lead', departmentId: null };
const staffOfA: Actor = { role: 'staff', departmentId: DEPT_A };

const executiveOnly: Permission[] = [
  'settings.read',
  'organization.update',
  'department.create',
  'department.archive',
  'journeyStage.manage',
  'touchpoint.manage',
  'member.invite',
  'member.update',
  'member.resetPassword',
  'member.remove',
  'invitation.revoke',
  'audit.read',
  'goal.edit',
  'goal.publish',
  'goal.readStatus',
  'plans.overview',
  'promiseOwner.set',
  'responses.import',
  'apiKey.manage',
  'impactSettings.update',
  'ideaComment.hide',
];
const everyone: Permission[] = [
  'goal.read',
  'goal.acknowledge',
  'plan.read',
  'weekly.read',
  'metrics.read',
  'notifications.manage',
  'follow.manage',
  'idea.read',
  'idea.submit',
  'idea.vote',
  'idea.comment',
  'lever.read',
];
const authorOnly: Permission[] = ['idea.edit', 'ideaComment.edit'];
const leadsOwnDepartment: Permission[] = [
  'department.update',
  'plan.edit',
  'planRequest.answer',
  'weekly.log',
  'surveyLink.manage',
  'metricAggregate.manage',
  'idea.triage',
  'idea.merge',
  'lever.manage',
];

describe('permission table', () => {
  it('lists exactly the known permissions', () => {
    expect([...permissions].sort()).toEqual(
      [...executiveOnly, ...everyone, ...leadsOwnDepartment, ...authorOnly].sort(),
    );
  });

  it.each(everyone)('lets every role do %s', (permission) => {
    for (const actor of [executive, leadOfA, leadWithoutDept, staffOfA]) expect(can(actor, permission)).toBe(true);
  });

  it.each(leadsOwnDepartment)('lets a lead do %s only for their own department, never staff', (permission) => {
    expect(can(leadOfA, permission, { departmentId: DEPT_A })).toBe(true);
    expect(can(leadOfA, permission, { departmentId: DEPT_B })).toBe(false);
    expect(can(leadWithoutDept, permission, { departmentId: DEPT_A })).toBe(false);
    expect(can(staffOfA, permission, { departmentId: DEPT_A })).toBe(false);
    expect(can(executive, permission, { departmentId: DEPT_B })).toBe(true);
  });

  it('gives every role a rule for every permission', () => {
    for (const permission of permissions) {
      expect(Object.keys(permissionTable[permission]).sort()).toEqual(['executive', 'lead', 'staff']);
    }
  });
});

describe('can: rule "any"', () => {
  it.each(executiveOnly)('lets an executive without department do %s', (permission) => {
    expect(can(executive, permission)).toBe(true);
  });

  it('lets an executive update any department, whatever their own', () => {
    expect(can(executive, 'department.update', { departmentId: DEPT_B })).toBe(true);
    expect(can(executiveInA, 'department.update', { departmentId: DEPT_B })).toBe(true);
    expect(can(executive, 'department.update')).toBe(true);
  });
});

describe('can: rule "none"', () => {
  it.each(executiveOnly)('refuses %s to leads and staff, even for their own department', (permission) => {
    expect(can(leadOfA, permission, { departmentId: DEPT_A })).toBe(false);
    expect(can(staffOfA, permission, { departmentId: DEPT_A })).toBe(false);
  });

  it('refuses department.update to staff of that very department', () => {
    expect(can(staffOfA, 'department.update', { departmentId: DEPT_A })).toBe(false);
  });
});

describe('can: rule "own-department"', () => {
  it('lets a lead update their own department', () => {
    expect(can(leadOfA, 'department.update', { departmentId: DEPT_A })).toBe(true);
  });

  it('refuses a lead another department', () => {
    expect(can(leadOfA, 'department.update', { departmentId: DEPT_B })).toBe(false);
  });

  it('refuses when the target has no department', () => {
    expect(can(leadOfA, 'department.update')).toBe(false);
    expect(can(leadOfA, 'department.update', { departmentId: null })).toBe(false);
    expect(can(leadOfA, 'department.update', { departmentId: undefined })).toBe(false);
  });

  it('refuses a lead without department, even when the target has none either', () => {
    expect(can(leadWithoutDept, 'department.update', { departmentId: null })).toBe(false);
    expect(can(leadWithoutDept, 'department.update', {})).toBe(false);
    expect(can(leadWithoutDept, 'department.update', { departmentId: DEPT_A })).toBe(false);
  });
});

describe('can: rule "own"', () => {
  const author = { role: 'staff', departmentId: DEPT_A, userId: 'user-1' } as const;
  const executiveAuthor = { role: 'executive', departmentId: null, userId: 'user-2' } as const;

  it('lets the author edit their own idea, whatever their role', () => {
    expect(can(author, 'idea.edit', { authorUserId: 'user-1' })).toBe(true);
    expect(can(executiveAuthor, 'ideaComment.edit', { authorUserId: 'user-2' })).toBe(true);
  });

  it("refuses anyone else, executives included, another person's idea or comment", () => {
    expect(can(author, 'idea.edit', { authorUserId: 'user-2' })).toBe(false);
    expect(can(executiveAuthor, 'idea.edit', { authorUserId: 'user-1' })).toBe(false);
  });

  it('refuses when the author or the actor is not known', () => {
    expect(can(author, 'idea.edit', { authorUserId: null })).toBe(false);
    expect(can(author, 'idea.edit')).toBe(false);
    expect(can({ role: 'staff', departmentId: DEPT_A }, 'idea.edit', { authorUserId: 'user-1' })).toBe(false);
  });
});

describe('can: fails closed', () => {
  it('refuses an unknown permission to every role', () => {
    for (const role of roles) {
      expect(can({ role, departmentId: DEPT_A }, 'billing.delete' as Permission, { departmentId: DEPT_A })).toBe(false);
    }
  });

  it('refuses an unknown role', () => {
    expect(can({ role: 'owner' as Actor['role'], departmentId: null }, 'settings.read')).toBe(false);
  });

  it('does not treat inherited object properties as permissions', () => {
    expect(can(executive, 'constructor' as Permission)).toBe(false);
    expect(can(executive, 'toString' as Permission)).toBe(false);
  });
});

describe('isRole', () => {
  it('accepts the three roles only', () => {
    expect(roles.map(isRole)).toEqual([true, true, true]);
    expect(isRole('Executive')).toBe(false);
    expect(isRole('admin')).toBe(false);
    expect(isRole(undefined)).toBe(false);
    expect(isRole(1)).toBe(false);
  });
});
