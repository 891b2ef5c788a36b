/**
 * Survey answers cannot take over API ids (issue 10, item 10): a public link's `ext` is counted within that link,
 * while the API, imports and the seed share the organization's externalId space, so whoever holds a link cannot
 * claim an order id first and make the real answer a silent duplicate. Answers taken by links before the change
 * move into their link's space with the migration.
 */
import { readFile, mkdtemp, rm, cp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { and, eq, sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { findSurveyLink } from '@/db/queries/survey-links';
import * as schema from '@/db/schema';
import { surveyResponses } from '@/db/schema';
import { useTestDatabase } from '@/tests/fixtures/database';
import { makeTwoOrganizations, type OrganizationFixture } from '@/tests/fixtures/organizations';
import { ingestResponses } from '@/lib/api/ingest';
import { createApiKey } from '@/lib/commands/api-keys';
import { runImport } from '@/lib/commands/imports';
import { createSurveyLink } from '@/lib/commands/survey-links';
import { answerSurvey } from '@/lib/survey/public-survey';
import { dataOf } from './helpers';

const db = useTestDatabase();
let own: OrganizationFixture;
let key: string;
let npsToken: string;
let csatToken: string;

beforeAll(async () => {
  ({ own } = await makeTwoOrganizations(db));
  key = dataOf(await createApiKey.execute(db, own.executive.actor, { name: 'Shop' })).key;
  const tokenOf = async (metric: 'nps' | 'csat') => {
    const { id } = dataOf(
      await createSurveyLink.execute(db, own.lead.actor, { touchpointId: own.touchpointId, metric }),
    );
    return (await findSurveyLink(db, own.organizationId, id))!.token;
  };
  npsToken = await tokenOf('nps');
  csatToken = await tokenOf('csat');
});

let address = 0;
const answerByLink = (token: string, ext: string, score = '1') =>
  answerSurvey(db, {
    token,
    form: new URLSearchParams({ score, ext }),
    clientKey: `198.51.100.${(address += 1)}`,
  });

async function sendToApi(externalId: string, score = 10) {
  const response = await ingestResponses(
    db,
    new Request('http://test/api/v1/responses', {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ responses: [{ touchpoint: own.touchpointId, metric: 'nps', score, externalId }] }),
    }),
  );
  return { status: response.status, body: (await response.json()) as unknown };
}

const answersWith = (externalId: string) =>
  db
    .select({ source: surveyResponses.source, score: surveyResponses.score, metric: surveyResponses.metric })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.organizationId, own.organizationId), eq(surveyResponses.externalId, externalId)));

describe('item 10: survey answers cannot take over API ids', () => {
  it("a link answer with ext=ORDER-1, then the API's answer with externalId ORDER-1: both stored, not a duplicate", async () => {
    expect((await answerByLink(npsToken, 'ORDER-1')).status).toBe(303);
    expect(await sendToApi('ORDER-1')).toEqual({ status: 201, body: { stored: 1, duplicates: 0 } });
    expect(await answersWith('ORDER-1')).toEqual(
      expect.arrayContaining([
        { source: 'survey', score: 1, metric: 'nps' },
        { source: 'api', score: 10, metric: 'nps' },
      ]),
    );
    // The API's own re-send is still a duplicate.
    expect(await sendToApi('ORDER-1')).toEqual({ status: 201, body: { stored: 0, duplicates: 1 } });
  });

  it('an import after a link answer with the same id is stored too', async () => {
    expect((await answerByLink(npsToken, 'ORDER-2')).status).toBe(303);
    const result = dataOf(
      await runImport(db, own.executive.actor, {
        fileName: 'orders.csv',
        rows: [{ touchpoint: own.touchpointId, metric: 'nps', score: 9, externalId: 'ORDER-2' }],
      }),
    );
    expect(result).toMatchObject({ stored: 1, duplicates: 0 });
    expect(await answersWith('ORDER-2')).toHaveLength(2);
  });

  it('an ext counts once per link: re-sent to its link it is a duplicate, on another link it is stored', async () => {
    expect((await answerByLink(npsToken, 'TICKET-7', '8')).status).toBe(303);
    expect((await answerByLink(npsToken, 'TICKET-7', '2')).status).toBe(303);
    expect((await answerByLink(csatToken, 'TICKET-7', '5')).status).toBe(303);
    expect(await answersWith('TICKET-7')).toEqual(
      expect.arrayContaining([
        { source: 'survey', score: 8, metric: 'nps' },
        { source: 'survey', score: 5, metric: 'csat' },
      ]),
    );
    expect(await answersWith('TICKET-7')).toHaveLength(2);
  });
});

describe('item 10: the migration', () => {
  it("moves the answers links took before it into each link's namespace, keeping API ids in the organization's", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'touchpoint-migrations-'));
    const scratch = await scratchDatabase();
    try {
      // The migrations as they were before this change: up to 0007.
      const source = path.join(process.cwd(), 'db', 'migrations');
      await cp(source, folder, { recursive: true });
      const journal = JSON.parse(await readFile(path.join(folder, 'meta', '_journal.json'), 'utf8')) as {
        entries: { tag: string }[];
      };
      const at = journal.entries.findIndex((e) => e.tag.startsWith('0008_'));
      expect(at).toBeGreaterThan(0);
      await writeFile(
        path.join(folder, 'meta', '_journal.json'),
        JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }),
      );
      await scratch.migrate(folder);

      // Raw SQL: the schema code describes today's tables, which the old database does not have yet.
      const org = {
        organizationId: '00000000-0000-4000-8000-0000000000b1',
        touchpointId: '00000000-0000-4000-8000-0000000000b4',
      };
      await scratch.db.execute(sql`
        INSERT INTO organizations (id, name, slug) VALUES (${org.organizationId}, 'Before', 'before')`);
      await scratch.db.execute(sql`
        INSERT INTO departments (organization_id, id, name, stage)
        VALUES (${org.organizationId}, '00000000-0000-4000-8000-0000000000b2', 'Sales', 'front')`);
      await scratch.db.execute(sql`
        INSERT INTO journey_stages (organization_id, id, name, phase, position)
        VALUES (${org.organizationId}, '00000000-0000-4000-8000-0000000000b3', 'Discover', 'before', 0)`);
      await scratch.db.execute(sql`
        INSERT INTO touchpoints (organization_id, id, stage_id, department_id, name, channel, position)
        VALUES (${org.organizationId}, ${org.touchpointId}, '00000000-0000-4000-8000-0000000000b3',
          '00000000-0000-4000-8000-0000000000b2', 'Website', 'online', 0)`);
      const linkId = '00000000-0000-4000-8000-0000000000a1';
      await scratch.db.execute(sql`
        INSERT INTO survey_links (organization_id, id, touchpoint_id, metric, token)
        VALUES (${org.organizationId}, ${linkId}, ${org.touchpointId}, 'nps', 'old-token')`);
      await scratch.db.execute(sql`
        INSERT INTO survey_responses (organization_id, touchpoint_id, metric, score, responded_at, day, source, external_id)
        VALUES (${org.organizationId}, ${org.touchpointId}, 'nps', 3, now(), current_date, 'survey', 'ORDER-9'),
               (${org.organizationId}, ${org.touchpointId}, 'nps', 9, now(), current_date, 'api', 'ORDER-8')`);

      await scratch.migrate(source);
      const rows = await scratch.db
        .select({ source: surveyResponses.source, surveyLinkId: surveyResponses.surveyLinkId })
        .from(surveyResponses)
        .where(eq(surveyResponses.organizationId, org.organizationId));
      expect(rows).toEqual(
        expect.arrayContaining([
          { source: 'survey', surveyLinkId: linkId },
          { source: 'api', surveyLinkId: null },
        ]),
      );
      // ORDER-9 is the link's now: the API may store it.
      const inserted = await scratch.db.execute(sql`
        INSERT INTO survey_responses (organization_id, touchpoint_id, metric, score, responded_at, day, source, external_id)
        VALUES (${org.organizationId}, ${org.touchpointId}, 'nps', 10, now(), current_date, 'api', 'ORDER-9')
        ON CONFLICT (organization_id, external_id) WHERE survey_link_id IS NULL DO NOTHING
        RETURNING 1`);
      expect(Array.isArray(inserted) ? inserted : (inserted as { rows: unknown[] }).rows).toHaveLength(1);
    } finally {
      await scratch.close();
      await rm(folder, { recursive: true, force: true });
    }
  });
});

/** An empty database of the kind the tests run on, migrated by hand from a folder. */
async function scratchDatabase(): Promise<{
  db: Database;
  migrate: (folder: string) => Promise<void>;
  close: () => Promise<void>;
}> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const client = new PGlite();
    const scratch = drizzlePglite({ client, schema });
    return {
      db: scratch as unknown as Database,
      migrate: (migrationsFolder) => migratePglite(scratch, { migrationsFolder }),
      close: () => client.close(),
    };
  }
  const name = `touchpoint_test_migration_${process.pid}_${Date.now()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const client = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const scratch = drizzlePostgres({ client, schema });
  return {
    db: scratch as unknown as Database,
    migrate: (migrationsFolder) => migratePostgres(scratch, { migrationsFolder }),
    close: async () => {
      await client.end({ timeout: 5 });
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end({ timeout: 5 });
    },
  };
}
