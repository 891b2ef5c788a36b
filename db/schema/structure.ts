import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations } from './organizations';

export const departmentStageEnum = pgEnum('department_stage', ['front', 'back']);
export const journeyPhaseEnum = pgEnum('journey_phase', ['before', 'during', 'after']);
export const channelEnum = pgEnum('touchpoint_channel', ['online', 'offline']);

const orgId = () =>
  uuid('organization_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' });

/** An area of the company: front stage (customers see it) or back stage (they don't, yet it shapes the show). */
export const departments = pgTable(
  'departments',
  {
    organizationId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    stage: departmentStageEnum('stage').notNull(),
    description: text('description').notNull().default(''),
    archived: boolean('archived').notNull().default(false),
    /** The department that owns brand promises hears of every plan item that changes a service, product or channel. */
    ownsPromises: boolean('owns_promises').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex('departments_org_name_key').on(t.organizationId, t.name),
    uniqueIndex('departments_org_promise_owner_key')
      .on(t.organizationId)
      .where(sql`${t.ownsPromises}`),
  ],
);

/** A step of the customer journey, before, during or after the purchase, in the order customers meet it. */
export const journeyStages = pgTable(
  'journey_stages',
  {
    organizationId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    phase: journeyPhaseEnum('phase').notNull(),
    position: integer('position').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index('journey_stages_org_position_idx').on(t.organizationId, t.position),
  ],
);

/** Any point where the customer meets the company; it belongs to a stage and is owned by a department. */
export const touchpoints = pgTable(
  'touchpoints',
  {
    organizationId: orgId(),
    id: uuid('id').notNull().defaultRandom(),
    stageId: uuid('stage_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    name: text('name').notNull(),
    /** A short stable name for the ingestion API ("checkout", "parcel-delivery"), unique in the organization. */
    key: text('key'),
    channel: channelEnum('channel').notNull(),
    description: text('description').notNull().default(''),
    position: integer('position').notNull(),
    archived: boolean('archived').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: 'touchpoints_stage_fk',
      columns: [t.organizationId, t.stageId],
      foreignColumns: [journeyStages.organizationId, journeyStages.id],
    }),
    foreignKey({
      name: 'touchpoints_department_fk',
      columns: [t.organizationId, t.departmentId],
      foreignColumns: [departments.organizationId, departments.id],
    }),
    uniqueIndex('touchpoints_org_key_key').on(t.organizationId, t.key),
    index('touchpoints_org_stage_idx').on(t.organizationId, t.stageId, t.position),
    index('touchpoints_org_department_idx').on(t.organizationId, t.departmentId),
  ],
);
