import { errorResponse } from './errors';

/**
 * Cookie-authenticated route handlers that change data are called only by our own pages. A browser sends the
 * session cookie with any request to this site, including one a page of another site makes it send (a form, a
 * `fetch` without credentials checks): such requests are refused by where the browser says they come from, and
 * by a body type that a page elsewhere cannot send without the browser asking this site first (CORS preflight).
 */

/**
 * Where the browser says a request comes from: a page of this site ('same'), a page elsewhere ('cross'), or it does
 * not say ('unknown': a typed address or bookmark, or a client that is no browser). Browsers say so in
 * Sec-Fetch-Site; older ones only send Origin, compared with the host the request came to. A page cannot set Host or
 * X-Forwarded-Host on the requests it makes a browser send, so comparing with them is safe.
 */
export function requestSite(headers: Headers): 'same' | 'cross' | 'unknown' {
  const site = headers.get('sec-fetch-site');
  if (site) return site === 'same-origin' ? 'same' : site === 'none' ? 'unknown' : 'cross';
  const origin = headers.get('origin');
  if (!origin) return 'unknown';
  if (origin === 'null') return 'cross';
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
  try {
    return new URL(origin).host === host ? 'same' : 'cross';
  } catch {
    return 'cross';
  }
}

/**
 * Whether the request surely comes from a page of this site. A request that does not say is refused: every browser
 * says it with a `fetch` POST, and other clients have no business with the session cookie.
 */
export function sentByThisSite(headers: Headers): boolean {
  return requestSite(headers) === 'same';
}

/** The body's media type, without parameters such as charset, in lower case. */
export function mediaTypeOf(headers: Headers): string {
  return (headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * The refusal of a data-changing request from another site (403) or with a body of another type than
 * `contentType` (415), or null when it may go on. Call it first, before the session is read.
 */
export async function refuseCrossSite(request: Request, contentType: string): Promise<Response | null> {
  if (!sentByThisSite(request.headers)) {
    return errorResponse({ code: 'forbidden', message: { key: 'errors.crossSite' } });
  }
  if (mediaTypeOf(request.headers) !== contentType) {
    return errorResponse(
      { code: 'invalid', message: { key: 'errors.contentType', values: { type: contentType } } },
      { status: 415 },
    );
  }
  return null;
}
