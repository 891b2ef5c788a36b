import { describe, expect, it } from 'vitest';
import { checkbox, email, optionalId, timeZone } from './common';
import {
  archiveDepartmentSchema,
  createDepartmentSchema,
  inviteMemberSchema,
  organizationSettingsSchema,
  updateMemberSchema,
} from './settings';

const UUID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

describe('common fields', () => {
  it('normalizes an email to trimmed lower case', () => {
    expect(email.parse('  Ann.Lee@Example.COM ')).toBe('ann.lee@example.com');
  });

  it('reads a checkbox as a boolean', () => {
    expect(checkbox.parse('on')).toBe(true);
    expect(checkbox.parse('true')).toBe(true);
    expect(checkbox.parse(true)).toBe(true);
    expect(checkbox.parse(undefined)).toBe(false);
    expect(checkbox.parse('off')).toBe(false);
    expect(checkbox.parse('')).toBe(false);
  });

  it('treats an empty optional id as absent', () => {
    expect(optionalId.parse('')).toBeUndefined();
    expect(optionalId.parse(null)).toBeUndefined();
    expect(optionalId.parse(UUID)).toBe(UUID);
    expect(optionalId.safeParse('nope').success).toBe(false);
  });

  it('accepts IANA time zones only', () => {
    expect(timeZone.safeParse('Europe/Paris').success).toBe(true);
    expect(timeZone.safeParse('Mars/Olympus_Mons').success).toBe(false);
  });
});

describe('organization settings', () => {
  const valid = { name: 'Acme', timeZone: 'UTC', weekStartsOn: '7', currency: 'usd' };

  it('coerces the week start and upper-cases the currency', () => {
    expect(organizationSettingsSchema.parse(valid)).toEqual({
      name: 'Acme',
      timeZone: 'UTC',
      weekStartsOn: 7,
      currency: 'USD',
      reminderWeekday: 4,
    });
  });

  it('accepts Monday (1) or Sunday (7) only', () => {
    expect(organizationSettingsSchema.safeParse({ ...valid, weekStartsOn: 1 }).success).toBe(true);
    expect(organizationSettingsSchema.safeParse({ ...valid, weekStartsOn: 3 }).success).toBe(false);
  });
});

describe('departments', () => {
  it('defaults the description to empty and trims the name', () => {
    expect(createDepartmentSchema.parse({ name: '  Sales ', stage: 'front' })).toEqual({
      name: 'Sales',
      stage: 'front',
      description: '',
    });
  });

  it('reads the archive checkbox', () => {
    expect(archiveDepartmentSchema.parse({ departmentId: UUID })).toEqual({ departmentId: UUID, archived: false });
    expect(archiveDepartmentSchema.parse({ departmentId: UUID, archived: 'on' })).toEqual({
      departmentId: UUID,
      archived: true,
    });
  });
});

describe('members: department required for leads and staff', () => {
  it.each(['lead', 'staff'])('requires a department for a %s', (role) => {
    const invite = inviteMemberSchema.safeParse({ email: 'a@example.test', role, departmentId: '' });
    expect(invite.success).toBe(false);
    expect(invite.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['departmentId', 'validation.departmentRequired'],
    ]);
    expect(updateMemberSchema.safeParse({ userId: UUID, role }).success).toBe(false);
  });

  it('lets an executive have no department, or one', () => {
    expect(inviteMemberSchema.parse({ email: 'a@example.test', role: 'executive', departmentId: '' })).toEqual({
      email: 'a@example.test',
      role: 'executive',
      departmentId: undefined,
    });
    expect(updateMemberSchema.parse({ userId: UUID, role: 'executive', departmentId: UUID }).departmentId).toBe(UUID);
  });
});
