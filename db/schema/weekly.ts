import {
  boolean,
  date,
  foreignKey,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { metricDirectionEnum } from './directions';
import { targetMetricEnum } from './goal';
import { ideas } from './ideas';
import { organizations, users } from './organizations';
import { memberships } from './people';
import { planItems } from './plans';
import { departments, touchpoints } from './structure';

export const improvementSourceEnum = pgEnum('improvement_source', ['idea', 'plan_item', 'complaint']);

/**
 * The rule of the program: one process improvement per department (area) per week. The week is the date of its
 * first day in the organization's time zone; the unique key makes the database itself enforce the rule.
 */
export const weeklyImprovements = pgTable(
  'weekly_improvements',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    departmentId: uuid('department_id').notNull(),
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    process: text('process').notNull().default(''),
    before: text('before_text').notNull().default(''),
    after: text('after_text').notNull().default(''),
    metric: targetMetricEnum('metric'),
    businessMetric: text('business_metric'),
    direction: metricDirectionEnum('direction'),
    source: improvementSourceEnum('source'),
    sourcePlanItemId: uuid('source_plan_item_id'),
    /** The staff idea it came from (source `idea`): logging the improvement ships the idea. */
    sourceIdeaId: uuid('source_idea_id'),
    /** A reference to a complaint, or a note on the source. */
    sourceNote: text('source_note').notNull().default(''),
    ownerUserId: uuid('owner_user_id'),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    /** Logged after its week was over (the previous week). */
    late: boolean('late').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex('weekly_improvements_one_per_area_week_key').on(t.organizationId, t.departmentId, t.weekStart),
    index('weekly_improvements_org_week_idx').on(t.organizationId, t.weekStart),
    foreignKey({
      name: 'weekly_improvements_department_fk',
      columns: [t.organizationId, t.departmentId],
      foreignColumns: [departments.organizationId, departments.id],
    }),
    foreignKey({
      name: 'weekly_improvements_owner_fk',
      columns: [t.organizationId, t.ownerUserId],
      foreignColumns: [memberships.organizationId, memberships.userId],
    }).onDelete('set null'),
    foreignKey({
      name: 'weekly_improvements_idea_fk',
      columns: [t.organizationId, t.sourceIdeaId],
      foreignColumns: [ideas.organizationId, ideas.id],
    }),
    foreignKey({
      name: 'weekly_improvements_plan_item_fk',
      columns: [t.organizationId, t.sourcePlanItemId],
      foreignColumns: [planItems.organizationId, planItems.id],
    }).onDelete('set null'),
  ],
);

export const weeklyImprovementTouchpoints = pgTable(
  'weekly_improvement_touchpoints',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    improvementId: uuid('improvement_id').notNull(),
    touchpointId: uuid('touchpoint_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.improvementId, t.touchpointId] }),
    foreignKey({
      name: 'weekly_improvement_touchpoints_improvement_fk',
      columns: [t.organizationId, t.improvementId],
      foreignColumns: [weeklyImprovements.organizationId, weeklyImprovements.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'weekly_improvement_touchpoints_touchpoint_fk',
      columns: [t.organizationId, t.touchpointId],
      foreignColumns: [touchpoints.organizationId, touchpoints.id],
    }),
    index('weekly_improvement_touchpoints_org_touchpoint_idx').on(t.organizationId, t.touchpointId),
  ],
);
