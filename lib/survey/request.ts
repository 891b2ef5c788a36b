import { readBody } from '@/lib/http/read-body';

/**
 * What the public survey reads from the HTTP request itself: where the post came from and the body. The sender's
 * address is lib/http/client-address.ts's, which our own server vouches for.
 */

/**
 * Whether a post was sent by a page of another site (a form elsewhere that makes visitors' browsers answer).
 * Browsers say so in Sec-Fetch-Site; older ones only send Origin, compared with the host the post came to.
 * A request with neither (a script) is not refused here: the rate limit is what stops scripts.
 */
export function isCrossSitePost(headers: Headers): boolean {
  const site = headers.get('sec-fetch-site');
  if (site) return site !== 'same-origin' && site !== 'none';
  const origin = headers.get('origin');
  if (!origin) return false;
  if (origin === 'null') return true;
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** A form post's fields, or null when it is not a url-encoded form or is larger than `maxBytes`. */
export async function readFormPost(request: Request, maxBytes = 32_768): Promise<URLSearchParams | null> {
  const type = request.headers.get('content-type')?.toLowerCase() ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) return null;
  const body = await readBody(request, maxBytes);
  return body === null ? null : new URLSearchParams(body);
}
