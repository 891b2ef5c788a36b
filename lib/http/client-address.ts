import { behindFrontDoor, CLIENT_ADDRESS_HEADER } from './forwarded.mjs';

/**
 * The client's address, as our own server (scripts/server.mjs) sets it on every request from the socket and
 * TRUSTED_PROXIES; the server removes any copy a client sends. Without our server (`next dev`, a bare `next start`)
 * nobody removes it, so it is not believed: every client counts as one unknown address.
 */
export function clientAddress(headers: Headers): string {
  return (behindFrontDoor() && headers.get(CLIENT_ADDRESS_HEADER)?.trim()) || 'unknown';
}

/** The browser, as its User-Agent names it, cut to a length worth storing. */
export function userAgentOf(headers: Headers): string {
  return (headers.get('user-agent') ?? '').slice(0, 300);
}
