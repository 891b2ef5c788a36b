import { describe, expect, it } from 'vitest';
import { findOrganization } from '@/db/queries/organizations';
import { useTestDatabase } from '@/tests/fixtures/database';
import { makeOrganization } from '@/tests/fixtures/organizations';
import { insertFixtureImprovement } from '@/tests/fixtures/weekly';
import { updateOrganizationSettings } from '@/lib/commands/organization';

const db = useTestDatabase();

const settings = (weekStartsOn: number) => ({
  name: 'Weeks Co',
  timeZone: 'Europe/Kyiv',
  weekStartsOn,
  currency: 'EUR',
  reminderWeekday: 4,
});

describe('the first day of the week', () => {
  it('can change while no improvement is logged', async () => {
    const f = await makeOrganization(db, 'Weeks Co');
    expect(await updateOrganizationSettings.execute(db, f.executive.actor, settings(7))).toEqual({
      ok: true,
      data: null,
    });
    expect((await findOrganization(db, f.organizationId))?.weekStartsOn).toBe(7);
  });

  it('is locked once weeks are logged, so history is never split between two calendars', async () => {
    const f = await makeOrganization(db, 'Logged Co');
    await insertFixtureImprovement(db, f.organizationId, {
      departmentId: f.departmentA,
      weekStart: '2026-11-16',
      createdBy: f.executive.userId,
    });
    expect(await updateOrganizationSettings.execute(db, f.executive.actor, settings(7))).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { weekStartsOn: { key: 'validation.weekStartLocked' } },
    });
    expect((await findOrganization(db, f.organizationId))?.weekStartsOn).toBe(1);
    // Everything else still saves.
    expect(
      await updateOrganizationSettings.execute(db, f.executive.actor, { ...settings(1), name: 'Renamed Co' }),
    ).toEqual({ ok: true, data: null });
    expect((await findOrganization(db, f.organizationId))?.name).toBe('Renamed Co');
  });
});
