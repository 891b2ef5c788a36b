import 'server-only';
import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auditEvents, users } from '@/db/schema';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  changes?: Record<string, unknown>;
  /** Done by the anonymous author of an idea: the event records "anonymous", never who. */
  anonymous?: boolean;
}

export async function recordAudit(db: Database, organizationId: string, actorUserId: string | null, entry: AuditEntry) {
  await db.insert(auditEvents).values({
    organizationId,
    actorUserId: entry.anonymous ? null : actorUserId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    changes: entry.anonymous ? { ...entry.changes, actor: 'anonymous' } : (entry.changes ?? {}),
  });
}

export interface AuditFilter {
  entityType?: string;
  actorUserId?: string;
  from?: Date;
  to?: Date;
  limit?: number;
}

export async function listAuditEvents(db: Database, organizationId: string, filter: AuditFilter = {}) {
  const where: SQL[] = [eq(auditEvents.organizationId, organizationId)];
  if (filter.entityType) where.push(eq(auditEvents.entityType, filter.entityType));
  if (filter.actorUserId) where.push(eq(auditEvents.actorUserId, filter.actorUserId));
  if (filter.from) where.push(gte(auditEvents.createdAt, filter.from));
  if (filter.to) where.push(lt(auditEvents.createdAt, filter.to));
  return db
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      changes: auditEvents.changes,
      createdAt: auditEvents.createdAt,
      actorName: users.name,
      actorEmail: users.email,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(...where))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(filter.limit ?? 200);
}
