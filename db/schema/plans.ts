import {
  boolean,
  date,
  foreignKey,
  index,
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
import { goalTargets, targetMetricEnum } from './goal';
import { metricDirectionEnum } from './directions';
import { ideas } from './ideas';
import { memberships } from './people';
import { departments, touchpoints } from './structure';

export const planItemStatusEnum = pgEnum('plan_item_status', ['planned', 'in_progress', 'done', 'dropped']);
export const planRequestKindEnum = pgEnum('plan_request_kind', ['ripple', 'promise']);
export const planRequestStatusEnum = pgEnum('plan_request_status', ['pending', 'acknowledged', 'concern']);

/** One thing a department will do for the goal: what it costs sits next to what it should bring. */
export const planItems = pgTable(
  'plan_items',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    departmentId: uuid('department_id').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    ownerUserId: uuid('owner_user_id'),
    dueDate: date('due_date', { mode: 'string' }),
    status: planItemStatusEnum('status').notNull().default('planned'),
    dropReason: text('drop_reason'),
    quickWin: boolean('quick_win').notNull().default(false),
    investment: numeric('investment', { precision: 14, scale: 2, mode: 'number' }),
    expectedOutcome: text('expected_outcome').notNull().default(''),
    /** Changes a service, product or channel: the brand-promise owner must hear of it. */
    changesPromise: boolean('changes_promise').notNull().default(false),
    /** The goal commitment it serves (its text), or the target it serves. */
    servesCommitment: text('serves_commitment'),
    servesTargetId: uuid('serves_target_id'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** The day the done item took effect for customers: its impact card's change date (default: the day marked done). */
    effectiveDate: date('effective_date', { mode: 'string' }),
    /**
     * The metric it should move and which way, declared in advance: taken from the goal target it serves, editable
     * until its after window starts.
     */
    metric: targetMetricEnum('metric'),
    direction: metricDirectionEnum('direction'),
    /** The staff idea it came from: marking the item done ships the idea. */
    sourceIdeaId: uuid('source_idea_id'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: 'plan_items_department_fk',
      columns: [t.organizationId, t.departmentId],
      foreignColumns: [departments.organizationId, departments.id],
    }),
    // The owner must be a member of the same organization.
    foreignKey({
      name: 'plan_items_owner_fk',
      columns: [t.organizationId, t.ownerUserId],
      foreignColumns: [memberships.organizationId, memberships.userId],
    }).onDelete('set null'),
    foreignKey({
      name: 'plan_items_target_fk',
      columns: [t.organizationId, t.servesTargetId],
      foreignColumns: [goalTargets.organizationId, goalTargets.id],
    }).onDelete('set null'),
    foreignKey({
      name: 'plan_items_idea_fk',
      columns: [t.organizationId, t.sourceIdeaId],
      foreignColumns: [ideas.organizationId, ideas.id],
    }),
    index('plan_items_org_department_idx').on(t.organizationId, t.departmentId, t.status),
  ],
);

/** The touchpoints a plan item affects. */
export const planItemTouchpoints = pgTable(
  'plan_item_touchpoints',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    planItemId: uuid('plan_item_id').notNull(),
    touchpointId: uuid('touchpoint_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.planItemId, t.touchpointId] }),
    foreignKey({
      name: 'plan_item_touchpoints_item_fk',
      columns: [t.organizationId, t.planItemId],
      foreignColumns: [planItems.organizationId, planItems.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'plan_item_touchpoints_touchpoint_fk',
      columns: [t.organizationId, t.touchpointId],
      foreignColumns: [touchpoints.organizationId, touchpoints.id],
    }),
    index('plan_item_touchpoints_org_touchpoint_idx').on(t.organizationId, t.touchpointId),
  ],
);

/**
 * A request to another department about a plan item: a ripple effect (the change touches them) or a promise
 * check (the brand-promise owner must know). Its lead acknowledges or raises a concern.
 */
export const planRequests = pgTable(
  'plan_requests',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    planItemId: uuid('plan_item_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    kind: planRequestKindEnum('kind').notNull(),
    status: planRequestStatusEnum('status').notNull().default('pending'),
    comment: text('comment').notNull().default(''),
    answeredBy: uuid('answered_by').references(() => users.id, { onDelete: 'set null' }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: 'plan_requests_item_fk',
      columns: [t.organizationId, t.planItemId],
      foreignColumns: [planItems.organizationId, planItems.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'plan_requests_department_fk',
      columns: [t.organizationId, t.departmentId],
      foreignColumns: [departments.organizationId, departments.id],
    }),
    uniqueIndex('plan_requests_org_item_department_kind_key').on(
      t.organizationId,
      t.planItemId,
      t.departmentId,
      t.kind,
    ),
    index('plan_requests_org_department_status_idx').on(t.organizationId, t.departmentId, t.status),
  ],
);

/** The other departments a plan item affects (its ripple effects), kept whether or not their requests are answered. */
export const planItemAffectedDepartments = pgTable(
  'plan_item_affected_departments',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    planItemId: uuid('plan_item_id').notNull(),
    departmentId: uuid('department_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.planItemId, t.departmentId] }),
    foreignKey({
      name: 'plan_item_affected_departments_item_fk',
      columns: [t.organizationId, t.planItemId],
      foreignColumns: [planItems.organizationId, planItems.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'plan_item_affected_departments_department_fk',
      columns: [t.organizationId, t.departmentId],
      foreignColumns: [departments.organizationId, departments.id],
    }),
  ],
);
