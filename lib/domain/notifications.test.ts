import { describe, expect, it } from 'vitest';
import { coversUnledDepartments, departmentsToAnswer, weeklyReminderDepartment } from './notifications';
import type { Actor } from './permissions';

describe('departmentsToAnswer', () => {
  // Sales and Support have a lead; Kitchen and Delivery have none (Delivery's only member is staff).
  const departments = ['sales', 'support', 'kitchen', 'delivery'];
  const members = [
    { role: 'executive', departmentId: null },
    { role: 'lead', departmentId: 'sales' },
    { role: 'lead', departmentId: 'support' },
    { role: 'staff', departmentId: 'delivery' },
    { role: 'staff', departmentId: 'sales' },
  ] as const;

  it.each<[string, Actor, string[]]>([
    [
      'an executive covers the departments without a lead',
      { role: 'executive', departmentId: null },
      ['kitchen', 'delivery'],
    ],
    [
      'an executive of a led department still covers only those without',
      { role: 'executive', departmentId: 'sales' },
      ['kitchen', 'delivery'],
    ],
    [
      'an executive of a department without a lead covers it with the others',
      { role: 'executive', departmentId: 'kitchen' },
      ['kitchen', 'delivery'],
    ],
    ['a lead answers for their own department', { role: 'lead', departmentId: 'support' }, ['support']],
    [
      'a lead of a department with no other lead answers for it',
      { role: 'lead', departmentId: 'kitchen' },
      ['kitchen'],
    ],
    ['a lead without a department answers nothing', { role: 'lead', departmentId: null }, []],
    ['staff answer nothing, even in a department without a lead', { role: 'staff', departmentId: 'delivery' }, []],
    ['staff without a department answer nothing', { role: 'staff', departmentId: null }, []],
  ])('%s', (_case, actor, expected) => {
    expect(departmentsToAnswer(actor, departments, members)).toEqual(expected);
  });

  it('an executive covers every department when nobody leads, and none when every department has a lead', () => {
    const executive: Actor = { role: 'executive', departmentId: null };
    expect(departmentsToAnswer(executive, departments, [{ role: 'staff', departmentId: 'sales' }])).toEqual(
      departments,
    );
    const allLed = departments.map((departmentId) => ({ role: 'lead' as const, departmentId }));
    expect(departmentsToAnswer(executive, departments, allLed)).toEqual([]);
  });

  it('a lead without a department does not count as leading one, and an organization without departments asks nothing', () => {
    const executive: Actor = { role: 'executive', departmentId: null };
    expect(departmentsToAnswer(executive, ['kitchen'], [{ role: 'lead', departmentId: null }])).toEqual(['kitchen']);
    expect(departmentsToAnswer(executive, [], members)).toEqual([]);
  });
});

describe('coversUnledDepartments', () => {
  it('is true for executives only, so leads and staff never need the roster', () => {
    expect(coversUnledDepartments({ role: 'executive', departmentId: null })).toBe(true);
    expect(coversUnledDepartments({ role: 'executive', departmentId: 'sales' })).toBe(true);
    expect(coversUnledDepartments({ role: 'lead', departmentId: 'sales' })).toBe(false);
    expect(coversUnledDepartments({ role: 'staff', departmentId: 'sales' })).toBe(false);
  });

  it('a lead answers the same without the roster as with it', () => {
    const lead: Actor = { role: 'lead', departmentId: 'support' };
    expect(departmentsToAnswer(lead, [], [])).toEqual(['support']);
  });
});

describe('weeklyReminderDepartment', () => {
  const lead: Actor = { role: 'lead', departmentId: 'sales' };
  // 2025-06-11 is a Wednesday, 2025-06-12 a Thursday, 2025-06-15 a Sunday; the reminder day is Thursday (ISO 4).
  it.each<[string, string, 1 | 7, string | null]>([
    ['the day before the reminder day, weeks from Monday', '2025-06-11', 1, null],
    ['the reminder day itself', '2025-06-12', 1, 'sales'],
    ['the last day of a Monday week', '2025-06-15', 1, 'sales'],
    ['Sunday starts a Sunday week, so it is before Thursday', '2025-06-15', 7, null],
    ['the reminder day in a Sunday week', '2025-06-12', 7, 'sales'],
  ])('%s (%s, week from %i): %s', (_case, today, firstDay, expected) => {
    expect(weeklyReminderDepartment(lead, today, 4, firstDay)).toBe(expected);
  });

  it('reminds whoever may log for the area: an executive with a department, never staff or someone without one', () => {
    const thursday = '2025-06-12';
    expect(weeklyReminderDepartment({ role: 'executive', departmentId: 'kitchen' }, thursday, 4, 1)).toBe('kitchen');
    expect(weeklyReminderDepartment({ role: 'executive', departmentId: null }, thursday, 4, 1)).toBeNull();
    expect(weeklyReminderDepartment({ role: 'lead', departmentId: null }, thursday, 4, 1)).toBeNull();
    expect(weeklyReminderDepartment({ role: 'staff', departmentId: 'sales' }, thursday, 4, 1)).toBeNull();
  });

  it('a reminder day of Monday in a Monday week reminds all week long', () => {
    for (const day of ['2025-06-09', '2025-06-12', '2025-06-15']) {
      expect(weeklyReminderDepartment(lead, day, 1, 1)).toBe('sales');
    }
  });
});
