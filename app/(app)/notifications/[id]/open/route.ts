import { getDb } from '@/db/client';
import { currentMember } from '@/lib/auth/session';
import { markNotificationRead } from '@/lib/commands/notifications';
import { subjectPath } from '@/lib/domain/stored-notifications';
import { requestSite } from '@/lib/http/same-site';

type Context = { params: Promise<{ id: string }> };

const seeOther = (location: string) =>
  new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store' } });

/**
 * GET /notifications/<id>/open: the link of a stored notification. It marks the signed-in member's own notification
 * read and goes on to what it is about. Another person's or organization's id, or a link another site made the
 * browser follow, changes nothing and leads back to the list.
 */
export async function GET(request: Request, { params }: Context) {
  const { id } = await params;
  const member = await currentMember();
  if (!member) return seeOther(`/login?next=${encodeURIComponent(`/notifications/${id}/open`)}`);
  if (requestSite(request.headers) === 'cross') return seeOther('/notifications');
  const result = await markNotificationRead.execute(await getDb(), member.actor, { notificationId: id });
  return seeOther(result.ok ? subjectPath(result.data.subjectType, result.data.subjectId) : '/notifications');
}
