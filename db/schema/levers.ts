import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { metricDirectionEnum } from './directions';
import { targetMetricEnum } from './goal';
import { organizations, users } from './organizations';
import { departments, touchpoints } from './structure';

/** An accelerator improves the experience; a blocker hinders it. */
export const leverKindEnum = pgEnum('lever_kind', ['accelerator', 'blocker']);

/** An accelerator is planned or in place; a blocker is open or removed. */
export const leverStateEnum = pgEnum('lever_state', ['planned', 'in-place', 'open', 'removed']);

/**
 * Something the company does that helps (an accelerator) or hinders (a blocker) the customers' experience. Its impact
 * card is dated by `effective_date`: the day the accelerator was put in place or the blocker removed. A planned
 * accelerator or an open blocker is not a change yet and has no card.
 */
export const levers = pgTable(
  'levers',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    kind: leverKindEnum('kind').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** The department that owns it: its lead manages the lever. */
    departmentId: uuid('department_id').notNull(),
    /** The declared target metric and direction, as for improvements; locked once the after window started. */
    metric: targetMetricEnum('metric').notNull(),
    direction: metricDirectionEnum('direction').notNull(),
    state: leverStateEnum('state').notNull(),
    /** A blocker: open since this day, when known. */
    knownSince: date('known_since', { mode: 'string' }),
    /** An accelerator: in place since; a blocker: removed on. Null while planned or open. */
    effectiveDate: date('effective_date', { mode: 'string' }),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: 'levers_department_fk',
      columns: [t.organizationId, t.departmentId],
      foreignColumns: [departments.organizationId, departments.id],
    }),
    check(
      'levers_kind_state_check',
      sql`(${t.kind} = 'accelerator' AND ${t.state} IN ('planned', 'in-place')) OR (${t.kind} = 'blocker' AND ${t.state} IN ('open', 'removed'))`,
    ),
    check(
      'levers_effective_date_check',
      sql`(${t.effectiveDate} IS NOT NULL) = (${t.state} IN ('in-place', 'removed'))`,
    ),
    check('levers_name_check', sql`char_length(${t.name}) BETWEEN 3 AND 120`),
    check('levers_description_check', sql`char_length(${t.description}) <= 4000`),
    // A lever is measured on the customers' answers: a business metric has no card.
    check('levers_metric_check', sql`${t.metric} <> 'business'`),
    index('levers_org_department_idx').on(t.organizationId, t.departmentId),
    index('levers_org_effective_idx').on(t.organizationId, t.effectiveDate),
  ],
);

export const leverTouchpoints = pgTable(
  'lever_touchpoints',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    leverId: uuid('lever_id').notNull(),
    touchpointId: uuid('touchpoint_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.leverId, t.touchpointId] }),
    foreignKey({
      name: 'lever_touchpoints_lever_fk',
      columns: [t.organizationId, t.leverId],
      foreignColumns: [levers.organizationId, levers.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'lever_touchpoints_touchpoint_fk',
      columns: [t.organizationId, t.touchpointId],
      foreignColumns: [touchpoints.organizationId, touchpoints.id],
    }),
    index('lever_touchpoints_org_touchpoint_idx').on(t.organizationId, t.touchpointId),
  ],
);
