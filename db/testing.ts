/**
 * Test support: a throwaway database per test file, and fixtures built with the ordinary query functions.
 * Not imported by the application.
 */
import { randomBytes } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { type Database, openDatabase } from '@/db/client';
import { insertDepartment } from '@/db/queries/departments';
import { insertStage, insertTouchpoint } from '@/db/queries/journey';
import { insertInvitation, insertMembership } from '@/db/queries/members';
import { createOrganization } from '@/db/queries/organizations';
import { insertPlanItem, listRequests, syncRequests } from '@/db/queries/plans';
import { createUser } from '@/db/queries/users';
import {
  auditEvents,
  departments,
  goalReads,
  goalTargets,
  goalVersions,
  invitations,
  journeyStages,
  memberships,
  organizations,
  planItemAffectedDepartments,
  planItems,
  planItemTouchpoints,
  planRequests,
  touchpoints,
  users,
  weeklyImprovements,
  weeklyImprovementTouchpoints,
  apiKeys,
  metricAggregates,
  metricRollups,
  responseImports,
  stagedResponses,
  surveyLinks,
  surveyResponses,
} from '@/db/schema';
import type { Actor } from '@/lib/auth/command';
import { hashPassword } from '@/lib/auth/password';
import { invitationLinkToken, newToken } from '@/lib/auth/tokens';
import type { Role } from '@/lib/domain/permissions';
import { type PlanItemStatus, requestsFor } from '@/lib/domain/plans';
import { updateOrganization } from '@/db/queries/organizations';
import { insertImprovement, setImprovementTouchpoints } from '@/db/queries/weekly';
import { insertApiKey } from '@/db/queries/api-keys';
import { insertImport } from '@/db/queries/imports';
import { insertAggregate } from '@/db/queries/metric-aggregates';
import { recordResponses } from '@/db/queries/responses';
import { insertSurveyLink } from '@/db/queries/survey-links';
import type { FirstDay } from '@/lib/domain/weeks';

export interface TestDatabase {
  db: Database;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

/**
 * A fresh, migrated database. With TEST_DATABASE_URL set: a new database on that server
 * (`touchpoint_test_<pid>_<random>`), dropped on close; otherwise an in-memory PGlite.
 */
export async function testDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const open = await openDatabase({ dir: 'memory' });
    return { db: open.db, kind: 'pglite', close: open.close };
  }
  const name = `touchpoint_test_${process.pid}_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const drop = async () => {
    try {
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await admin.end({ timeout: 5 });
    }
  };
  try {
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  } catch (error) {
    await admin.end({ timeout: 5 });
    throw error;
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let open;
  try {
    open = await openDatabase({ url: url.toString() });
  } catch (error) {
    await drop();
    throw error;
  }
  const opened = open;
  return {
    db: opened.db,
    kind: 'postgres',
    close: async () => {
      try {
        await opened.close();
      } finally {
        await drop();
      }
    },
  };
}

/** The password of every fixture user. */
export const FIXTURE_PASSWORD = 'correct horse battery staple';
let fixtureHash: Promise<string> | undefined;
/** One argon2 hash per process, shared by all fixture users. */
export function fixturePasswordHash(): Promise<string> {
  fixtureHash ??= hashPassword(FIXTURE_PASSWORD);
  return fixtureHash;
}

export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}

export interface FixtureUser {
  userId: string;
  email: string;
  actor: Actor;
}

export interface OrganizationFixture {
  organizationId: string;
  name: string;
  /** Department A has the lead and the staff member; department B has nobody. */
  departmentA: string;
  departmentB: string;
  /** A stage holding `touchpointId`, and an empty one after it. */
  stageId: string;
  emptyStageId: string;
  touchpointId: string;
  /** A pending staff invitation (department A) and its token. */
  invitationId: string;
  invitationToken: string;
  invitationEmail: string;
  executive: FixtureUser;
  lead: FixtureUser;
  staff: FixtureUser;
}

export async function makeUser(db: Database, email: string, name = email.split('@')[0] ?? 'user') {
  return createUser(db, { email, name, passwordHash: await fixturePasswordHash() });
}

/** A new user (`<role>-<label>@example.test`) who is a member of the organization. */
export async function addMember(
  db: Database,
  organizationId: string,
  role: Role,
  departmentId: string | null,
  label: string,
): Promise<FixtureUser> {
  const email = `${role}-${label}@example.test`;
  const user = await makeUser(db, email, `${role} ${label}`);
  await insertMembership(db, organizationId, { userId: user.id, role, departmentId });
  return { userId: user.id, email, actor: { userId: user.id, organizationId, role, departmentId } };
}

/**
 * An organization with two departments, two journey stages (one with a touchpoint), an executive
 * (no department), a lead and a staff member of department A, and a pending invitation. No audit events.
 */
export async function makeOrganization(db: Database, name: string): Promise<OrganizationFixture> {
  await fixturePasswordHash(); // hash once, outside the transaction
  // One transaction: one commit instead of two dozen (much faster on PostgreSQL).
  return db.transaction((tx) => buildOrganization(tx, name));
}

async function buildOrganization(db: Database, name: string): Promise<OrganizationFixture> {
  const label = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${uniqueSuffix()}`;
  const organization = await createOrganization(db, { name });
  const organizationId = organization.id;
  const departmentA = (await insertDepartment(db, organizationId, { name: 'Sales', stage: 'front' })).id;
  const departmentB = (await insertDepartment(db, organizationId, { name: 'Logistics', stage: 'back' })).id;
  const stageId = (await insertStage(db, organizationId, { name: 'Discover', phase: 'before' })).id;
  const emptyStageId = (await insertStage(db, organizationId, { name: 'Buy', phase: 'during' })).id;
  const touchpointId = (
    await insertTouchpoint(db, organizationId, {
      name: 'Website',
      stageId,
      departmentId: departmentA,
      channel: 'online',
    })
  ).id;
  const executive = await addMember(db, organizationId, 'executive', null, label);
  const lead = await addMember(db, organizationId, 'lead', departmentA, label);
  const staff = await addMember(db, organizationId, 'staff', departmentA, label);
  const { token, hash } = newToken();
  const invitationEmail = `invited-${label}@example.test`;
  const invitation = await insertInvitation(db, organizationId, {
    email: invitationEmail,
    role: 'staff',
    departmentId: departmentA,
    tokenHash: hash,
    invitedBy: executive.userId,
    expiresAt: new Date(Date.now() + 7 * 24 * 60 * 60_000),
  });
  return {
    organizationId,
    name,
    departmentA,
    departmentB,
    stageId,
    emptyStageId,
    touchpointId,
    invitationId: invitation.id,
    invitationToken: invitationLinkToken(organizationId, token),
    invitationEmail,
    executive,
    lead,
    staff,
  };
}

/** Two unrelated organizations: `own` (the actors' organization) and `other`. */
export async function makeTwoOrganizations(db: Database) {
  return { own: await makeOrganization(db, 'Own Org'), other: await makeOrganization(db, 'Other Org') };
}

export async function auditEventsOf(db: Database, organizationId: string) {
  return db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.organizationId, organizationId))
    .orderBy(asc(auditEvents.createdAt));
}

export async function countRows(db: Database, table: 'users' | 'organizations' | 'audit_events'): Promise<number> {
  const t = { users, organizations, audit_events: auditEvents }[table];
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(t);
  return row?.n ?? 0;
}

/**
 * Every row an organization owns (and the global number of users), serialized in a stable order:
 * two equal snapshots mean nothing of that organization changed.
 */
export async function snapshotOrganization(db: Database, organizationId: string): Promise<string> {
  const org = await db.select().from(organizations).where(eq(organizations.id, organizationId));
  const rows = await Promise.all(
    [
      departments,
      journeyStages,
      touchpoints,
      memberships,
      invitations,
      auditEvents,
      goalVersions,
      goalTargets,
      goalReads,
      planItems,
      planItemTouchpoints,
      planItemAffectedDepartments,
      planRequests,
      weeklyImprovements,
      weeklyImprovementTouchpoints,
      apiKeys,
      metricAggregates,
      metricRollups,
      responseImports,
      stagedResponses,
      surveyLinks,
      surveyResponses,
    ].map((table) => db.select().from(table).where(eq(table.organizationId, organizationId))),
  );
  const sorted = rows.map((list) => list.map((r) => JSON.stringify(r)).sort());
  return JSON.stringify({ org, tables: sorted, users: await countRows(db, 'users') });
}

export type AuditRow = Awaited<ReturnType<typeof auditEventsOf>>[number];

/** Runs `work` and returns its result with the audit events it added to the organization. */
export async function withNewAuditEvents<T>(db: Database, organizationId: string, work: () => Promise<T>) {
  const seen = new Set((await auditEventsOf(db, organizationId)).map((e) => e.id));
  const result = await work();
  const events = (await auditEventsOf(db, organizationId)).filter((e) => !seen.has(e.id));
  return { result, events };
}

/** A plan item written straight with the query functions (no audit event), with the requests it calls for. */
export async function insertFixturePlanItem(
  db: Database,
  organizationId: string,
  values: {
    departmentId: string;
    title: string;
    createdBy: string;
    status?: PlanItemStatus;
    affectedDepartmentIds?: string[];
    changesPromise?: boolean;
    promiseOwnerId?: string | null;
    ownerUserId?: string | null;
    dueDate?: string | null;
    investment?: number | null;
    quickWin?: boolean;
    dropReason?: string | null;
  },
) {
  const status = values.status ?? 'planned';
  const item = await insertPlanItem(db, organizationId, {
    departmentId: values.departmentId,
    createdBy: values.createdBy,
    title: values.title,
    description: '',
    ownerUserId: values.ownerUserId ?? null,
    dueDate: values.dueDate ?? null,
    status,
    dropReason: status === 'dropped' ? (values.dropReason ?? 'No longer needed') : null,
    quickWin: values.quickWin ?? false,
    investment: values.investment ?? null,
    expectedOutcome: '',
    changesPromise: values.changesPromise ?? false,
    servesCommitment: null,
    servesTargetId: null,
    completedAt: status === 'done' ? new Date() : null,
  });
  const wanted = requestsFor(
    {
      departmentId: values.departmentId,
      status,
      affectedDepartmentIds: values.affectedDepartmentIds ?? [],
      changesPromise: values.changesPromise ?? false,
    },
    values.promiseOwnerId ?? null,
  );
  await syncRequests(db, organizationId, item.id, wanted);
  const requests = await listRequests(db, organizationId, { planItemIds: [item.id] });
  return { id: item.id, requests };
}

export interface PlanFixture {
  /** An item of department A that affects department B (so B has a pending request). */
  itemA: string;
  /** An item of department B that affects department A (so A has a pending request). */
  itemB: string;
  /** The pending request addressed to department A (about itemB), and the one addressed to B (about itemA). */
  requestToA: string;
  requestToB: string;
}

/** Two plan items with a pending request each way between departments A and B. No audit events. */
export async function makePlanFixture(db: Database, f: OrganizationFixture): Promise<PlanFixture> {
  return db.transaction(async (tx) => {
    const itemA = await insertFixturePlanItem(tx, f.organizationId, {
      departmentId: f.departmentA,
      title: 'Faster replies',
      createdBy: f.lead.userId,
      affectedDepartmentIds: [f.departmentB],
    });
    const itemB = await insertFixturePlanItem(tx, f.organizationId, {
      departmentId: f.departmentB,
      title: 'Next-day shipping',
      createdBy: f.executive.userId,
      affectedDepartmentIds: [f.departmentA],
    });
    return { itemA: itemA.id, itemB: itemB.id, requestToA: itemB.requests[0]!.id, requestToB: itemA.requests[0]!.id };
  });
}

export interface PlansOrganizationFixture extends OrganizationFixture {
  /** Departments besides A ("Sales", where the lead and staff member work) and B ("Logistics"). */
  delivery: string;
  it: string;
  /** Named "Marketing": the brand-promise owner until another department is chosen. */
  marketing: string;
  deliveryLead: FixtureUser;
  itLead: FixtureUser;
  marketingLead: FixtureUser;
}

/** An organization as `makeOrganization` builds it, plus Delivery, IT and Marketing departments with a lead each. */
export async function makePlansOrganization(db: Database, name: string): Promise<PlansOrganizationFixture> {
  const base = await makeOrganization(db, name);
  return db.transaction(async (tx) => {
    const label = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${uniqueSuffix()}`;
    const delivery = (await insertDepartment(tx, base.organizationId, { name: 'Delivery', stage: 'back' })).id;
    const it = (await insertDepartment(tx, base.organizationId, { name: 'IT', stage: 'back' })).id;
    const marketing = (await insertDepartment(tx, base.organizationId, { name: 'Marketing', stage: 'front' })).id;
    return {
      ...base,
      delivery,
      it,
      marketing,
      deliveryLead: await addMember(tx, base.organizationId, 'lead', delivery, `delivery-${label}`),
      itLead: await addMember(tx, base.organizationId, 'lead', it, `it-${label}`),
      marketingLead: await addMember(tx, base.organizationId, 'lead', marketing, `marketing-${label}`),
    };
  });
}

// ---- weekly tracker -------------------------------------------------------------------------------------------

export interface WeeklyOrganizationFixture extends PlansOrganizationFixture {
  timeZone: string;
  weekStartsOn: FirstDay;
}

/**
 * An organization as `makePlansOrganization` builds it (Sales with lead and staff, Logistics, Delivery, IT and
 * Marketing with a lead each), whose weeks follow the given time zone and first day.
 */
export async function makeWeeklyOrganization(
  db: Database,
  name: string,
  settings: { timeZone: string; weekStartsOn: FirstDay; reminderWeekday?: number },
): Promise<WeeklyOrganizationFixture> {
  const base = await makePlansOrganization(db, name);
  await updateOrganization(db, base.organizationId, settings);
  return { ...base, timeZone: settings.timeZone, weekStartsOn: settings.weekStartsOn };
}

/** A weekly improvement written straight with the query functions (no audit event, no checks of the week). */
export async function insertFixtureImprovement(
  db: Database,
  organizationId: string,
  values: {
    departmentId: string;
    weekStart: string;
    createdBy: string;
    title?: string;
    late?: boolean;
    effectiveDate?: string;
    touchpointIds?: string[];
  },
): Promise<string> {
  const created = await insertImprovement(db, organizationId, {
    departmentId: values.departmentId,
    weekStart: values.weekStart,
    late: values.late ?? false,
    createdBy: values.createdBy,
    title: values.title ?? `Improvement ${uniqueSuffix()}`,
    process: '',
    before: '',
    after: '',
    metric: null,
    businessMetric: '',
    direction: null,
    source: null,
    sourcePlanItemId: undefined,
    sourceNote: '',
    ownerUserId: undefined,
    effectiveDate: values.effectiveDate ?? values.weekStart,
  });
  if (!created) throw new Error(`the cell ${values.departmentId} / ${values.weekStart} is taken`);
  if (values.touchpointIds?.length)
    await setImprovementTouchpoints(db, organizationId, created.id, values.touchpointIds);
  return created.id;
}

export interface MetricsFixture {
  /** A touchpoint of department B (the fixture's own touchpoint belongs to department A). */
  touchpointB: string;
  /** NPS survey links on the touchpoints of department A and B. */
  linkA: string;
  linkB: string;
  /** Measured values on the touchpoints of department A and B. */
  aggregateA: string;
  aggregateB: string;
  apiKeyId: string;
  /** An import of one answer. */
  importId: string;
}

/** Survey links, measured values, an API key and an import, written straight with the query functions. */
export async function makeMetricsFixture(db: Database, f: OrganizationFixture): Promise<MetricsFixture> {
  return db.transaction(async (tx) => {
    const touchpointB = (
      await insertTouchpoint(tx, f.organizationId, {
        name: 'Parcel',
        stageId: f.stageId,
        departmentId: f.departmentB,
        channel: 'offline',
      })
    ).id;
    const link = (touchpointId: string) =>
      insertSurveyLink(tx, f.organizationId, {
        touchpointId,
        metric: 'nps',
        token: randomBytes(16).toString('base64url'),
      });
    const aggregate = (touchpointId: string) =>
      insertAggregate(tx, f.organizationId, {
        touchpointId,
        metric: 'nps',
        value: 31,
        n: 400,
        periodStart: '2026-01-01',
        periodEnd: '2026-03-31',
        source: 'Agency',
        createdBy: f.executive.userId,
      });
    const apiKey = await insertApiKey(tx, f.organizationId, {
      name: 'CRM',
      prefix: 'tp_fixture',
      keyHash: randomBytes(32).toString('hex'),
      createdBy: f.executive.userId,
    });
    const imported = await insertImport(tx, f.organizationId, {
      fileName: 'answers.csv',
      rowCount: 1,
      createdBy: f.executive.userId,
    });
    await recordResponses(tx, { id: f.organizationId, timeZone: 'UTC' }, [
      {
        touchpointId: f.touchpointId,
        metric: 'nps',
        score: 9,
        respondedAt: new Date('2026-02-01T10:00:00Z'),
        source: 'import',
        importId: imported.id,
      },
    ]);
    return {
      touchpointB,
      linkA: (await link(f.touchpointId)).id,
      linkB: (await link(touchpointB)).id,
      aggregateA: (await aggregate(f.touchpointId)).id,
      aggregateB: (await aggregate(touchpointB)).id,
      apiKeyId: apiKey.id,
      importId: imported.id,
    };
  });
}
