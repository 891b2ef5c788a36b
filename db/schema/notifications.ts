import {
  boolean,
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations, users } from './organizations';
import { memberships } from './people';

/**
 * One row per person and event, written in the same transaction as the event. The event key (for example the id of
 * the idea event) makes the same event stored once per person, however often it is written.
 */
export const notifications = pgTable(
  'notifications',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    /** What it is about: an idea, an improvement, a plan item... */
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    eventKey: text('event_key').notNull(),
    /** Who did it, or null (the system, or an anonymous author). */
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** What the list shows: a title, a status, a reply, a sentence; no names of anonymous authors. */
    details: jsonb('details').$type<Record<string, string | number | null>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** When it went out in a daily mail. */
    mailedAt: timestamp('mailed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: 'notifications_member_fk',
      columns: [t.organizationId, t.userId],
      foreignColumns: [memberships.organizationId, memberships.userId],
    }).onDelete('cascade'),
    uniqueIndex('notifications_once_per_event_key').on(t.organizationId, t.userId, t.eventKey),
    index('notifications_org_user_created_idx').on(t.organizationId, t.userId, t.createdAt),
  ],
);

/**
 * Who follows what. Submitting or voting on an idea follows it unless the person unfollowed it before: an unfollow
 * is kept as `following = false`, so a later vote does not follow again.
 */
export const follows = pgTable(
  'follows',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    following: boolean('following').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.userId, t.subjectType, t.subjectId] }),
    foreignKey({
      name: 'follows_member_fk',
      columns: [t.organizationId, t.userId],
      foreignColumns: [memberships.organizationId, memberships.userId],
    }).onDelete('cascade'),
    index('follows_org_subject_idx').on(t.organizationId, t.subjectType, t.subjectId),
  ],
);
