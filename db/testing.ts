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
import { createUser } from '@/db/queries/users';
import { auditEvents, departments, invitations, journeyStages, memberships, organizations, touchpoints, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/command';
import { hashPassword } from '@/lib/auth/password';
import { invitationLinkToken, newToken } from '@/lib/auth/tokens';
import type { Role } from '@/lib/domain/permissions';

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

async function addMember(db: Database, organizationId: string, role: Role, departmentId: string | null, label: string) {
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
    await insertTouchpoint(db, organizationId, { name: 'Website', stageId, departmentId: departmentA, channel: 'online' })
  ).id;
  const executive = await addMember(db, organizationId, 'executive', null, label);
  const lead = await addMember(db, organizationId, 'lead', departmentA, label);
  const staff = await addMember(db, organizationId, 'staff', departmentA, label);
  const { token, hash } = newToken();
  const invitationEmail = `invited-${label}@example.test`;
  const invitation = await insertInvitation(db, organizationId, {
    email: invitationEmail, role: 'staff', departmentId: departmentA, tokenHash: hash, invitedBy: executive.userId,
    expiresAt: new Date(Date.now() + 7 * 24 * 60 * 60_000),
  });
  return {
    organizationId, name, departmentA, departmentB, stageId, emptyStageId, touchpointId,
    invitationId: invitation.id, invitationToken: invitationLinkToken(organizationId, token), invitationEmail, executive, lead, staff,
  };
}

/** Two unrelated organizations: `own` (the actors' organization) and `other`. */
export async function makeTwoOrganizations(db: Database) {
  return { own: await makeOrganization(db, 'Own Org'), other: await makeOrganization(db, 'Other Org') };
}

export async function auditEventsOf(db: Database, organizationId: string) {
  return db.select().from(auditEvents).where(eq(auditEvents.organizationId, organizationId)).orderBy(asc(auditEvents.createdAt));
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
    [departments, journeyStages, touchpoints, memberships, invitations, auditEvents].map((table) =>
      db.select().from(table).where(eq(table.organizationId, organizationId)),
    ),
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
