/** Behaviour of the department and journey commands (members: commands-members.test.ts). */
import { beforeAll, describe, expect, it } from 'vitest';
import { findDepartment } from '@/db/queries/departments';
import { findStage, findTouchpoint, listStages, listTouchpoints } from '@/db/queries/journey';
import { useTestDatabase } from '@/tests/fixtures/database';
import { makeOrganization, type OrganizationFixture } from '@/tests/fixtures/organizations';
import { archiveDepartment, createDepartment, updateDepartmentDetails } from '@/lib/commands/departments';
import {
  archiveTouchpoint,
  createStage,
  createTouchpoint,
  moveStage,
  moveTouchpoint,
  removeStage,
  updateTouchpointDetails,
} from '@/lib/commands/journey';
import { auditedRun, dataOf } from './helpers';

const db = useTestDatabase();

const run = auditedRun(() => db);

describe('departments', () => {
  let f: OrganizationFixture;
  beforeAll(async () => {
    f = await makeOrganization(db, 'Departments Co');
  });

  it('creates a department', async () => {
    const { id } = dataOf(
      await run(createDepartment, f.executive.actor, { name: ' Support ', stage: 'back' }, 'department.create'),
    );
    expect(await findDepartment(db, f.organizationId, id)).toEqual({
      id,
      name: 'Support',
      stage: 'back',
      description: '',
      archived: false,
      ownsPromises: false,
    });
  });

  it('refuses a name already used in the organization, whatever its case', async () => {
    for (const name of ['support', 'SALES', '  Logistics  ']) {
      const result = await run(createDepartment, f.executive.actor, { name, stage: 'front' });
      expect(result).toEqual({
        ok: false,
        code: 'invalid',
        message: { key: 'errors.checkFields' },
        fieldErrors: { name: { key: 'validation.nameTaken' } },
      });
    }
  });

  it('allows the same name in another organization', async () => {
    const other = await makeOrganization(db, 'Other Departments Co');
    expect(await run(createDepartment, other.executive.actor, { name: 'Support', stage: 'back' })).toMatchObject({
      ok: true,
    });
  });

  it("refuses renaming a department to another one's name, but allows changing its own case", async () => {
    const taken = await run(updateDepartmentDetails, f.executive.actor, {
      departmentId: f.departmentB,
      name: 'sales',
      stage: 'back',
    });
    expect(taken).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { name: { key: 'validation.nameTaken' } } });
    expect((await findDepartment(db, f.organizationId, f.departmentB))?.name).toBe('Logistics');
    await run(
      updateDepartmentDetails,
      f.executive.actor,
      { departmentId: f.departmentA, name: 'SALES', stage: 'front' },
      'department.update',
    );
    expect((await findDepartment(db, f.organizationId, f.departmentA))?.name).toBe('SALES');
  });

  it('lets a lead update their own department', async () => {
    const input = {
      departmentId: f.departmentA,
      name: 'Sales & Marketing',
      stage: 'front',
      description: 'Leads and deals',
    };
    expect(await run(updateDepartmentDetails, f.lead.actor, input, 'department.update')).toEqual({
      ok: true,
      data: null,
    });
    expect(await findDepartment(db, f.organizationId, f.departmentA)).toMatchObject({
      name: 'Sales & Marketing',
      description: 'Leads and deals',
    });
  });

  it('refuses a lead another department, and staff their own', async () => {
    const other = await run(updateDepartmentDetails, f.lead.actor, {
      departmentId: f.departmentB,
      name: 'Mine now',
      stage: 'back',
    });
    expect(other).toMatchObject({ ok: false, code: 'forbidden' });
    const own = await run(updateDepartmentDetails, f.staff.actor, {
      departmentId: f.departmentA,
      name: 'Mine now',
      stage: 'back',
    });
    expect(own).toMatchObject({ ok: false, code: 'forbidden' });
    expect((await findDepartment(db, f.organizationId, f.departmentB))?.name).toBe('Logistics');
    expect((await findDepartment(db, f.organizationId, f.departmentA))?.name).toBe('Sales & Marketing');
  });

  it('archives and restores a department; an archived one cannot own a new touchpoint', async () => {
    await run(
      archiveDepartment,
      f.executive.actor,
      { departmentId: f.departmentB, archived: 'on' },
      'department.archive',
    );
    expect((await findDepartment(db, f.organizationId, f.departmentB))?.archived).toBe(true);
    const placed = await run(createTouchpoint, f.executive.actor, {
      name: 'Depot',
      stageId: f.stageId,
      departmentId: f.departmentB,
      channel: 'offline',
    });
    expect(placed).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { departmentId: { key: 'validation.notFound' } },
    });
    await run(archiveDepartment, f.executive.actor, { departmentId: f.departmentB }, 'department.restore');
    expect((await findDepartment(db, f.organizationId, f.departmentB))?.archived).toBe(false);
  });
});

describe('journey stages', () => {
  let f: OrganizationFixture;
  const names = async () => (await listStages(db, f.organizationId)).map((s) => `${s.position}:${s.name}`);
  beforeAll(async () => {
    f = await makeOrganization(db, 'Stages Co');
  });

  it('appends a new stage at the end', async () => {
    await run(createStage, f.executive.actor, { name: 'Use', phase: 'after' }, 'journeyStage.create');
    expect(await names()).toEqual(['0:Discover', '1:Buy', '2:Use']);
  });

  it('moves a stage one place; first up and last down change nothing', async () => {
    const use = (await listStages(db, f.organizationId))[2]!.id;
    await run(moveStage, f.executive.actor, { stageId: use, direction: 'up' }, 'journeyStage.move');
    expect(await names()).toEqual(['0:Discover', '1:Use', '2:Buy']);
    await run(moveStage, f.executive.actor, { stageId: f.stageId, direction: 'up' }, 'journeyStage.move');
    await run(moveStage, f.executive.actor, { stageId: f.emptyStageId, direction: 'down' }, 'journeyStage.move');
    expect(await names()).toEqual(['0:Discover', '1:Use', '2:Buy']);
  });

  it('refuses to remove a stage that has touchpoints, even archived ones', async () => {
    await run(
      archiveTouchpoint,
      f.executive.actor,
      { touchpointId: f.touchpointId, archived: 'on' },
      'touchpoint.archive',
    );
    expect(await run(removeStage, f.executive.actor, { stageId: f.stageId })).toEqual({
      ok: false,
      code: 'conflict',
      message: { key: 'settings.journey.stageNotEmpty' },
      fieldErrors: undefined,
    });
    expect(await findStage(db, f.organizationId, f.stageId)).not.toBeNull();
  });

  it('removes an empty stage', async () => {
    await run(removeStage, f.executive.actor, { stageId: f.emptyStageId }, 'journeyStage.delete');
    expect(await findStage(db, f.organizationId, f.emptyStageId)).toBeNull();
    expect(await names()).toEqual(['0:Discover', '1:Use']);
  });

  it('reports a stage that no longer exists as not found', async () => {
    expect(await run(removeStage, f.executive.actor, { stageId: f.emptyStageId })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });
});

describe('touchpoints', () => {
  let f: OrganizationFixture;
  const ids: Record<string, string> = {};
  const inStage = async (stageId: string) =>
    (await listTouchpoints(db, f.organizationId, { includeArchived: true }))
      .filter((t) => t.stageId === stageId)
      .map((t) => `${t.position}:${t.name}`);
  const create = async (name: string, stageId: string) => {
    const input = { name, stageId, departmentId: f.departmentA, channel: 'offline', description: `${name} desk` };
    ids[name] = dataOf(await run(createTouchpoint, f.executive.actor, input, 'touchpoint.create')).id;
  };
  const move = (name: string, direction: 'up' | 'down') =>
    run(moveTouchpoint, f.executive.actor, { touchpointId: ids[name], direction }, 'touchpoint.reorder');
  beforeAll(async () => {
    f = await makeOrganization(db, 'Touchpoints Co');
    ids.Website = f.touchpointId;
  });

  it('creates touchpoints at the end of their stage', async () => {
    await create('Store', f.stageId);
    await create('Kiosk', f.stageId);
    expect(await inStage(f.stageId)).toEqual(['0:Website', '1:Store', '2:Kiosk']);
    expect(await findTouchpoint(db, f.organizationId, ids.Kiosk!)).toMatchObject({
      channel: 'offline',
      description: 'Kiosk desk',
      archived: false,
    });
  });

  it('moves a touchpoint up and down within its stage', async () => {
    await move('Kiosk', 'up');
    expect(await inStage(f.stageId)).toEqual(['0:Website', '1:Kiosk', '2:Store']);
    await move('Website', 'down');
    expect(await inStage(f.stageId)).toEqual(['0:Kiosk', '1:Website', '2:Store']);
  });

  it('does nothing (but succeeds) moving the first up or the last down', async () => {
    await move('Kiosk', 'up');
    await move('Store', 'down');
    expect(await inStage(f.stageId)).toEqual(['0:Kiosk', '1:Website', '2:Store']);
  });

  it('moves a touchpoint to another stage, at its end', async () => {
    const edit = (name: string, stageId: string) => ({
      touchpointId: ids[name],
      name,
      stageId,
      departmentId: f.departmentA,
      channel: 'online',
    });
    await run(updateTouchpointDetails, f.executive.actor, edit('Website', f.emptyStageId), 'touchpoint.move');
    expect(await inStage(f.emptyStageId)).toEqual(['0:Website']);
    await run(updateTouchpointDetails, f.executive.actor, edit('Store', f.emptyStageId), 'touchpoint.move');
    expect(await inStage(f.emptyStageId)).toEqual(['0:Website', '1:Store']);
    expect(await inStage(f.stageId)).toEqual(['0:Kiosk']);
  });

  it('keeps the position when a touchpoint is edited in place', async () => {
    const input = {
      touchpointId: ids.Website,
      name: 'Web shop',
      stageId: f.emptyStageId,
      departmentId: f.departmentB,
      channel: 'online',
    };
    await run(updateTouchpointDetails, f.executive.actor, input, 'touchpoint.update');
    expect(await findTouchpoint(db, f.organizationId, ids.Website!)).toMatchObject({
      name: 'Web shop',
      position: 0,
      departmentId: f.departmentB,
    });
  });

  it('archives and restores a touchpoint', async () => {
    await run(archiveTouchpoint, f.executive.actor, { touchpointId: ids.Store, archived: true }, 'touchpoint.archive');
    expect((await listTouchpoints(db, f.organizationId)).map((t) => t.name).sort()).toEqual(['Kiosk', 'Web shop']);
    expect(await inStage(f.emptyStageId)).toEqual(['0:Web shop', '1:Store']);
    await run(archiveTouchpoint, f.executive.actor, { touchpointId: ids.Store, archived: false }, 'touchpoint.restore');
    expect((await listTouchpoints(db, f.organizationId)).map((t) => t.name).sort()).toEqual([
      'Kiosk',
      'Store',
      'Web shop',
    ]);
  });

  it('moves a touchpoint into a stage whose positions have a gap', async () => {
    // Stage 1 holds Kiosk only, at 0. Add Yard and Zone (1, 2), move Kiosk away (gap at 0), then move Store in.
    await create('Yard', f.stageId);
    await create('Zone', f.stageId);
    const edit = (name: string, stageId: string) => ({
      touchpointId: ids[name],
      name,
      stageId,
      departmentId: f.departmentA,
      channel: 'online',
    });
    await run(updateTouchpointDetails, f.executive.actor, edit('Kiosk', f.emptyStageId), 'touchpoint.move');
    expect(await inStage(f.stageId)).toEqual(['1:Yard', '2:Zone']);
    await run(updateTouchpointDetails, f.executive.actor, edit('Store', f.stageId), 'touchpoint.move');
  });

  // A touchpoint that left the stage leaves a gap; the one moved in still goes after the last one.
  it('puts that touchpoint at the end of the stage', async () => {
    expect((await inStage(f.stageId)).map((p) => p.split(':')[1])).toEqual(['Yard', 'Zone', 'Store']);
  });
});
