/** Two settings of the metrics work: a touchpoint's key for API senders, and which CES number is the headline. */
import { describe, expect, it } from 'vitest';
import { findTouchpoint } from '@/db/queries/journey';
import { findOrganization } from '@/db/queries/organizations';
import { useTestDatabase } from '@/tests/fixtures/database';
import { makeOrganization, makeTwoOrganizations } from '@/tests/fixtures/organizations';
import { createTouchpoint, updateTouchpointDetails } from '@/lib/commands/journey';
import { updateOrganizationSettings } from '@/lib/commands/organization';
import { auditedRun, dataOf } from './helpers';

const db = useTestDatabase();

const run = auditedRun(() => db);

describe('a touchpoint key', () => {
  it('is stored in lowercase when a touchpoint is created or edited, and cleared when left empty', async () => {
    const f = await makeOrganization(db, 'Key Co');
    const placement = { stageId: f.stageId, departmentId: f.departmentA, channel: 'online' };
    const { id } = dataOf(
      await run(
        createTouchpoint,
        f.executive.actor,
        { name: 'Checkout', ...placement, key: ' Checkout-2 ' },
        'touchpoint.create',
      ),
    );
    expect((await findTouchpoint(db, f.organizationId, id))?.key).toBe('checkout-2');
    await run(
      updateTouchpointDetails,
      f.executive.actor,
      { touchpointId: id, name: 'Checkout', ...placement, key: 'pay' },
      'touchpoint.update',
    );
    expect((await findTouchpoint(db, f.organizationId, id))?.key).toBe('pay');
    // Saving the touchpoint with its own key again is not a conflict.
    expect(
      await run(updateTouchpointDetails, f.executive.actor, {
        touchpointId: id,
        name: 'Checkout page',
        ...placement,
        key: 'pay',
      }),
    ).toMatchObject({ ok: true });
    await run(updateTouchpointDetails, f.executive.actor, {
      touchpointId: id,
      name: 'Checkout',
      ...placement,
      key: '',
    });
    expect((await findTouchpoint(db, f.organizationId, id))?.key).toBeNull();
    // Without the field (an older client), the key is left as it is.
    await run(updateTouchpointDetails, f.executive.actor, {
      touchpointId: id,
      name: 'Checkout',
      ...placement,
      key: 'pay',
    });
    await run(updateTouchpointDetails, f.executive.actor, { touchpointId: id, name: 'Checkout', ...placement });
    expect((await findTouchpoint(db, f.organizationId, id))?.key).toBe('pay');
  });

  it('is unique within the organization: "already used" next to the field', async () => {
    const { own, other } = await makeTwoOrganizations(db);
    const placement = { stageId: own.stageId, departmentId: own.departmentA, channel: 'online' };
    await run(updateTouchpointDetails, own.executive.actor, {
      touchpointId: own.touchpointId,
      name: 'Website',
      ...placement,
      key: 'web',
    });
    const taken = { ok: false, code: 'invalid', fieldErrors: { key: { key: 'settings.journey.keyTaken' } } };
    expect(await run(createTouchpoint, own.executive.actor, { name: 'Web 2', ...placement, key: 'WEB' })).toMatchObject(
      taken,
    );
    const second = dataOf(
      await run(createTouchpoint, own.executive.actor, { name: 'Parcel', ...placement, key: 'parcel' }),
    );
    expect(
      await run(updateTouchpointDetails, own.executive.actor, {
        touchpointId: second.id,
        name: 'Parcel',
        ...placement,
        key: 'web',
      }),
    ).toMatchObject(taken);
    expect((await findTouchpoint(db, own.organizationId, second.id))?.key).toBe('parcel');
    // Another organization may use the same key.
    const theirs = { stageId: other.stageId, departmentId: other.departmentA, channel: 'online' };
    expect(await run(createTouchpoint, other.executive.actor, { name: 'Web', ...theirs, key: 'web' })).toMatchObject({
      ok: true,
    });
  });

  it('refuses a key with other characters, or too short or long', async () => {
    const f = await makeOrganization(db, 'Format Co');
    const placement = { stageId: f.stageId, departmentId: f.departmentA, channel: 'online' };
    for (const key of ['check out', 'café', 'a_b', 'tp/1']) {
      const result = await run(createTouchpoint, f.executive.actor, { name: 'Bad key', ...placement, key });
      expect(result, key).toMatchObject({
        ok: false,
        code: 'invalid',
        fieldErrors: { key: { key: 'settings.journey.keyFormat' } },
      });
    }
    expect(await run(createTouchpoint, f.executive.actor, { name: 'Bad key', ...placement, key: 'x' })).toMatchObject({
      ok: false,
      fieldErrors: { key: { key: 'validation.tooShort', values: { min: 2 } } },
    });
    expect(
      await run(createTouchpoint, f.executive.actor, { name: 'Bad key', ...placement, key: 'k'.repeat(51) }),
    ).toMatchObject({ ok: false, fieldErrors: { key: { key: 'validation.tooLong', values: { max: 50 } } } });
  });

  it('is set by executives only', async () => {
    const f = await makeOrganization(db, 'Roles Co');
    const input = {
      touchpointId: f.touchpointId,
      name: 'Website',
      stageId: f.stageId,
      departmentId: f.departmentA,
      channel: 'online',
      key: 'web',
    };
    for (const actor of [f.lead.actor, f.staff.actor])
      expect(await run(updateTouchpointDetails, actor, input)).toMatchObject({ ok: false, code: 'forbidden' });
    expect((await findTouchpoint(db, f.organizationId, f.touchpointId))?.key).toBeNull();
  });
});

describe('the CES headline', () => {
  const settings = { name: 'CES Co', timeZone: 'Europe/Kyiv', weekStartsOn: 1, currency: 'EUR', reminderWeekday: 4 };

  it('is the mean by default, and an executive can switch it to the share of easy answers and back', async () => {
    const f = await makeOrganization(db, 'CES Co');
    expect((await findOrganization(db, f.organizationId))?.cesHeadline).toBe('mean');
    await run(
      updateOrganizationSettings,
      f.executive.actor,
      { ...settings, cesHeadline: 'share' },
      'organization.update',
    );
    expect((await findOrganization(db, f.organizationId))?.cesHeadline).toBe('share');
    // A form without the field leaves it alone.
    await run(updateOrganizationSettings, f.executive.actor, settings);
    expect((await findOrganization(db, f.organizationId))?.cesHeadline).toBe('share');
    await run(updateOrganizationSettings, f.executive.actor, { ...settings, cesHeadline: 'mean' });
    expect((await findOrganization(db, f.organizationId))?.cesHeadline).toBe('mean');
  });

  it('refuses other values, and leads and staff', async () => {
    const f = await makeOrganization(db, 'CES Roles Co');
    expect(
      await run(updateOrganizationSettings, f.executive.actor, { ...settings, cesHeadline: 'median' }),
    ).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { cesHeadline: { key: 'validation.choice' } } });
    for (const actor of [f.lead.actor, f.staff.actor]) {
      expect(await run(updateOrganizationSettings, actor, { ...settings, cesHeadline: 'share' })).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
    }
    expect((await findOrganization(db, f.organizationId))?.cesHeadline).toBe('mean');
  });
});
