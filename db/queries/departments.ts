import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { departments } from '@/db/schema';

const columns = {
  id: departments.id,
  name: departments.name,
  stage: departments.stage,
  description: departments.description,
  archived: departments.archived,
  ownsPromises: departments.ownsPromises,
};

export type Department = {
  id: string;
  name: string;
  stage: 'front' | 'back';
  description: string;
  archived: boolean;
  ownsPromises: boolean;
};

export async function listDepartments(db: Database, organizationId: string, opts: { includeArchived?: boolean } = {}) {
  const where = [eq(departments.organizationId, organizationId)];
  if (!opts.includeArchived) where.push(eq(departments.archived, false));
  return db
    .select(columns)
    .from(departments)
    .where(and(...where))
    .orderBy(asc(departments.archived), asc(departments.name));
}

export async function findDepartment(
  db: Database,
  organizationId: string,
  departmentId: string,
): Promise<Department | null> {
  const [row] = await db
    .select(columns)
    .from(departments)
    .where(and(eq(departments.organizationId, organizationId), eq(departments.id, departmentId)));
  return row ?? null;
}

export async function departmentNameTaken(db: Database, organizationId: string, name: string, exceptId?: string) {
  const [row] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(
      and(eq(departments.organizationId, organizationId), sql`lower(${departments.name}) = lower(${name.trim()})`),
    );
  return row !== undefined && row.id !== exceptId;
}

export async function insertDepartment(
  db: Database,
  organizationId: string,
  values: { name: string; stage: 'front' | 'back'; description?: string },
) {
  const [row] = await db
    .insert(departments)
    .values({ organizationId, ...values })
    .returning(columns);
  return row!;
}

export async function updateDepartment(
  db: Database,
  organizationId: string,
  departmentId: string,
  values: Partial<Pick<Department, 'name' | 'stage' | 'description' | 'archived'>>,
) {
  await db
    .update(departments)
    .set(values)
    .where(and(eq(departments.organizationId, organizationId), eq(departments.id, departmentId)));
}
