/**
 * Measured values: a value with its n and period, added and deleted by who manages the touchpoint's department,
 * checked against the metric's range (CES in the organization's headline unit), and read back for charts.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertTouchpoint } from '@/db/queries/journey';
import { aggregatesFor, listAggregates } from '@/db/queries/metric-aggregates';
import { useTestDatabase } from '@/tests/fixtures/database';
import { makeTwoOrganizations, type OrganizationFixture } from '@/tests/fixtures/organizations';
import { snapshotOrganization } from '@/tests/fixtures/snapshots';
import { organizations } from '@/db/schema';
import { addMetricAggregate, deleteMetricAggregate } from '@/lib/commands/metric-aggregates';
import { auditedRun, dataOf } from './helpers';

const db = useTestDatabase();
let own: OrganizationFixture;
let other: OrganizationFixture;
/** A touchpoint of department B, which the lead does not lead. */
let otherDepartmentTouchpoint: string;
const run = auditedRun(() => db, { entityType: 'metricAggregate' });

beforeAll(async () => {
  ({ own, other } = await makeTwoOrganizations(db));
  otherDepartmentTouchpoint = (
    await insertTouchpoint(db, own.organizationId, {
      name: 'Parcel',
      stageId: own.stageId,
      departmentId: own.departmentB,
      channel: 'offline',
    })
  ).id;
});

const value = (overrides: Record<string, unknown> = {}) => ({
  touchpointId: own.touchpointId,
  metric: 'nps',
  value: '32,5',
  n: '400',
  periodStart: '2025-07-01',
  periodEnd: '2025-09-30',
  source: ' Agency X, Q3 phone survey ',
  ...overrides,
});

describe('adding a measured value', () => {
  it('stores the value with its n, period and source, and lists it with the touchpoint and who added it', async () => {
    const { id } = dataOf(await run(addMetricAggregate, own.lead.actor, value(), 'metricAggregate.add'));
    const listed = (await listAggregates(db, own.organizationId)).find((a) => a.id === id);
    expect(listed).toMatchObject({
      touchpointId: own.touchpointId,
      touchpointName: 'Website',
      metric: 'nps',
      value: 32.5,
      n: 400,
      periodStart: '2025-07-01',
      periodEnd: '2025-09-30',
      source: 'Agency X, Q3 phone survey',
      createdByName: expect.stringContaining('lead'),
    });
  });

  it.each([
    ['nps above 100', { value: '101' }, 'value'],
    ['nev below -100', { metric: 'nev', value: '-100.5' }, 'value'],
    ['csat below 0 %', { metric: 'csat', value: '-1' }, 'value'],
    ['ces mean above 7', { metric: 'ces', value: '7.5' }, 'value'],
    ['negative ttr', { metric: 'ttr', value: '-2' }, 'value'],
    ['three decimals', { value: '12.345' }, 'value'],
    ['n of zero', { n: '0' }, 'n'],
    ['a fractional n', { n: '2.5' }, 'n'],
    ['an end before the start', { periodStart: '2025-10-01', periodEnd: '2025-09-30' }, 'periodEnd'],
    ['a period ending in the future', { periodEnd: '2999-01-01' }, 'periodEnd'],
    ['a value that is not a number', { value: 'high' }, 'value'],
  ])('refuses %s, next to the field, and stores nothing', async (_label, overrides, field) => {
    const snapshot = await snapshotOrganization(db, own.organizationId);
    const result = await run(addMetricAggregate, own.executive.actor, value(overrides));
    expect(result).toMatchObject({ ok: false, code: 'invalid' });
    expect(!result.ok && result.fieldErrors).toHaveProperty(field);
    expect(await snapshotOrganization(db, own.organizationId)).toBe(snapshot);
  });

  it("reads a measured CES in the organization's headline unit: 1-7 for the mean, 0-100 for the share", async () => {
    expect(
      dataOf(await run(addMetricAggregate, own.executive.actor, value({ metric: 'ces', value: '5.4' }))),
    ).toHaveProperty('id');
    expect(await run(addMetricAggregate, own.executive.actor, value({ metric: 'ces', value: '64' }))).toMatchObject({
      ok: false,
      fieldErrors: { value: { key: 'measured.errors.valueRange', values: { min: 1, max: 7 } } },
    });
    await db.update(organizations).set({ cesHeadline: 'share' }).where(eq(organizations.id, own.organizationId));
    expect(
      dataOf(await run(addMetricAggregate, own.executive.actor, value({ metric: 'ces', value: '64' }))),
    ).toHaveProperty('id');
    await db.update(organizations).set({ cesHeadline: 'mean' }).where(eq(organizations.id, own.organizationId));
  });
});

describe('who may add and delete measured values', () => {
  it("lets executives add for any department, leads only for their own department's touchpoints, staff never", async () => {
    expect(
      dataOf(await run(addMetricAggregate, own.executive.actor, value({ touchpointId: otherDepartmentTouchpoint }))),
    ).toHaveProperty('id');
    const snapshot = await snapshotOrganization(db, own.organizationId);
    expect(
      await run(addMetricAggregate, own.lead.actor, value({ touchpointId: otherDepartmentTouchpoint })),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await run(addMetricAggregate, own.staff.actor, value())).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await addMetricAggregate.execute(db, null, value())).toMatchObject({ ok: false, code: 'unauthenticated' });
    expect(await snapshotOrganization(db, own.organizationId)).toBe(snapshot);
  });

  it('lets the lead delete a value of their own department, not one of another department; staff never', async () => {
    const mine = dataOf(await run(addMetricAggregate, own.lead.actor, value())).id;
    const theirs = dataOf(
      await run(addMetricAggregate, own.executive.actor, value({ touchpointId: otherDepartmentTouchpoint })),
    ).id;
    expect(await run(deleteMetricAggregate, own.staff.actor, { aggregateId: mine })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await run(deleteMetricAggregate, own.lead.actor, { aggregateId: theirs })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    dataOf(await run(deleteMetricAggregate, own.lead.actor, { aggregateId: mine }, 'metricAggregate.delete'));
    dataOf(await run(deleteMetricAggregate, own.executive.actor, { aggregateId: theirs }));
    const ids = (await listAggregates(db, own.organizationId)).map((a) => a.id);
    expect(ids).not.toContain(mine);
    expect(ids).not.toContain(theirs);
  });

  it("treats another organization's touchpoint and measured value as not found", async () => {
    const theirs = dataOf(
      await run(addMetricAggregate, other.executive.actor, value({ touchpointId: other.touchpointId })),
    ).id;
    const ownSnapshot = await snapshotOrganization(db, own.organizationId);
    const otherSnapshot = await snapshotOrganization(db, other.organizationId);
    expect(
      await run(addMetricAggregate, own.executive.actor, value({ touchpointId: other.touchpointId })),
    ).toMatchObject({ ok: false, code: 'not_found' });
    expect(await run(deleteMetricAggregate, own.executive.actor, { aggregateId: theirs })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(await snapshotOrganization(db, own.organizationId)).toBe(ownSnapshot);
    expect(await snapshotOrganization(db, other.organizationId)).toBe(otherSnapshot);
  });
});

describe('measured values for charts', () => {
  it('returns the values whose period overlaps the range, filtered by touchpoint and metric, in this organization only', async () => {
    const fresh = (
      await insertTouchpoint(db, own.organizationId, {
        name: 'Shop',
        stageId: own.stageId,
        departmentId: own.departmentA,
        channel: 'offline',
      })
    ).id;
    const add = async (overrides: Record<string, unknown>) =>
      dataOf(await run(addMetricAggregate, own.executive.actor, value({ touchpointId: fresh, ...overrides }))).id;
    const q1 = await add({ periodStart: '2025-01-01', periodEnd: '2025-03-31' });
    const q2 = await add({ periodStart: '2025-04-01', periodEnd: '2025-06-30' });
    const csat = await add({ metric: 'csat', value: '81', periodStart: '2025-04-01', periodEnd: '2025-06-30' });
    await run(
      addMetricAggregate,
      other.executive.actor,
      value({ touchpointId: other.touchpointId, periodStart: '2025-04-01', periodEnd: '2025-06-30' }),
    );
    const ids = async (query: Parameters<typeof aggregatesFor>[2]) =>
      (await aggregatesFor(db, own.organizationId, query)).map((a) => a.id);
    expect(await ids({ touchpointIds: [fresh], from: '2025-03-31', to: '2025-04-01' })).toEqual([q1, q2, csat]);
    expect(await ids({ touchpointIds: [fresh], metrics: ['nps'], from: '2025-04-15', to: '2025-12-31' })).toEqual([q2]);
    expect(await ids({ touchpointIds: [fresh], from: '2025-07-01', to: '2025-07-31' })).toEqual([]);
    expect(await ids({ touchpointIds: [], from: '2000-01-01', to: '2100-01-01' })).toEqual([]);
    expect(
      (await aggregatesFor(db, own.organizationId, { metrics: ['csat'], from: '2025-01-01', to: '2025-12-31' }))[0],
    ).toEqual({
      id: csat,
      touchpointId: fresh,
      metric: 'csat',
      value: 81,
      n: 400,
      periodStart: '2025-04-01',
      periodEnd: '2025-06-30',
      source: 'Agency X, Q3 phone survey',
    });
  });
});
