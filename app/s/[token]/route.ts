import { getDb } from '@/db/client';
import { pageHeaders } from '@/lib/survey/html';
import { answerSurvey, refusedReply, showSurvey, type SurveyReply } from '@/lib/survey/public-survey';
import { clientAddress } from '@/lib/http/client-address';
import { isCrossSitePost, readFormPost } from '@/lib/survey/request';

// The public micro-survey: plain HTML from route handlers, so a customer's phone downloads no framework at all.
// No cookies and no session: the link's token is the only key, and it opens only its own question.

type Context = { params: Promise<{ token: string }> };

function send(reply: SurveyReply): Response {
  if (reply.location)
    return new Response(null, {
      status: reply.status,
      headers: { Location: reply.location, 'Cache-Control': 'no-store' },
    });
  const headers: Record<string, string> = { ...pageHeaders };
  if (reply.retryAfter) headers['Retry-After'] = String(reply.retryAfter);
  return new Response(reply.html, { status: reply.status, headers });
}

export async function GET(request: Request, { params }: Context) {
  const { token } = await params;
  return send(await showSurvey(await getDb(), token, new URL(request.url).searchParams));
}

export async function POST(request: Request, { params }: Context) {
  const { token } = await params;
  if (isCrossSitePost(request.headers)) return send(refusedReply('crossSite'));
  const form = await readFormPost(request);
  if (!form) return send(refusedReply('unreadable'));
  return send(await answerSurvey(await getDb(), { token, form, clientKey: clientAddress(request.headers) }));
}
