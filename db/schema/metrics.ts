import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations, users } from './organizations';
import { touchpoints } from './structure';

export const apiKeyScopes = ['ingest', 'read'] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

/** What a customer answered about: the four survey metrics, plus TTR (minutes from complaint to resolution). */
export const responseMetricEnum = pgEnum('response_metric', ['nps', 'csat', 'ces', 'nev', 'ttr']);
export const responseSourceEnum = pgEnum('response_source', ['survey', 'api', 'import', 'seed']);

const orgId = () =>
  uuid('organization_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' });

/** One CSV import, so it can be listed and undone as a whole. */
export const responseImports = pgTable(
  'response_imports',
  {
    organizationId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    fileName: text('file_name').notNull(),
    rowCount: integer('row_count').notNull().default(0),
    storedCount: integer('stored_count').notNull().default(0),
    duplicateCount: integer('duplicate_count').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    undoneBy: uuid('undone_by').references(() => users.id, { onDelete: 'set null' }),
    /**
     * When its answers were stored. A CSV import is inserted with null while its rows are staged and gets this in
     * the one transaction that stores them; an import written in one go (the seed) is complete when created.
     */
    completedAt: timestamp('completed_at', { withTimezone: true }).defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index('response_imports_org_created_idx').on(t.organizationId, t.createdAt),
  ],
);

/**
 * An import's valid rows, waiting to be stored. They are written in short steps, so nobody else waits for the
 * whole import, then moved into survey_responses and the rollups by one short set-based transaction.
 */
export const stagedResponses = pgTable(
  'staged_responses',
  {
    organizationId: orgId(),
    importId: uuid('import_id').notNull(),
    /** The row's place among the import's valid rows: the first of two rows with the same externalId wins. */
    rowNumber: integer('row_number').notNull(),
    touchpointId: uuid('touchpoint_id').notNull(),
    metric: responseMetricEnum('metric').notNull(),
    score: integer('score').notNull(),
    comment: text('comment'),
    respondedAt: timestamp('responded_at', { withTimezone: true }).notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    externalId: text('external_id'),
    persona: text('persona'),
    channel: text('channel'),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.importId, t.rowNumber] }),
    foreignKey({
      name: 'staged_responses_import_fk',
      columns: [t.organizationId, t.importId],
      foreignColumns: [responseImports.organizationId, responseImports.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'staged_responses_touchpoint_fk',
      columns: [t.organizationId, t.touchpointId],
      foreignColumns: [touchpoints.organizationId, touchpoints.id],
    }),
  ],
);

/**
 * A raw answer, kept forever. `score` is the answer on the metric's scale; for TTR it is whole minutes.
 * `day` is the day of `respondedAt` in the organization's time zone: the bucket of its rollup.
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    organizationId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    touchpointId: uuid('touchpoint_id').notNull(),
    metric: responseMetricEnum('metric').notNull(),
    score: integer('score').notNull(),
    comment: text('comment'),
    respondedAt: timestamp('responded_at', { withTimezone: true }).notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    source: responseSourceEnum('source').notNull(),
    /**
     * The sender's own id, so a re-sent answer never duplicates: unique per organization for the API, imports and
     * the seed, and per link for a survey link's answers (its `ext`), so a link can never claim an API's id.
     */
    externalId: text('external_id'),
    /** The survey link that took the answer; null for every other source. */
    surveyLinkId: uuid('survey_link_id'),
    persona: text('persona'),
    channel: text('channel'),
    importId: uuid('import_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex('survey_responses_org_external_key')
      .on(t.organizationId, t.externalId)
      .where(sql`${t.surveyLinkId} IS NULL`),
    uniqueIndex('survey_responses_org_link_external_key')
      .on(t.organizationId, t.surveyLinkId, t.externalId)
      .where(sql`${t.surveyLinkId} IS NOT NULL`),
    index('survey_responses_org_touchpoint_day_idx').on(t.organizationId, t.touchpointId, t.metric, t.day),
    index('survey_responses_org_import_idx')
      .on(t.organizationId, t.importId)
      .where(sql`${t.importId} IS NOT NULL`),
    foreignKey({
      name: 'survey_responses_touchpoint_fk',
      columns: [t.organizationId, t.touchpointId],
      foreignColumns: [touchpoints.organizationId, touchpoints.id],
    }),
    foreignKey({
      name: 'survey_responses_import_fk',
      columns: [t.organizationId, t.importId],
      foreignColumns: [responseImports.organizationId, responseImports.id],
    }),
    foreignKey({
      name: 'survey_responses_survey_link_fk',
      columns: [t.organizationId, t.surveyLinkId],
      foreignColumns: [surveyLinks.organizationId, surveyLinks.id],
    }),
  ],
);

/**
 * The daily rollup: for a touchpoint, metric and day, how many answers each score value got ({"9": 14, "10": 22}).
 * It is updated in the same transaction as every insert or delete of answers, so every metric, its n and its
 * margin follow from it exactly. Charts read only this table: a year of one touchpoint is 365 small rows.
 */
export const metricRollups = pgTable(
  'metric_rollups',
  {
    organizationId: orgId(),
    touchpointId: uuid('touchpoint_id').notNull(),
    metric: responseMetricEnum('metric').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    counts: jsonb('counts').$type<Record<string, number>>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.touchpointId, t.metric, t.day] }),
    foreignKey({
      name: 'metric_rollups_touchpoint_fk',
      columns: [t.organizationId, t.touchpointId],
      foreignColumns: [touchpoints.organizationId, touchpoints.id],
    }),
  ],
);

/** Versions of the weekly rollups' rows (below). */
export const metricWeeklyRollupsVersion = pgSequence('metric_weekly_rollups_version');

/**
 * The same answers by the organization's week (its first day): the score counts, and who answered (counts per channel
 * and per persona, an empty key for none). Impact cards read these: a card's 35 weeks at 200 touchpoints are 28,000
 * rows here against 200,000 daily rows, and "who answered" needs no scan of the answers. Kept in the same
 * transactions as the daily rollups; rebuilt when the organization's first day of the week changes.
 */
export const metricWeeklyRollups = pgTable(
  'metric_weekly_rollups',
  {
    organizationId: orgId(),
    touchpointId: uuid('touchpoint_id').notNull(),
    metric: responseMetricEnum('metric').notNull(),
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    answers: integer('answers').notNull(),
    counts: jsonb('counts').$type<Record<string, number>>().notNull(),
    channels: jsonb('channels').$type<Record<string, number>>().notNull(),
    personas: jsonb('personas').$type<Record<string, number>>().notNull(),
    /** Taken from a sequence on every write: a reader that kept rows knows from their versions whether they changed. */
    version: bigint('version', { mode: 'number' })
      .notNull()
      .default(sql`nextval('metric_weekly_rollups_version')`),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.touchpointId, t.metric, t.weekStart] }),
    foreignKey({
      name: 'metric_weekly_rollups_touchpoint_fk',
      columns: [t.organizationId, t.touchpointId],
      foreignColumns: [touchpoints.organizationId, touchpoints.id],
    }),
  ],
);

/** A number measured elsewhere (a quarterly NPS from an agency): a value with its n and period. */
export const metricAggregates = pgTable(
  'metric_aggregates',
  {
    organizationId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    touchpointId: uuid('touchpoint_id').notNull(),
    metric: responseMetricEnum('metric').notNull(),
    value: numeric('value', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    n: integer('n').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    /** Who measured it: "Agency X, Q3 phone survey". */
    source: text('source').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index('metric_aggregates_org_touchpoint_idx').on(t.organizationId, t.touchpointId, t.metric, t.periodEnd),
    foreignKey({
      name: 'metric_aggregates_touchpoint_fk',
      columns: [t.organizationId, t.touchpointId],
      foreignColumns: [touchpoints.organizationId, touchpoints.id],
    }),
  ],
);

/** A public one-question survey for one touchpoint and metric, reached at /s/<token>. */
export const surveyLinks = pgTable(
  'survey_links',
  {
    organizationId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    touchpointId: uuid('touchpoint_id').notNull(),
    metric: responseMetricEnum('metric').notNull(),
    /** Random and unguessable; rotating it replaces it, so old links and printed QR codes stop working. */
    token: text('token').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    rotatedAt: timestamp('rotated_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex('survey_links_token_key').on(t.token),
    uniqueIndex('survey_links_org_touchpoint_metric_key').on(t.organizationId, t.touchpointId, t.metric),
    foreignKey({
      name: 'survey_links_touchpoint_fk',
      columns: [t.organizationId, t.touchpointId],
      foreignColumns: [touchpoints.organizationId, touchpoints.id],
    }),
  ],
);

/** An organization's key for the ingestion API. Only a SHA-256 hash is stored; the key is shown once. */
export const apiKeys = pgTable(
  'api_keys',
  {
    organizationId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    /** The first characters of the key, shown in settings so people can tell keys apart. */
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    /** What the key may do: 'ingest' (send answers) and/or 'read' (the read API). Keys made before scopes ingest. */
    scopes: text('scopes')
      .array()
      .$type<ApiKeyScope[]>()
      .notNull()
      .default(sql`ARRAY['ingest']::text[]`),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.id] }), uniqueIndex('api_keys_hash_key').on(t.keyHash)],
);
