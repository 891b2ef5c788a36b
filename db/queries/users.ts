import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { memberships, organizations, users } from '@/db/schema';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: Database, email: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      passwordHash: users.passwordHash,
      disabled: users.disabled,
    })
    .from(users)
    .where(sql`lower(${users.email}) = ${normalizeEmail(email)}`);
  return row ?? null;
}

export async function findUserById(db: Database, userId: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale, disabled: users.disabled })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

export async function passwordHashOf(db: Database, userId: string) {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.passwordHash ?? null;
}

export async function createUser(
  db: Database,
  values: { email: string; name: string; passwordHash: string; locale?: string | null },
) {
  const [row] = await db
    .insert(users)
    .values({ ...values, email: values.email.trim() })
    .returning({ id: users.id, email: users.email, name: users.name });
  return row!;
}

export async function updateUser(
  db: Database,
  userId: string,
  values: { name?: string; locale?: string | null; passwordHash?: string },
) {
  await db.update(users).set(values).where(eq(users.id, userId));
}

/** The organizations a person belongs to, for the switcher, oldest membership first. */
export async function membershipsOfUser(db: Database, userId: string) {
  return db
    .select({
      organizationId: memberships.organizationId,
      organizationName: organizations.name,
      role: memberships.role,
      departmentId: memberships.departmentId,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt), asc(organizations.name));
}
