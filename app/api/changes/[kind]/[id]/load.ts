import { getDb } from '@/db/client';
import { findChange } from '@/db/queries/changes';
import { currentMember } from '@/lib/auth/session';
import { can } from '@/lib/domain/permissions';
import { errorResponse } from '@/lib/http/errors';
import { id as idSchema } from '@/lib/validation/common';
import { cardKind } from '@/lib/validation/impact-windows';

export const noStore = { 'Cache-Control': 'no-store' };

/**
 * The change a card route is about, for the signed-in member: every member may read cards. Another organization's
 * change, an unknown kind or id, or a plan item that is not done is a 404.
 */
export async function loadChange(params: Promise<{ kind: string; id: string }>) {
  const member = await currentMember();
  if (!member)
    return { ok: false as const, refusal: await errorResponse({ code: 'unauthenticated' }, { headers: noStore }) };
  if (!can(member.actor, 'metrics.read'))
    return { ok: false as const, refusal: await errorResponse({ code: 'forbidden' }, { headers: noStore }) };
  const { kind, id } = await params;
  const parsedKind = cardKind.safeParse(kind);
  const parsedId = idSchema.safeParse(id);
  if (!parsedKind.success || !parsedId.success)
    return { ok: false as const, refusal: await errorResponse({ code: 'not_found' }, { headers: noStore }) };
  const db = await getDb();
  const change = await findChange(db, member.organization.id, parsedKind.data, parsedId.data);
  if (!change) return { ok: false as const, refusal: await errorResponse({ code: 'not_found' }, { headers: noStore }) };
  return { ok: true as const, member, db, change };
}
