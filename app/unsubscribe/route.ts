import { getDb } from '@/db/client';
import { confirmUnsubscribe, showUnsubscribe, type UnsubscribeReply } from '@/lib/notifications/unsubscribe';
import { readFormPost } from '@/lib/survey/request';

// The daily mail's unsubscribe link, without a session: plain HTML from a route handler. GET only asks (mail
// scanners open links); the page's button posts the token back, and a one-click POST to the link itself works too.

function send(reply: UnsubscribeReply): Response {
  return new Response(reply.html, {
    status: reply.status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Robots-Tag': 'noindex',
    },
  });
}

export async function GET(request: Request) {
  return send(await showUnsubscribe(await getDb(), new URL(request.url).searchParams.get('token')));
}

export async function POST(request: Request) {
  const form = await readFormPost(request, 4096);
  const token = form?.get('token') ?? new URL(request.url).searchParams.get('token');
  return send(await confirmUnsubscribe(await getDb(), token));
}
