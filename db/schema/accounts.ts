import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations, users } from './organizations';

/**
 * Per person, not per organization: a person's sign-ins, devices and password resets belong to them wherever they
 * are a member, so none of these tables carries an organization and none of it goes to an organization's audit log.
 */

/**
 * A browser that has signed in to this person's account. Its id is inside the signed device cookie (OWASP's
 * device cookies): such a browser has its own allowance of wrong passwords and is never held by the account-wide
 * limit. It counts as active while its session version is the person's current one.
 */
export const userDevices = pgTable(
  'user_devices',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    userAgent: text('user_agent').notNull().default(''),
    address: text('address').notNull().default(''),
    /** The person's session version when this browser last signed in. */
    sessionVersion: integer('session_version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.id] })],
);

/** What happened to a person's account: the security page in the profile lists these. */
export const accountEvents = pgTable(
  'account_events',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    /** sign_in | sign_in_failed | sign_in_throttled | password_changed | password_reset_issued | password_reset | signed_out_everywhere */
    kind: text('kind').notNull(),
    address: text('address').notNull().default(''),
    userAgent: text('user_agent').notNull().default(''),
    /** For a reset issued by an executive: who issued it. */
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.id] }), index('account_events_user_time_idx').on(t.userId, t.occurredAt)],
);

/** A one-time password reset link; only a hash of its token is stored. */
export const passwordResets = pgTable(
  'password_resets',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    /** The executive who issued it, in which organization; null when the person asked for it at sign-in. */
    issuedBy: uuid('issued_by').references(() => users.id, { onDelete: 'set null' }),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.id] }), uniqueIndex('password_resets_token_hash_key').on(t.tokenHash)],
);

/**
 * A sign-up waiting for its address to be confirmed (only when mail is configured): the account and organization
 * are created when the link in the mail is opened.
 */
export const pendingSignUps = pgTable(
  'pending_sign_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    organizationName: text('organization_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('pending_sign_ups_token_hash_key').on(t.tokenHash),
    index('pending_sign_ups_email_idx').on(sql`lower(${t.email})`),
  ],
);
