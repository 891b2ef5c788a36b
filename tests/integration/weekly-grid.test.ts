/**
 * The weekly tracker's grid (cells, streaks, compliance, writable weeks) and the weekly reminder, for a small
 * fixture whose numbers are worked out by hand, with `now` injected.
 *
 * The organization works in America/Los_Angeles with Sunday weeks. "Now" is 2026-03-10T06:00Z, which is Monday
 * 2026-03-09 23:00 PDT there (DST began on Sunday 2026-03-08), so this week is the one of Sunday 2026-03-08 (a UTC
 * Monday week would be 2026-03-09). Four weeks are shown: 02-15, 02-22, 03-01, 03-08.
 *
 *   area        02-08  02-15  02-22  03-01  03-08 | streak  compliance (of 4)
 *   Delivery      .      x      x      .      x   |   1       3/4
 *   IT            .      .      .      .      .   |   0       0
 *   Logistics     .      .      x      x      .   |   2       2/4   (this week not logged yet: streak kept)
 *   Marketing     .      .      .    late     .   |   1       1/4   (+ a cell in the future week 03-15)
 *   Sales         x      x      x      x      x   |   5       4/4   (02-08 is outside the window, still in the streak)
 *   per week            2/5    3/5    3/5    2/5  -> organization 10/20 = 50 %
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { updateDepartment } from '@/db/queries/departments';
import { notificationsFor } from '@/lib/auth/notifications';
import { findOrganization, type Organization, updateOrganization } from '@/db/queries/organizations';
import { weeklyGridData } from '@/db/queries/weekly-grid';
import { useTestDatabase } from '@/tests/fixtures/database';
import {
  insertFixtureImprovement,
  makeWeeklyOrganization,
  type WeeklyOrganizationFixture,
} from '@/tests/fixtures/weekly';
import type { Actor } from '@/lib/auth/command';
import { withLogRights } from '@/lib/domain/weekly';
import { isWeekStart } from '@/lib/domain/weeks';

const db = useTestDatabase();

const NOW = new Date('2026-03-10T06:00:00Z');
/** The grid as the page and the API build it: the data, then the caller's rights. */
const weeklyGrid = async (
  db: Database,
  organization: Organization,
  actor: Actor,
  options: { lastWeek?: string; count: number },
  now: Date,
) => withLogRights(await weeklyGridData(db, organization, options, now), actor);
const WEEKS = ['2026-02-15', '2026-02-22', '2026-03-01', '2026-03-08'];

interface GridFixture {
  f: WeeklyOrganizationFixture;
  organization: Organization;
  /** Improvement ids by "<area>/<week>". */
  ids: Map<string, string>;
}

async function buildGrid(name: string): Promise<GridFixture> {
  const f = await makeWeeklyOrganization(db, name, { timeZone: 'America/Los_Angeles', weekStartsOn: 7 });
  const organization = (await findOrganization(db, f.organizationId))!;
  const ids = new Map<string, string>();
  const plan: [string, string, string[]][] = [
    ['Delivery', f.delivery, ['2026-02-15', '2026-02-22', '2026-03-08']],
    ['Logistics', f.departmentB, ['2026-02-22', '2026-03-01']],
    ['Marketing', f.marketing, ['2026-03-01', '2026-03-15']],
    ['Sales', f.departmentA, ['2026-02-08', '2026-02-15', '2026-02-22', '2026-03-01', '2026-03-08']],
  ];
  for (const [area, departmentId, weeks] of plan) {
    for (const weekStart of weeks) {
      const late = area === 'Marketing' && weekStart === '2026-03-01';
      ids.set(
        `${area}/${weekStart}`,
        await insertFixtureImprovement(db, f.organizationId, {
          departmentId,
          weekStart,
          createdBy: f.executive.userId,
          title: `${area} ${weekStart}`,
          late,
        }),
      );
    }
  }
  return { f, organization, ids };
}

let main: GridFixture;
beforeAll(async () => {
  main = await buildGrid('Grid Co');
});

const summary = (grid: Awaited<ReturnType<typeof weeklyGrid>>) =>
  Object.fromEntries(
    grid.areas.map((a) => [a.name, { streak: a.streak, compliance: a.compliance, loggedThisWeek: a.loggedThisWeek }]),
  );

describe('weeklyGrid', () => {
  it("shows the weeks up to this week in the organization's zone, with Sunday weeks", async () => {
    const grid = await weeklyGrid(db, main.organization, main.f.executive.actor, { count: 4 }, NOW);
    expect(grid.currentWeek).toBe('2026-03-08');
    expect(grid.weeks).toEqual(WEEKS);
    expect(grid.firstWeek).toBe('2026-02-08');
    expect(grid.areas.map((a) => a.name)).toEqual(['Delivery', 'IT', 'Logistics', 'Marketing', 'Sales']);
  });

  it('fills the cells of the shown weeks only', async () => {
    const { f, ids } = main;
    const grid = await weeklyGrid(db, main.organization, f.executive.actor, { count: 4 }, NOW);
    const cell = (area: string, week: string) => ({
      id: ids.get(`${area}/${week}`),
      title: `${area} ${week}`,
      late: area === 'Marketing' && week === '2026-03-01',
    });
    expect(grid.cells).toEqual({
      [f.delivery]: {
        '2026-02-15': cell('Delivery', '2026-02-15'),
        '2026-02-22': cell('Delivery', '2026-02-22'),
        '2026-03-08': cell('Delivery', '2026-03-08'),
      },
      [f.departmentB]: { '2026-02-22': cell('Logistics', '2026-02-22'), '2026-03-01': cell('Logistics', '2026-03-01') },
      [f.marketing]: { '2026-03-01': cell('Marketing', '2026-03-01') },
      [f.departmentA]: {
        '2026-02-15': cell('Sales', '2026-02-15'),
        '2026-02-22': cell('Sales', '2026-02-22'),
        '2026-03-01': cell('Sales', '2026-03-01'),
        '2026-03-08': cell('Sales', '2026-03-08'),
      },
    });
    expect(grid.cells[f.marketing]!['2026-03-01']!.late).toBe(true);
  });

  it('gives each area its streak and compliance, and the organization its compliance and trend', async () => {
    const grid = await weeklyGrid(db, main.organization, main.f.executive.actor, { count: 4 }, NOW);
    expect(summary(grid)).toEqual({
      Delivery: { streak: 1, compliance: 0.75, loggedThisWeek: true },
      IT: { streak: 0, compliance: 0, loggedThisWeek: false },
      Logistics: { streak: 2, compliance: 0.5, loggedThisWeek: false },
      Marketing: { streak: 1, compliance: 0.25, loggedThisWeek: false },
      Sales: { streak: 5, compliance: 1, loggedThisWeek: true },
    });
    expect(grid.compliance).toBeCloseTo(0.5, 10);
    expect(grid.trend.map((t) => t.week)).toEqual(WEEKS);
    grid.trend.forEach((t, i) => expect(t.compliance).toBeCloseTo([0.4, 0.6, 0.6, 0.4][i]!, 10));
  });

  it('lets the executive write in every shown week and area, a lead in this and last week of their own area', async () => {
    const { f } = main;
    const executive = await weeklyGrid(db, main.organization, f.executive.actor, { count: 4 }, NOW);
    expect(executive.writableWeeks).toEqual(WEEKS);
    expect(executive.areas.every((a) => a.canLog)).toBe(true);

    const lead = await weeklyGrid(db, main.organization, f.lead.actor, { count: 4 }, NOW);
    expect(lead.writableWeeks).toEqual(['2026-03-01', '2026-03-08']);
    expect(lead.areas.filter((a) => a.canLog).map((a) => a.name)).toEqual(['Sales']);
    // The same numbers for everyone.
    expect(summary(lead)).toEqual(summary(executive));
    expect(lead.compliance).toBe(executive.compliance);

    const staff = await weeklyGrid(db, main.organization, f.staff.actor, { count: 4 }, NOW);
    expect(staff.areas.some((a) => a.canLog)).toBe(false);
  });

  it('turns to the next week at local midnight, not at UTC midnight', async () => {
    const { f } = main;
    // Saturday 2026-03-07 23:59:59.999 PST is 2026-03-08T07:59:59.999Z; a millisecond later it is Sunday.
    const before = await weeklyGrid(
      db,
      main.organization,
      f.executive.actor,
      { count: 4 },
      new Date('2026-03-08T07:59:59.999Z'),
    );
    expect(before.currentWeek).toBe('2026-03-01');
    expect(before.weeks).toEqual(['2026-02-08', '2026-02-15', '2026-02-22', '2026-03-01']);
    expect(summary(before)).toEqual({
      Delivery: { streak: 2, compliance: 0.5, loggedThisWeek: false },
      IT: { streak: 0, compliance: 0, loggedThisWeek: false },
      Logistics: { streak: 2, compliance: 0.5, loggedThisWeek: true },
      Marketing: { streak: 1, compliance: 0.25, loggedThisWeek: true },
      Sales: { streak: 4, compliance: 1, loggedThisWeek: true }, // 03-08 is still in the future: not counted
    });
    expect(before.cells[f.departmentA]!['2026-03-08']).toBeUndefined();
    expect(before.writableWeeks).toEqual(['2026-02-08', '2026-02-15', '2026-02-22', '2026-03-01']);

    const after = await weeklyGrid(
      db,
      main.organization,
      f.executive.actor,
      { count: 4 },
      new Date('2026-03-08T08:00:00Z'),
    );
    expect(after.currentWeek).toBe('2026-03-08');
    expect(after.weeks).toEqual(WEEKS);
    expect(after.areas.find((a) => a.name === 'Sales')!.streak).toBe(5);
  });

  it('pages back to earlier weeks; streaks still count from this week', async () => {
    const { f } = main;
    const grid = await weeklyGrid(db, main.organization, f.executive.actor, { lastWeek: '2026-02-22', count: 2 }, NOW);
    expect(grid.weeks).toEqual(['2026-02-15', '2026-02-22']);
    expect(grid.currentWeek).toBe('2026-03-08');
    expect(summary(grid)).toEqual({
      Delivery: { streak: 1, compliance: 1, loggedThisWeek: true },
      IT: { streak: 0, compliance: 0, loggedThisWeek: false },
      Logistics: { streak: 2, compliance: 0.5, loggedThisWeek: false },
      Marketing: { streak: 1, compliance: 0, loggedThisWeek: false },
      Sales: { streak: 5, compliance: 1, loggedThisWeek: true },
    });
    expect(grid.compliance).toBeCloseTo(0.5, 10);
    expect(Object.keys(grid.cells[f.departmentA]!)).toEqual(['2026-02-15', '2026-02-22']);
    expect(grid.writableWeeks).toEqual(['2026-02-15', '2026-02-22']);
    expect(
      (await weeklyGrid(db, main.organization, f.lead.actor, { lastWeek: '2026-02-22', count: 2 }, NOW)).writableWeeks,
    ).toEqual([]);
  });

  it('never shows weeks after this one', async () => {
    const grid = await weeklyGrid(
      db,
      main.organization,
      main.f.executive.actor,
      { lastWeek: '2026-03-22', count: 4 },
      NOW,
    );
    expect(grid.weeks).toEqual(WEEKS);
    expect(grid.cells[main.f.marketing]!['2026-03-15']).toBeUndefined();
  });

  it('shows one week', async () => {
    const grid = await weeklyGrid(db, main.organization, main.f.executive.actor, { count: 1 }, NOW);
    expect(grid.weeks).toEqual(['2026-03-08']);
    expect(grid.compliance).toBeCloseTo(2 / 5, 10);
    expect(grid.areas.find((a) => a.name === 'Logistics')!.compliance).toBe(0);
  });

  // Any date names the week that contains it, so a mid-week date never shifts the columns.
  it('takes a mid-week date as the week that contains it', async () => {
    const grid = await weeklyGrid(
      db,
      main.organization,
      main.f.executive.actor,
      { lastWeek: '2026-02-25', count: 2 },
      NOW,
    );
    expect(grid.weeks.every((w) => isWeekStart(w, 7))).toBe(true);
    expect(grid.weeks).toEqual(['2026-02-15', '2026-02-22']);
    expect(Object.keys(grid.cells[main.f.departmentA] ?? {})).toEqual(['2026-02-15', '2026-02-22']);
  });

  it('leaves archived areas out of the rows and of every percentage', async () => {
    const g = await buildGrid('Grid Archive Co');
    await updateDepartment(db, g.f.organizationId, g.f.marketing, { archived: true });
    await updateDepartment(db, g.f.organizationId, g.f.it, { archived: true });
    const grid = await weeklyGrid(db, g.organization, g.f.executive.actor, { count: 4 }, NOW);
    expect(grid.areas.map((a) => a.name)).toEqual(['Delivery', 'Logistics', 'Sales']);
    // (3 + 2 + 4) of 3 areas x 4 weeks; per week 2/3, 3/3, 2/3, 2/3.
    expect(grid.compliance).toBeCloseTo(9 / 12, 10);
    grid.trend.forEach((t, i) => expect(t.compliance).toBeCloseTo([2 / 3, 1, 2 / 3, 2 / 3][i]!, 10));
  });

  it('shows an organization without improvements as empty, not as an error', async () => {
    const g = await makeWeeklyOrganization(db, 'Empty Grid Co', { timeZone: 'Europe/Kyiv', weekStartsOn: 1 });
    const organization = (await findOrganization(db, g.organizationId))!;
    // 2026-03-29T21:30Z is Monday 00:30 in Kyiv (summer time since that night): the week of 2026-03-30.
    const grid = await weeklyGrid(db, organization, g.lead.actor, { count: 3 }, new Date('2026-03-29T21:30:00Z'));
    expect(grid).toMatchObject({
      currentWeek: '2026-03-30',
      weeks: ['2026-03-16', '2026-03-23', '2026-03-30'],
      firstWeek: null,
      cells: {},
      compliance: 0,
    });
    expect(grid.areas.every((a) => a.streak === 0 && a.compliance === 0)).toBe(true);
    expect(grid.trend.every((t) => t.compliance === 0)).toBe(true);
  });
});

describe('the weekly reminder', () => {
  async function reminded(organizationId: string, actor: Actor, now: Date) {
    const organization = (await findOrganization(db, organizationId))!;
    return (await notificationsFor(db, organization, actor, now)).filter((n) => n.kind === 'weeklyReminder');
  }

  it('reminds a lead whose area has not logged, from the reminder day (Thursday) to the end of a Sunday week', async () => {
    const { f } = main;
    // Monday to Wednesday: not yet. 2026-03-12T06:30Z is still Wednesday 23:30 in Los Angeles (Thursday in UTC).
    for (const now of ['2026-03-09T20:00:00Z', '2026-03-11T20:00:00Z', '2026-03-12T06:59:59Z']) {
      expect(await reminded(f.organizationId, f.itLead.actor, new Date(now)), now).toEqual([]);
    }
    // Thursday 00:00 PDT to Saturday: due, for this week.
    for (const now of ['2026-03-12T07:00:00Z', '2026-03-13T20:00:00Z', '2026-03-15T06:59:59Z']) {
      expect(await reminded(f.organizationId, f.itLead.actor, new Date(now)), now).toEqual([
        { kind: 'weeklyReminder', departmentId: f.it, week: '2026-03-08' },
      ]);
    }
    // Sunday starts a new week: not yet again.
    expect(await reminded(f.organizationId, f.itLead.actor, new Date('2026-03-15T07:00:00Z'))).toEqual([]);
  });

  it('does not remind an area that has logged, nor people who cannot log', async () => {
    const { f } = main;
    const thursday = new Date('2026-03-12T20:00:00Z');
    expect(await reminded(f.organizationId, f.lead.actor, thursday)).toEqual([]); // Sales logged 03-08
    expect(await reminded(f.organizationId, f.deliveryLead.actor, thursday)).toEqual([]); // Delivery too
    expect(await reminded(f.organizationId, f.staff.actor, thursday)).toEqual([]); // staff cannot log
    expect(await reminded(f.organizationId, f.executive.actor, thursday)).toEqual([]); // no department
    expect(await reminded(f.organizationId, f.marketingLead.actor, thursday)).toEqual([
      { kind: 'weeklyReminder', departmentId: f.marketing, week: '2026-03-08' },
    ]);
  });

  it('follows Monday weeks, another zone and another reminder day', async () => {
    const g = await makeWeeklyOrganization(db, 'Reminder Co', {
      timeZone: 'Pacific/Auckland',
      weekStartsOn: 1,
      reminderWeekday: 5,
    });
    // Auckland is UTC+13 in March: 2026-03-12T10:59:59Z is Thursday 23:59:59, 11:00Z is Friday 00:00.
    expect(await reminded(g.organizationId, g.itLead.actor, new Date('2026-03-12T10:59:59Z'))).toEqual([]);
    const friday = new Date('2026-03-12T11:00:00Z');
    expect(await reminded(g.organizationId, g.itLead.actor, friday)).toEqual([
      { kind: 'weeklyReminder', departmentId: g.it, week: '2026-03-09' },
    ]);
    // Sunday is the last day of a Monday week: still due.
    expect(await reminded(g.organizationId, g.itLead.actor, new Date('2026-03-15T10:59:59Z'))).toHaveLength(1);
    expect(await reminded(g.organizationId, g.itLead.actor, new Date('2026-03-15T11:00:00Z'))).toEqual([]); // Monday 2026-03-16
    // Once logged, it goes away.
    await insertFixtureImprovement(db, g.organizationId, {
      departmentId: g.it,
      weekStart: '2026-03-09',
      createdBy: g.itLead.userId,
    });
    expect(await reminded(g.organizationId, g.itLead.actor, friday)).toEqual([]);
    // From Monday on when the executive says so.
    await updateOrganization(db, g.organizationId, { reminderWeekday: 1 });
    expect(await reminded(g.organizationId, g.marketingLead.actor, new Date('2026-03-08T11:30:00Z'))).toEqual([
      { kind: 'weeklyReminder', departmentId: g.marketing, week: '2026-03-09' },
    ]);
  });
});
