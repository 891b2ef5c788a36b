import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations, users } from './organizations';
import { memberships } from './people';
import { departments, touchpoints } from './structure';

/** new -> under review -> accepted | declined -> in progress -> shipped; withdrawn by its author, merged into another. */
export const ideaStatusEnum = pgEnum('idea_status', [
  'new',
  'under_review',
  'accepted',
  'declined',
  'in_progress',
  'shipped',
  'withdrawn',
  'merged',
]);

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * A staff member's idea for the customer experience. An anonymous idea keeps its author (who sees it, edits it and
 * is notified), but the queries return the author to nobody else. Votes and comments are counted here, in the same
 * transaction as the vote or comment, so the board sorts without counting.
 */
export const ideas = pgTable(
  'ideas',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    /** What the customer experiences today. */
    today: text('today_text').notNull().default(''),
    /** What to change. */
    change: text('change_text').notNull().default(''),
    departmentId: uuid('department_id').notNull(),
    touchpointId: uuid('touchpoint_id'),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    anonymous: boolean('anonymous').notNull().default(false),
    status: ideaStatusEnum('status').notNull().default('new'),
    /** The idea this one was merged into, when it was a duplicate. */
    mergedIntoId: uuid('merged_into_id'),
    votes: integer('votes').notNull().default(0),
    comments: integer('comments').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** The last vote, comment, edit or status change: "recently active". */
    activeAt: timestamp('active_at', { withTimezone: true }).notNull().defaultNow(),
    /** Words of the title and texts, `simple` configuration: no stemming, so any language, PGlite and any server. */
    words: tsvector('words').generatedAlwaysAs(
      sql`to_tsvector('simple'::regconfig, coalesce(title, '') || ' ' || coalesce(today_text, '') || ' ' || coalesce(change_text, ''))`,
    ),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: 'ideas_department_fk',
      columns: [t.organizationId, t.departmentId],
      foreignColumns: [departments.organizationId, departments.id],
    }),
    foreignKey({
      name: 'ideas_touchpoint_fk',
      columns: [t.organizationId, t.touchpointId],
      foreignColumns: [touchpoints.organizationId, touchpoints.id],
    }),
    foreignKey({
      name: 'ideas_merged_into_fk',
      columns: [t.organizationId, t.mergedIntoId],
      foreignColumns: [t.organizationId, t.id],
    }),
    // The board's three orders, as it pages them (ties by id), and its default filter on the open statuses.
    index('ideas_org_votes_idx').on(
      t.organizationId,
      t.votes.desc().nullsFirst(),
      t.createdAt.desc().nullsFirst(),
      t.id,
    ),
    index('ideas_org_created_idx').on(t.organizationId, t.createdAt.desc().nullsFirst(), t.id),
    index('ideas_org_active_idx').on(t.organizationId, t.activeAt.desc().nullsFirst(), t.id),
    index('ideas_org_status_idx').on(t.organizationId, t.status),
    index('ideas_org_author_idx').on(t.organizationId, t.authorUserId),
    index('ideas_words_idx').using('gin', t.words),
  ],
);

/** One vote per member per idea: the primary key makes a vote twice, or two racing requests, one vote. */
export const ideaVotes = pgTable(
  'idea_votes',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    ideaId: uuid('idea_id').notNull(),
    userId: uuid('user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.ideaId, t.userId] }),
    foreignKey({
      name: 'idea_votes_idea_fk',
      columns: [t.organizationId, t.ideaId],
      foreignColumns: [ideas.organizationId, ideas.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'idea_votes_member_fk',
      columns: [t.organizationId, t.userId],
      foreignColumns: [memberships.organizationId, memberships.userId],
    }).onDelete('cascade'),
    index('idea_votes_org_user_idx').on(t.organizationId, t.userId),
  ],
);

export const ideaComments = pgTable(
  'idea_comments',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    ideaId: uuid('idea_id').notNull(),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    /** The idea it was written on, when it moved here with a merge. */
    movedFromIdeaId: uuid('moved_from_idea_id'),
    /** Hidden by an executive as abusive: its author still sees it, marked hidden; nobody else sees its text. */
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenBy: uuid('hidden_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: 'idea_comments_idea_fk',
      columns: [t.organizationId, t.ideaId],
      foreignColumns: [ideas.organizationId, ideas.id],
    }).onDelete('cascade'),
    index('idea_comments_org_idea_idx').on(t.organizationId, t.ideaId, t.createdAt),
  ],
);

export const ideaEventKindEnum = pgEnum('idea_event_kind', ['submitted', 'edited', 'status', 'merged', 'merged_from']);

/**
 * The idea's history: every status change with its official reply, edits and merges. The actor is null for what
 * an anonymous author did, so the history never names them.
 */
export const ideaEvents = pgTable(
  'idea_events',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    ideaId: uuid('idea_id').notNull(),
    kind: ideaEventKindEnum('kind').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    fromStatus: ideaStatusEnum('from_status'),
    toStatus: ideaStatusEnum('to_status'),
    /** The official reply that came with a status change. */
    reply: text('reply'),
    /** The other idea of a merge. */
    otherIdeaId: uuid('other_idea_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: 'idea_events_idea_fk',
      columns: [t.organizationId, t.ideaId],
      foreignColumns: [ideas.organizationId, ideas.id],
    }).onDelete('cascade'),
    index('idea_events_org_idea_idx').on(t.organizationId, t.ideaId, t.createdAt),
  ],
);
