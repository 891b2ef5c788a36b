import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { FirstDay } from '@/lib/domain/weeks';

/** The tenant. Everything a company owns hangs off one organization. */
export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  timeZone: text('time_zone').notNull().default('UTC'),
  /** ISO day number of the first day of the week: 1 = Monday, 7 = Sunday. */
  weekStartsOn: smallint('week_starts_on').$type<FirstDay>().notNull().default(1),
  defaultLocale: text('default_locale').notNull().default('en'),
  currency: text('currency').notNull().default('EUR'),
  /** ISO day (1 = Monday … 7 = Sunday) from which leads whose area has not logged this week are reminded. */
  reminderWeekday: smallint('reminder_weekday').notNull().default(4),
  /** Which CES number is the headline: the mean (1-7) or the share of easy answers (5-7). */
  cesHeadline: text('ces_headline').notNull().default('mean'),
  /** The impact cards' default windows (IMPACT.md): weeks of baseline, of washout from the change's week, after. */
  impactBaselineWeeks: smallint('impact_baseline_weeks').notNull().default(4),
  impactWashoutWeeks: smallint('impact_washout_weeks').notNull().default(1),
  impactAfterWeeks: smallint('impact_after_weeks').notNull().default(4),
  /**
   * Per metric, the minimum meaningful change and the target precision the organization chose
   * ({"nps": {"minChange": 5, "precision": 10}}); a metric left out uses IMPACT.md's defaults.
   */
  impactThresholds: jsonb('impact_thresholds')
    .$type<Partial<Record<string, { minChange: number; precision: number }>>>()
    .notNull()
    .default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** People. Not tenant-owned: one person may belong to several organizations. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    locale: text('locale'),
    disabled: boolean('disabled').notNull().default(false),
    /**
     * Every session carries the version it was issued under; raising it (password change, reset, "sign out
     * everywhere") ends every session issued before, at its next request.
     */
    sessionVersion: integer('session_version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`)],
);

export const roleEnum = pgEnum('member_role', ['executive', 'lead', 'staff']);

/**
 * Attempts counted per key by the rate limiters (lib/domain/throttle.ts, lib/domain/rate.ts, db/queries/throttle.ts):
 * failed sign-ins per account ('account:') and per address ('address:'), public survey answers per address
 * ('survey:'), requests per API key ('api:'). The table and its count column keep the names they had when only
 * sign-in used them.
 */
export const throttles = pgTable(
  'sign_in_throttles',
  {
    key: text('key').primaryKey(),
    attempts: smallint('failures').notNull().default(0),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  // Forgetting stale keys reads only the oldest rows, however many there are.
  (t) => [index('sign_in_throttles_window_started_idx').on(t.windowStartedAt)],
);
