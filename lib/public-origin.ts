import 'server-only';
import { headers } from 'next/headers';
import { env } from '@/lib/env';
import { behindFrontDoor, FORWARDED_HOST_HEADER, FORWARDED_PROTO_HEADER } from '@/lib/http/forwarded.mjs';

const HOST = /^[a-z0-9.-]+(?::\d{1,5})?$|^\[[0-9a-f:.]+\](?::\d{1,5})?$/i;

/**
 * Where customers reach this server, for links that leave it (invitations, reset and survey links, the CSV export):
 * APP_URL when set; else the host and scheme a trusted proxy reported (our server passes them on only from
 * TRUSTED_PROXIES, never a client's X-Forwarded-Host, and only its own copy counts); else the Host this request
 * came to.
 */
export function originOf(requestHeaders: Headers, appUrl: string | undefined, frontDoor = behindFrontDoor()): string {
  if (appUrl) return appUrl.replace(/\/+$/, '');
  const forwarded = (name: string) => (frontDoor ? requestHeaders.get(name) : null);
  const host = forwarded(FORWARDED_HOST_HEADER) ?? requestHeaders.get('host') ?? '';
  const proto = forwarded(FORWARDED_PROTO_HEADER) === 'https' ? 'https' : 'http';
  return `${proto}://${HOST.test(host) ? host.toLowerCase() : 'localhost'}`;
}

/** This request's public origin (see originOf). */
export async function publicOrigin(): Promise<string> {
  return originOf(await headers(), env().APP_URL);
}
