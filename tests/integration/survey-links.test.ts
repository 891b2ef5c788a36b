/**
 * Managing survey links: who may create, switch and replace them (a lead only for their own department's
 * touchpoints, executives anywhere, staff never), another organization's ids, one link per metric, and a
 * replaced token that stops opening the survey at once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { insertTouchpoint } from '@/db/queries/journey';
import { findOpenSurvey, findSurveyLink, listSurveyLinks } from '@/db/queries/survey-links';
import { useTestDatabase } from '@/tests/fixtures/database';
import { makeTwoOrganizations, type OrganizationFixture } from '@/tests/fixtures/organizations';
import { auditEventsOf, snapshotOrganization } from '@/tests/fixtures/snapshots';
import { createSurveyLink, rotateSurveyLink, setSurveyLinkEnabled } from '@/lib/commands/survey-links';
import { isSurveyToken } from '@/lib/secrets/tokens';
import { auditedRun, dataOf } from './helpers';

const db = useTestDatabase();
let own: OrganizationFixture;
let other: OrganizationFixture;
/** A touchpoint of department B, which the lead (of department A) does not own. */
let foreignTouchpoint: string;

beforeAll(async () => {
  ({ own, other } = await makeTwoOrganizations(db));
  foreignTouchpoint = (
    await insertTouchpoint(db, own.organizationId, {
      name: 'Parcel',
      stageId: own.stageId,
      departmentId: own.departmentB,
      channel: 'offline',
    })
  ).id;
});

const run = auditedRun(() => db, { entityType: 'surveyLink' });

describe('creating a survey link', () => {
  it('lets the lead create one for their own touchpoint, with a long random token, open at once', async () => {
    const { id } = dataOf(
      await run(
        createSurveyLink,
        own.lead.actor,
        { touchpointId: own.touchpointId, metric: 'nps' },
        'surveyLink.create',
      ),
    );
    const link = await findSurveyLink(db, own.organizationId, id);
    expect(link).toMatchObject({ metric: 'nps', enabled: true, touchpointId: own.touchpointId });
    expect(isSurveyToken(link!.token)).toBe(true);
    expect(await findOpenSurvey(db, link!.token)).toMatchObject({
      organizationId: own.organizationId,
      touchpointName: 'Website',
      metric: 'nps',
    });
  });

  it('refuses a second link for the same metric at the same touchpoint, next to the metric field', async () => {
    const result = await run(createSurveyLink, own.executive.actor, { touchpointId: own.touchpointId, metric: 'nps' });
    expect(result).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { metric: { key: 'surveys.manage.alreadyExists' } },
    });
    expect((await listSurveyLinks(db, own.organizationId, own.touchpointId)).map((l) => l.metric)).toEqual(['nps']);
  });

  it("refuses the lead at another department's touchpoint, and staff anywhere; lets an executive", async () => {
    expect(
      await run(createSurveyLink, own.lead.actor, { touchpointId: foreignTouchpoint, metric: 'csat' }),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    expect(
      await run(createSurveyLink, own.staff.actor, { touchpointId: own.touchpointId, metric: 'csat' }),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await listSurveyLinks(db, own.organizationId, foreignTouchpoint)).toEqual([]);
    dataOf(
      await run(
        createSurveyLink,
        own.executive.actor,
        { touchpointId: foreignTouchpoint, metric: 'csat' },
        'surveyLink.create',
      ),
    );
    expect((await listSurveyLinks(db, own.organizationId, foreignTouchpoint)).map((l) => l.metric)).toEqual(['csat']);
  });

  it('refuses TTR (it is not a survey) and a metric nobody knows', async () => {
    for (const metric of ['ttr', 'wow']) {
      expect(
        await run(createSurveyLink, own.executive.actor, { touchpointId: own.touchpointId, metric }),
      ).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { metric: {} } });
    }
  });

  it("treats another organization's touchpoint as not found and changes nothing there", async () => {
    const before = await snapshotOrganization(db, other.organizationId);
    expect(
      await run(createSurveyLink, own.executive.actor, { touchpointId: other.touchpointId, metric: 'ces' }),
    ).toMatchObject({ ok: false, code: 'not_found' });
    expect(await snapshotOrganization(db, other.organizationId)).toBe(before);
  });
});

describe('switching a link off and on, and replacing its token', () => {
  async function freshLink(metric: 'ces' | 'nev') {
    const { id } = dataOf(await run(createSurveyLink, own.lead.actor, { touchpointId: own.touchpointId, metric }));
    return (await findSurveyLink(db, own.organizationId, id))!;
  }

  it('closes the survey when switched off and opens it again when switched on', async () => {
    const link = await freshLink('ces');
    dataOf(await run(setSurveyLinkEnabled, own.lead.actor, { linkId: link.id, enabled: false }, 'surveyLink.disable'));
    expect(await findOpenSurvey(db, link.token)).toBeNull();
    dataOf(await run(setSurveyLinkEnabled, own.lead.actor, { linkId: link.id, enabled: 'true' }, 'surveyLink.enable'));
    expect(await findOpenSurvey(db, link.token)).not.toBeNull();
  });

  it('gives a new token on rotation: the old one stops working, the new one opens the same question', async () => {
    const link = await freshLink('nev');
    dataOf(await run(rotateSurveyLink, own.lead.actor, { linkId: link.id }, 'surveyLink.rotate'));
    const rotated = (await findSurveyLink(db, own.organizationId, link.id))!;
    expect(rotated.token).not.toBe(link.token);
    expect(isSurveyToken(rotated.token)).toBe(true);
    expect(rotated.rotatedAt).toBeInstanceOf(Date);
    expect(await findOpenSurvey(db, link.token)).toBeNull();
    expect(await findOpenSurvey(db, rotated.token)).toMatchObject({ metric: 'nev', touchpointId: own.touchpointId });
  });

  it('never puts the token in the audit log', async () => {
    const touchpointId = (
      await insertTouchpoint(db, own.organizationId, {
        name: 'Counter',
        stageId: own.stageId,
        departmentId: own.departmentA,
        channel: 'offline',
      })
    ).id;
    const { id } = dataOf(await run(createSurveyLink, own.lead.actor, { touchpointId, metric: 'csat' }));
    const created = (await findSurveyLink(db, own.organizationId, id))!;
    dataOf(await run(rotateSurveyLink, own.lead.actor, { linkId: id }));
    const rotated = (await findSurveyLink(db, own.organizationId, id))!;
    const audit = JSON.stringify(await auditEventsOf(db, own.organizationId));
    expect(audit).toContain(id);
    expect(audit).not.toContain(created.token);
    expect(audit).not.toContain(rotated.token);
  });

  it("refuses staff, the lead of another department, and another organization's members", async () => {
    const [csat] = await listSurveyLinks(db, own.organizationId, foreignTouchpoint);
    const nps = (await listSurveyLinks(db, own.organizationId, own.touchpointId)).find((l) => l.metric === 'nps')!;
    const before = await snapshotOrganization(db, own.organizationId);
    for (const [actor, linkId, code] of [
      [own.staff.actor, nps.id, 'forbidden'],
      [own.lead.actor, csat!.id, 'forbidden'],
      [other.executive.actor, nps.id, 'not_found'],
      [other.lead.actor, nps.id, 'not_found'],
    ] as const) {
      expect(await run(setSurveyLinkEnabled, actor, { linkId, enabled: false })).toMatchObject({ ok: false, code });
      expect(await run(rotateSurveyLink, actor, { linkId })).toMatchObject({ ok: false, code });
    }
    expect(await snapshotOrganization(db, own.organizationId)).toBe(before);
  });

  it('refuses an id that is not an id, without touching anything', async () => {
    expect(await run(rotateSurveyLink, own.executive.actor, { linkId: 'nope' })).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    expect(
      await run(setSurveyLinkEnabled, own.executive.actor, { linkId: own.touchpointId, enabled: 'maybe' }),
    ).toMatchObject({ ok: false, code: 'invalid' });
  });
});
