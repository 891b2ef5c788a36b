import { z } from 'zod';
import { getDb } from '@/db/client';
import { listImprovements } from '@/db/queries/weekly';
import { currentMember } from '@/lib/auth/session';
import { can } from '@/lib/domain/permissions';

/** GET /api/weekly/improvements/<id>: one improvement in full, from the caller's organization only. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const member = await currentMember();
  if (!member) return Response.json({ error: 'unauthenticated' }, { status: 401 });
  if (!can(member.actor, 'weekly.read')) return Response.json({ error: 'forbidden' }, { status: 403 });
  const id = z
    .string()
    .uuid()
    .safeParse((await params).id);
  if (!id.success) return Response.json({ error: 'not_found' }, { status: 404 });
  const [improvement] = await listImprovements(await getDb(), member.organization.id, { improvementId: id.data });
  if (!improvement) return Response.json({ error: 'not_found' }, { status: 404 });
  return Response.json(improvement, { headers: { 'Cache-Control': 'no-store' } });
}
