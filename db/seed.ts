import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { recordAudit } from '@/db/queries/audit';
import { insertDepartment } from '@/db/queries/departments';
import { insertStage, insertTouchpoint } from '@/db/queries/journey';
import { insertInvitation, insertMembership } from '@/db/queries/members';
import { createOrganization } from '@/db/queries/organizations';
import { createUser } from '@/db/queries/users';
import { departments as departmentsTable, organizations, users } from '@/db/schema';
import { hashPassword } from '@/lib/secrets/password';
import { newToken } from '@/lib/secrets/tokens';
import type { DemoContext } from './seed-context';
import { seedGoal } from './seed-goal';
import { seedMetrics } from './seed-metrics';
import { seedPlans } from './seed-plans';
import { seedWeekly } from './seed-weekly';
import { seedIdeas } from './seed-ideas';
import { seedLevers } from './seed-levers';
import { demoColleagues } from './seed-ideas-story';

export const DEMO_PASSWORD = 'touchpoint-demo';
export const DEMO_SLUG = 'bookshelf';

export const demoLogins = [
  { email: 'exec@demo.test', name: 'Olena Kovalenko', role: 'executive', department: null },
  { email: 'lead@demo.test', name: 'Marta Shevchenko', role: 'lead', department: 'Customer support' },
  { email: 'staff@demo.test', name: 'Andriy Bondar', role: 'staff', department: 'Customer support' },
  { email: 'delivery@demo.test', name: 'Taras Melnyk', role: 'lead', department: 'Delivery' },
  { email: 'it@demo.test', name: 'Iryna Lysenko', role: 'lead', department: 'IT' },
] as const;

// The online bookstore from the case study (001): front-stage areas customers see, back-stage areas they don't.
const departments = [
  {
    name: 'Customer support',
    stage: 'front',
    description: 'Chat, phone and email help for readers before and after they buy.',
  },
  { name: 'Delivery', stage: 'front', description: 'Couriers and parcel lockers: getting books to readers on time.' },
  { name: 'Website', stage: 'front', description: 'Search, product pages and checkout of the online shop.' },
  { name: 'Marketing', stage: 'front', description: 'Campaigns, newsletters and the promises the brand makes.' },
  { name: 'Warehouse', stage: 'back', description: 'Stock, picking and packing of orders.' },
  { name: 'IT', stage: 'back', description: 'Systems behind the shop: tracking, payments, integrations.' },
  { name: 'Finance', stage: 'back', description: 'Payments, refunds and invoices.' },
  { name: 'HR', stage: 'back', description: 'Hiring and training the people who serve readers.' },
] as const;

const journey = [
  {
    name: 'Discover',
    phase: 'before',
    touchpoints: [
      {
        name: 'Search and website',
        department: 'Website',
        channel: 'online',
        description: 'Finding a book through search or the catalogue.',
      },
      {
        name: 'Product page',
        department: 'Website',
        channel: 'online',
        description: 'Description, reviews, price and stock of a book.',
      },
    ],
  },
  {
    name: 'Buy',
    phase: 'during',
    touchpoints: [
      {
        name: 'Checkout',
        department: 'Website',
        channel: 'online',
        description: 'Cart, delivery options and order confirmation.',
      },
      {
        name: 'Payment',
        department: 'Finance',
        channel: 'online',
        description: 'Card, bank transfer or cash on delivery.',
      },
    ],
  },
  {
    name: 'Receive',
    phase: 'during',
    touchpoints: [
      {
        name: 'Courier delivery',
        department: 'Delivery',
        channel: 'offline',
        description: 'The courier hands the parcel over.',
      },
      {
        name: 'Packaging',
        department: 'Warehouse',
        channel: 'offline',
        description: 'How the parcel and the books arrive.',
      },
    ],
  },
  {
    name: 'After purchase',
    phase: 'after',
    touchpoints: [
      {
        name: 'Support chat and phone',
        department: 'Customer support',
        channel: 'online',
        description: 'Questions about orders, delivery and books.',
      },
      {
        name: 'Returns',
        department: 'Customer support',
        channel: 'offline',
        description: 'Sending a book back and getting the money.',
      },
    ],
  },
] as const;

export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(organizations);
  return (row?.n ?? 0) === 0;
}

/** Removes the demo organization and the demo people (only them). */
export async function removeDemo(db: Database) {
  await db.delete(organizations).where(eq(organizations.slug, DEMO_SLUG));
  await db.delete(users).where(
    inArray(
      sql`lower(${users.email})`,
      [...demoLogins, ...demoColleagues].map((l) => l.email),
    ),
  );
}

/** The demo organization, in one transaction; its story is dated back from `now`. */
export async function seedDemo(db: Database, now = new Date()) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const organization = await createOrganization(tx, {
      name: 'Bookshelf',
      timeZone: 'Europe/Kyiv',
      weekStartsOn: 1,
      currency: 'UAH',
    });
    if (organization.slug !== DEMO_SLUG)
      await tx.update(organizations).set({ slug: DEMO_SLUG }).where(eq(organizations.id, organization.id));
    const orgId = organization.id;
    const departmentIds = new Map<string, string>();
    for (const d of departments) departmentIds.set(d.name, (await insertDepartment(tx, orgId, d)).id);
    const people = new Map<string, string>();
    for (const login of demoLogins) {
      const user = await createUser(tx, { email: login.email, name: login.name, passwordHash });
      people.set(login.email, user.id);
      await insertMembership(tx, orgId, {
        userId: user.id,
        role: login.role,
        departmentId: login.department ? departmentIds.get(login.department)! : null,
      });
    }
    const executive = people.get('exec@demo.test')!;
    await recordAudit(tx, orgId, executive, {
      action: 'organization.create',
      entityType: 'organization',
      entityId: orgId,
      changes: { name: 'Bookshelf' },
    });
    const touchpointIds = new Map<string, string>();
    for (const stage of journey) {
      const { id: stageId } = await insertStage(tx, orgId, { name: stage.name, phase: stage.phase });
      for (const tp of stage.touchpoints) {
        const touchpoint = await insertTouchpoint(tx, orgId, {
          name: tp.name,
          stageId,
          departmentId: departmentIds.get(tp.department)!,
          channel: tp.channel,
          description: tp.description,
        });
        touchpointIds.set(tp.name, touchpoint.id);
        await recordAudit(tx, orgId, executive, {
          action: 'touchpoint.create',
          entityType: 'touchpoint',
          entityId: touchpoint.id,
          changes: { name: tp.name },
        });
      }
    }
    await insertInvitation(tx, orgId, {
      email: 'warehouse@demo.test',
      role: 'lead',
      departmentId: departmentIds.get('Warehouse')!,
      tokenHash: newToken().hash,
      invitedBy: executive,
      expiresAt: new Date(now.getTime() + 7 * 24 * 60 * 60_000),
    });
    await recordAudit(tx, orgId, executive, {
      action: 'member.invite',
      entityType: 'invitation',
      changes: { email: 'warehouse@demo.test', role: 'lead' },
    });
    await tx
      .update(departmentsTable)
      .set({ ownsPromises: true })
      .where(and(eq(departmentsTable.organizationId, orgId), eq(departmentsTable.id, departmentIds.get('Marketing')!)));
    const context: DemoContext = { tx, organizationId: orgId, people, departmentIds, touchpointIds, now };
    await seedGoal(context);
    await seedPlans(context, organization.timeZone);
    await seedWeekly(context, organization.timeZone);
    await seedIdeas(context, passwordHash);
    await seedLevers(context, organization.timeZone);
    await seedMetrics(context, organization.timeZone);
  });
}

export function demoLoginsText(): string {
  const width = Math.max(...demoLogins.map((l) => l.email.length));
  const lines = demoLogins.map(
    (l) => `  ${l.email.padEnd(width)}  ${l.role}${l.department ? ` (${l.department})` : ''}`,
  );
  return `Demo logins (password: ${DEMO_PASSWORD}):\n${lines.join('\n')}`;
}
