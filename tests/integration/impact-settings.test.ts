/**
 * Settings → Impact (issue 11): the default windows and per-measure thresholds of impact cards. Who may change them,
 * what another organization's id does, the messages bad values get, the audit trail, and that every stored card is
 * marked stale in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { impactOrganization } from '@/db/queries/impact';
import { impactResults, organizations } from '@/db/schema';
import { useTestDatabase } from '@/tests/fixtures/database';
import { makeTwoOrganizations, type OrganizationFixture } from '@/tests/fixtures/organizations';
import { auditEventsOf, snapshotOrganization } from '@/tests/fixtures/snapshots';
import { updateImpactSettings } from '@/lib/commands/impact-settings';
import { defaultThresholds, defaultWindows } from '@/lib/impact/settings';
import { auditedRun, dataOf } from './helpers';

const db = useTestDatabase();
const impactSettings = async (database: Database, organizationId: string) =>
  (await impactOrganization(database, organizationId))!.settings;
const run = auditedRun(() => db, { entityType: 'organization' });
let own: OrganizationFixture;
let other: OrganizationFixture;

beforeEach(async () => {
  ({ own, other } = await makeTwoOrganizations(db));
});

/** What the form sends: every field by its name, as text. */
function formInput(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    baselineWeeks: '6',
    washoutWeeks: '0',
    afterWeeks: '8',
    'thresholds.nps.minChange': '4',
    'thresholds.nps.precision': '8',
    'thresholds.nev.minChange': '5',
    'thresholds.nev.precision': '10',
    'thresholds.csat.minChange': '2,5',
    'thresholds.csat.precision': '5',
    'thresholds.cesShare.minChange': '3',
    'thresholds.cesShare.precision': '6',
    'thresholds.cesMean.minChange': '0,15',
    'thresholds.cesMean.precision': '0.3',
    'thresholds.ttr.minChange': '10',
    'thresholds.ttr.precision': '20',
    ...overrides,
  };
}

/** A stored card that was computed and is fresh, so a test can see it marked stale. */
async function freshCard(organizationId: string) {
  const changeId = randomUUID();
  await db.insert(impactResults).values({
    organizationId,
    changeKind: 'improvement',
    changeId,
    windowStart: '2026-01-05',
    windowEnd: '2026-03-01',
    stale: false,
    staleSince: null,
    computedAt: new Date(),
  });
  return async () => {
    const [row] = await db
      .select({ stale: impactResults.stale })
      .from(impactResults)
      .where(and(eq(impactResults.organizationId, organizationId), eq(impactResults.changeId, changeId)));
    return row!.stale;
  };
}

describe('an executive', () => {
  it('starts from the defaults of IMPACT.md', async () => {
    expect(await impactSettings(db, own.organizationId)).toEqual({
      windows: { baselineWeeks: 4, washoutWeeks: 1, afterWeeks: 4 },
      thresholds: {
        nps: { minChange: 5, precision: 10 },
        nev: { minChange: 5, precision: 10 },
        csat: { minChange: 3, precision: 6 },
        cesShare: { minChange: 3, precision: 6 },
        cesMean: { minChange: 0.15, precision: 0.3 },
        ttr: { minChange: 10, precision: 20 },
      },
    });
  });

  it('saves windows and thresholds as the form sends them, decimal commas included', async () => {
    dataOf(await run(updateImpactSettings, own.executive.actor, formInput(), 'organization.impactSettings'));
    const saved = await impactSettings(db, own.organizationId);
    expect(saved.windows).toEqual({ baselineWeeks: 6, washoutWeeks: 0, afterWeeks: 8 });
    expect(saved.thresholds.nps).toEqual({ minChange: 4, precision: 8 });
    expect(saved.thresholds.csat).toEqual({ minChange: 2.5, precision: 5 });
    expect(saved.thresholds.cesMean).toEqual({ minChange: 0.15, precision: 0.3 });
  });

  it('stores only the thresholds that differ from the defaults, so "reset to the defaults" follows them', async () => {
    dataOf(await run(updateImpactSettings, own.executive.actor, formInput()));
    const [row] = await db
      .select({ thresholds: organizations.impactThresholds })
      .from(organizations)
      .where(eq(organizations.id, own.organizationId));
    expect(row!.thresholds).toEqual({
      nps: { minChange: 4, precision: 8 },
      csat: { minChange: 2.5, precision: 5 },
    });

    const defaults = formInput({
      baselineWeeks: '4',
      washoutWeeks: '1',
      afterWeeks: '4',
      'thresholds.nps.minChange': '5',
      'thresholds.nps.precision': '10',
      'thresholds.csat.minChange': '3',
      'thresholds.csat.precision': '6',
    });
    dataOf(await run(updateImpactSettings, own.executive.actor, defaults));
    expect(await impactSettings(db, own.organizationId)).toEqual({
      windows: defaultWindows,
      thresholds: defaultThresholds,
    });
    const [after] = await db
      .select({ thresholds: organizations.impactThresholds })
      .from(organizations)
      .where(eq(organizations.id, own.organizationId));
    expect(after!.thresholds).toEqual({});
  });

  it('records the old and the new values in the audit log', async () => {
    const result = await run(updateImpactSettings, own.executive.actor, formInput(), 'organization.impactSettings');
    expect(result.ok).toBe(true);
    const [event] = (await auditEventsOf(db, own.organizationId)).filter(
      (e) => e.action === 'organization.impactSettings',
    );
    expect(event).toMatchObject({
      entityType: 'organization',
      entityId: own.organizationId,
      actorUserId: own.executive.userId,
      changes: {
        before: { windows: defaultWindows, thresholds: { nps: { minChange: 5, precision: 10 } } },
        after: {
          windows: { baselineWeeks: 6, washoutWeeks: 0, afterWeeks: 8 },
          thresholds: { nps: { minChange: 4, precision: 8 }, cesMean: { minChange: 0.15, precision: 0.3 } },
        },
      },
    });
  });

  it("marks every stored card of the organization stale, and no other organization's", async () => {
    const ownCard = await freshCard(own.organizationId);
    const otherCard = await freshCard(other.organizationId);
    dataOf(await run(updateImpactSettings, own.executive.actor, formInput()));
    expect(await ownCard()).toBe(true);
    expect(await otherCard()).toBe(false);
  });

  it('changes only their own organization, whatever organization id the input names', async () => {
    const otherCard = await freshCard(other.organizationId);
    const before = await snapshotOrganization(db, other.organizationId);
    dataOf(
      await run(updateImpactSettings, own.executive.actor, { ...formInput(), organizationId: other.organizationId }),
    );
    expect(await snapshotOrganization(db, other.organizationId)).toBe(before);
    expect(await impactSettings(db, other.organizationId)).toEqual({
      windows: defaultWindows,
      thresholds: defaultThresholds,
    });
    expect(await otherCard()).toBe(false);
    expect((await impactSettings(db, own.organizationId)).windows.afterWeeks).toBe(8);
  });
});

describe('leads and staff', () => {
  for (const role of ['lead', 'staff'] as const) {
    it(`refuses a ${role}, and changes nothing`, async () => {
      const card = await freshCard(own.organizationId);
      const before = await snapshotOrganization(db, own.organizationId);
      expect(await run(updateImpactSettings, own[role].actor, formInput())).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
      expect(await snapshotOrganization(db, own.organizationId)).toBe(before);
      expect(await card()).toBe(false);
    });
  }
});

describe('bad values', () => {
  async function refusal(overrides: Record<string, string>) {
    const card = await freshCard(own.organizationId);
    const before = await snapshotOrganization(db, own.organizationId);
    const result = await run(updateImpactSettings, own.executive.actor, formInput(overrides));
    expect(result.ok).toBe(false);
    expect(await snapshotOrganization(db, own.organizationId)).toBe(before);
    expect(await card()).toBe(false);
    if (result.ok) throw new Error('saved');
    expect(result.code).toBe('invalid');
    return result.fieldErrors;
  }

  it('names the allowed weeks of each window next to its field', async () => {
    expect(await refusal({ baselineWeeks: '1', washoutWeeks: '3', afterWeeks: '13' })).toEqual({
      baselineWeeks: { key: 'validation.weeksRange', values: { min: 2, max: 12 } },
      washoutWeeks: { key: 'validation.weeksRange', values: { min: 0, max: 2 } },
      afterWeeks: { key: 'validation.weeksRange', values: { min: 2, max: 12 } },
    });
    expect(await refusal({ baselineWeeks: '4.5', afterWeeks: 'four' })).toEqual({
      baselineWeeks: { key: 'validation.weeksRange', values: { min: 2, max: 12 } },
      afterWeeks: { key: 'validation.weeksRange', values: { min: 2, max: 12 } },
    });
    expect(await refusal({ washoutWeeks: '' })).toEqual({ washoutWeeks: { key: 'validation.required' } });
  });

  it('asks for a positive number within the scale for each threshold', async () => {
    expect(
      await refusal({
        'thresholds.nps.minChange': '0',
        'thresholds.nev.minChange': '-5',
        'thresholds.csat.minChange': 'a lot',
        'thresholds.cesMean.precision': '7',
      }),
    ).toEqual({
      'thresholds.nps.minChange': { key: 'validation.positive' },
      'thresholds.nev.minChange': { key: 'validation.positive' },
      'thresholds.csat.minChange': { key: 'validation.number' },
      'thresholds.cesMean.precision': { key: 'validation.tooBig', values: { max: 6 } },
    });
  });

  it('refuses a target precision below the minimum meaningful change, next to the precision', async () => {
    expect(await refusal({ 'thresholds.ttr.minChange': '15', 'thresholds.ttr.precision': '12' })).toEqual({
      'thresholds.ttr.precision': { key: 'validation.precisionBelowMinChange', values: { min: 15 } },
    });
  });
});
