// Types of prepare-request.mjs (plain JavaScript, so scripts/server.mjs can run it without a build).
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { TrustedProxies } from './forwarded.mjs';

export interface ServerSettings {
  trustedProxies: TrustedProxies;
  /** Bytes an unauthenticated request may send. */
  publicBodyLimit: number;
}

export interface IncomingRequest {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
  socket: { remoteAddress?: string };
}

export interface Refusal {
  status: 411 | 413;
  code: string;
  message: string;
}

export interface Prepared {
  /** Answer this instead of passing the request on (its body unread). */
  refusal: Refusal | null;
  /** The address the app will see. */
  clientAddress: string;
  /** X-Forwarded-For came from a peer we do not trust (and was dropped). */
  untrustedForwardedFor: boolean;
}

export declare function serverSettings(environment: Record<string, string | undefined>): ServerSettings;
export declare function prepareRequest(req: IncomingRequest, settings: ServerSettings): Prepared;
export declare function hasSessionCookie(cookieHeader: string | undefined): boolean;

type Listener = (req: IncomingMessage, res: ServerResponse) => void;
export declare function frontDoor(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  settings: ServerSettings,
  log: { warn(message: string): void; error(message: string, error: unknown): void },
): Listener;
