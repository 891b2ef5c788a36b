import 'server-only';
import { headers } from 'next/headers';
import { env } from '@/lib/env';

/** Where customers reach this server: APP_URL when set (behind a proxy), else the address this request came to. */
export async function publicOrigin(): Promise<string> {
  const configured = env().APP_URL;
  if (configured) return configured.replace(/\/$/, '');
  const h = await headers();
  return `${h.get('x-forwarded-proto') ?? 'http'}://${h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000'}`;
}
