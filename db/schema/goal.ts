import { sql } from 'drizzle-orm';
import {
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations, users } from './organizations';
import { touchpoints } from './structure';

export const goalStatusEnum = pgEnum('goal_status', ['draft', 'published']);
export const targetMetricEnum = pgEnum('target_metric', ['nps', 'csat', 'ces', 'nev', 'ttr', 'business']);

/**
 * The one-page CX goal. Each organization has one draft (the executives' working copy) and a numbered,
 * immutable row per published version.
 */
export const goalVersions = pgTable(
  'goal_versions',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    status: goalStatusEnum('status').notNull(),
    /** 1, 2, 3… for published versions; null for the draft. */
    version: integer('version'),
    statement: text('statement').notNull().default(''),
    whyService: text('why_service').notNull().default(''),
    atmosphere: text('atmosphere').notNull().default(''),
    commitments: jsonb('commitments').$type<string[]>().notNull().default([]),
    dayToDay: text('day_to_day').notNull().default(''),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex('goal_versions_org_version_key').on(t.organizationId, t.version),
    uniqueIndex('goal_versions_org_draft_key')
      .on(t.organizationId)
      .where(sql`${t.status} = 'draft'`),
  ],
);

/** A measurable target of a goal version: a metric for the company or one touchpoint, a value and a date. */
export const goalTargets = pgTable(
  'goal_targets',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    goalVersionId: uuid('goal_version_id').notNull(),
    position: integer('position').notNull(),
    metric: targetMetricEnum('metric').notNull(),
    /** The name of a business number (repeat-customer rate, sales growth) when metric is 'business'. */
    businessMetric: text('business_metric'),
    touchpointId: uuid('touchpoint_id'),
    targetValue: numeric('target_value', { precision: 12, scale: 2, mode: 'number' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: 'goal_targets_version_fk',
      columns: [t.organizationId, t.goalVersionId],
      foreignColumns: [goalVersions.organizationId, goalVersions.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'goal_targets_touchpoint_fk',
      columns: [t.organizationId, t.touchpointId],
      foreignColumns: [touchpoints.organizationId, touchpoints.id],
    }),
    index('goal_targets_org_version_idx').on(t.organizationId, t.goalVersionId, t.position),
  ],
);

/** "I have read this version": one row per member and published version. */
export const goalReads = pgTable(
  'goal_reads',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    goalVersionId: uuid('goal_version_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    readAt: timestamp('read_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.goalVersionId, t.userId] }),
    foreignKey({
      name: 'goal_reads_version_fk',
      columns: [t.organizationId, t.goalVersionId],
      foreignColumns: [goalVersions.organizationId, goalVersions.id],
    }).onDelete('cascade'),
  ],
);
