import { sql } from 'drizzle-orm';
import { boolean, date, index, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations';

/** What kind of thing a change is: a weekly improvement, a plan item marked done, later a lever. */
export const changeKindEnum = pgEnum('change_kind', ['improvement', 'plan-item', 'lever']);

/**
 * The stored impact card of a change, with the organization's default windows (lib/impact). Pages read it and
 * never compute it: a write that can change it (answers inside its window, another change in its window, an
 * edit) marks it stale in its own transaction, and the background worker recomputes it.
 */
export const impactResults = pgTable(
  'impact_results',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    changeKind: changeKindEnum('change_kind').notNull(),
    changeId: uuid('change_id').notNull(),
    /**
     * The days the card reads (lib/impact/window.ts daysRead: its history, for the placebo line and a longer
     * baseline, to the end of its after window); answers or changes on them mark it stale. Null until first known.
     */
    windowStart: date('window_start', { mode: 'string' }),
    windowEnd: date('window_end', { mode: 'string' }),
    stale: boolean('stale').notNull().default(true),
    staleSince: timestamp('stale_since', { withTimezone: true }).defaultNow(),
    /** The card (lib/impact/card.ts ImpactCard) as computed last; null before the first computation. */
    card: jsonb('card'),
    computedAt: timestamp('computed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.changeKind, t.changeId] }),
    index('impact_results_org_window_idx').on(t.organizationId, t.windowStart, t.windowEnd),
    index('impact_results_stale_idx')
      .on(t.organizationId, t.staleSince)
      .where(sql`${t.stale}`),
  ],
);

/** Every change of a card's verdict, per metric, with its date: the digest says which effects became clear when. */
export const impactVerdicts = pgTable(
  'impact_verdicts',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    changeKind: changeKindEnum('change_kind').notNull(),
    changeId: uuid('change_id').notNull(),
    metric: text('metric').notNull(),
    verdict: text('verdict').notNull(),
    previousVerdict: text('previous_verdict'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index('impact_verdicts_org_changed_idx').on(t.organizationId, t.changedAt),
    index('impact_verdicts_org_change_idx').on(t.organizationId, t.changeKind, t.changeId),
  ],
);
