import { readBody } from '@/lib/http/read-body';
import { requestSite } from '@/lib/http/same-site';

/**
 * What the public survey reads from the HTTP request itself: where the post came from and the body. The sender's
 * address is lib/http/client-address.ts's, which our own server vouches for.
 */

/**
 * Whether a post was sent by a page of another site (a form elsewhere that makes visitors' browsers answer). A
 * request that does not say where it comes from (a script) is not refused here: the rate limit is what stops scripts.
 */
export function isCrossSitePost(headers: Headers): boolean {
  return requestSite(headers) === 'cross';
}

/** A form post's fields, or null when it is not a url-encoded form or is larger than `maxBytes`. */
export async function readFormPost(request: Request, maxBytes = 32_768): Promise<URLSearchParams | null> {
  const type = request.headers.get('content-type')?.toLowerCase() ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) return null;
  const body = await readBody(request, maxBytes);
  return body === null ? null : new URLSearchParams(body);
}
