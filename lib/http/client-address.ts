/**
 * The header our own server (scripts/server.mjs) sets on every request to the client's address, worked out from the
 * socket and TRUSTED_PROXIES. The server removes any copy a client sends, so the app can believe it; without our
 * server (`next dev`) it is absent and every client counts as one unknown address.
 */
export const CLIENT_ADDRESS_HEADER = 'x-touchpoint-client-address';

export function clientAddress(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER)?.trim() || 'unknown';
}

/** The browser, as its User-Agent names it, cut to a length worth storing. */
export function userAgentOf(headers: Headers): string {
  return (headers.get('user-agent') ?? '').slice(0, 300);
}
