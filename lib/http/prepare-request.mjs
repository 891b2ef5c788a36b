// @ts-check
// What our server (scripts/server.mjs) does to every request before Next sees it: it says who the client is, drops
// headers the client has no business sending, and refuses an unauthenticated body over the limit before reading it.
// Plain JavaScript for plain node; prepare-request.d.mts types it.
import {
  CLIENT_ADDRESS_HEADER,
  FORWARDED_HOST_HEADER,
  FORWARDED_PROTO_HEADER,
  markFrontDoor,
  normaliseAddress,
  parseTrustedProxies,
  resolveClientAddress,
} from './forwarded.mjs';

/**
 * Headers only Next itself (or Vercel) may set between its own parts. A client sending them has tried to skip the
 * proxy (CVE-2025-29927) or to fake a rewrite or a prerender: dropped from every request, whoever sent it.
 */
const INTERNAL_PREFIXES = ['x-middleware-', 'x-invoke-', 'x-next-', 'x-now-', 'x-vercel-'];
const INTERNAL_HEADERS = [
  'x-matched-path',
  'x-nextjs-data',
  'x-nextjs-matched-path',
  'x-nextjs-postponed',
  'x-nextjs-prerender',
  'x-nextjs-rewritten-path',
  'x-nextjs-rewritten-query',
  'next-resume',
  'x-prerender-revalidate',
  'x-prerender-revalidate-if-generated',
];

/** What a proxy says about the original request: believed only from a trusted proxy. */
const PROXY_HEADERS = [
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-port',
  'forwarded',
  'x-real-ip',
];

/** Headers only our server sets: a client's copy never survives. */
const OWN_HEADERS = [CLIENT_ADDRESS_HEADER, FORWARDED_HOST_HEADER, FORWARDED_PROTO_HEADER];

/** Auth.js's session cookie, also when it is split in chunks (name.0, name.1, …). */
const SESSION_COOKIE = /^(?:__Secure-)?authjs\.session-token(?:\.\d+)?$/;

/** Routes that check their API key or cookie first and bound their bodies themselves (the API, the CSV import). */
const OWN_LIMIT_ROUTES = ['/api/v1', '/api/imports'];

/** Auth.js reads a whole body before any check, and a made-up cookie costs nothing: always bounded. */
const ALWAYS_BOUNDED_PREFIX = '/api/auth/';

const HOST = /^[a-z0-9.-]+(?::\d{1,5})?$|^\[[0-9a-f:.]+\](?::\d{1,5})?$/i;

/**
 * @typedef {object} ServerSettings
 * @property {import('./forwarded.mjs').TrustedProxies} trustedProxies
 * @property {number} publicBodyLimit bytes an unauthenticated request may send
 */

/**
 * The server's settings from the environment (the same names and defaults as lib/env.ts).
 * @param {Record<string, string | undefined>} environment
 * @returns {ServerSettings}
 * @throws {Error} on a value that makes no sense, with the setting's name
 */
export function serverSettings(environment) {
  const limitText = environment.PUBLIC_BODY_LIMIT?.trim() || '65536';
  const publicBodyLimit = /^\d+$/.test(limitText) ? Number(limitText) : NaN;
  if (!Number.isSafeInteger(publicBodyLimit) || publicBodyLimit < 1024) {
    throw new Error(`PUBLIC_BODY_LIMIT: "${limitText}" must be a number of bytes, at least 1024`);
  }
  return { trustedProxies: parseTrustedProxies(environment.TRUSTED_PROXIES), publicBodyLimit };
}

/**
 * @typedef {import('node:http').IncomingHttpHeaders} Headers
 * @typedef {{ method?: string, url?: string, headers: Headers, socket: { remoteAddress?: string } }} IncomingRequest
 * @typedef {{ status: 411 | 413, code: string, message: string }} Refusal
 * @typedef {object} Prepared
 * @property {Refusal | null} refusal answer this instead of passing the request on (its body unread)
 * @property {string} clientAddress the address the app will see
 * @property {boolean} untrustedForwardedFor X-Forwarded-For came from a peer we do not trust (and was dropped)
 */

/**
 * Rewrites the request's headers in place for the app, and says whether to refuse it.
 * @param {IncomingRequest} req
 * @param {ServerSettings} settings
 * @returns {Prepared}
 */
export function prepareRequest(req, settings) {
  const { headers } = req;
  for (const name of Object.keys(headers)) {
    if (INTERNAL_HEADERS.includes(name) || INTERNAL_PREFIXES.some((prefix) => name.startsWith(prefix))) {
      delete headers[name];
    }
  }
  for (const name of OWN_HEADERS) delete headers[name];

  const peer = normaliseAddress(req.socket.remoteAddress);
  const trustedPeer = settings.trustedProxies.has(peer);
  const forwardedFor = headers['x-forwarded-for'];
  const clientAddress = resolveClientAddress({
    peer: req.socket.remoteAddress,
    forwardedFor,
    trusted: settings.trustedProxies,
  });
  headers[CLIENT_ADDRESS_HEADER] = clientAddress;
  if (trustedPeer) {
    const host = firstValue(headers['x-forwarded-host']);
    if (host && HOST.test(host)) headers[FORWARDED_HOST_HEADER] = host.toLowerCase();
    const proto = firstValue(headers['x-forwarded-proto'])?.toLowerCase();
    if (proto === 'https' || proto === 'http') headers[FORWARDED_PROTO_HEADER] = proto;
  } else {
    // Next fills in its own X-Forwarded-* from the socket and Host when they are absent.
    for (const name of PROXY_HEADERS) delete headers[name];
  }

  return {
    refusal: bodyRefusal(req, settings.publicBodyLimit),
    clientAddress,
    untrustedForwardedFor: !trustedPeer && forwardedFor !== undefined,
  };
}

/** @param {string | string[] | undefined} value */
function firstValue(value) {
  const text = Array.isArray(value) ? value[0] : value;
  return text?.split(',')[0]?.trim() || undefined;
}

/**
 * Whether the request carries a session cookie (valid or not: the app checks that; this only picks the limit).
 * @param {string | undefined} cookieHeader
 */
export function hasSessionCookie(cookieHeader) {
  return (cookieHeader ?? '').split(';').some((pair) => {
    const at = pair.indexOf('=');
    return at > 0 && SESSION_COOKIE.test(pair.slice(0, at).trim()) && pair.slice(at + 1).trim() !== '';
  });
}

/**
 * An unauthenticated body over the limit (413), or of unknown length (411), outside the routes with limits of
 * their own. Decided from the headers alone, so nothing of the body is read.
 * @param {IncomingRequest} req
 * @param {number} limit
 * @returns {Refusal | null}
 */
function bodyRefusal(req, limit) {
  const length = req.headers['content-length'];
  const chunked = req.headers['transfer-encoding'] !== undefined;
  if (!chunked && (length === undefined || Number(length) <= limit)) return null;
  const path = pathOf(req.url);
  // A path with escapes, backslashes or dot segments could be routed differently from how it reads here (to
  // Auth.js, say): no exemption for it.
  const plain = !/[%\\]|\/\.\.?(?:\/|$)/.test((req.url ?? '').split('?')[0] ?? '');
  if (plain && OWN_LIMIT_ROUTES.some((route) => path === route || path.startsWith(`${route}/`))) return null;
  if (plain && !path.startsWith(ALWAYS_BOUNDED_PREFIX) && hasSessionCookie(req.headers.cookie)) return null;
  if (chunked) {
    return { status: 411, code: 'length_required', message: 'Send a Content-Length with the request body.' };
  }
  return { status: 413, code: 'too_large', message: `The request body is larger than ${limit} bytes.` };
}

/** @param {string | undefined} url */
function pathOf(url) {
  try {
    return new URL(url ?? '/', 'http://server.invalid').pathname;
  } catch {
    return '/';
  }
}

/**
 * The request listener of our server: prepares each request, answers a refusal itself (closing the connection, so
 * the body is never read), and hands everything else to `handle` (Next's request handler).
 * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void>} handle
 * @param {ServerSettings} settings
 * @param {{ warn: (message: string) => void, error: (message: string, error: unknown) => void }} log
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void}
 */
export function frontDoor(handle, settings, log) {
  markFrontDoor();
  let warned = false;
  return (req, res) => {
    const peer = req.socket.remoteAddress;
    const prepared = prepareRequest(req, settings);
    if (prepared.untrustedForwardedFor && !warned) {
      warned = true;
      log.warn(
        `A request from ${peer} came with X-Forwarded-For, which was ignored: ${peer} is not in TRUSTED_PROXIES. ` +
          'Behind a reverse proxy, set TRUSTED_PROXIES to its address, or every client counts as the proxy ' +
          '(sign-in throttling, the security page). This warning is shown once.',
      );
    }
    if (prepared.refusal) {
      refuse(req, res, prepared.refusal);
      return;
    }
    handle(req, res).catch((/** @type {unknown} */ error) => {
      log.error(`Request ${req.method} ${req.url} failed:`, error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end();
    });
  };
}

/**
 * Answers a refusal and closes the connection without reading the body; what the client already sent is drained
 * for a moment only, so it can read the answer instead of a reset.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {Refusal} refusal
 */
function refuse(req, res, refusal) {
  const body = JSON.stringify({ error: { code: refusal.code, message: refusal.message } });
  res.shouldKeepAlive = false;
  res.writeHead(refusal.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    connection: 'close',
  });
  res.end(body);
  const socket = req.socket;
  const cut = setTimeout(() => socket.destroy(), 1000);
  cut.unref();
  socket.once('close', () => clearTimeout(cut));
}
